//! The main job's 48-month walk. Month by month every beneficiary claims what has vested; the
//! institutions stake half of each claim with their lock tier; and once anyone holds voting
//! power, the DAO approves each Technical Development Foundation tranche by proposal (stake,
//! propose, vote, timelock, execute) the month before it falls due. At the months of the report
//! the unlocked and circulating BTT of every category are recorded.

use anyhow::ensure;
use btt_deploy::chain::EconomyChain;
use btt_types::allocation::{Category, PoolHolder, Release, ALLOCATION_TABLE};
use btt_types::depin;
use btt_types::points;
use btt_types::units::{format_btt, MONTH_SECONDS, TOTAL_SUPPLY, UBTT_PER_BTT};
use btt_types::vesting::Curve;
use cosmwasm_std::{Addr, CosmosMsg, Timestamp, Uint128};
use serde::Serialize;

use crate::care::{care_scenario, CareReport};
use crate::compute::{marketplace_scenario, ComputeReport};
use crate::governance::{advance, pass_proposal};
use crate::rwa::{mri_scenario, RwaReport};
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;

/// The months the report shows.
pub const REPORT_MONTHS: [u64; 9] = [0, 3, 6, 12, 24, 33, 36, 42, 48];

/// The lock tier (index into the suggested tiers) each institution stakes with.
pub fn lock_tier_of(category: Category) -> Option<u32> {
    match category {
        Category::BitHive => Some(5),
        Category::ChinaDigitalHealthcareGroup => Some(3),
        Category::BitWaveProtocolLabs => Some(4),
        Category::MDao => Some(2),
        Category::Web3Ventures => Some(1),
        Category::OtherInstitutionalInvestors => Some(0),
        _ => None,
    }
}

/// One category at one month.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryLine {
    pub category: Category,
    pub name: &'static str,
    /// Released by its vesting curve (0 for pools: their own contracts release them).
    pub unlocked: Uint128,
    /// Claimed out of vesting by the beneficiary (in its wallet or staked).
    pub circulating: Uint128,
}

/// The whole supply at one month.
#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    pub month: u64,
    pub lines: Vec<CategoryLine>,
    pub total_supply: Uint128,
    /// Held by btt-vesting: vested but unclaimed, and locked.
    pub in_vesting: Uint128,
    /// Paid to compute nodes by depin-rewards so far.
    pub mined: Uint128,
    /// Paid from the community pool so far (conversions and referral rewards).
    pub rewarded: Uint128,
    /// Held by depin-rewards.
    pub mining_pool: Uint128,
    /// Held by the community pool holder.
    pub community_pool: Uint128,
    /// Held by the DAO treasury (ecosystem fund and unallocated reserve).
    pub dao_treasury: Uint128,
    /// Total supply − vesting − pools − treasury.
    pub circulating: Uint128,
    /// Part of the circulating BTT staked in btt-staking.
    pub staked: Uint128,
}

/// A proposal the walk passed.
#[derive(Debug, Clone, Serialize)]
pub struct GovernanceEvent {
    pub month: u64,
    pub proposal_id: u64,
    pub title: String,
    /// Foundation tranches approved (indices from 0).
    pub tranches: Vec<u32>,
    pub yes_power: Uint128,
    pub total_power: Uint128,
}

/// The month the compute-marketplace scenario runs: the first institutions hold BTT by then.
pub const COMPUTE_MONTH: u64 = 6;
/// The month the patient-care scenario runs.
pub const CARE_MONTH: u64 = 7;
/// The month the asset-tokenization scenario runs.
pub const RWA_MONTH: u64 = 8;
/// The month token holders vote to lower the PayFi base fee.
pub const FEE_MONTH: u64 = 9;

/// The walk's record.
#[derive(Debug, Clone, Serialize)]
pub struct WalkReport {
    pub snapshots: Vec<Snapshot>,
    pub governance: Vec<GovernanceEvent>,
    pub compute: Option<ComputeReport>,
    pub care: Option<CareReport>,
    pub rwa: Option<RwaReport>,
    /// BTT unlocked by each vested category at every month 0..=48, in allocation-table order.
    pub unlock_curve: Vec<UnlockPoint>,
}

/// Unlocked BTT of the vested categories at one month.
#[derive(Debug, Clone, Serialize)]
pub struct UnlockPoint {
    pub month: u64,
    /// (category name, ubtt unlocked).
    pub unlocked: Vec<(String, Uint128)>,
}

fn unlock_point<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
    month: u64,
) -> anyhow::Result<UnlockPoint> {
    let mut unlocked = vec![];
    for row in ALLOCATION_TABLE.iter() {
        if let Some(&id) = deployment.schedule_ids.get(&row.category) {
            let status = deployment.vesting.schedule(&app.wrap(), id)?.status;
            unlocked.push((row.name.to_string(), status.vested));
        }
    }
    Ok(UnlockPoint { month, unlocked })
}

/// Walks 48 months from genesis. Checks at every snapshot that every BTT in circulation came
/// from a vesting claim or mining, less what flowed into the DAO treasury.
pub fn vesting_walk<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
) -> anyhow::Result<WalkReport> {
    walk_through(app, deployment, config, 48)
}

/// The walk from genesis through month `last` (its claims, scenarios and proposals included).
pub fn walk_through<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
    last: u64,
) -> anyhow::Result<WalkReport> {
    let institutions: Vec<(Category, Addr, u32)> = config
        .beneficiaries
        .iter()
        .filter_map(|(c, a)| lock_tier_of(*c).map(|tier| (*c, Addr::unchecked(a), tier)))
        .collect();
    let tdf = Category::TechnicalDevelopmentFoundation;
    let mut report = WalkReport {
        snapshots: vec![],
        governance: vec![],
        compute: None,
        care: None,
        rwa: None,
        unlock_curve: vec![],
    };
    for month in 0..=last {
        let time = config.start.plus_seconds(month * MONTH_SECONDS);
        if time > app.block_info().time {
            app.update_block(|block| {
                block.height += 1;
                block.time = time;
            });
        }
        claim_all(app, deployment, &institutions)?;
        report
            .unlock_curve
            .push(unlock_point(app, deployment, month)?);
        // Every month checks that BTT is conserved; the report keeps some months.
        let checked = snapshot(app, deployment, month)?;
        if REPORT_MONTHS.contains(&month) {
            report.snapshots.push(checked);
        }
        // Stakes count from the next block on.
        advance(app, 5);
        if month == COMPUTE_MONTH {
            report.compute = Some(marketplace_scenario(app, deployment, config)?);
        }
        if month == CARE_MONTH {
            report.care = Some(care_scenario(app, deployment, config)?);
        }
        if month == RWA_MONTH {
            report.rwa = Some(mri_scenario(app, deployment, config)?);
        }
        if month == FEE_MONTH {
            report.governance.push(lower_payfi_fee(
                app,
                deployment,
                config,
                &institutions,
                month,
            )?);
        }
        let next_month = config.start.plus_seconds((month + 1) * MONTH_SECONDS);
        let due =
            unapproved_tranches_due_by(app, deployment, deployment.schedule_ids[&tdf], next_month)?;
        let total_power = deployment
            .staking
            .total_power_at(&app.wrap(), app.block_info().height)?;
        if due.is_empty() || total_power.is_zero() {
            continue;
        }
        let Some(proposer) = proposer(app, deployment, &institutions)? else {
            continue;
        };
        let id = deployment.schedule_ids[&tdf];
        let msgs = due
            .iter()
            .map(|&t| deployment.vesting.approve_tranche_msg(id, t))
            .collect::<Result<Vec<CosmosMsg>, _>>()?;
        let voters: Vec<Addr> = institutions.iter().map(|(_, a, _)| a.clone()).collect();
        let title = tranche_title(&due);
        let passed = pass_proposal(app, deployment, &proposer, &title, msgs, &voters)?;
        report.governance.push(GovernanceEvent {
            month,
            proposal_id: passed.id,
            title,
            tranches: due,
            yes_power: passed.yes_power,
            total_power: passed.total_power,
        });
        claim_all(app, deployment, &[])?;
    }
    Ok(report)
}

/// The title of a proposal approving the foundation's tranches `due` (indices from 0).
pub fn tranche_title(due: &[u32]) -> String {
    format!(
        "Approve Technical Development Foundation tranche {}",
        due.iter()
            .map(|t| (t + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Token holders pass a proposal that lowers PayFi's base fee (staking priority 0) from 0.80% to
/// 0.70%; the DAO, owner of payfi, executes it.
fn lower_payfi_fee<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
    institutions: &[(Category, Addr, u32)],
    month: u64,
) -> anyhow::Result<GovernanceEvent> {
    let mut fees = config.payments.fees.clone();
    fees.by_priority[0] = btt_types::bps::Bps(70);
    let update = btt_types::payfi::ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
        fees: Some(fees.clone()),
        ..btt_types::payfi::ConfigUpdate::default()
    });
    let msg: CosmosMsg = cosmwasm_std::WasmMsg::Execute {
        contract_addr: deployment.payfi.to_string(),
        msg: cosmwasm_std::to_json_binary(&update)?,
        funds: vec![],
    }
    .into();
    let proposer = proposer(app, deployment, institutions)?
        .ok_or_else(|| anyhow::anyhow!("nobody can pay the proposal deposit"))?;
    let voters: Vec<Addr> = institutions.iter().map(|(_, a, _)| a.clone()).collect();
    let title = "Lower the PayFi base fee from 0.80% to 0.70%".to_string();
    let passed = pass_proposal(app, deployment, &proposer, &title, vec![msg], &voters)?;
    let now: btt_types::payfi::ConfigResponse = app
        .wrap()
        .query_wasm_smart(&deployment.payfi, &btt_types::payfi::QueryMsg::Config {})?;
    ensure!(now.fees == fees, "payfi's fees did not change");
    Ok(GovernanceEvent {
        month,
        proposal_id: passed.id,
        title,
        tranches: vec![],
        yes_power: passed.yes_power,
        total_power: passed.total_power,
    })
}

/// Every beneficiary claims what it can; institutions in `stakers` stake half of their claim.
fn claim_all<C: EconomyChain>(
    app: &mut C,
    deployment: &Deployment,
    stakers: &[(Category, Addr, u32)],
) -> anyhow::Result<()> {
    for (category, &id) in &deployment.schedule_ids {
        let res = deployment.vesting.schedule(&app.wrap(), id)?;
        let amount = res.status.claimable;
        if amount.is_zero() {
            continue;
        }
        let who = res.schedule.beneficiary;
        app.execute(who.clone(), deployment.vesting.claim_msg(id)?)?;
        if let Some((_, _, tier)) = stakers.iter().find(|(c, _, _)| c == category) {
            let half = amount.multiply_ratio(1u128, 2u128);
            if !half.is_zero() {
                app.execute(
                    who,
                    deployment
                        .staking
                        .stake_msg(&deployment.token, half, *tier)?,
                )?;
            }
        }
    }
    Ok(())
}

/// The first institution that can pay the deposit.
fn proposer<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
    institutions: &[(Category, Addr, u32)],
) -> anyhow::Result<Option<Addr>> {
    let deposit = deployment.dao.config(&app.wrap())?.deposit;
    for (_, addr, _) in institutions {
        if deployment.token.balance(&app.wrap(), addr)? >= deposit {
            return Ok(Some(addr.clone()));
        }
    }
    Ok(None)
}

fn unapproved_tranches_due_by<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
    id: u64,
    by: Timestamp,
) -> anyhow::Result<Vec<u32>> {
    let schedule = deployment.vesting.schedule(&app.wrap(), id)?.schedule;
    let Curve::Milestones { tranches } = schedule.curve else {
        return Ok(vec![]);
    };
    Ok(tranches
        .iter()
        .enumerate()
        .filter(|(_, t)| t.approved_at.is_none() && t.not_before <= by)
        .map(|(i, _)| i as u32)
        .collect())
}

fn snapshot<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
    month: u64,
) -> anyhow::Result<Snapshot> {
    let querier = app.wrap();
    let token = &deployment.token;
    let mut lines = vec![];
    for row in ALLOCATION_TABLE.iter() {
        let (unlocked, circulating) =
            match (row.release, deployment.schedule_ids.get(&row.category)) {
                (Release::Pool(_), _) | (_, None) => (Uint128::zero(), Uint128::zero()),
                (_, Some(&id)) => {
                    let status = deployment.vesting.schedule(&querier, id)?.status;
                    (status.vested, status.claimed)
                }
            };
        lines.push(CategoryLine {
            category: row.category,
            name: row.name,
            unlocked,
            circulating,
        });
    }
    let balance = |addr: &str| token.balance(&querier, addr);
    let total_supply = token.token_info(&querier)?.total_supply;
    let in_vesting = balance(deployment.vesting.addr().as_str())?;
    let mining_pool = balance(deployment.depin.as_str())?;
    // The pool's own books: the contract also holds partners' prepaid fees, which circulate.
    let pool: points::PoolResponse =
        querier.query_wasm_smart(&deployment.points, &points::QueryMsg::Pool {})?;
    let community_pool = pool.balance;
    let dao_treasury = balance(deployment.dao.addr().as_str())?;
    let staked = balance(deployment.staking.addr().as_str())?;
    let circulating = total_supply - in_vesting - mining_pool - community_pool - dao_treasury;
    // BTT enters circulation only by vesting claims, mining and the community pool's payouts,
    // and leaves it only into the DAO treasury (fees, kept deposits) or by burning.
    let claimed: Uint128 = lines.iter().map(|l| l.circulating).sum();
    let depin_state: depin::StateResponse =
        querier.query_wasm_smart(&deployment.depin, &depin::QueryMsg::State {})?;
    let mined = depin_state.paid;
    let treasury_at_genesis: Uint128 = deployment
        .plan
        .pools
        .iter()
        .filter(|p| p.holder == PoolHolder::DaoTreasury)
        .map(|p| p.amount)
        .sum();
    let into_treasury = dao_treasury.checked_sub(treasury_at_genesis)?;
    let rewarded = pool.converted + pool.referrals;
    let burned = TOTAL_SUPPLY - total_supply;
    ensure!(
        claimed + mined + rewarded == circulating + into_treasury + burned,
        "month {month}: {claimed} claimed + {mined} mined + {rewarded} rewarded != {circulating} circulating + {into_treasury} into the treasury + {burned} burned"
    );
    Ok(Snapshot {
        month,
        lines,
        total_supply,
        in_vesting,
        mined,
        rewarded,
        mining_pool,
        community_pool,
        dao_treasury,
        circulating,
        staked,
    })
}

/// Whole BTT, rounded down, with thousands separators (the JSON keeps exact ubtt).
fn whole(amount: Uint128) -> String {
    let floored = Uint128::new(amount.u128() - amount.u128() % UBTT_PER_BTT);
    format_btt(floored).trim_end_matches(".000000").to_string()
}

/// A row of the supply table: its label and how to read it from a snapshot.
type SupplyRow = (&'static str, fn(&Snapshot) -> Uint128);

/// The report: unlocked and circulating BTT per category, and the supply split, by month.
pub fn render(snapshots: &[Snapshot]) -> String {
    let mut out = String::new();
    let header = |out: &mut String, title: &str| {
        out.push_str(&format!("\n{title}\n{:<34}", "category"));
        for s in snapshots {
            out.push_str(&format!("{:>12}", format!("month {}", s.month)));
        }
        out.push('\n');
    };
    let line = |out: &mut String, label: &str, values: Vec<Uint128>| {
        out.push_str(&format!("{label:<34}"));
        for v in values {
            out.push_str(&format!("{:>12}", whole(v)));
        }
        out.push('\n');
    };
    let Some(first) = snapshots.first() else {
        return out;
    };
    header(
        &mut out,
        "Unlocked BTT (vested by the schedule; pools are released by their own contracts)",
    );
    for (i, l) in first.lines.iter().enumerate() {
        line(
            &mut out,
            l.name,
            snapshots.iter().map(|s| s.lines[i].unlocked).collect(),
        );
    }
    header(
        &mut out,
        "Circulating BTT (claimed out of vesting by the beneficiary, in its wallet or staked)",
    );
    for (i, l) in first.lines.iter().enumerate() {
        line(
            &mut out,
            l.name,
            snapshots.iter().map(|s| s.lines[i].circulating).collect(),
        );
    }
    header(&mut out, "Supply (whole BTT, rounded down)");
    let rows: [SupplyRow; 8] = [
        ("Total supply", |s| s.total_supply),
        ("Held by btt-vesting", |s| s.in_vesting),
        ("depin-rewards (mining pool)", |s| s.mining_pool),
        ("incentive-points (community pool)", |s| s.community_pool),
        ("DAO treasury", |s| s.dao_treasury),
        ("Circulating", |s| s.circulating),
        ("  of which staked", |s| s.staked),
        ("Mined so far (paid by depin)", |s| s.mined),
    ];
    for (label, pick) in rows.iter() {
        line(&mut out, label, snapshots.iter().map(pick).collect());
    }
    out
}
