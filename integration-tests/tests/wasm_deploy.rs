//! The one deployment routine on the optimized artifacts: all ten contracts (and the shares
//! code) stored in cosmwasm-vm, instantiated, wired, genesis run and everything handed to the
//! DAO — the same `btt_deploy::deploy::deploy` the main job runs on cw-multi-test.

use std::cell::RefCell;

use btt_deploy::chain::DeployChain;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::roles_config;
use btt_integration_tests::artifacts::read_artifact;
use btt_integration_tests::vm::WasmChain;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, CosmosMsg, Timestamp, Uint128, WasmMsg};
use cw20::{AllAccountsResponse, BalanceResponse, Cw20QueryMsg};

/// The real-wasm chain as a `DeployChain`.
struct VmDeploy {
    chain: RefCell<WasmChain>,
    deployer: Addr,
}

impl DeployChain for VmDeploy {
    fn chain_id(&self) -> String {
        "btt-vm-1".into()
    }

    fn deployer(&self) -> Addr {
        self.deployer.clone()
    }

    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
        let wasm = read_artifact(&contract.replace('-', "_"))?;
        Ok((self.chain.get_mut().store_code(&wasm), None))
    }

    fn instantiate(
        &mut self,
        code_id: u64,
        label: &str,
        msg: serde_json::Value,
        admin: Option<String>,
    ) -> anyhow::Result<Addr> {
        let msg = serde_json::to_vec(&msg)?;
        let admin = admin.map(Addr::unchecked);
        let deployer = self.deployer.clone();
        Ok(self
            .chain
            .get_mut()
            .instantiate_stored(&deployer, code_id, label, &msg, admin)?
            .0)
    }

    fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()> {
        let deployer = self.deployer.clone();
        let chain = self.chain.get_mut();
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr, msg, ..
            }) => chain
                .execute_json(&deployer, &Addr::unchecked(contract_addr), msg)
                .map(|_| ()),
            CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
                contract_addr,
                admin,
            }) => chain.update_admin(
                &deployer,
                &Addr::unchecked(contract_addr),
                &Addr::unchecked(admin),
            ),
            other => anyhow::bail!("{what}: not routed: {other:?}"),
        }
    }

    fn query(
        &self,
        contract: &Addr,
        msg: serde_json::Value,
    ) -> anyhow::Result<Option<serde_json::Value>> {
        let answer = self
            .chain
            .borrow_mut()
            .query_json(contract, &serde_json::to_vec(&msg)?)?;
        Ok(Some(serde_json::from_slice(answer.as_slice())?))
    }
}

fn config(chain: &WasmChain) -> GenesisConfig {
    roles_config(
        &|role: &str| chain.addr(role).to_string(),
        Timestamp::from_seconds(1_700_000_000),
    )
}

#[test]
fn the_deployment_routine_runs_on_the_optimized_artifacts() {
    let chain = WasmChain::new();
    let deployer = chain.addr("deployer");
    let config = config(&chain);
    let mut vm = VmDeploy {
        chain: RefCell::new(chain),
        deployer: deployer.clone(),
    };
    let deployment = btt_deploy::deploy::deploy(&mut vm, &config).unwrap();
    let mut chain = vm.chain.into_inner();
    let dao = deployment.dao.addr().clone();
    for (name, addr) in deployment.contracts() {
        assert_eq!(chain.admin_of(addr), Some(dao.clone()), "{name} admin");
    }
    for (name, addr) in deployment.contracts() {
        if matches!(name, "btt-token" | "btt-dao") {
            continue;
        }
        let ownership: cw_ownable::Ownership<Addr> = chain
            .query(addr, &btt_types::vesting::QueryMsg::Ownership {})
            .unwrap();
        assert_eq!(ownership.owner, Some(dao.clone()), "{name} owner");
    }
    // 21,000,000 BTT, all of it where genesis put it; the deployer keeps nothing.
    let token = deployment.token.addr().clone();
    let left: BalanceResponse = chain
        .query(
            &token,
            &Cw20QueryMsg::Balance {
                address: deployer.to_string(),
            },
        )
        .unwrap();
    assert_eq!(left.balance, Uint128::zero());
    let accounts: AllAccountsResponse = chain
        .query(
            &token,
            &Cw20QueryMsg::AllAccounts {
                start_after: None,
                limit: Some(30),
            },
        )
        .unwrap();
    let mut total = Uint128::zero();
    for account in accounts.accounts {
        let b: BalanceResponse = chain
            .query(&token, &Cw20QueryMsg::Balance { address: account })
            .unwrap();
        total += b.balance;
    }
    assert_eq!(total, TOTAL_SUPPLY);
    let vested: Uint128 = deployment
        .plan
        .schedules
        .iter()
        .map(|s| s.schedule.amount)
        .sum();
    let in_vesting: BalanceResponse = chain
        .query(
            &token,
            &Cw20QueryMsg::Balance {
                address: deployment.vesting.addr().to_string(),
            },
        )
        .unwrap();
    assert_eq!(in_vesting.balance, vested);
}
