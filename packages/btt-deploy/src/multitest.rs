//! The genesis plan, run on an embedded cw-multi-test chain.

use std::collections::BTreeMap;

use anyhow::{ensure, Context};
use btt_types::allocation::{Category, PoolHolder};
use btt_types::bps::Bps;
use btt_types::compute::{self, FeeShare, PayoutSplit};
use btt_types::dao::{self, DaoContract};
use btt_types::depin;
use btt_types::staking::{self, StakingContract};
use btt_types::token::{self, TokenContract};
use btt_types::vesting::{self, VestingContract};
use cosmwasm_std::coins;
use cosmwasm_std::{Addr, CosmosMsg, Empty, Timestamp, WasmMsg};
use cw_multi_test::{App, AppBuilder, Contract, ContractWrapper, Executor};

use crate::genesis::{
    plan, suggested_points_rules, token_instantiate_msg, ComputeParams, GenesisConfig, GenesisPlan,
    GovernanceParams, PaymentParams, PoolHolders, RwaParams,
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

/// Patients of the embedded chain, who hold native USDC to pay invoices with.
pub const PATIENTS: [&str; 2] = ["patient-alice", "patient-bob"];

/// Bidders in the MRI buyout, who hold native USDC.
pub const BUYERS: [&str; 2] = ["regional-hospital", "imaging-partners"];

/// An embedded chain where the patients hold 100,000 USDC each and the buyers 1,000,000.
pub fn local_app() -> App {
    AppBuilder::new().build(|router, api, storage| {
        let funded = PATIENTS
            .iter()
            .map(|p| (*p, 100_000_000_000u128))
            .chain(BUYERS.iter().map(|b| (*b, 1_000_000_000_000u128)));
        for (who, amount) in funded {
            router
                .bank
                .init_balance(storage, &api.addr_make(who), coins(amount, "uusdc"))
                .expect("minting USDC on the embedded chain");
        }
    })
}

/// Code ids of the stored contracts.
#[derive(Debug, Clone, Copy)]
pub struct CodeIds {
    pub token: u64,
    pub vesting: u64,
    pub staking: u64,
    pub dao: u64,
    pub escrow: u64,
    pub depin: u64,
    pub points: u64,
    pub payfi: u64,
    pub nft: u64,
    pub shares: u64,
    pub vaults: u64,
}

/// What genesis left on the chain.
#[derive(Debug, Clone)]
pub struct Deployment {
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
    /// The vesting schedule of each vested row.
    pub schedule_ids: BTreeMap<Category, u64>,
    pub plan: GenesisPlan,
}

impl Deployment {
    /// Every contract of the suite with its name.
    pub fn contracts(&self) -> [(&'static str, &Addr); 10] {
        [
            ("btt-token", self.token.addr()),
            ("btt-vesting", self.vesting.addr()),
            ("btt-staking", self.staking.addr()),
            ("btt-dao", self.dao.addr()),
            ("compute-escrow", &self.escrow),
            ("depin-rewards", &self.depin),
            ("incentive-points", &self.points),
            ("payfi", &self.payfi),
            ("rwa-nft", &self.nft),
            ("rwa-fractionalizer", &self.vaults),
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
        escrow: app.store_code(escrow_code()),
        depin: app.store_code(depin_code()),
        points: app.store_code(points_code()),
        payfi: app.store_code(payfi_code()),
        nft: app.store_code(nft_code()),
        shares: app.store_code(shares_code()),
        vaults: app.store_code(vaults_code()),
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

    let (escrow, depin) = deploy_compute(app, deployer, config, &code_ids, &token, &staking, &dao)?;

    let (points, payfi) =
        deploy_payments(app, deployer, config, &code_ids, &token, &staking, &dao)?;

    let (nft, vaults) =
        crate::rwa::deploy_rwa(app, deployer, config, &code_ids, &token, &staking, &dao)?;

    let holders = PoolHolders {
        mining: depin.to_string(),
        community: points.to_string(),
        dao: dao.addr().to_string(),
    };
    let plan = plan(config, &holders)?;
    app.execute(
        deployer.clone(),
        vesting.fund_msg(&token, plan.vesting_total(), plan.new_schedules())?,
    )
    .context("funding the vesting schedules")?;
    for pool in &plan.pools {
        let msg = match pool.holder {
            PoolHolder::CommunityIncentives => token.send_msg(
                &pool.recipient,
                pool.amount,
                &btt_types::points::ReceiveMsg::FundPool {},
            )?,
            PoolHolder::MiningRewards => {
                token.send_msg(&pool.recipient, pool.amount, &depin::ReceiveMsg::Fund {})?
            }
            _ => token.transfer_msg(&pool.recipient, pool.amount)?,
        };
        app.execute(deployer.clone(), msg)
            .with_context(|| format!("sending the {:?} pool", pool.category))?;
    }

    let owned = [
        vesting.addr().clone(),
        staking.addr().clone(),
        escrow.clone(),
        depin.clone(),
        points.clone(),
        payfi.clone(),
        nft.clone(),
        vaults.clone(),
    ];
    let administered = [
        token.addr().clone(),
        vesting.addr().clone(),
        staking.addr().clone(),
        dao.addr().clone(),
        escrow.clone(),
        depin.clone(),
        points.clone(),
        payfi.clone(),
        nft.clone(),
        vaults.clone(),
    ];
    hand_over_to_dao(app, deployer, &token, &dao, &owned, &administered)?;

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
        escrow,
        depin,
        points,
        payfi,
        nft,
        vaults,
        code_ids,
        schedule_ids,
        plan,
    })
}

/// Instantiates depin-rewards (epoch 0 at genesis) and compute-escrow (fees: development fund
/// and reserve to the DAO, foundation to the foundation's address), and points depin at the
/// escrow.
fn deploy_compute(
    app: &mut App,
    deployer: &Addr,
    config: &GenesisConfig,
    code_ids: &CodeIds,
    token: &TokenContract,
    staking: &StakingContract,
    dao: &DaoContract,
) -> anyhow::Result<(Addr, Addr)> {
    let c = &config.compute;
    let admin = Some(deployer.to_string());
    let depin = app
        .instantiate_contract(
            code_ids.depin,
            deployer.clone(),
            &depin::InstantiateMsg {
                token: token.addr().to_string(),
                escrow: None,
                oracles: c.oracles.clone(),
                start: config.start,
                multipliers: c.multipliers.clone(),
                owner: None,
            },
            &[],
            "depin-rewards",
            admin.clone(),
        )
        .context("instantiating depin-rewards")?;
    let foundation = config
        .beneficiaries
        .get(&Category::TechnicalDevelopmentFoundation)
        .context("no foundation address")?;
    let fee = |label: &str, recipient: &str, bps: u16| FeeShare {
        label: label.into(),
        recipient: recipient.into(),
        share: Bps(bps),
    };
    let escrow = app
        .instantiate_contract(
            code_ids.escrow,
            deployer.clone(),
            &compute::InstantiateMsg {
                token: token.addr().to_string(),
                staking: staking.addr().to_string(),
                depin: Some(depin.to_string()),
                arbiter: c.arbiter.clone(),
                hardware_classes: c.hardware_classes.clone(),
                urgency: c.urgency.clone(),
                price_per_gb: c.price_per_gb,
                native_rates: vec![],
                split: PayoutSplit {
                    contributors: Bps(7_000),
                    fees: vec![
                        fee("development fund", dao.addr().as_str(), 1_500),
                        fee("foundation", foundation, 1_000),
                        fee("reserve", dao.addr().as_str(), 500),
                    ],
                },
                min_bond: c.min_bond,
                slash: c.slash,
                bond_unbonding_seconds: c.bond_unbonding_seconds,
                owner: None,
            },
            &[],
            "compute-escrow",
            admin,
        )
        .context("instantiating compute-escrow")?;
    execute(
        app,
        deployer,
        &depin,
        &depin::ExecuteMsg::UpdateConfig {
            oracles: None,
            multipliers: None,
            escrow: Some(escrow.to_string()),
        },
    )
    .context("pointing depin-rewards at the escrow")?;
    Ok((escrow, depin))
}

/// Instantiates incentive-points (fees to the DAO) and payfi (fees to the DAO, points awarded
/// through incentive-points), and points incentive-points at payfi for awards and clawbacks.
fn deploy_payments(
    app: &mut App,
    deployer: &Addr,
    config: &GenesisConfig,
    code_ids: &CodeIds,
    token: &TokenContract,
    staking: &StakingContract,
    dao: &DaoContract,
) -> anyhow::Result<(Addr, Addr)> {
    let admin = Some(deployer.to_string());
    let points = app
        .instantiate_contract(
            code_ids.points,
            deployer.clone(),
            &btt_types::points::InstantiateMsg {
                token: token.addr().to_string(),
                treasury: dao.addr().to_string(),
                payfi: None,
                rules: config.points.clone(),
                owner: None,
            },
            &[],
            "incentive-points",
            admin.clone(),
        )
        .context("instantiating incentive-points")?;
    let p = &config.payments;
    let payfi = app
        .instantiate_contract(
            code_ids.payfi,
            deployer.clone(),
            &btt_types::payfi::InstantiateMsg {
                token: token.addr().to_string(),
                staking: staking.addr().to_string(),
                points: Some(points.to_string()),
                treasury: dao.addr().to_string(),
                feeders: p.feeders.clone(),
                fees: p.fees.clone(),
                settlement_seconds: p.settlement_seconds,
                max_rate_age_seconds: p.max_rate_age_seconds,
                native_denoms: p.native_denoms.clone(),
                owner: None,
            },
            &[],
            "payfi",
            admin,
        )
        .context("instantiating payfi")?;
    execute(
        app,
        deployer,
        &points,
        &btt_types::points::ExecuteMsg::UpdateConfig {
            rules: None,
            payfi: Some(payfi.to_string()),
        },
    )
    .context("pointing incentive-points at payfi")?;
    Ok((points, payfi))
}

/// Ownership of the `owned` cw-ownable contracts (offered, then accepted through the DAO's
/// `AcceptOwnership`), the token's marketing role, and wasm admin of every `administered`
/// contract go to the DAO.
fn hand_over_to_dao(
    app: &mut App,
    deployer: &Addr,
    token: &TokenContract,
    dao: &DaoContract,
    owned: &[Addr],
    administered: &[Addr],
) -> anyhow::Result<()> {
    let offer = cw_ownable::Action::TransferOwnership {
        new_owner: dao.addr().to_string(),
        expiry: None,
    };
    for contract in owned {
        execute(
            app,
            deployer,
            contract,
            &vesting::ExecuteMsg::UpdateOwnership(offer.clone()),
        )
        .with_context(|| format!("offering ownership of {contract}"))?;
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
    for contract in administered {
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
