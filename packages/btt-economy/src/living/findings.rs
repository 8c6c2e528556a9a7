//! Where the contracts' rules do or do not produce the paper's figures: each statement is
//! computed from the run's report and the genesis parameters, never tuned to match.

use btt_types::depin;
use btt_types::units::MONTH_SECONDS;
use cosmwasm_std::Uint128;

use super::outcome::{bps_of, LivingReport};
use super::world::World;

fn pct2(bps: u32) -> String {
    format!("{}.{:02}%", bps / 100, bps % 100)
}

/// Where the rules meet or miss the paper: each statement is computed from the run's figures
/// and the genesis parameters, never tuned.
pub fn findings(r: &LivingReport, w: &World) -> Vec<String> {
    let a = &r.assumptions;
    let c = &w.config;
    let price = a.usdc_per_btt as f64;
    let btt = |v: Uint128| v.u128() as f64 / 1e6;
    let mut out = vec![];

    // Mining: two pools, work capped by fees, capacity by verified score.
    let p = &c.compute.payout;
    let to_nodes = r.mined_ubtt + r.locked_ubtt;
    let epoch0 = btt(depin::epoch_emission(0));
    let monthly_emission = epoch0 * MONTH_SECONDS as f64 / depin::EPOCH_SECONDS as f64;
    out.push(format!(
        "Mining paid {} of the emission scheduled through the {} closed epochs to nodes ({:.0} BTT claimed, {:.0} BTT claimable or locked): {:.0} BTT by the work pool (at most {:.0}% of the protocol fees of a node's clinic jobs, at most {:.0}% of an epoch's budget) and {:.0} BTT by the capacity pool (verified capacity × uptime × QoS × region × energy, in full from a network score of {}). Year 1 emits {:.0} BTT a month; {:.0} BTT is carried, released over {} epochs.",
        pct2(bps_of(to_nodes, r.emission_scheduled_ubtt)),
        r.epochs_closed,
        btt(r.mined_ubtt),
        btt(r.locked_ubtt),
        btt(r.work_paid_ubtt),
        f64::from(p.fee_cap.0) / 100.0,
        f64::from(p.work_pool_cap.0) / 100.0,
        btt(r.capacity_paid_ubtt),
        p.baseline_score,
        monthly_emission,
        btt(r.carried_ubtt),
        p.carry_release_epochs,
    ));

    // Node returns.
    for n in &r.node_returns {
        let scale = a.nodes.iter().find(|s| s.name == n.scale);
        let hardware = scale.map_or(0.0, |s| f64::from(s.gpus) * s.usdc_per_gpu as f64);
        let bond = scale.map_or(0.0, |s| btt(super::mining::bond_target(c, s.class, s.gpus)));
        let bond_usdc = bond * price;
        out.push(format!(
            "{} nodes ({} GPUs) returned {:.1}% a month on hardware and bond, {:.1}% on the hardware alone, against the paper's {}–{}%: {}. Their capacity bond of {:.0} BTT is {:.0} USDC, {:.2}× their hardware.",
            n.scale,
            n.gpus_per_node,
            n.roi_bps_month as f64 / 100.0,
            n.roi_hardware_bps_month as f64 / 100.0,
            n.paper_roi_pct.0,
            n.paper_roi_pct.1,
            if n.in_paper_band { "inside the band" } else { "outside it" },
            bond,
            bond_usdc,
            bond_usdc / hardware.max(1.0),
        ));
    }
    let per_gpu: Vec<String> = r
        .node_returns
        .iter()
        .map(|n| {
            format!(
                "{} {:.0}",
                n.scale,
                n.income_uusdc_month.u128() as f64 / 1e6 / f64::from(n.gpus_per_node.max(1))
            )
        })
        .collect();
    out.push(format!(
        "Income per GPU a month (USDC): {}. Jobs go to the nodes of their hardware class in proportion to attested throughput at one unit price per class, and the capacity pool pays by verified capacity units (a high-end GPU counts 2.5), so within a class every scale earns about the same per GPU, its region and energy rating aside; nothing in the rules makes returns rise with scale as the paper's bands do. What differs is the hardware's assumed price.",
        per_gpu.join(", ")
    ));

    // The revenue mix.
    let mix: Vec<String> = r
        .revenue_mix
        .iter()
        .map(|m| {
            format!(
                "{} {} of gross at a {} take",
                m.name,
                pct2(m.gross_bps),
                pct2(m.take_rate_bps)
            )
        })
        .collect();
    out.push(format!(
        "Revenue mix: {}. Fee shares follow gross volume times take rate: 30% of a job, 1-3% of an asset's value once, 0.5-1% of a share trade, a subscription's whole price, 0.5-0.8% (+0.25% analytics, +0.75% conversion) of a payment.",
        mix.join("; ")
    ));
    let burned = r.months.last().map_or(Uint128::zero(), |m| m.burned);
    if burned.is_zero() {
        out.push(format!(
            "Nothing was burned: the burn applies to BTT fees of transactions worth {:.0} BTT or more, and no mint, revaluation or trade of the run reached it.",
            btt(c.rwa.burn_threshold)
        ));
    }
    // The community pool: the one pool the aggregates cannot stand for.
    let pool_paid = r
        .months
        .first()
        .zip(r.months.last())
        .map_or(Uint128::zero(), |(a, b)| {
            a.community_pool.saturating_sub(b.community_pool)
        });
    let weekly_cap = btt(c.points.conversion_epoch_cap);
    let budgets: f64 = w
        .network
        .clinics
        .iter()
        .zip(&a.clinics)
        .map(|(n, size)| {
            n * c
                .points
                .tiers
                .get(size.tier as usize)
                .map_or(0.0, |t| t.budget as f64)
        })
        .sum::<f64>()
        * btt(c.points.conversion_rate.to_uint_floor());
    out.push(format!(
        "The community pool paid out {:.0} BTT ({:.3}% of 2,520,000): its sampled patients' conversions and referral rewards. It is the one pool not at the network's scale: a patient's points are capped per category and period and its conversions per week (sybil defences), so an aggregate patient cannot stand for many. At one scale the network's {:.0} clinics may award points worth {:.0} BTT a month, far above the weekly conversion cap of {:.0} BTT: the cap binds, the pool pays {:.0} BTT a year and lasts {:.1} years.",
        btt(pool_paid),
        btt(pool_paid) / 2_520_000.0 * 100.0,
        w.network.clinics.iter().sum::<f64>(),
        budgets,
        weekly_cap,
        weekly_cap * 52.0,
        2_520_000.0 / (weekly_cap * 52.0).max(1.0),
    ));
    out.push(format!(
        "Stakers earned {} a year at the stated price (their rewards are the stakers' share of the routed fees).",
        pct2(r.stakers.apr_bps as u32)
    ));
    out
}
