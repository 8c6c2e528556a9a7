//! The embedded cw-multi-test chain: contract codes, a local genesis config, and the chain as a
//! [`DeployChain`] for the one deployment routine.

use std::collections::BTreeMap;

use btt_types::allocation::Category;
use btt_types::contracts::{Code, CodeIds};
use btt_types::dao::DaoContract;
use btt_types::staking::StakingContract;
use btt_types::token::TokenContract;
use btt_types::vesting::VestingContract;
use cosmwasm_std::{coin, Coin};
use cosmwasm_std::{Addr, CosmosMsg, Empty, Timestamp};
use cw_multi_test::{App, AppBuilder, Contract, ContractWrapper, Executor};

use crate::chain::DeployChain;
use crate::genesis::{
    suggested_points_rules, ComputeParams, GenesisConfig, GenesisPlan, GovernanceParams,
    PaymentParams, RwaParams,
};

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

/// An embedded chain with the [`native_funding`].
pub fn local_app() -> App {
    AppBuilder::new().build(|router, api, storage| {
        for (who, coin) in native_funding() {
            router
                .bank
                .init_balance(storage, &api.addr_make(who), vec![coin])
                .expect("minting USDC on the embedded chain");
        }
    })
}

/// What genesis left on the chain.
#[derive(Debug, Clone)]
pub struct Deployment {
    /// The chain deployed on.
    pub chain_id: String,
    /// Who signed the deployment.
    pub deployer: Addr,
    pub token: TokenContract,
    pub vesting: VestingContract,
    pub staking: StakingContract,
    pub dao: DaoContract,
    pub escrow: Addr,
    pub depin: Addr,
    pub points: Addr,
    pub payfi: Addr,
    pub nft: Addr,
    pub vaults: Addr,
    pub code_ids: CodeIds,
    /// SHA-256 of each uploaded code, by contract name (empty on the embedded chain, which runs
    /// the native code).
    pub checksums: BTreeMap<String, String>,
    /// The vesting schedule of each vested row.
    pub schedule_ids: BTreeMap<Category, u64>,
    pub plan: GenesisPlan,
}

impl Deployment {
    /// Every contract of the suite with its name.
    pub fn contracts(&self) -> [(&'static str, &Addr); 10] {
        [
            (Code::Token.name(), self.token.addr()),
            (Code::Vesting.name(), self.vesting.addr()),
            (Code::Staking.name(), self.staking.addr()),
            (Code::Dao.name(), self.dao.addr()),
            (Code::Escrow.name(), &self.escrow),
            (Code::Depin.name(), &self.depin),
            (Code::Points.name(), &self.points),
            (Code::Payfi.name(), &self.payfi),
            (Code::Nft.name(), &self.nft),
            (Code::Vaults.name(), &self.vaults),
        ]
    }
}

/// A genesis config for a local chain: one made-up address per role, vesting from `start`.
pub fn local_config(app: &App, start: Timestamp) -> GenesisConfig {
    roles_config(&|name: &str| app.api().addr_make(name).to_string(), start)
}

/// Every role [`roles_config`] asks an address for.
pub const ROLES: [&str; 14] = [
    "bithive",
    "china-digital-healthcare",
    "bitwave-protocol-labs",
    "m-dao",
    "web3-ventures",
    "other-institutions",
    "technical-foundation",
    "foundation-guardian",
    "arbiter",
    "oracle-1",
    "oracle-2",
    "oracle-3",
    "price-feeder",
    "appraiser",
];

/// A genesis config with `addr(role)` as the address of each role of [`ROLES`], vesting from
/// `start`.
pub fn roles_config(addr: &dyn Fn(&str) -> String, start: Timestamp) -> GenesisConfig {
    let beneficiaries = [
        (Category::BitHive, "bithive"),
        (
            Category::ChinaDigitalHealthcareGroup,
            "china-digital-healthcare",
        ),
        (Category::BitWaveProtocolLabs, "bitwave-protocol-labs"),
        (Category::MDao, "m-dao"),
        (Category::Web3Ventures, "web3-ventures"),
        (Category::OtherInstitutionalInvestors, "other-institutions"),
        (
            Category::TechnicalDevelopmentFoundation,
            "technical-foundation",
        ),
    ]
    .into_iter()
    .map(|(category, name)| (category, addr(name)))
    .collect();
    GenesisConfig {
        start,
        beneficiaries,
        governance: GovernanceParams::suggested(addr("foundation-guardian"), start),
        compute: ComputeParams::suggested(
            addr("arbiter"),
            vec![addr("oracle-1"), addr("oracle-2"), addr("oracle-3")],
        ),
        points: suggested_points_rules(),
        payments: PaymentParams::suggested(vec![addr("price-feeder")]),
        rwa: RwaParams::suggested(
            vec![addr("china-digital-healthcare")],
            vec![addr("appraiser")],
        ),
        fee_routes: crate::genesis::suggested_fee_routes(),
    }
}

/// The embedded chain as a [`DeployChain`]: codes are the contracts' native entry points.
pub struct MultiTestChain<'a> {
    /// The chain.
    pub app: &'a mut App,
    /// Who signs.
    pub deployer: Addr,
}

impl DeployChain for MultiTestChain<'_> {
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
pub fn deploy_genesis(
    app: &mut App,
    deployer: &Addr,
    config: &GenesisConfig,
) -> anyhow::Result<Deployment> {
    let mut chain = MultiTestChain {
        app,
        deployer: deployer.clone(),
    };
    crate::deploy::deploy(&mut chain, config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_config_asks_only_for_the_listed_roles() {
        let asked = std::cell::RefCell::new(vec![]);
        roles_config(
            &|role: &str| {
                asked.borrow_mut().push(role.to_string());
                format!("addr-{role}")
            },
            Timestamp::from_seconds(0),
        );
        for role in asked.borrow().iter() {
            assert!(ROLES.contains(&role.as_str()), "{role} is not in ROLES");
        }
    }
}
