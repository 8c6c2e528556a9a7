//! The embedded cw-multi-test chain: contract codes, a local genesis config, and the chain as a
//! [`DeployChain`] for the one deployment routine.

use btt_types::contracts::Code;
use cosmwasm_std::{coin, Coin};
use cosmwasm_std::{Addr, CosmosMsg, Empty, Storage, Timestamp};
use cw_multi_test::{App, AppBuilder, Contract, ContractWrapper, Executor};

use crate::chain::DeployChain;
use crate::deployment::Deployment;
use crate::genesis::GenesisConfig;
use crate::roles::roles_config;

/// A multi-test wrapper of a contract crate's entry points (`reply` where it has one).
macro_rules! contract_code {
    ($(#[$doc:meta])* $fn:ident, $krate:ident) => {
        $(#[$doc])*
        pub fn $fn() -> Box<dyn Contract<Empty>> {
            use $krate::contract as c;
            Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
        }
    };
    ($(#[$doc:meta])* $fn:ident, $krate:ident, reply) => {
        $(#[$doc])*
        pub fn $fn() -> Box<dyn Contract<Empty>> {
            use $krate::contract as c;
            Box::new(
                ContractWrapper::new(c::execute, c::instantiate, c::query)
                    .with_reply(c::reply)
                    .with_migrate(c::migrate),
            )
        }
    };
}

contract_code!(/// btt-token as a multi-test contract.
    token_code, btt_token);
contract_code!(/// btt-vesting as a multi-test contract.
    vesting_code, btt_vesting);
contract_code!(/// btt-staking as a multi-test contract.
    staking_code, btt_staking);
contract_code!(/// btt-dao as a multi-test contract.
    dao_code, btt_dao, reply);
contract_code!(/// compute-escrow as a multi-test contract.
    escrow_code, compute_escrow);
contract_code!(/// depin-rewards as a multi-test contract.
    depin_code, depin_rewards);
contract_code!(/// incentive-points as a multi-test contract.
    points_code, incentive_points);
contract_code!(/// payfi as a multi-test contract.
    payfi_code, payfi, reply);
contract_code!(/// rwa-nft as a multi-test contract.
    nft_code, rwa_nft);
contract_code!(/// rwa-shares (one per vault) as a multi-test contract.
    shares_code, rwa_shares);
contract_code!(/// rwa-fractionalizer as a multi-test contract.
    vaults_code, rwa_fractionalizer, reply);

/// The multi-test wrapper of `code`'s entry points.
pub fn contract_code(code: Code) -> Box<dyn Contract<Empty>> {
    match code {
        Code::Token => token_code(),
        Code::Vesting => vesting_code(),
        Code::Staking => staking_code(),
        Code::Dao => dao_code(),
        Code::Escrow => escrow_code(),
        Code::Depin => depin_code(),
        Code::Points => points_code(),
        Code::Payfi => payfi_code(),
        Code::Nft => nft_code(),
        Code::Shares => shares_code(),
        Code::Vaults => vaults_code(),
    }
}

/// Patients of the embedded chain, who hold native USDC to pay invoices with.
pub const PATIENTS: [&str; 2] = ["patient-alice", "patient-bob"];

/// Bidders in the MRI buyout, who hold native USDC.
pub const BUYERS: [&str; 2] = ["regional-hospital", "imaging-partners"];

/// The native coins the embedded chain starts with: 100,000 USDC for each patient and
/// 1,000,000 for each buyer.
pub fn native_funding() -> Vec<(&'static str, Coin)> {
    PATIENTS
        .iter()
        .map(|p| (*p, coin(100_000_000_000u128, "uusdc")))
        .chain(
            BUYERS
                .iter()
                .map(|b| (*b, coin(1_000_000_000_000u128, "uusdc"))),
        )
        .collect()
}

pub use crate::chain::AppOn;

/// An embedded chain with the [`native_funding`].
pub fn local_app() -> App {
    local_app_on(cosmwasm_std::testing::MockStorage::new())
}

/// [`local_app`] over `storage`.
pub fn local_app_on<S: Storage>(storage: S) -> AppOn<S> {
    AppBuilder::new()
        .with_storage(storage)
        .build(|router, api, storage| {
            for (who, coin) in native_funding() {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), vec![coin])
                    .expect("minting USDC on the embedded chain");
            }
        })
}

/// A genesis config for a local chain: one made-up address per role, vesting from `start`.
pub fn local_config<S: Storage>(app: &AppOn<S>, start: Timestamp) -> GenesisConfig {
    roles_config(&|name: &str| app.api().addr_make(name).to_string(), start)
}

/// The embedded chain as a [`DeployChain`]: codes are the contracts' native entry points.
pub struct MultiTestChain<'a, S: Storage = cosmwasm_std::testing::MockStorage> {
    /// The chain.
    pub app: &'a mut AppOn<S>,
    /// Who signs.
    pub deployer: Addr,
}

impl<S: Storage> DeployChain for MultiTestChain<'_, S> {
    fn chain_id(&self) -> String {
        self.app.block_info().chain_id
    }

    fn deployer(&self) -> Addr {
        self.deployer.clone()
    }

    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
        let code =
            Code::from_name(contract).ok_or_else(|| anyhow::anyhow!("no contract {contract}"))?;
        Ok((self.app.store_code(contract_code(code)), None))
    }

    fn instantiate(
        &mut self,
        code_id: u64,
        label: &str,
        msg: serde_json::Value,
        admin: Option<String>,
    ) -> anyhow::Result<Addr> {
        self.app
            .instantiate_contract(code_id, self.deployer.clone(), &msg, &[], label, admin)
    }

    fn execute(&mut self, msg: CosmosMsg, _what: &str) -> anyhow::Result<()> {
        self.app.execute(self.deployer.clone(), msg)?;
        Ok(())
    }

    fn query(
        &self,
        contract: &Addr,
        msg: serde_json::Value,
    ) -> anyhow::Result<Option<serde_json::Value>> {
        Ok(Some(self.app.wrap().query_wasm_smart(contract, &msg)?))
    }

    fn contract_admin(&self, contract: &Addr) -> anyhow::Result<Option<Option<String>>> {
        let info = self.app.wrap().query_wasm_contract_info(contract)?;
        Ok(Some(info.admin.map(String::from)))
    }

    fn code_checksum(&self, code_id: u64) -> anyhow::Result<Option<String>> {
        let info = self.app.wrap().query_wasm_code_info(code_id)?;
        Ok(Some(info.checksum.to_hex()))
    }
}

/// Runs [`deploy`](crate::deploy::deploy) on the embedded chain with `deployer` paying.
pub fn deploy_genesis<S: Storage>(
    app: &mut AppOn<S>,
    deployer: &Addr,
    config: &GenesisConfig,
) -> anyhow::Result<Deployment> {
    let mut chain = MultiTestChain {
        app,
        deployer: deployer.clone(),
    };
    crate::deploy::deploy(&mut chain, config)
}
