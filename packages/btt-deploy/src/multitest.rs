//! The genesis plan, run on an embedded cw-multi-test chain.

use std::collections::BTreeMap;

use anyhow::{ensure, Context};
use btt_types::allocation::Category;
use btt_types::token::TokenContract;
use btt_types::vesting::{self, VestingContract};
use cosmwasm_std::{Addr, Empty, Timestamp};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

use crate::genesis::{plan, token_instantiate_msg, GenesisConfig, GenesisPlan};

/// btt-token as a multi-test contract.
pub fn token_code() -> Box<dyn Contract<Empty>> {
    use btt_token::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// btt-vesting as a multi-test contract.
pub fn vesting_code() -> Box<dyn Contract<Empty>> {
    use btt_vesting::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// What genesis left on the chain.
#[derive(Debug, Clone)]
pub struct Deployment {
    pub token: TokenContract,
    pub vesting: VestingContract,
    pub token_code_id: u64,
    pub vesting_code_id: u64,
    /// The vesting schedule of each vested row.
    pub schedule_ids: BTreeMap<Category, u64>,
    pub plan: GenesisPlan,
}

/// A genesis config for a local chain: one made-up address per role, vesting from `start`.
pub fn local_config(app: &App, start: Timestamp) -> GenesisConfig {
    let addr = |name: &str| app.api().addr_make(name).to_string();
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
        mining_pool: addr("mining-pool"),
        community_pool: addr("community-pool"),
        dao_treasury: addr("dao"),
    }
}

/// Runs genesis: instantiates BTT with the whole supply to `deployer`, funds the vesting
/// schedules in one `Send`, transfers the pools, offers ownership of btt-vesting to the DAO
/// treasury (it accepts with `UpdateOwnership(AcceptOwnership)`), and checks the deployer ends
/// with 0 BTT.
pub fn deploy_genesis(
    app: &mut App,
    deployer: &Addr,
    config: &GenesisConfig,
) -> anyhow::Result<Deployment> {
    let plan = plan(config)?;
    let token_code_id = app.store_code(token_code());
    let vesting_code_id = app.store_code(vesting_code());
    let admin = Some(deployer.to_string());

    let token = app
        .instantiate_contract(
            token_code_id,
            deployer.clone(),
            &token_instantiate_msg(deployer.as_str(), Some(config.dao_treasury.clone())),
            &[],
            "btt-token",
            admin.clone(),
        )
        .context("instantiating btt-token")?;
    let token = TokenContract(token);

    let vesting = app
        .instantiate_contract(
            vesting_code_id,
            deployer.clone(),
            &vesting::InstantiateMsg {
                token: token.addr().to_string(),
                owner: None,
            },
            &[],
            "btt-vesting",
            admin,
        )
        .context("instantiating btt-vesting")?;
    let vesting = VestingContract(vesting);

    app.execute(
        deployer.clone(),
        vesting.fund_msg(&token, plan.vesting_total(), plan.new_schedules())?,
    )
    .context("funding the vesting schedules")?;
    for pool in &plan.pools {
        app.execute(
            deployer.clone(),
            token.transfer_msg(&pool.recipient, pool.amount)?,
        )
        .with_context(|| format!("sending the {:?} pool", pool.category))?;
    }
    app.execute_contract(
        deployer.clone(),
        vesting.addr().clone(),
        &vesting::ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
            new_owner: config.dao_treasury.clone(),
            expiry: None,
        }),
        &[],
    )
    .context("offering vesting ownership to the DAO")?;

    let left = token.balance(&app.wrap(), deployer)?;
    ensure!(
        left.is_zero(),
        "the deployer still holds {left} ubtt after genesis"
    );

    let mut schedule_ids = BTreeMap::new();
    for (i, planned) in plan.schedules.iter().enumerate() {
        let id = i as u64 + 1;
        let stored = vesting.schedule(&app.wrap(), id)?.schedule;
        ensure!(
            stored.category == planned.schedule.category && stored.total == planned.schedule.amount,
            "schedule {id} is not the {:?} row",
            planned.category
        );
        schedule_ids.insert(planned.category, id);
    }
    Ok(Deployment {
        token,
        vesting,
        token_code_id,
        vesting_code_id,
        schedule_ids,
        plan,
    })
}
