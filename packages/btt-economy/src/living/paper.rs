//! The report's first table: every figure the paper states, measured by the run and judged. A
//! figure the run does not meet names its cause (the contracts' rules, a genesis parameter, an
//! assumption of the twin, or the paper itself) with the arithmetic, rather than a number tuned
//! to meet it.

use btt_types::bps::Bps;
use btt_types::depin;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::Uint128;
use serde::Serialize;

use super::assumptions::{Stream, HOURS_PER_MONTH};
use super::outcome::LivingReport;
use super::world::World;

/// Why a figure of the paper is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The contracts' rules cannot produce it.
    Rules,
    /// A genesis parameter (the DAO may change it).
    Parameter,
    /// An assumption of the twin (a price, a size, a share).
    Assumption,
    /// The paper contradicts itself or another of its figures.
    Paper,
}

/// One figure the paper states, measured.
#[derive(Debug, Clone, Serialize)]
pub struct PaperFigure {
    /// The figure, as the paper puts it.
    pub figure: String,
    /// What the run measured.
    pub measured: String,
    pub met: bool,
    /// Why not, when not met.
    pub cause: Option<Cause>,
    /// The arithmetic behind the judgement.
    pub arithmetic: String,
    /// "measured" from the run, or "parameter": a genesis value read back and checked.
    pub basis: &'static str,
}

fn judged(
    figure: &str,
    measured: String,
    met: bool,
    cause: Cause,
    arithmetic: String,
) -> PaperFigure {
    PaperFigure {
        figure: figure.into(),
        measured,
        met,
        cause: (!met).then_some(cause),
        arithmetic,
        basis: "measured",
    }
}

/// A figure the genesis plan sets rather than the run measures.
fn parameter(mut f: PaperFigure) -> PaperFigure {
    f.basis = "parameter";
    f
}

fn pct(bps: u32) -> f64 {
    f64::from(bps) / 100.0
}

fn in_band(b: Bps, low: u16, high: u16) -> bool {
    b.0 >= low && b.0 <= high
}

/// Every figure of the paper, judged against the run.
pub fn figures(r: &LivingReport, w: &World) -> Vec<PaperFigure> {
    let a = &r.assumptions;
    let c = w.config;
    let price = a.usdc_per_btt as f64;
    let btt = |v: Uint128| v.u128() as f64 / 1e6;
    let rmb_of_uusdc = |v: Uint128| v.u128() as f64 / 1e6 * a.rmb_per_usdc;
    let mut out = vec![];

    // 1. The emission.
    let total: Uint128 = (0..depin::EPOCHS_PER_YEAR * 8)
        .map(depin::epoch_emission)
        .sum();
    let to_nodes = r.mined_ubtt + r.locked_ubtt;
    out.push(parameter(judged(
        "6.3M BTT of mining emission over 8 years",
        format!(
            "{:.6} BTT over 416 epochs; the run's {} closed epochs scheduled {:.0} BTT and paid the nodes {:.2}% of it",
            btt(total),
            r.epochs_closed,
            btt(r.emission_scheduled_ubtt),
            pct(super::outcome::bps_of(to_nodes, r.emission_scheduled_ubtt))
        ),
        total == Uint128::new(6_300_000_000_000),
        Cause::Rules,
        "year y emits 6,300,000 × 0.2 × 0.8^y / (1 − 0.8^8), 52 epochs a year, dust to the last epoch".into(),
    )));

    // 2. The 70/15/10/5 split.
    let mut split = [0f64; 3];
    let mut split_other = 0f64;
    for f in r.fees.iter().filter(|f| f.stream == "compute") {
        let v = match f.denom.as_str() {
            "BTT" => btt(f.amount) * price,
            "USDC" => f.amount.u128() as f64 / 1e6,
            _ => 0.0,
        };
        let i = if f.recipient.starts_with("development") {
            0
        } else if f.recipient.starts_with("foundation") {
            1
        } else if f.recipient.starts_with("reserve") {
            2
        } else {
            // No other recipient has a share of the compute stream.
            split_other += v;
            continue;
        };
        split[i] += v;
    }
    let protocol: f64 = split.iter().sum();
    let nodes_pct = f64::from(c.compute.contributors.0) / 100.0;
    let shares: Vec<f64> = split
        .iter()
        .map(|v| v / protocol.max(1e-9) * (100.0 - nodes_pct))
        .collect();
    let split_met = (shares[0] - 15.0).abs() < 0.01
        && (shares[1] - 10.0).abs() < 0.01
        && (shares[2] - 5.0).abs() < 0.01
        && (nodes_pct - 70.0).abs() < 1e-9
        && split_other == 0.0;
    out.push(judged(
        "70% of compute revenue to the nodes, 15% development fund, 10% foundation, 5% reserve",
        format!(
            "nodes {nodes_pct:.2}% / development fund {:.3}% / foundation {:.3}% / reserve {:.3}% of {:.0} USDC of completed jobs",
            shares[0],
            shares[1],
            shares[2],
            protocol / (1.0 - nodes_pct / 100.0)
        ),
        split_met,
        Cause::Rules,
        "the routed compute fees by recipient, read from compute-escrow's FeesRouted, as shares of the 30% the escrow routes; the nodes' 70% is what the escrow keeps back for them (its contributors share), and rounding dust goes to the nodes".into(),
    ));

    // 3. The fee bands.
    let f = &c.rwa.nft_fees;
    let v = &c.rwa.vault_fees;
    let p = &c.payments.fees;
    let bands_met = in_band(f.simple, 100, 300)
        && in_band(f.standard, 100, 300)
        && in_band(f.complex, 100, 300)
        && in_band(f.revaluation, 25, 50)
        && v.trade_by_priority.iter().all(|b| in_band(*b, 50, 100))
        && in_band(v.management, 100, 200)
        && p.by_priority.iter().all(|b| in_band(*b, 50, 80))
        && p.analytics.0 == 25
        && p.conversion.0 == 75;
    let fee_of = |stream: &str| -> f64 {
        r.fees
            .iter()
            .filter(|x| x.stream == stream)
            .map(|x| match x.denom.as_str() {
                "BTT" => btt(x.amount) * price,
                "USDC" => x.amount.u128() as f64 / 1e6,
                _ => 0.0,
            })
            .sum()
    };
    let mint_rate = fee_of("mint") / (w.ledger.tokenized_rmb as f64 / a.rmb_per_usdc).max(1.0);
    let payfi_gross = r
        .revenue_mix
        .iter()
        .find(|m| m.stream == Stream::Payfi)
        .map_or(0.0, |m| m.gross_uusdc.u128() as f64 / 1e6);
    let tier_rate = fee_of("payment_tier") / payfi_gross.max(1.0);
    let measured_met = (0.01..=0.03).contains(&mint_rate) && (0.005..=0.008).contains(&tier_rate);
    out.push(judged(
        "fee bands: mint 1-3%, trade 0.5-1.0%, revaluation 0.25-0.5%, management 1-2% a year, PayFi 0.5-0.8%, analytics 0.25%, conversion 0.75%",
        format!(
            "genesis mint {}/{}/{}%, trade {}%, revaluation {}%, management {}% a year, PayFi {}%, analytics {}%, conversion {}%; measured: mint fees {:.2}% of the value tokenized, PayFi service fees {:.3}% of the volume paid",
            f.simple.0 as f64 / 100.0,
            f.standard.0 as f64 / 100.0,
            f.complex.0 as f64 / 100.0,
            v.trade_by_priority.iter().map(|b| format!("{}", b.0 as f64 / 100.0)).collect::<Vec<_>>().join("/"),
            f.revaluation.0 as f64 / 100.0,
            v.management.0 as f64 / 100.0,
            p.by_priority.iter().map(|b| format!("{}", b.0 as f64 / 100.0)).collect::<Vec<_>>().join("/"),
            p.analytics.0 as f64 / 100.0,
            p.conversion.0 as f64 / 100.0,
            mint_rate * 100.0,
            tier_rate * 100.0,
        ),
        bands_met && measured_met,
        Cause::Parameter,
        "every band is checked by its contract at instantiate and on every config change; the measured rates are routed fees over the run's volumes".into(),
    ));

    // 4. Subscriptions.
    let tiers = w.tier_rmb_month();
    let tiers_met = tiers.iter().all(|t| (3_000.0..=25_000.0).contains(t));
    out.push(parameter(judged(
        "provider subscriptions of 3,000-25,000 RMB a month by clinic size",
        format!(
            "{} RMB a month ({} USDC per 30 days at {} RMB per USDC); BTT accepted at the feeders' rate",
            tiers.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(" / "),
            c.points
                .tiers
                .iter()
                .map(|t| format!("{}", t.price.amount.u128() / 1_000_000))
                .collect::<Vec<_>>()
                .join(" / "),
            a.rmb_per_usdc
        ),
        tiers_met,
        Cause::Parameter,
        "a tier's USDC price buys 30 days; a month is 30.44 days".into(),
    )));

    // 5-7. Node returns.
    for n in &r.node_returns {
        let Some(s) = a.nodes.iter().find(|s| s.name == n.scale) else {
            continue;
        };
        let cloud = a
            .cloud
            .iter()
            .find(|x| x.class == s.class)
            .map_or(0.0, |x| x.usd_per_gpu_hour);
        let unit = super::mining::usd_per_unit(c, a, s.class);
        let sold = HOURS_PER_MONTH * a.utilisation_pct as f64 / 100.0;
        let job_pay = 0.7 * unit * sold;
        let capital_per_gpu = n.capital_uusdc.u128() as f64 / 1e6 / f64::from(s.gpus);
        // The price per GPU-hour the band's floor needs from jobs alone, even with every hour
        // sold, against the most the paper's own 60% saving lets a job cost.
        let needed = (f64::from(s.paper_roi_pct.0) / 100.0 * capital_per_gpu
            + s.opex_usdc_per_gpu_month as f64)
            / (0.7 * HOURS_PER_MONTH);
        let ceiling = cloud * 0.4;
        let cause = if needed > ceiling {
            Cause::Paper
        } else {
            Cause::Assumption
        };
        out.push(judged(
            &format!(
                "{} nodes ({}): {}-{}% return a month",
                s.name,
                match s.name {
                    "home" => "1-5 GPUs",
                    "medium" => "6-50 GPUs",
                    _ => "50+ GPUs",
                },
                s.paper_roi_pct.0,
                s.paper_roi_pct.1
            ),
            format!(
                "{:.2}% a month on hardware and bond ({:.2}% on the hardware alone)",
                n.roi_bps_month as f64 / 100.0,
                n.roi_hardware_bps_month as f64 / 100.0
            ),
            n.in_paper_band,
            cause,
            format!(
                "a {} GPU sells {sold:.0} of {HOURS_PER_MONTH:.0} hours a month ({}% utilisation) at {unit:.3} USD with the average urgency, 70% to the node: {job_pay:.0} USD a month, plus its share of the mining pool, less {} USD of running cost, on {capital_per_gpu:.0} USD of capital per GPU. The band's floor ({}%) needs {needed:.2} USD per GPU-hour from jobs alone even with every hour sold, {} the {ceiling:.2} USD a job may cost at the paper's least saving (60% below the cloud's {cloud:.2} USD){}",
                s.class,
                a.utilisation_pct,
                s.opex_usdc_per_gpu_month,
                s.paper_roi_pct.0,
                if needed > ceiling { "above" } else { "below" },
                if needed > ceiling {
                    ": the paper's returns and its 60-80% saving cannot both hold"
                } else {
                    ": the band is reachable only with more hours sold or cheaper hardware than assumed"
                }
            ),
        ));
    }

    // 8. Node returns by scale.
    let rois: Vec<i64> = r.node_returns.iter().map(|n| n.roi_bps_month).collect();
    let rising = rois.windows(2).all(|p| p[0] < p[1]);
    out.push(judged(
        "returns rise with scale (home 8-14%, medium 12-18%, institutional 15-22%)",
        r.node_returns
            .iter()
            .map(|n| format!("{} {:.2}%", n.scale, n.roi_bps_month as f64 / 100.0))
            .collect::<Vec<_>>()
            .join(", "),
        rising,
        Cause::Rules,
        "jobs go to nodes by attested throughput and the capacity pool pays by verified capacity units, so every GPU of a class earns the same; returns differ only by the hardware's price and running cost, which rise with scale".into(),
    ));

    // 9. The contribution column.
    let fee_shares: Vec<String> = r
        .revenue_mix
        .iter()
        .map(|m| format!("{:.1}", pct(m.fees_bps)))
        .collect();
    let contribution_met = r.revenue_mix.iter().all(|m| {
        (f64::from(m.fees_bps) / 100.0 - f64::from(m.paper_contribution_pct)).abs() <= 5.0
    });
    let v26: Vec<f64> = Stream::ALL
        .iter()
        .map(|s| a.million_rmb(*s, super::assumptions::END_2026))
        .collect();
    let sum26: f64 = v26.iter().sum();
    let compute_take = r
        .revenue_mix
        .iter()
        .find(|m| m.stream == Stream::Compute)
        .map_or(30.0, |m| pct(m.take_rate_bps));
    let needed_tokenization =
        (25.0 / (v26[1] / sum26 * 100.0)) / (45.0 / (v26[0] / sum26 * 100.0)) * compute_take;
    out.push(judged(
        "ecosystem contribution 45 / 25 / 20 / 10% (compute / tokenization / incentives / PayFi)",
        format!("fee shares {}%", fee_shares.join(" / ")),
        contribution_met,
        Cause::Paper,
        format!(
            "on the paper's own 2026 volumes ({:.0} / {:.0} / {:.0} / {:.0}M RMB, shares {:.0}/{:.0}/{:.0}/{:.0}%), fee shares of 45/25/20/10 need tokenization to keep {:.1}× compute's take rate per RMB of volume: with compute's measured {:.2}% that is {:.0}% of the value tokenized, while the paper's own bands allow at most 3% at mint, 1% a trade and 2% a year",
            v26[0],
            v26[1],
            v26[2],
            v26[3],
            v26[0] / sum26 * 100.0,
            v26[1] / sum26 * 100.0,
            v26[2] / sum26 * 100.0,
            v26[3] / sum26 * 100.0,
            needed_tokenization / compute_take,
            compute_take,
            needed_tokenization
        ),
    ));

    // 10. The volume column and the monthly volumes, over the run's 2026.
    let year: Vec<u64> = (12..=23).filter(|m| *m <= r.params.months).collect();
    let measured_year: Vec<f64> = Stream::ALL
        .iter()
        .map(|s| {
            year.iter()
                .filter_map(|m| w.ledger.gross_by_month.get(m).and_then(|g| g.get(s)))
                .map(|v| rmb_of_uusdc(*v))
                .sum::<f64>()
        })
        .collect();
    let paper_year: Vec<f64> = Stream::ALL
        .iter()
        .map(|s| {
            year.iter()
                .map(|m| a.million_rmb(*s, *m as f64 + 0.5) * 1e6)
                .sum::<f64>()
        })
        .collect();
    let ratio: Vec<f64> = measured_year
        .iter()
        .zip(&paper_year)
        .map(|(m, p)| m / p.max(1.0))
        .collect();
    out.push(judged(
        "monthly volumes: compute 35M RMB (Q2 2025) to 100M+ (2026), tokenization 4M to 12M+, incentives 8M to 30M+, PayFi 3M to 20M+",
        format!(
            "2026 (months 12-23), measured / the paper's curve: compute {:.0}M / {:.0}M, tokenization {:.0}M / {:.0}M, incentives {:.0}M / {:.0}M, PayFi {:.0}M / {:.0}M RMB",
            measured_year[0] / 1e6,
            paper_year[0] / 1e6,
            measured_year[1] / 1e6,
            paper_year[1] / 1e6,
            measured_year[2] / 1e6,
            paper_year[2] / 1e6,
            measured_year[3] / 1e6,
            paper_year[3] / 1e6,
        ),
        !year.is_empty() && ratio.iter().all(|x| (0.85..=1.25).contains(x)),
        Cause::Assumption,
        "an input check: the twin generates the paper's curve, so this shows the actors paid it in full; gross volume paid into each stream's contracts (jobs escrowed, assets appraised and shares bought, subscriptions, insurers' and partners' fees, invoices paid), at the stated prices; tokenization comes in whole assets and share purchases on top of the appraisal".into(),
    ));
    let total_year: f64 = measured_year.iter().sum();
    out.push(judged(
        "the volume column's 2026 mix 62 / 7 / 19 / 12%",
        format!(
            "{}%",
            measured_year
                .iter()
                .map(|m| format!("{:.1}", m / total_year.max(1.0) * 100.0))
                .collect::<Vec<_>>()
                .join(" / ")
        ),
        measured_year
            .iter()
            .zip(&paper_year)
            .all(|(m, p)| (m / total_year.max(1.0) - p / paper_year.iter().sum::<f64>()).abs() < 0.05),
        Cause::Assumption,
        "the twin runs the paper's volumes, so the gross mix follows them; tokenization also counts share purchases".into(),
    ));

    // 11. Settlement.
    let fast = c.payments.fast_settlement.as_ref();
    out.push(parameter(judged(
        "providers paid within 1-2 hours",
        format!(
            "settleable {} min after payment ({} min for providers staking at priority {}), by anyone, with no action by the payer",
            c.payments.settlement_seconds / 60,
            fast.map_or(0, |f| f.seconds / 60),
            fast.map_or(0, |f| f.min_priority)
        ),
        c.payments.settlement_seconds <= 7_200,
        Cause::Parameter,
        "payfi's settlement window, at most 2 hours by its config check; the twin settles on its weekly round, a keeper would every block (issue 32)".into(),
    )));

    // 12. The saving.
    let saving = 100.0
        * (1.0
            - w.ledger.jobs_price_uusdc.u128() as f64
                / (w.ledger.jobs_cloud_uusdc.u128() as f64).max(1.0));
    out.push(judged(
        "60-80% cheaper than centralised cloud providers",
        format!("{saving:.1}% below the cloud price of the same GPU-hours, over every job of the run"),
        (60.0..=80.0).contains(&saving),
        Cause::Parameter,
        format!(
            "the genesis unit prices are {}% below the cloud (the band's middle); urgency multipliers (1.5, 2.0) raise a job's price and data adds to it",
            a.saving_pct
        ),
    ));

    // 13. 200M RMB tokenized in six months.
    let six = w.ledger.tokenized_first_six_months_rmb as f64;
    let table_six: f64 = (0..6)
        .map(|m| a.million_rmb(Stream::Tokenization, m as f64 + 0.5) * 1e6)
        .sum();
    out.push(judged(
        "200M RMB of medical assets tokenized in the first six months",
        format!("{:.0}M RMB in months 1-6", six / 1e6),
        six >= 200e6,
        Cause::Paper,
        format!(
            "the paper's own table puts tokenization at {:.0}M RMB a month in Q2 2025, {:.0}M RMB over six months on its curve, {:.1}× short of 200M; the twin mints whole assets as that volume accumulates, so it mints less while the first assets wait for their value",
            a.million_rmb(Stream::Tokenization, super::assumptions::Q2_2025),
            table_six / 1e6,
            200e6 / table_six.max(1.0)
        ),
    ));

    // 14. PayFi's two figures.
    let payfi_now: f64 = (4..=5)
        .filter_map(|m| {
            w.ledger
                .gross_by_month
                .get(&m)
                .and_then(|g| g.get(&Stream::Payfi))
        })
        .map(|v| rmb_of_uusdc(*v))
        .sum::<f64>()
        / 2.0;
    out.push(judged(
        "PayFi \"currently processes over 30 million RMB monthly\"",
        format!("{:.1}M RMB a month in months 4-5", payfi_now / 1e6),
        payfi_now >= 30e6,
        Cause::Paper,
        format!(
            "the paper's revenue table gives PayFi {:.0}M RMB a month now and {:.0}M+ in 2026; its prose says 30M now. The twin runs the table",
            a.million_rmb(Stream::Payfi, super::assumptions::Q2_2025),
            a.million_rmb(Stream::Payfi, super::assumptions::END_2026)
        ),
    ));

    // 15. The allocation.
    out.push(judged(
        "the allocation table of 21,000,000 BTT",
        format!(
            "{:.0} BTT minted: the table's rows (89%) and the 2,310,000 BTT unallocated reserve held by the DAO",
            btt(TOTAL_SUPPLY)
        ),
        false,
        Cause::Paper,
        "the table's percentages sum to 89% (18,690,000 BTT); the rest is minted to the DAO treasury, released only by proposal".into(),
    ));

    // 16. The burn.
    let burned = r.months.last().map_or(Uint128::zero(), |m| m.burned);
    out.push(judged(
        "a governance-set share of BTT fees of high-value transactions is burned",
        format!(
            "{:.2} BTT burned (the burn share of BTT fees of transactions worth {:.0} BTT or more)",
            btt(burned),
            btt(c.rwa.burn_threshold)
        ),
        !burned.is_zero(),
        Cause::Assumption,
        format!(
            "true-size assets (the {} of {} RMB is {:.0} BTT) cross the threshold at mint and revaluation",
            a.assets[0].what,
            super::assumptions::group(a.assets[0].rmb),
            a.rmb_to_ubtt(a.assets[0].rmb as f64) as f64 / 1e6
        ),
    ));
    out
}
