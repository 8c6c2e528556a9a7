//! The main job's deployment routine (`btt_deploy::deploy::deploy`) on the optimized artifacts:
//! [`WasmChain`] as a [`DeployChain`], and the whole suite deployed on it the way the embedded
//! chain deploys it, with the same roles and native funding.

use btt_deploy::chain::DeployChain;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::native_funding;
use btt_deploy::roles::roles_config;
use cosmwasm_std::{Addr, CosmosMsg, Timestamp, WasmMsg};

use crate::artifacts::read_artifact;
use crate::vm::WasmChain;

/// [`WasmChain`] as a [`DeployChain`]: codes are `artifacts/<contract>.wasm`, every transaction
/// is signed by `deployer`.
pub struct WasmDeploy<'a> {
    pub chain: &'a mut WasmChain,
    pub deployer: Addr,
}

impl DeployChain for WasmDeploy<'_> {
    fn chain_id(&self) -> String {
        btt_deploy::chain::EconomyChain::block_info(self.chain).chain_id
    }

    fn deployer(&self) -> Addr {
        self.deployer.clone()
    }

    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
        let wasm = read_artifact(&contract.replace('-', "_"))?;
        Ok((self.chain.store_code(&wasm), None))
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
        Ok(self
            .chain
            .instantiate_stored(&self.deployer, code_id, label, &msg, admin)?
            .0)
    }

    fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
                contract_addr,
                admin,
            }) => self.chain.update_admin(
                &self.deployer,
                &Addr::unchecked(contract_addr),
                &Addr::unchecked(admin),
            ),
            CosmosMsg::Wasm(WasmMsg::Execute { .. }) => {
                cw_multi_test::Executor::execute(self.chain, self.deployer.clone(), msg).map(|_| ())
            }
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
            .query_json(contract, &serde_json::to_vec(&msg)?)?;
        Ok(Some(serde_json::from_slice(answer.as_slice())?))
    }

    fn contract_admin(&self, contract: &Addr) -> anyhow::Result<Option<Option<String>>> {
        Ok(Some(self.chain.admin_of(contract).map(String::from)))
    }

    fn code_checksum(&self, code_id: u64) -> anyhow::Result<Option<String>> {
        Ok(Some(self.chain.code_checksum(code_id)?))
    }
}

/// A genesis config with the main job's roles on `chain`, vesting from `start`.
pub fn config(chain: &WasmChain, start: Timestamp) -> GenesisConfig {
    roles_config(&|role: &str| chain.addr(role).to_string(), start)
}

/// The embedded chain's native funding (patients' and buyers' USDC), then the whole suite
/// deployed from `deployer` by the main job's routine; vesting starts at the current block.
pub fn deploy_suite(chain: &mut WasmChain) -> anyhow::Result<(Deployment, GenesisConfig)> {
    for (who, coin) in native_funding() {
        chain.fund(&chain.addr(who), &[coin])?;
    }
    let config = config(chain, chain.block_time());
    let deployer = chain.addr("deployer");
    let mut deploy = WasmDeploy { chain, deployer };
    let deployment = btt_deploy::deploy::deploy(&mut deploy, &config)?;
    Ok((deployment, config))
}
