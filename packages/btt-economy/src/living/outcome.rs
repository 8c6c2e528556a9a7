//! The living economy's report, read back from the contracts: the month grid (unlocks, supply,
//! staking), mining by epoch, fees by stream and recipient, the revenue mix beside the paper's
//! two figures, node returns by scale beside the paper's ROI bands, stakers' APR, every
//! proposal and what became of it, and every message's outcomes.

use std::collections::BTreeMap;

use btt_deploy::chain::EconomyChain;
use btt_types::allocation::ALLOCATION_TABLE;
use btt_types::depin;
use btt_types::units::{MONTH_SECONDS, TOTAL_SUPPLY};
use cosmwasm_std::Uint128;
use serde::Serialize;

use super::assets::Held;
use super::assumptions::{Assumptions, Stream, END_2026, Q2_2025};
use super::ledger::Ledger;
use super::proposals::{Governance, ProposalOutcome};
use super::world::{NodeRole, Outcomes, World, USDC};
use super::RunParams;
use crate::report::{routed_fees, FeeLine};

/// The supply at one month of the grid.
#[derive(Debug, Clone, Serialize)]
pub struct MonthPoint {
    pub month: u64,
    /// Seconds since genesis: exactly `month × 2,629,746`.
    pub seconds: u64,
    /// Vested by each vested category's schedule (allocation-table order), ubtt.
    pub unlocked: Vec<(String, Uint128)>,
    pub total_supply: Uint128,
    pub burned: Uint128,
    pub in_vesting: Uint128,
    pub mining_pool: Uint128,
    pub community_pool: Uint128,
    pub dao_treasury: Uint128,
    /// Total supply less vesting, the pools and the treasury.
    pub circulating: Uint128,
    pub staked: Uint128,
    /// Paid by depin so far.
    pub mined: Uint128,
    /// Routed to stakers so far, ubtt and uusdc.
    pub staker_rewards_btt: Uint128,
    pub staker_rewards_uusdc: Uint128,
}

/// One closed epoch.
#[derive(Debug, Clone, Serialize)]
pub struct EpochPoint {
    pub epoch: u32,
    /// Scheduled emission, ubtt.
    pub emission: Uint128,
    /// Its budget: its emission plus the carry it released, ubtt.
    pub reward: Uint128,
    /// What its work pool paid (at most β of the nodes' clinic-job fees), ubtt.
    pub work_paid: Uint128,
    /// What its capacity pool paid (by verified capacity score), ubtt.
    pub capacity_paid: Uint128,
    /// The network's capacity score in it (the pool pays its whole budget from `S_min`).
    pub total_score: cosmwasm_std::Decimal256,
    /// Claimed by the nodes in the week after it closed (work at once, capacity rewards of
    /// earlier epochs as their lock ends), ubtt.
    pub paid: Uint128,
}

/// One revenue stream, measured beside the paper.
#[derive(Debug, Clone, Serialize)]
pub struct StreamMix {
    pub stream: Stream,
    pub name: &'static str,
    /// The paper's "ecosystem contribution" column, percent.
    pub paper_contribution_pct: u32,
    /// Shares of the paper's volume column, Q2 2025 and 2026, basis points.
    pub paper_volume_now_bps: u32,
    pub paper_volume_2026_bps: u32,
    /// Protocol fees the stream's contracts routed (BTT at the stated price, plus USDC), uusdc.
    pub fees_uusdc: Uint128,
    pub fees_bps: u32,
    /// What users paid into the stream, uusdc.
    pub gross_uusdc: Uint128,
    pub gross_bps: u32,
    /// Fees over gross volume, basis points.
    pub take_rate_bps: u32,
}

/// What an attacker of the twin ended with.
#[derive(Debug, Clone, Serialize)]
pub struct AttackerOutcome {
    pub name: &'static str,
    pub strategy: &'static str,
    /// What it put in (wash jobs' price, or the bond), ubtt.
    pub spent: Uint128,
    /// What came back from the rules it played: job pay, work rewards, capacity rewards, ubtt.
    pub got_back: Uint128,
    /// Its bond slashed, ubtt.
    pub slashed: Uint128,
    /// `got_back − spent − slashed`, ubtt (negative: it lost).
    pub net: i128,
    pub verdict: String,
}

/// The network the aggregate actors stood for at the end.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkPoint {
    /// Clinics by size.
    pub clinics: Vec<u64>,
    /// GPUs by class.
    pub gpus: BTreeMap<String, u64>,
    /// Seats the clinic groups paid for in all, and subscriptions in all.
    pub seats_paid: u64,
    pub subscriptions: u64,
}

/// Returns of one node scale.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReturn {
    pub scale: &'static str,
    pub nodes: u32,
    pub gpus_per_node: u32,
    /// Hardware plus the bond at the stated price, per node, uusdc.
    pub capital_uusdc: Uint128,
    /// Per node and month: job pay and mining less slashes, and running costs, uusdc.
    pub income_uusdc_month: Uint128,
    pub opex_uusdc_month: Uint128,
    /// Monthly return on capital, basis points (negative: a loss).
    pub roi_bps_month: i64,
    /// The same on the hardware alone, leaving the bond out.
    pub roi_hardware_bps_month: i64,
    pub paper_roi_pct: (u32, u32),
    /// Whether the measured return falls in the paper's band.
    pub in_paper_band: bool,
    pub mined: Uint128,
    pub job_pay: Uint128,
    pub job_pay_uusdc: Uint128,
    pub slashed: Uint128,
    pub jobs_done: u64,
    pub jobs_missed: u64,
    pub jobs_disputed: u64,
}

/// The stakers' year.
#[derive(Debug, Clone, Serialize)]
pub struct StakerYield {
    /// Claimed by the institutions over the run.
    pub rewards_btt: Uint128,
    pub rewards_uusdc: Uint128,
    /// Average staked over the months, ubtt.
    pub average_staked: Uint128,
    /// Rewards a year over the average stake, both at the stated price, basis points.
    pub apr_bps: u64,
}

/// The whole report (`out/report.json`).
#[derive(Debug, Clone, Serialize)]
pub struct LivingReport {
    pub params: RunParams,
    pub assumptions: Assumptions,
    /// Depin epochs closed, the emission they scheduled and what the nodes were paid.
    pub epochs_closed: u32,
    pub emission_scheduled_ubtt: Uint128,
    pub mined_ubtt: Uint128,
    /// Paid to nodes by closed epochs and not claimed yet: locked or claimable, ubtt.
    pub locked_ubtt: Uint128,
    /// What the work and the capacity pools paid in all, ubtt.
    pub work_paid_ubtt: Uint128,
    pub capacity_paid_ubtt: Uint128,
    /// Emission carried to later epochs (what the network could not use), released linearly.
    pub carried_ubtt: Uint128,
    pub transactions: u64,
    pub refused: u64,
    pub invariants_checked: u64,
    pub months: Vec<MonthPoint>,
    pub epochs: Vec<EpochPoint>,
    pub fees: Vec<FeeLine>,
    pub revenue_mix: Vec<StreamMix>,
    pub node_returns: Vec<NodeReturn>,
    pub stakers: StakerYield,
    pub proposals: Vec<ProposalOutcome>,
    /// Every message kind: executed, and refused by error.
    pub outcomes: BTreeMap<String, Outcomes>,
    pub ledger: Ledger,
    /// Assets tokenized, and how many of them are vaulted and bought out.
    pub assets: usize,
    pub vaults: usize,
    /// Where the contracts' rules do or do not produce the paper's figures, computed from the
    /// figures above and the genesis parameters.
    pub findings: Vec<String>,
    /// Every figure the paper states, measured and judged (the report's first table).
    pub paper_figures: Vec<super::paper::PaperFigure>,
    /// Every assumption with its source.
    pub assumptions_table: Vec<super::assumptions::Source>,
    /// The self-dealer and the faker.
    pub attackers: Vec<AttackerOutcome>,
    /// The network at the end.
    pub network: NetworkPoint,
}

/// The supply at month `m`, read from the contracts.
pub fn month_point<C: EconomyChain>(app: &C, w: &World, m: u64) -> anyhow::Result<MonthPoint> {
    let d = w.deployment;
    let q = app.wrap();
    let mut unlocked = vec![];
    for row in ALLOCATION_TABLE.iter() {
        if let Some(&id) = d.schedule_ids.get(&row.category) {
            let status = d.vesting.schedule(&q, id)?.status;
            unlocked.push((row.name.to_string(), status.vested));
        }
    }
    let balance = |addr: &cosmwasm_std::Addr| d.token.balance(&q, addr);
    let total_supply = d.token.token_info(&q)?.total_supply;
    let in_vesting = balance(d.vesting.addr())?;
    let mining_pool = balance(&d.depin)?;
    let pool: btt_types::points::PoolResponse =
        q.query_wasm_smart(&d.points, &btt_types::points::QueryMsg::Pool {})?;
    let dao_treasury = balance(d.dao.addr())?;
    let staking: btt_types::staking::TotalsResponse =
        q.query_wasm_smart(d.staking.addr(), &btt_types::staking::QueryMsg::Totals {})?;
    let deposited = |denom: &str| {
        staking
            .rewards
            .iter()
            .find(|r| r.denom == denom)
            .map_or(Uint128::zero(), |r| r.deposited)
    };
    let state: depin::StateResponse = q.query_wasm_smart(&d.depin, &depin::QueryMsg::State {})?;
    Ok(MonthPoint {
        month: m,
        seconds: super::seconds_since(w.config.start, app.block_info().time),
        unlocked,
        total_supply,
        burned: TOTAL_SUPPLY - total_supply,
        in_vesting,
        mining_pool,
        community_pool: pool.balance,
        dao_treasury,
        circulating: total_supply - in_vesting - mining_pool - pool.balance - dao_treasury,
        staked: staking.staked,
        mined: state.paid,
        staker_rewards_btt: deposited("btt"),
        staker_rewards_uusdc: deposited(USDC),
    })
}

/// The paper stream a fee stream belongs to.
fn paper_stream(fee_stream: &str) -> Option<Stream> {
    Some(match fee_stream {
        "compute" => Stream::Compute,
        "mint" | "revaluation" | "trade" | "premium" | "management" => Stream::Tokenization,
        "subscription" | "partner" | "redemption" => Stream::Incentives,
        "insurance" => Stream::Incentives,
        "payment_tier" | "analytics" | "conversion" => Stream::Payfi,
        _ => return None,
    })
}

pub(super) fn bps_of(part: Uint128, total: Uint128) -> u32 {
    if total.is_zero() {
        0
    } else {
        part.multiply_ratio(10_000u128, total).u128() as u32
    }
}

/// Reads the end of the run into the report.
pub fn report<C: EconomyChain>(
    app: &C,
    w: &World,
    gov: &Governance,
    assets: &[Held],
    months: Vec<MonthPoint>,
    invariants_checked: u64,
) -> anyhow::Result<LivingReport> {
    let d = w.deployment;
    let q = app.wrap();
    let price = Uint128::new(w.usdc_per_btt());
    let state: depin::StateResponse = q.query_wasm_smart(&d.depin, &depin::QueryMsg::State {})?;
    let mut epochs = vec![];
    for epoch in 0..state.closed_through {
        let e: depin::EpochResponse =
            q.query_wasm_smart(&d.depin, &depin::QueryMsg::Epoch { epoch })?;
        epochs.push(EpochPoint {
            epoch,
            emission: e.emission,
            reward: e.reward.unwrap_or_default(),
            work_paid: e.work_paid,
            capacity_paid: e.capacity_paid,
            total_score: e.total_score,
            paid: w
                .ledger
                .mined_by_epoch
                .get(&epoch)
                .copied()
                .unwrap_or_default(),
        });
    }
    // One line per stream, recipient and denom: every vault's shares are one "vault shares"
    // denom, in an order that does not depend on the vaults' addresses.
    let mut merged: BTreeMap<(String, String, String), Uint128> = BTreeMap::new();
    for f in routed_fees(app, d)? {
        *merged.entry((f.stream, f.recipient, f.denom)).or_default() += f.amount;
    }
    let fees: Vec<FeeLine> = merged
        .into_iter()
        .map(|((stream, recipient, denom), amount)| FeeLine {
            stream,
            recipient,
            denom,
            amount,
        })
        .collect();

    // The revenue mix: fees routed by each stream's contracts, beside the paper.
    let mut fees_by: BTreeMap<Stream, Uint128> = BTreeMap::new();
    for f in &fees {
        let Some(stream) = paper_stream(&f.stream) else {
            continue;
        };
        let uusdc = match f.denom.as_str() {
            "BTT" => f.amount * price,
            "USDC" => f.amount,
            _ => continue,
        };
        *fees_by.entry(stream).or_default() += uusdc;
    }
    let a = &w.assumptions;
    let fee_total: Uint128 = fees_by.values().copied().sum();
    let gross_total: Uint128 = w.ledger.gross_uusdc.values().copied().sum();
    let volume_at = |stream: Stream, month: f64| {
        a.volumes
            .iter()
            .find(|v| v.stream == stream)
            .map_or(0.0, |v| v.million_rmb_at(month))
    };
    let paper_share = |stream: Stream, month: f64| {
        let total: f64 = Stream::ALL.iter().map(|s| volume_at(*s, month)).sum();
        (volume_at(stream, month) / total * 10_000.0).round() as u32
    };
    let revenue_mix = Stream::ALL
        .iter()
        .map(|&stream| {
            let fees_uusdc = fees_by.get(&stream).copied().unwrap_or_default();
            let gross_uusdc = w
                .ledger
                .gross_uusdc
                .get(&stream)
                .copied()
                .unwrap_or_default();
            StreamMix {
                stream,
                name: stream.name(),
                paper_contribution_pct: a
                    .volumes
                    .iter()
                    .find(|v| v.stream == stream)
                    .map_or(0, |v| v.contribution_pct),
                paper_volume_now_bps: paper_share(stream, Q2_2025),
                paper_volume_2026_bps: paper_share(stream, END_2026),
                fees_uusdc,
                fees_bps: bps_of(fees_uusdc, fee_total),
                gross_uusdc,
                gross_bps: bps_of(gross_uusdc, gross_total),
                take_rate_bps: bps_of(fees_uusdc, gross_uusdc),
            }
        })
        .collect();

    // Node returns by scale.
    let mut node_returns = vec![];
    for (i, s) in a.nodes.iter().enumerate() {
        let nodes: Vec<_> = w
            .nodes
            .iter()
            .filter(|n| n.role == NodeRole::Sampled(i))
            .collect();
        let (mut mined, mut job_pay, mut slashed, mut job_pay_uusdc) = (
            Uint128::zero(),
            Uint128::zero(),
            Uint128::zero(),
            Uint128::zero(),
        );
        let (mut done, mut missed, mut disputed, mut weeks) = (0, 0, 0, 0u64);
        for n in &nodes {
            if let Some(e) = w.ledger.nodes.get(&n.name) {
                mined += e.mined;
                job_pay += e.job_pay;
                job_pay_uusdc += e.job_pay_uusdc;
                done += e.jobs_done;
                missed += e.jobs_missed;
                disputed += e.jobs_disputed;
                weeks += e.weeks;
            }
            if n.node_id != 0 {
                let node: btt_types::compute::Node = q.query_wasm_smart(
                    &d.escrow,
                    &btt_types::compute::QueryMsg::Node { node_id: n.node_id },
                )?;
                slashed += node.slashed;
            }
        }
        let node_months = (weeks * depin::EPOCH_SECONDS) / MONTH_SECONDS;
        let income = if node_months == 0 {
            Uint128::zero()
        } else {
            ((mined + job_pay).saturating_sub(slashed) * price + job_pay_uusdc)
                .multiply_ratio(1u128, u128::from(node_months))
        };
        let hardware = Uint128::new(u128::from(s.gpus) * u128::from(s.usdc_per_gpu) * 1_000_000);
        let capital = hardware + super::mining::bond_target(w.config, s.class, s.gpus) * price;
        let opex =
            Uint128::new(u128::from(s.gpus) * u128::from(s.opex_usdc_per_gpu_month) * 1_000_000);
        let roi = |base: Uint128| -> i64 {
            let net = income.u128() as i128 - opex.u128() as i128;
            (net * 10_000 / base.u128().max(1) as i128) as i64
        };
        let roi_bps_month = roi(capital);
        node_returns.push(NodeReturn {
            scale: s.name,
            nodes: nodes.len() as u32,
            gpus_per_node: s.gpus,
            capital_uusdc: capital,
            income_uusdc_month: income,
            opex_uusdc_month: opex,
            roi_bps_month,
            roi_hardware_bps_month: roi(hardware),
            paper_roi_pct: s.paper_roi_pct,
            in_paper_band: roi_bps_month >= i64::from(s.paper_roi_pct.0) * 100
                && roi_bps_month <= i64::from(s.paper_roi_pct.1) * 100,
            mined,
            job_pay,
            job_pay_uusdc,
            slashed,
            jobs_done: done,
            jobs_missed: missed,
            jobs_disputed: disputed,
        });
    }

    // Stakers: what they claimed a year over the average stake, at the stated price.
    let staked_sum: Uint128 = months.iter().map(|m| m.staked).sum();
    let average_staked = staked_sum.multiply_ratio(1u128, months.len().max(1) as u128);
    let rewards_value = w.ledger.staker_rewards_btt * price + w.ledger.staker_rewards_uusdc;
    let years_x12 = w.params.months.max(1);
    let apr_bps = if average_staked.is_zero() {
        0
    } else {
        rewards_value
            .multiply_ratio(
                10_000u128 * 12,
                (average_staked * price).u128() * u128::from(years_x12),
            )
            .u128() as u64
    };

    let report = LivingReport {
        params: w.params,
        assumptions: w.assumptions.clone(),
        epochs_closed: state.closed_through,
        emission_scheduled_ubtt: state.scheduled,
        mined_ubtt: state.paid,
        locked_ubtt: state.owed,
        work_paid_ubtt: state.work_paid,
        capacity_paid_ubtt: state.capacity_paid,
        carried_ubtt: state.carry,
        transactions: w.txs,
        refused: w.refused,
        invariants_checked,
        months,
        epochs,
        fees,
        revenue_mix,
        node_returns,
        stakers: StakerYield {
            rewards_btt: w.ledger.staker_rewards_btt,
            rewards_uusdc: w.ledger.staker_rewards_uusdc,
            average_staked,
            apr_bps,
        },
        proposals: gov.proposals.clone(),
        outcomes: w.outcomes.clone(),
        ledger: w.ledger.clone(),
        assets: assets.len(),
        vaults: assets.iter().filter(|a| a.vault.is_some()).count(),
        findings: vec![],
        paper_figures: vec![],
        assumptions_table: w
            .assumptions
            .sources()
            .into_iter()
            .chain(super::assumptions::genesis_sources(w.config))
            .collect(),
        attackers: attackers(app, w)?,
        network: NetworkPoint {
            clinics: w.network.clinics.iter().map(|c| c.round() as u64).collect(),
            gpus: w
                .network
                .gpus
                .iter()
                .map(|(k, v)| (k.clone(), v.round() as u64))
                .collect(),
            seats_paid: w.ledger.seats_paid,
            subscriptions: w.ledger.subscriptions,
        },
    };
    Ok(report)
}

/// What the self-dealer and the faker ended with, beside an honest home node.
fn attackers<C: EconomyChain>(app: &C, w: &World) -> anyhow::Result<Vec<AttackerOutcome>> {
    let d = w.deployment;
    let q = app.wrap();
    let mut out = vec![];
    let earned = |name: &str| {
        w.ledger.nodes.get(name).map_or(Uint128::zero(), |e| {
            e.job_pay + e.mined + e.job_pay_uusdc.multiply_ratio(1u128, w.usdc_per_btt())
        })
    };
    let node_state = |node_id: u64| -> anyhow::Result<(Uint128, Uint128)> {
        if node_id == 0 {
            return Ok((Uint128::zero(), Uint128::zero()));
        }
        let node: btt_types::compute::Node =
            q.query_wasm_smart(&d.escrow, &btt_types::compute::QueryMsg::Node { node_id })?;
        let pending: depin::PendingResponse =
            q.query_wasm_smart(&d.depin, &depin::QueryMsg::Pending { node_id })?;
        Ok((node.slashed, pending.amount + pending.locked))
    };
    // The honest home nodes: their earnings per node, the baseline of the self-dealer's.
    let homes: Vec<_> = w
        .nodes
        .iter()
        .filter(|n| n.role == NodeRole::Sampled(0))
        .collect();
    let honest: Uint128 = homes
        .iter()
        .map(|n| earned(&n.name))
        .sum::<Uint128>()
        .multiply_ratio(1u128, homes.len().max(1) as u128);
    if let Some(n) = w.nodes.iter().find(|n| n.role == NodeRole::SelfDealer) {
        let (slashed, _) = node_state(n.node_id)?;
        // What the wash jobs brought back: their 70% as job pay, and the work pool's rate of
        // each epoch on their protocol fees.
        let mut work = Uint128::zero();
        for (&epoch, &fees) in &w.ledger.wash_fees_by_epoch {
            let e: depin::EpochResponse =
                q.query_wasm_smart(&d.depin, &depin::QueryMsg::Epoch { epoch })?;
            if e.closed {
                let reward = cosmwasm_std::Decimal256::from_ratio(fees, 1u128) * e.work_rate;
                work += Uint128::try_from(reward.to_uint_floor())?;
            }
        }
        let got = w.ledger.wash_job_pay + work;
        let spent = w.ledger.wash_paid;
        // Its slashes are an honest home node's faults, not the wash's.
        let net = got.u128() as i128 - spent.u128() as i128;
        out.push(AttackerOutcome {
            name: "self-dealer",
            strategy: "runs a clinic and a home node (4 standard GPUs) and pays its own node for wash jobs on half its GPU-hours every week",
            spent,
            got_back: got,
            slashed,
            net,
            verdict: if net < 0 {
                format!(
                    "lost {:.2} BTT on {:.2} BTT of wash jobs: each returns 70% as job pay plus the work pool's rate (at most {:.0}%) on its 30% protocol fee; its capacity reward and honest jobs are a home node's, wash or not ({:.2} BTT earned besides the wash, an honest home node {:.2} BTT)",
                    (-net) as f64 / 1e6,
                    spent.u128() as f64 / 1e6,
                    f64::from(w.config.compute.payout.fee_cap.0) / 100.0,
                    (earned(&n.name).saturating_sub(w.ledger.wash_job_pay)).u128() as f64 / 1e6,
                    honest.u128() as f64 / 1e6,
                )
            } else {
                format!("GAINED {:.2} BTT by wash jobs", net as f64 / 1e6)
            },
        });
    }
    if let Some(n) = w.nodes.iter().find(|n| n.role == NodeRole::Faker) {
        let (slashed, owed) = node_state(n.node_id)?;
        let got = earned(&n.name) + owed;
        let spent = super::mining::bond_target(w.config, n.class, n.gpus);
        let net = got.u128() as i128 - slashed.u128() as i128;
        out.push(AttackerOutcome {
            name: "fake capacity",
            strategy: "declares 64 high-end GPUs (160 capacity units) it does not have, bonds them and answers the oracle's capacity challenge with a guess",
            spent,
            got_back: got,
            slashed,
            net,
            verdict: if net < 0 {
                format!(
                    "lost {:.0} BTT of bond at its first challenge and earned {:.2} BTT",
                    slashed.u128() as f64 / 1e6,
                    got.u128() as f64 / 1e6
                )
            } else {
                format!("GAINED {:.0} BTT", net as f64 / 1e6)
            },
        });
    }
    Ok(out)
}
