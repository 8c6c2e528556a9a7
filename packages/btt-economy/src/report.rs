//! The main job's closing report: supply, burned, circulating, treasury, fees by stream and
//! recipient, emission so far and per-actor balances — printed, written as JSON, and drawn as
//! SVG charts (unlock curve by category, mining emission over 8 years, fees by stream).

use btt_types::asset::Asset;
use btt_types::fee_router::RoutedTotal;
use std::path::Path;

use anyhow::Context;

use btt_deploy::chain::EconomyChain;
use btt_types::allocation::Category;
use btt_types::depin::{self, epoch_emission, EPOCHS_PER_YEAR};
use btt_types::units::{format_btt, TOTAL_SUPPLY};
use cosmwasm_std::{Addr, Uint128};
use serde::Serialize;

use crate::charts::{bars_with_total, horizontal_bars, series_by_name, stacked_area};
use crate::walk::WalkReport;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::{BUYERS, PATIENTS};

/// uusdc per ubtt at the scenario's feeder rate (1 BTT = 5 USDC), to chart fees in one unit.
const USDC_PER_BTT: u128 = 5;

/// One fee stream paid to one recipient.
#[derive(Debug, Clone, Serialize)]
pub struct FeeLine {
    pub stream: String,
    pub recipient: String,
    /// "BTT" or "USDC".
    pub denom: String,
    /// In the denom's smallest unit.
    pub amount: Uint128,
}

/// What an actor holds at the end.
#[derive(Debug, Clone, Serialize)]
pub struct ActorBalance {
    pub actor: String,
    pub address: String,
    /// ubtt in its wallet.
    pub btt: Uint128,
    /// ubtt staked in btt-staking.
    pub staked: Uint128,
    /// uusdc in its wallet.
    pub usdc: Uint128,
}

/// Stakers' rewards in one denom.
#[derive(Debug, Clone, Serialize)]
pub struct StakerRewards {
    /// "btt" or a native denom.
    pub denom: String,
    /// Received by btt-staking from the fee routers.
    pub received: Uint128,
    /// Claimed by stakers.
    pub paid: Uint128,
}

/// The closing report.
#[derive(Debug, Clone, Serialize)]
pub struct EconomyReport {
    pub total_supply: Uint128,
    pub burned: Uint128,
    pub circulating: Uint128,
    pub in_vesting: Uint128,
    pub dao_treasury: Uint128,
    pub staked: Uint128,
    pub mining_pool: Uint128,
    pub community_pool: Uint128,
    /// Scheduled mining emission through the epochs closed so far, and what nodes were paid.
    pub emission_so_far: Uint128,
    pub mined: Uint128,
    /// Emission carried: of epochs nobody scored in and what the fee cap held back, released
    /// gradually to later mining.
    pub mining_carried: Uint128,
    pub fees: Vec<FeeLine>,
    /// Every labelled fund of the DAO treasury, by denom.
    pub treasury_funds: Vec<btt_types::dao::FundBalance>,
    /// What btt-staking has received for stakers and paid out, by denom.
    pub staker_rewards: Vec<StakerRewards>,
    pub balances: Vec<ActorBalance>,
}

fn fee(stream: &str, recipient: &str, denom: &str, amount: Uint128) -> FeeLine {
    FeeLine {
        stream: stream.into(),
        recipient: recipient.into(),
        denom: denom.into(),
        amount,
    }
}

/// Every fee stream's payouts by recipient, read from each fee contract's `FeesRouted`.
pub fn routed_fees<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
) -> anyhow::Result<Vec<FeeLine>> {
    let mut fees = vec![];
    for contract in [
        &deployment.escrow,
        &deployment.nft,
        &deployment.vaults,
        &deployment.points,
        &deployment.payfi,
    ] {
        let rows: Vec<RoutedTotal> = app
            .wrap()
            .query_wasm_smart(contract, &btt_types::payfi::QueryMsg::FeesRouted {})?;
        for row in rows {
            let denom = match &row.asset {
                Asset::Cw20(a) if a == deployment.token.addr() => "BTT",
                Asset::Native(d) if d == "uusdc" => "USDC",
                Asset::Native(d) => d.as_str(),
                Asset::Cw20(_) => "vault shares",
            }
            .to_string();
            let r = &row.routed;
            for (recipient, amount) in [
                ("development fund (btt-dao)", r.development_fund),
                ("foundation", r.foundation),
                ("reserve (btt-dao)", r.reserve),
                ("stakers (btt-staking)", r.stakers),
                ("burned", r.burned),
            ] {
                if !amount.is_zero() {
                    fees.push(fee(&row.stream, recipient, &denom, amount));
                }
            }
        }
    }
    Ok(fees)
}

/// Reads the end state of the walk into the report.
pub fn economy_report<C: EconomyChain>(
    app: &C,
    deployment: &Deployment,
    config: &GenesisConfig,
    walk: &WalkReport,
) -> anyhow::Result<EconomyReport> {
    let q = app.wrap();
    let last = walk.snapshots.last().context("the walk took no snapshot")?;
    let fees = routed_fees(app, deployment)?;
    let depin_state: depin::StateResponse =
        q.query_wasm_smart(&deployment.depin, &depin::QueryMsg::State {})?;
    let mut actors: Vec<(String, Addr)> = config
        .beneficiaries
        .iter()
        .map(|(c, a)| (category_name(*c), Addr::unchecked(a)))
        .collect();
    actors.extend(
        PATIENTS
            .iter()
            .chain(BUYERS.iter())
            .map(|n| (n.to_string(), app.addr_make(n))),
    );
    actors.push(("btt-dao (treasury)".into(), deployment.dao.addr().clone()));
    let mut balances = vec![];
    for (actor, addr) in actors {
        let staker: btt_types::staking::StakerResponse = q.query_wasm_smart(
            deployment.staking.addr(),
            &btt_types::staking::QueryMsg::Staker {
                address: addr.to_string(),
            },
        )?;
        balances.push(ActorBalance {
            btt: deployment.token.balance(&q, &addr)?,
            staked: staker.staked,
            usdc: q.query_balance(&addr, "uusdc")?.amount,
            address: addr.into_string(),
            actor,
        });
    }
    Ok(EconomyReport {
        total_supply: last.total_supply,
        burned: TOTAL_SUPPLY - last.total_supply,
        circulating: last.circulating,
        in_vesting: last.in_vesting,
        dao_treasury: last.dao_treasury,
        staked: last.staked,
        mining_pool: last.mining_pool,
        community_pool: last.community_pool,
        emission_so_far: depin_state.scheduled,
        mined: last.mined,
        mining_carried: depin_state.carry,
        fees,
        treasury_funds: deployment.dao.treasury(&q, vec!["uusdc".into()])?.funds,
        staker_rewards: q
            .query_wasm_smart::<btt_types::staking::TotalsResponse>(
                deployment.staking.addr(),
                &btt_types::staking::QueryMsg::Totals {},
            )?
            .rewards
            .into_iter()
            .map(|s| StakerRewards {
                denom: s.denom,
                received: s.deposited,
                paid: s.claimed,
            })
            .collect(),
        balances,
    })
}

fn category_name(c: Category) -> String {
    btt_types::allocation::ALLOCATION_TABLE
        .iter()
        .find(|r| r.category == c)
        .map(|r| r.name.to_string())
        .unwrap_or_else(|| format!("{c:?}"))
}

fn btt_f(amount: Uint128) -> f64 {
    amount.u128() as f64 / 1e6
}

/// Writes `unlock.svg`, `emission.svg` and `fees.svg` into `dir`; returns their paths.
pub fn write_charts(
    dir: &Path,
    walk: &WalkReport,
    report: &EconomyReport,
) -> anyhow::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut written = vec![];
    let mut write = |name: &str, svg: String| -> anyhow::Result<()> {
        let path = dir.join(name);
        std::fs::write(&path, svg)?;
        written.push(path.display().to_string());
        Ok(())
    };
    // Unlock curve: one band per vested category, months 0..48.
    let months: Vec<String> = walk
        .unlock_curve
        .iter()
        .map(|p| format!("m{}", p.month))
        .collect();
    let rows: Vec<&[(String, Uint128)]> = walk
        .unlock_curve
        .iter()
        .map(|p| p.unlocked.as_slice())
        .collect();
    let series = series_by_name(&rows);
    write(
        "unlock.svg",
        stacked_area(
            "BTT unlocked by vesting, by category",
            "8,400,000 BTT over 48 months; foundation tranches as the DAO approved them",
            "BTT unlocked",
            &months,
            6,
            &series,
        ),
    )?;
    // Mining emission: per year, with the running total.
    let per_year: Vec<f64> = (0..8u32)
        .map(|y| {
            let epochs = y * EPOCHS_PER_YEAR..(y + 1) * EPOCHS_PER_YEAR;
            btt_f(epochs.map(epoch_emission).sum())
        })
        .collect();
    let years: Vec<String> = (1..=8).map(|y| format!("year {y}")).collect();
    write(
        "emission.svg",
        bars_with_total(
            "Mining Reward Pool emission over 8 years",
            "6,300,000 BTT; year y emits 20% × 0.8^y of the pool / (1 − 0.8^8), over 52 weekly epochs",
            "BTT",
            &years,
            &per_year,
            "emitted so far",
        ),
    )?;
    // Fees by stream, in BTT (USDC at the scenario's 1 BTT = 5 USDC).
    let bars: Vec<(String, f64)> = report
        .fees
        .iter()
        .filter(|f| !f.amount.is_zero() && f.denom != "vault shares")
        .map(|f| {
            let btt = if f.denom == "USDC" {
                f.amount.u128() as f64 / USDC_PER_BTT as f64 / 1e6
            } else {
                btt_f(f.amount)
            };
            let stream = f.stream.split(" (").next().unwrap_or(&f.stream);
            let recipient = f.recipient.split(" (").next().unwrap_or(&f.recipient);
            (format!("{stream} → {recipient} (in {})", f.denom), btt)
        })
        .collect();
    write(
        "fees.svg",
        horizontal_bars(
            "Fees by stream and recipient",
            "in BTT; USDC fees at the scenario's rate of 1 BTT = 5 USDC",
            "BTT",
            &bars,
        ),
    )?;
    Ok(written)
}

/// The report as the main job prints it.
pub fn render(r: &EconomyReport) -> String {
    let mut out = String::from("\nThe economy at month 48\n");
    let rows = [
        ("total supply", r.total_supply),
        ("burned", r.burned),
        ("circulating", r.circulating),
        ("  of which staked", r.staked),
        ("held by btt-vesting", r.in_vesting),
        ("DAO treasury", r.dao_treasury),
        ("mining pool (depin-rewards)", r.mining_pool),
        ("community pool (incentive-points)", r.community_pool),
        ("mining emission scheduled so far", r.emission_so_far),
        ("mined (paid to nodes)", r.mined),
        ("mining carried (released gradually)", r.mining_carried),
    ];
    for (label, v) in rows {
        out.push_str(&format!("  {label:<36} {:>24} BTT\n", format_btt(v)));
    }
    out.push_str("  fees by stream and recipient:\n");
    for f in &r.fees {
        out.push_str(&format!(
            "    {:<58} {:<38} {:>18} {}\n",
            f.stream,
            f.recipient,
            format_btt(f.amount),
            f.denom
        ));
    }
    out.push_str("  treasury funds (btt-dao):\n");
    for f in &r.treasury_funds {
        out.push_str(&format!(
            "    {:<38} {:>18} {}\n",
            f.fund.key(),
            format_btt(f.amount),
            if f.denom == "btt" { "BTT" } else { "USDC" }
        ));
    }
    out.push_str("  stakers' rewards (btt-staking: received, paid out):\n");
    for s in &r.staker_rewards {
        out.push_str(&format!(
            "    {:<38} {:>18} {:>18}\n",
            if s.denom == "btt" {
                "BTT"
            } else {
                s.denom.as_str()
            },
            format_btt(s.received),
            format_btt(s.paid)
        ));
    }
    out.push_str("  balances (BTT in wallet, BTT staked, USDC):\n");
    for b in &r.balances {
        out.push_str(&format!(
            "    {:<36} {:>20} {:>20} {:>20}\n",
            b.actor,
            format_btt(b.btt),
            format_btt(b.staked),
            format_btt(b.usdc)
        ));
    }
    out
}
