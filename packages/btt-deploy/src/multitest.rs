//! The genesis plan, run on an embedded cw-multi-test chain.

use std::collections::BTreeMap;

use anyhow::{ensure, Context};
use btt_types::allocation::Category;
use btt_types::dao::{self, DaoContract};
use btt_types::staking::{self, StakingContract};
use btt_types::token::{self, TokenContract};
use btt_types::vesting::{self, VestingContract};
use cosmwasm_std::{Addr, CosmosMsg, Empty, Timestamp, WasmMsg};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};

use crate::genesis::{plan, token_instantiate_msg, GenesisConfig, GenesisPlan, GovernanceParams};

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

/// btt-staking as a multi-test contract.
pub fn staking_code() -> Box<dyn Contract<Empty>> {
    use btt_staking::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query).with_migrate(c::migrate))
}

/// btt-dao as a multi-test contract.
pub fn dao_code() -> Box<dyn Contract<Empty>> {
    use btt_dao::contract as c;
    Box::new(
        ContractWrapper::new(c::execute, c::instantiate, c::query)
            .with_reply(c::reply)
            .with_migrate(c::migrate),
    )
}

/// Code ids of the stored contracts.
#[derive(Debug, Clone, Copy)]
pub struct CodeIds {
    pub token: u64,
    pub vesting: u64,
    pub staking: u64,
    pub dao: u64,
}

/// What genesis left on the chain.
#[derive(Debug, Clone)]
pub struct Deployment {
    pub token: TokenContract,
    pub vesting: VestingContract,
    pub staking: StakingContract,
    pub dao: DaoContract,
    pub code_ids: CodeIds,
    /// The vesting schedule of each vested row.
    pub schedule_ids: BTreeMap<Category, u64>,
    pub plan: GenesisPlan,
}

impl Deployment {
    /// Every contract of the suite with its name.
    pub fn contracts(&self) -> [(&'static str, &Addr); 4] {
        [
            ("btt-token", self.token.addr()),
            ("btt-vesting", self.vesting.addr()),
            ("btt-staking", self.staking.addr()),
            ("btt-dao", self.dao.addr()),
        ]
    }
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
        governance: GovernanceParams::suggested(addr("foundation-guardian"), start),
    }
}

fn execute(
    app: &mut App,
    sender: &Addr,
    contract: &Addr,
    msg: &(impl serde::Serialize + std::fmt::Debug),
) -> anyhow::Result<()> {
    app.execute_contract(sender.clone(), contract.clone(), msg, &[])?;
    Ok(())
}

/// Runs genesis with `deployer` paying for everything:
/// 1. stores and instantiates btt-token (the whole supply to the deployer), btt-vesting,
///    btt-staking and btt-dao, and points staking at the DAO;
/// 2. funds the vesting schedules in one `Send` and transfers the pools (ecosystem fund and
///    unallocated reserve to the DAO contract);
/// 3. hands the DAO ownership of vesting and staking (offered, then accepted through the DAO's
///    `AcceptOwnership`), the token's marketing role, and wasm admin of all four contracts;
/// 4. checks the deployer ends with 0 BTT and each schedule is its row.
pub fn deploy_genesis(
    app: &mut App,
    deployer: &Addr,
    config: &GenesisConfig,
) -> anyhow::Result<Deployment> {
    let code_ids = CodeIds {
        token: app.store_code(token_code()),
        vesting: app.store_code(vesting_code()),
        staking: app.store_code(staking_code()),
        dao: app.store_code(dao_code()),
    };
    let admin = Some(deployer.to_string());
    let gov = &config.governance;

    let token = app
        .instantiate_contract(
            code_ids.token,
            deployer.clone(),
            &token_instantiate_msg(deployer.as_str(), Some(deployer.to_string())),
            &[],
            "btt-token",
            admin.clone(),
        )
        .context("instantiating btt-token")?;
    let token = TokenContract(token);
    let vesting = app
        .instantiate_contract(
            code_ids.vesting,
            deployer.clone(),
            &vesting::InstantiateMsg {
                token: token.addr().to_string(),
                owner: None,
            },
            &[],
            "btt-vesting",
            admin.clone(),
        )
        .context("instantiating btt-vesting")?;
    let vesting = VestingContract(vesting);
    let staking = app
        .instantiate_contract(
            code_ids.staking,
            deployer.clone(),
            &staking::InstantiateMsg {
                token: token.addr().to_string(),
                lock_tiers: gov.lock_tiers.clone(),
                unbonding_seconds: gov.unbonding_seconds,
                fee_tiers: gov.fee_tiers.clone(),
                owner: None,
                dao: None,
            },
            &[],
            "btt-staking",
            admin.clone(),
        )
        .context("instantiating btt-staking")?;
    let staking = StakingContract(staking);
    let dao = app
        .instantiate_contract(
            code_ids.dao,
            deployer.clone(),
            &dao::InstantiateMsg {
                token: token.addr().to_string(),
                staking: staking.addr().to_string(),
                voting_period_seconds: gov.voting_period_seconds,
                timelock_seconds: gov.timelock_seconds,
                deposit: gov.deposit,
                rules: gov.rules.clone(),
                guardian: Some(gov.guardian.clone()),
                guardian_sunset: Some(gov.guardian_sunset),
            },
            &[],
            "btt-dao",
            admin,
        )
        .context("instantiating btt-dao")?;
    let dao = DaoContract(dao);
    execute(
        app,
        deployer,
        staking.addr(),
        &staking::ExecuteMsg::UpdateConfig {
            lock_tiers: None,
            unbonding_seconds: None,
            fee_tiers: None,
            dao: Some(dao.addr().to_string()),
        },
    )
    .context("pointing staking at the DAO")?;

    let plan = plan(config, dao.addr().as_str())?;
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

    hand_over_to_dao(app, deployer, &token, &vesting, &staking, &dao)?;

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
        staking,
        dao,
        code_ids,
        schedule_ids,
        plan,
    })
}

/// Ownership of vesting and staking, the token's marketing role and wasm admin of every
/// contract go to the DAO.
fn hand_over_to_dao(
    app: &mut App,
    deployer: &Addr,
    token: &TokenContract,
    vesting: &VestingContract,
    staking: &StakingContract,
    dao: &DaoContract,
) -> anyhow::Result<()> {
    let offer = cw_ownable::Action::TransferOwnership {
        new_owner: dao.addr().to_string(),
        expiry: None,
    };
    execute(
        app,
        deployer,
        vesting.addr(),
        &vesting::ExecuteMsg::UpdateOwnership(offer.clone()),
    )?;
    execute(
        app,
        deployer,
        staking.addr(),
        &staking::ExecuteMsg::UpdateOwnership(offer),
    )?;
    for contract in [vesting.addr(), staking.addr()] {
        execute(
            app,
            deployer,
            dao.addr(),
            &dao::ExecuteMsg::AcceptOwnership {
                contract: contract.to_string(),
            },
        )
        .with_context(|| format!("the DAO accepting ownership of {contract}"))?;
    }
    execute(
        app,
        deployer,
        token.addr(),
        &token::ExecuteMsg::UpdateMarketing {
            project: None,
            description: None,
            marketing: Some(dao.addr().to_string()),
        },
    )?;
    for contract in [token.addr(), vesting.addr(), staking.addr(), dao.addr()] {
        let msg: CosmosMsg = WasmMsg::UpdateAdmin {
            contract_addr: contract.to_string(),
            admin: dao.addr().to_string(),
        }
        .into();
        app.execute(deployer.clone(), msg)
            .with_context(|| format!("making the DAO wasm admin of {contract}"))?;
    }
    Ok(())
}
