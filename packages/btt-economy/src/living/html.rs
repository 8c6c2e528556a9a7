//! The report a person reads: one self-contained HTML page (`out/report.html`) with the charts
//! inline as SVG and the tables beside them. Every chart is a `<figure data-chart=NAME
//! data-points=N>`, so a browser test can check that each one has data.

use std::fmt::Write;

use cosmwasm_std::Uint128;

use super::outcome::LivingReport;
use crate::charts::{horizontal_bars, lines, series_by_name, stacked_area, Series};

fn btt_f(v: Uint128) -> f64 {
    v.u128() as f64 / 1e6
}

fn usd(v: Uint128) -> String {
    format!("{:.0}", v.u128() as f64 / 1e6)
}

fn pct(bps: u32) -> String {
    format!("{}.{:02}%", bps / 100, bps % 100)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn figure(out: &mut String, name: &str, points: usize, svg: String) {
    let _ = writeln!(
        out,
        r#"<figure data-chart="{name}" data-points="{points}">{svg}</figure>"#
    );
}

/// The whole page.
pub fn render(r: &LivingReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BTT living economy: {months} months, seed {seed}, scale {scale}</title>
<style>
body {{ font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; }}
table {{ border-collapse: collapse; margin: 1rem 0; font-size: 14px; }}
th, td {{ border: 1px solid #ddd; padding: 4px 8px; text-align: right; }}
th:first-child, td:first-child {{ text-align: left; }}
figure {{ margin: 1.5rem 0; }}
.miss {{ color: #b00; }} .hit {{ color: #070; }}
</style></head><body>
<h1>BTT living economy</h1>
<p>{months} months from genesis, seed {seed}, scale {scale}: {txs} transactions ({refused} refused by a contract),
{checked} invariants checked at every month's start. Every number below was read from contract state.</p>
<p>Mining: {closed} epochs closed, {scheduled} BTT scheduled, {mined} BTT claimed by nodes, {locked} BTT locked or claimable, {carried} BTT carried.</p>
"#,
        months = r.params.months,
        seed = r.params.seed,
        scale = r.params.scale,
        txs = r.transactions,
        refused = r.refused,
        checked = r.invariants_checked,
        closed = r.epochs_closed,
        scheduled = btt_f(r.emission_scheduled_ubtt).floor(),
        mined = btt_f(r.mined_ubtt).floor(),
        locked = btt_f(r.locked_ubtt).floor(),
        carried = btt_f(r.carried_ubtt).floor(),
    );
    paper_table(&mut out, r);
    out.push_str("<h2>Findings</h2>\n<ul>\n");
    for f in &r.findings {
        let _ = writeln!(out, "<li>{}</li>", esc(f));
    }
    out.push_str("</ul>\n");
    let labels: Vec<String> = r.months.iter().map(|m| format!("m{}", m.month)).collect();

    // 1. The unlock curve by category.
    out.push_str("<h2>Unlocked by vesting, by category</h2>\n");
    let rows: Vec<&[(String, Uint128)]> = r.months.iter().map(|m| m.unlocked.as_slice()).collect();
    let series = series_by_name(&rows);
    figure(
        &mut out,
        "unlock",
        r.months.len(),
        stacked_area(
            "BTT unlocked by vesting, by category",
            "read from btt-vesting at every month's start",
            "BTT",
            &labels,
            6,
            &series,
        ),
    );

    // 2. Emission scheduled vs paid, by epoch.
    out.push_str("<h2>Mining emission scheduled and paid, by epoch</h2>\n");
    let epoch_labels: Vec<String> = r.epochs.iter().map(|e| format!("e{}", e.epoch)).collect();
    let series = vec![
        Series {
            name: "scheduled".into(),
            values: r.epochs.iter().map(|e| btt_f(e.emission)).collect(),
        },
        Series {
            name: "work pool paid".into(),
            values: r.epochs.iter().map(|e| btt_f(e.work_paid)).collect(),
        },
        Series {
            name: "capacity pool paid".into(),
            values: r.epochs.iter().map(|e| btt_f(e.capacity_paid)).collect(),
        },
        Series {
            name: "claimed by nodes".into(),
            values: r.epochs.iter().map(|e| btt_f(e.paid)).collect(),
        },
    ];
    figure(
        &mut out,
        "emission",
        r.epochs.len(),
        lines(
            "Mining emission by epoch",
            "work: at most β of the clinic jobs' fees and ω of the budget; capacity: the rest, by verified score; what neither pays is carried",
            "BTT",
            &epoch_labels,
            26,
            &series,
        ),
    );

    // 3. Circulating, staked and burned.
    out.push_str("<h2>Circulating, staked and burned supply</h2>\n");
    let series = vec![
        Series {
            name: "circulating".into(),
            values: r.months.iter().map(|m| btt_f(m.circulating)).collect(),
        },
        Series {
            name: "staked".into(),
            values: r.months.iter().map(|m| btt_f(m.staked)).collect(),
        },
        Series {
            name: "burned".into(),
            values: r.months.iter().map(|m| btt_f(m.burned)).collect(),
        },
        Series {
            name: "DAO treasury".into(),
            values: r.months.iter().map(|m| btt_f(m.dao_treasury)).collect(),
        },
    ];
    figure(
        &mut out,
        "supply",
        r.months.len(),
        lines(
            "Supply by month",
            "circulating = supply − vesting − pools − treasury",
            "BTT",
            &labels,
            6,
            &series,
        ),
    );

    // 4. Fees by stream and recipient: a bar per stream, the split by recipient in a table.
    out.push_str("<h2>Fees by stream and recipient</h2>\n");
    let price = r.assumptions.usdc_per_btt as f64;
    let value = |denom: &str, amount: Uint128| match denom {
        "BTT" => Some(btt_f(amount) * price),
        "USDC" => Some(btt_f(amount)),
        _ => None,
    };
    let recipients: Vec<&str> = {
        let mut v: Vec<&str> = r.fees.iter().map(|f| f.recipient.as_str()).collect();
        v.sort();
        v.dedup();
        v
    };
    let mut streams: Vec<(String, Vec<f64>)> = vec![];
    for f in &r.fees {
        let Some(usd) = value(&f.denom, f.amount) else {
            continue;
        };
        let i = match streams.iter().position(|(s, _)| *s == f.stream) {
            Some(i) => i,
            None => {
                streams.push((f.stream.clone(), vec![0.0; recipients.len()]));
                streams.len() - 1
            }
        };
        let j = recipients
            .iter()
            .position(|x| *x == f.recipient)
            .unwrap_or(0);
        streams[i].1[j] += usd;
    }
    let bars: Vec<(String, f64)> = streams
        .iter()
        .map(|(s, parts)| (s.clone(), parts.iter().sum()))
        .collect();
    figure(
        &mut out,
        "fees",
        bars.len(),
        horizontal_bars(
            "Protocol fees by stream",
            "BTT valued at the stated price, USDC at face value; vault-share fees left out",
            "USDC",
            &bars,
        ),
    );
    out.push_str("<table><tr><th>stream (USDC value)</th>");
    for who in &recipients {
        let _ = write!(out, "<th>{}</th>", esc(who));
    }
    out.push_str("</tr>\n");
    for (stream, parts) in &streams {
        let _ = write!(out, "<tr><td>{}</td>", esc(stream));
        for p in parts {
            let _ = write!(out, "<td>{p:.0}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");

    // 5. Stakers' rewards.
    out.push_str("<h2>Stakers' rewards</h2>\n");
    let series = vec![
        Series {
            name: "routed to stakers, BTT".into(),
            values: r
                .months
                .iter()
                .map(|m| btt_f(m.staker_rewards_btt))
                .collect(),
        },
        Series {
            name: "routed to stakers, USDC / price".into(),
            values: r
                .months
                .iter()
                .map(|m| btt_f(m.staker_rewards_uusdc) / price)
                .collect(),
        },
    ];
    figure(
        &mut out,
        "stakers",
        r.months.len(),
        lines(
            "Rewards routed to stakers, cumulative",
            "USDC rewards shown in BTT at the stated price",
            "BTT",
            &labels,
            6,
            &series,
        ),
    );
    let _ = writeln!(
        out,
        "<p>Claimed by the institutions: {} BTT and {} USDC; average stake {} BTT; APR at the stated price <b>{}</b>.</p>",
        btt_f(r.stakers.rewards_btt).floor(),
        usd(r.stakers.rewards_uusdc),
        btt_f(r.stakers.average_staked).floor(),
        pct(r.stakers.apr_bps as u32)
    );

    // 6. Node ROI by scale.
    out.push_str("<h2>Node returns by scale</h2>\n<table><tr><th>scale</th><th>nodes</th><th>GPUs</th><th>capital (hardware + bond), USDC</th><th>income / month, USDC</th><th>running cost / month</th><th>monthly ROI</th><th>on hardware only</th><th>paper</th><th>jobs done / missed / disputed</th></tr>\n");
    let mut roi_bars = vec![];
    for n in &r.node_returns {
        let class = if n.in_paper_band { "hit" } else { "miss" };
        let _ = writeln!(
            out,
            r#"<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="{class}">{:.2}%</td><td>{:.2}%</td><td>{}–{}%</td><td>{} / {} / {}</td></tr>"#,
            n.scale,
            n.nodes,
            n.gpus_per_node,
            usd(n.capital_uusdc),
            usd(n.income_uusdc_month),
            usd(n.opex_uusdc_month),
            n.roi_bps_month as f64 / 100.0,
            n.roi_hardware_bps_month as f64 / 100.0,
            n.paper_roi_pct.0,
            n.paper_roi_pct.1,
            n.jobs_done,
            n.jobs_missed,
            n.jobs_disputed
        );
        roi_bars.push((
            format!("{} measured (on hardware)", n.scale),
            (n.roi_hardware_bps_month as f64 / 100.0).max(0.0),
        ));
        roi_bars.push((
            format!("{} paper midpoint", n.scale),
            f64::from(n.paper_roi_pct.0 + n.paper_roi_pct.1) / 2.0,
        ));
    }
    out.push_str("</table>\n");
    figure(
        &mut out,
        "roi",
        roi_bars.len(),
        horizontal_bars(
            "Monthly ROI by node scale",
            "measured on the hardware alone (losses shown as 0) beside the paper's band midpoint",
            "%",
            &roi_bars,
        ),
    );

    // 7. The revenue mix against the paper.
    out.push_str("<h2>Revenue mix against the paper</h2>\n<table><tr><th>stream</th><th>measured fees</th><th>share</th><th>measured gross volume</th><th>share</th><th>paper: contribution</th><th>paper: volume Q2 2025</th><th>paper: volume 2026</th></tr>\n");
    let mut mix_bars = vec![];
    for m in &r.revenue_mix {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}%</td><td>{}</td><td>{}</td></tr>",
            m.name,
            usd(m.fees_uusdc),
            pct(m.fees_bps),
            usd(m.gross_uusdc),
            pct(m.gross_bps),
            m.paper_contribution_pct,
            pct(m.paper_volume_now_bps),
            pct(m.paper_volume_2026_bps)
        );
        mix_bars.push((
            format!("{} measured fees", m.name),
            f64::from(m.fees_bps) / 100.0,
        ));
        mix_bars.push((
            format!("{} paper contribution", m.name),
            f64::from(m.paper_contribution_pct),
        ));
    }
    out.push_str("</table>\n");
    figure(
        &mut out,
        "mix",
        mix_bars.len(),
        horizontal_bars(
            "Revenue mix: measured fee shares beside the paper's contribution column",
            "USDC at face value, BTT at the stated price",
            "%",
            &mix_bars,
        ),
    );

    // 8. Every proposal.
    out.push_str("<h2>Proposals</h2>\n<table><tr><th>#</th><th>month</th><th>title</th><th>outcome</th><th>yes power</th><th>total power</th></tr>\n");
    for p in &r.proposals {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            p.id,
            p.month,
            esc(&p.title),
            p.outcome,
            btt_f(p.yes_power).floor(),
            btt_f(p.total_power).floor()
        );
    }
    out.push_str("</table>\n");

    // Outcomes by message.
    out.push_str("<h2>Messages</h2>\n<table><tr><th>message</th><th>executed</th><th>refused (by error)</th></tr>\n");
    for (name, o) in &r.outcomes {
        let refused: Vec<String> = o
            .refused
            .iter()
            .map(|(e, n)| format!("{n} × {}", esc(e)))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(name),
            o.ok,
            refused.join("<br>")
        );
    }
    out.push_str("</table>\n</body></html>\n");
    out
}

/// The first table: every figure the paper states, measured and judged; then the attackers,
/// the network and the assumptions with their sources.
fn paper_table(out: &mut String, r: &LivingReport) {
    out.push_str(
        "<h2>The paper's figures</h2>\n<table data-table=\"paper-figures\"><tr><th>the paper</th><th>measured</th><th>met</th><th>cause</th><th>arithmetic</th></tr>\n",
    );
    for f in &r.paper_figures {
        let _ = writeln!(
            out,
            r#"<tr><td>{}</td><td>{}</td><td class="{}">{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&f.figure),
            esc(&f.measured),
            if f.met { "hit" } else { "miss" },
            if f.met { "met" } else { "not met" },
            f.cause
                .map_or(String::new(), |c| format!("{c:?}").to_lowercase()),
            esc(&f.arithmetic)
        );
    }
    out.push_str("</table>\n");
    out.push_str("<h2>Side by side</h2>\n<table><tr><th>node scale</th><th>return a month</th><th>on hardware</th><th>the paper</th></tr>\n");
    for n in &r.node_returns {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{:.2}%</td><td>{:.2}%</td><td>{}-{}%</td></tr>",
            n.scale,
            n.roi_bps_month as f64 / 100.0,
            n.roi_hardware_bps_month as f64 / 100.0,
            n.paper_roi_pct.0,
            n.paper_roi_pct.1
        );
    }
    let _ = writeln!(
        out,
        "<tr><td>stakers (APR)</td><td colspan=3>{:.2}% a year on {} BTT staked on average</td></tr></table>",
        r.stakers.apr_bps as f64 / 100.0,
        usd(r.stakers.average_staked)
    );
    out.push_str("<table><tr><th>stream</th><th>gross (USDC)</th><th>gross share</th><th>take rate</th><th>fees (USDC)</th><th>fee share</th><th>paper contribution</th></tr>\n");
    for m in &r.revenue_mix {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}%</td></tr>",
            m.name,
            usd(m.gross_uusdc),
            pct(m.gross_bps),
            pct(m.take_rate_bps),
            usd(m.fees_uusdc),
            pct(m.fees_bps),
            m.paper_contribution_pct
        );
    }
    out.push_str("</table>\n<h2>The attackers</h2>\n<table><tr><th>who</th><th>strategy</th><th>spent (BTT)</th><th>got back (BTT)</th><th>slashed (BTT)</th><th>ended with</th></tr>\n");
    for a in &r.attackers {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{:.2}</td><td>{:.2}</td><td>{:.2}</td><td>{}</td></tr>",
            a.name,
            esc(a.strategy),
            btt_f(a.spent),
            btt_f(a.got_back),
            btt_f(a.slashed),
            esc(&a.verdict)
        );
    }
    let _ = writeln!(
        out,
        "</table>\n<p>The network at the end: {} clinics (small / medium / large {}), {} GPUs ({}); the clinic groups paid {} seats in {} subscriptions.</p>",
        r.network.clinics.iter().sum::<u64>(),
        r.network.clinics.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" / "),
        r.network.gpus.values().sum::<u64>(),
        r.network.gpus.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", "),
        r.network.seats_paid,
        r.network.subscriptions
    );
    out.push_str("<h2>Assumptions and their sources</h2>\n<table data-table=\"assumptions\"><tr><th>assumption</th><th>value</th><th>source</th></tr>\n");
    for a in &r.assumptions_table {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&a.figure),
            esc(&a.value),
            esc(a.source)
        );
    }
    out.push_str("</table>\n");
}
