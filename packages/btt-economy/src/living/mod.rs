//! The living economy: a seeded, deterministic, agent-based run of the whole deployed suite,
//! every week for 48 months (or `--months`), at `--scale` times the default population.
//!
//! - [`assumptions`]: every assumption, in one place (the paper's volumes, prices, hardware).
//! - [`world`]: the actors and the one way they send a transaction.
//! - [`market`]: compute jobs, nodes, oracles, epochs and mining, every week.
//! - [`patients`]: points and payments, every week; redemptions and conversions every month.
//! - [`assets`]: tokenization, shares, income, revaluation and a buyout, every month.
//! - [`proposals`]: tranches, fee changes, a grant and a vetoed spend, voted while the economy
//!   runs.
//! - [`checks`]: the invariants checked at every month's start.
//! - [`outcome`]: the report read back from the contracts at the end; [`findings`]: where the
//!   rules meet or miss the paper; [`summary`] and [`html`]: the report printed and as a page.
//!
//! The clock: month `m` starts at exactly `start + m × 2,629,746 s` (nothing of month `m − 1`
//! may run past it), and week `k`'s work starts at `start + k × 7 days`, the start of depin
//! epoch `k`.

pub mod assets;
pub mod assumptions;
pub mod checks;
pub mod findings;
pub mod html;
pub mod ledger;
pub mod market;
pub mod mining;
pub mod outcome;
pub mod paper;
pub mod patients;
pub mod proposals;
pub mod summary;
pub mod world;

use anyhow::{ensure, Context};
use btt_deploy::chain::EconomyChain;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_types::depin::EPOCH_SECONDS;
use btt_types::units::MONTH_SECONDS;
use cosmwasm_std::{Timestamp, Uint128};
use serde::Serialize;

use self::assets::Held;
use self::assumptions::Assumptions;
use self::proposals::Governance;
use self::world::{Faucet, World};

/// What a run is asked for.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RunParams {
    /// Months from genesis.
    pub months: u64,
    /// The seed of every random choice.
    pub seed: u64,
    /// Multiplies the population and the sampled demand.
    pub scale: u32,
}

impl Default for RunParams {
    fn default() -> Self {
        Self {
            months: 48,
            seed: 2025,
            scale: 1,
        }
    }
}

/// How far a run is, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Months done (fractional).
    pub month: f64,
    pub months: u64,
    /// Transactions executed so far.
    pub txs: u64,
}

/// One scheduled piece of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Work {
    /// A month's start (read exactly on the grid).
    Month(u64),
    /// A week's compute market, at its epoch's start.
    Market(u64),
    /// A week's patients and payments, two days in.
    Care(u64),
    /// Settlement and governance, three days in.
    Late(u64),
}

/// The month's grid time: `start + month × 2,629,746 s`, to the nanosecond of `start`.
pub fn month_time(start: Timestamp, month: u64) -> Timestamp {
    start.plus_seconds(month * MONTH_SECONDS)
}

/// The run's schedule, in time order (a month's start before a week's work at the same
/// second), to the nanosecond of `start`.
fn schedule(start: Timestamp, months: u64) -> Vec<(Timestamp, Work)> {
    let end = months * MONTH_SECONDS;
    let mut work: Vec<(u64, Work)> = (0..=months)
        .map(|m| (m * MONTH_SECONDS, Work::Month(m)))
        .collect();
    let mut week = 0;
    while week * EPOCH_SECONDS < end {
        let t = week * EPOCH_SECONDS;
        for (offset, w) in [
            (60, Work::Market(week)),
            (2 * 86_400, Work::Care(week)),
            (3 * 86_400, Work::Late(week)),
        ] {
            if t + offset < end {
                work.push((t + offset, w));
            }
        }
        week += 1;
    }
    work.sort();
    work.into_iter()
        .map(|(t, w)| (start.plus_seconds(t), w))
        .collect()
}

/// Moves the clock to `time` (one block later); with `exact`, fails if it is already past it.
fn set_clock<C: EconomyChain>(app: &mut C, time: Timestamp, exact: bool) -> anyhow::Result<()> {
    let now = app.block_info().time;
    if exact {
        ensure!(
            now <= time,
            "the clock is at {now}, past the month's start {time}"
        );
    }
    if time > now {
        app.update_block(|b| {
            b.time = time;
            b.height += 1;
        });
    }
    Ok(())
}

/// Seconds from `start` to `now`, exactly when both carry the same nanoseconds.
pub fn seconds_since(start: Timestamp, now: Timestamp) -> u64 {
    (now.nanos() - start.nanos()) / 1_000_000_000
}

/// The genesis config of a run on the embedded chain: the local roles, plus launch grants out of
/// the Ecosystem Development Fund for the capacity bonds of the run's nodes (at `scale`) and
/// the oracles' challenge budgets, so mining starts in epoch 0.
pub fn genesis_config<S: cosmwasm_std::Storage>(
    app: &btt_deploy::multitest::AppOn<S>,
    start: Timestamp,
    scale: u32,
) -> GenesisConfig {
    let mut config = btt_deploy::multitest::local_config(app, start);
    let addr = |name: &str| app.api().addr_make(name).to_string();
    config.launch_grants = mining::launch_grants(&config, &Assumptions::paper(), scale, &addr);
    config
}

/// Runs the economy on a deployed suite under the paper's assumptions; `progress` hears of
/// every piece of work done.
pub fn run<C: EconomyChain + Faucet>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
    params: RunParams,
    progress: &mut dyn FnMut(Progress),
) -> anyhow::Result<outcome::LivingReport> {
    run_with(
        app,
        deployment,
        config,
        params,
        Assumptions::paper(),
        progress,
    )
}

/// [`run`] under other `assumptions` (a short run that still sees a buyout, say).
pub fn run_with<C: EconomyChain + Faucet>(
    app: &mut C,
    deployment: &Deployment,
    config: &GenesisConfig,
    params: RunParams,
    assumptions: Assumptions,
    progress: &mut dyn FnMut(Progress),
) -> anyhow::Result<outcome::LivingReport> {
    let mut w = World::new(app, deployment, config, params, assumptions)?;
    let mut gov = Governance::default();
    let mut assets: Vec<Held> = vec![];
    let mut missed = vec![];
    let mut months = vec![];
    let mut invariants_checked = 0u64;
    let start = config.start;
    w.size_network(0.0);
    for (time, work) in schedule(start, params.months) {
        set_clock(app, time, matches!(work, Work::Month(_)))?;
        let month_f =
            (app.block_info().time.seconds() - start.seconds()) as f64 / MONTH_SECONDS as f64;
        match work {
            Work::Month(m) => {
                w.ledger.month = m;
                mining::close_and_claim(app, &mut w)?;
                patients::settle_all(app, &mut w)?;
                institutions_claim(app, &mut w)?;
                market_stake(app, &mut w)?;
                months.push(outcome::month_point(app, &w, m)?);
                invariants_checked += u64::from(
                    checks::check_month(app, deployment, m, &w.partner)
                        .with_context(|| format!("the invariants of month {m}"))?,
                );
                if m == params.months {
                    break;
                }
                crate::governance::advance(app, 5);
                gov.month_start(app, &mut w, m)?;
                w.size_network(m as f64);
                mining::grow_network(app, &mut w, m as f64)?;
                patients::insurer_month(app, &mut w, m as f64)?;
                if m > 0 {
                    patients::month(app, &mut w)?;
                    assets::month(app, &mut w, m, &mut assets)?;
                }
            }
            Work::Market(_) => {
                let last_week = std::mem::take(&mut missed);
                market::expire_missed(app, &mut w, last_week)?;
                market::top_up_bonds(app, &mut w)?;
                mining::close_and_claim(app, &mut w)?;
                market::register_nodes(app, &mut w)?;
                mining::challenge(app, &mut w)?;
                missed = market::post_and_run_jobs(app, &mut w, month_f)?;
                mining::attest(app, &mut w)?;
            }
            Work::Care(_) => {
                if !w.partner_registered {
                    w.partner_registered = patients::register_partner(app, &mut w)?;
                }
                patients::post_rates(app, &mut w)?;
                patients::renew_subscriptions(app, &mut w)?;
                patients::week(app, &mut w, month_f)?;
            }
            Work::Late(_) => {
                patients::settle_all(app, &mut w)?;
                gov.execute_ready(app, &mut w)?;
                market::sell_earnings(app, &mut w)?;
            }
        }
        progress(Progress {
            month: month_f,
            months: params.months,
            txs: w.txs,
        });
    }
    let mut report = outcome::report(app, &w, &gov, &assets, months, invariants_checked)?;
    report.findings = findings::findings(&report, &w);
    report.paper_figures = paper::figures(&report, &w);
    Ok(report)
}

/// Every beneficiary claims what has vested; each institution stakes half of its claim with its
/// lock tier, keeps two proposal deposits liquid and sells the rest to the desk. The stakers
/// claim their fee rewards.
fn institutions_claim<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let d = w.deployment;
    let deposit = d.dao.config(&app.wrap())?.deposit;
    for (category, &id) in &d.schedule_ids {
        let res = d.vesting.schedule(&app.wrap(), id)?;
        let amount = res.status.claimable;
        if amount.is_zero() {
            continue;
        }
        let who = res.schedule.beneficiary;
        w.must(app, &who, d.vesting.claim_msg(id)?, "a vesting claim")?;
        let Some(inst) = w
            .institutions
            .iter()
            .find(|i| i.category == *category)
            .cloned()
        else {
            continue;
        };
        let half = amount.multiply_ratio(1u128, 2u128);
        if !half.is_zero() {
            w.must(
                app,
                &who,
                d.staking.stake_msg(&d.token, half, inst.tier)?,
                "staking half a claim",
            )?;
        }
        let liquid = d.token.balance(&app.wrap(), &who)?;
        let keep = deposit * Uint128::new(2);
        w.sell_btt(app, &who, liquid.saturating_sub(keep))?;
    }
    let staking = d.staking.addr().clone();
    for i in w.institutions.clone() {
        let staker: btt_types::staking::StakerResponse = app.wrap().query_wasm_smart(
            &staking,
            &btt_types::staking::QueryMsg::Staker {
                address: i.addr.to_string(),
            },
        )?;
        if staker.rewards.iter().all(|r| r.amount.is_zero()) {
            continue;
        }
        let btt_before = d.token.balance(&app.wrap(), &i.addr)?;
        let usdc_before = app.wrap().query_balance(&i.addr, world::USDC)?.amount;
        let claim = btt_types::staking::ExecuteMsg::ClaimRewards {};
        if w.exec(app, &i.addr, &staking, &claim, &[])?.is_some() {
            w.ledger.staker_rewards_btt += d.token.balance(&app.wrap(), &i.addr)? - btt_before;
            w.ledger.staker_rewards_uusdc +=
                app.wrap().query_balance(&i.addr, world::USDC)?.amount - usdc_before;
        }
    }
    Ok(())
}

/// The desk's BTT the market keeps liquid for clinics, nodes and bonds.
pub const DESK_FLOAT: Uint128 = btt_types::units::btt(200_000);

/// The market's stakers (the holders outside the institutions, one aggregate actor) buy half
/// of what the desk holds beyond its float and stake it without a lock, and claim their fee
/// rewards: stake follows the circulating supply, as it would on a real market.
fn market_stake<C: EconomyChain>(app: &mut C, w: &mut World) -> anyhow::Result<()> {
    let d = w.deployment;
    let who = w.market_stakers.clone();
    let desk = d.token.balance(&app.wrap(), &w.desk)?;
    let buy = desk.saturating_sub(DESK_FLOAT).multiply_ratio(1u128, 2u128);
    let got = w.buy_btt(app, &who, buy)?;
    if !got.is_zero() {
        w.must(
            app,
            &who,
            d.staking.stake_msg(&d.token, got, 0)?,
            "the market stakes",
        )?;
    }
    let btt_before = d.token.balance(&app.wrap(), &who)?;
    let usdc_before = app.wrap().query_balance(&who, world::USDC)?.amount;
    let claim = btt_types::staking::ExecuteMsg::ClaimRewards {};
    let staking = d.staking.addr().clone();
    let staker: btt_types::staking::StakerResponse = app.wrap().query_wasm_smart(
        &staking,
        &btt_types::staking::QueryMsg::Staker {
            address: who.to_string(),
        },
    )?;
    if staker.rewards.iter().any(|r| !r.amount.is_zero())
        && w.exec(app, &who, &staking, &claim, &[])?.is_some()
    {
        w.ledger.staker_rewards_btt += d.token.balance(&app.wrap(), &who)? - btt_before;
        w.ledger.staker_rewards_uusdc +=
            app.wrap().query_balance(&who, world::USDC)?.amount - usdc_before;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_starts_on_the_grid_and_weeks_on_the_epochs() {
        let start = Timestamp::from_nanos(1_000_000_000_123);
        let work = schedule(start, 48);
        let months: Vec<Timestamp> = work
            .iter()
            .filter(|(_, w)| matches!(w, Work::Month(_)))
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(months.len(), 49);
        for (m, t) in months.iter().enumerate() {
            assert_eq!(
                t.nanos(),
                1_000_000_000_123 + m as u64 * 2_629_746_000_000_000
            );
            assert_eq!(*t, month_time(start, m as u64));
        }
        let weeks = work
            .iter()
            .filter(|(_, w)| matches!(w, Work::Market(_)))
            .count();
        // 48 months are 208.7 weeks: epochs 0..=208 start inside the window.
        assert_eq!(weeks, 209);
        assert!(work.windows(2).all(|p| p[0].0 <= p[1].0));
    }
}
