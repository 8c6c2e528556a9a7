//! The living economy's report as the terminal prints it.

use cosmwasm_std::Uint128;

use super::outcome::LivingReport;

fn whole(v: Uint128) -> String {
    btt_types::units::format_btt(Uint128::new(v.u128() - v.u128() % 1_000_000))
        .trim_end_matches(".000000")
        .to_string()
}

/// The terminal summary.
pub fn summary(r: &LivingReport) -> String {
    let mut out = String::new();
    let last = r.months.last();
    out.push_str(&format!(
        "\nThe living economy: {} months, seed {}, scale {}\n",
        r.params.months, r.params.seed, r.params.scale
    ));
    out.push_str("  the paper's figures (met | measured):\n");
    for f in &r.paper_figures {
        out.push_str(&format!(
            "    [{}] {}\n          {}{}\n",
            if f.met { "met" } else { "MISS" },
            f.figure,
            f.measured,
            f.cause.map_or(String::new(), |c| format!(
                " (cause: {})",
                format!("{c:?}").to_lowercase()
            ))
        ));
    }
    for a in &r.attackers {
        out.push_str(&format!("  {}: {}\n", a.name, a.verdict));
    }
    out.push_str(&format!(
        "  the network at the end: {} clinics, {} GPUs; assumptions and their sources: {} rows in the report\n",
        r.network.clinics.iter().sum::<u64>(),
        r.network.gpus.values().sum::<u64>(),
        r.assumptions_table.len()
    ));
    if let Some(m) = last {
        out.push_str(&format!(
            "  supply {} BTT (burned {}), circulating {}, staked {}, DAO treasury {}\n",
            whole(m.total_supply),
            whole(m.burned),
            whole(m.circulating),
            whole(m.staked),
            whole(m.dao_treasury)
        ));
    }
    out.push_str(&format!(
        "  mining: {} epochs closed, {} BTT scheduled, {} BTT paid to nodes, {} BTT carried\n",
        r.epochs_closed,
        whole(r.emission_scheduled_ubtt),
        whole(r.mined_ubtt),
        whole(r.carried_ubtt)
    ));
    let l = &r.ledger;
    out.push_str(&format!(
        "  compute: {} jobs posted, {} accepted, {} missed (expired, slashed), {} disputed; demand not posted for lack of BTT at the desk {} BTT\n",
        l.jobs_posted, l.jobs_accepted, l.jobs_missed, l.jobs_disputed, whole(l.compute_unmet)
    ));
    out.push_str(&format!(
        "  patients: {} points awarded, {} redeemed, {} converted; {} payments ({} in USDC), {} refunded; the insurer last saw {} points of engagement over 12 periods\n",
        l.points_awarded, l.points_redeemed, l.points_converted, l.payments, l.payments_in_usdc, l.payments_refunded, l.engagement_points
    ));
    out.push_str(&format!(
        "  assets: {} tokenized, {} vaulted, {} share purchases, {} USDC of income, {} bought out\n",
        r.assets,
        r.vaults,
        l.share_trades,
        l.income_uusdc.u128() / 1_000_000,
        l.buyouts
    ));
    out.push_str(
        "  revenue mix (gross share | take rate | fee share | paper contribution | paper volume Q2 2025 | 2026):\n",
    );
    for m in &r.revenue_mix {
        out.push_str(&format!(
            "    {:<28} {:>6.2}% | {:>6.2}% | {:>6.2}% | {:>3}% | {:>6.2}% | {:>6.2}%\n",
            m.name,
            f64::from(m.gross_bps) / 100.0,
            f64::from(m.take_rate_bps) / 100.0,
            f64::from(m.fees_bps) / 100.0,
            m.paper_contribution_pct,
            f64::from(m.paper_volume_now_bps) / 100.0,
            f64::from(m.paper_volume_2026_bps) / 100.0
        ));
    }
    out.push_str("  node returns a month (on capital incl. the bond | on hardware | the paper):\n");
    for n in &r.node_returns {
        out.push_str(&format!(
            "    {:<14} {:>8.2}% | {:>8.2}% | {}–{}%{}\n",
            n.scale,
            n.roi_bps_month as f64 / 100.0,
            n.roi_hardware_bps_month as f64 / 100.0,
            n.paper_roi_pct.0,
            n.paper_roi_pct.1,
            if n.in_paper_band {
                ""
            } else {
                "  (misses the paper's band)"
            }
        ));
    }
    out.push_str(&format!(
        "  stakers: {} BTT and {} USDC claimed; APR {:.2}% at the stated price\n",
        whole(r.stakers.rewards_btt),
        r.stakers.rewards_uusdc.u128() / 1_000_000,
        r.stakers.apr_bps as f64 / 100.0
    ));
    out.push_str("  proposals:\n");
    for p in &r.proposals {
        out.push_str(&format!(
            "    month {:>2} #{:<3} {:<70} {}\n",
            p.month, p.id, p.title, p.outcome
        ));
    }
    out.push_str("  findings:\n");
    for f in &r.findings {
        out.push_str(&format!("    - {f}\n"));
    }
    out.push_str(&format!(
        "  {} transactions ({} refused by a contract), {} invariant checks passed\n",
        r.transactions, r.refused, r.invariants_checked
    ));
    out
}
