//! SVG charts of the main job's report, written without dependencies: a stacked-area chart (the
//! unlock curve by category), a line-and-bars chart (the mining emission) and a horizontal bar
//! chart (fees by stream). Off-chain reporting only: floats are fine here, never in contracts.

use std::fmt::Write;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 540.0;
const LEFT: f64 = 90.0;
const RIGHT: f64 = 250.0;
const TOP: f64 = 60.0;
const BOTTOM: f64 = 60.0;

/// A readable palette (Okabe–Ito, then greys).
pub const PALETTE: [&str; 11] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#999999", "#666666", "#BBBBBB",
];

/// One named series of values.
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// One series per name of the first point's `(name, ubtt)` rows, in BTT, over `points`: the
/// unlock curve by category.
pub fn series_by_name(points: &[&[(String, cosmwasm_std::Uint128)]]) -> Vec<Series> {
    let names: Vec<String> = points
        .first()
        .map(|p| p.iter().map(|(n, _)| n.clone()).collect())
        .unwrap_or_default();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| Series {
            name,
            values: points
                .iter()
                .map(|p| p.get(i).map_or(0.0, |(_, v)| v.u128() as f64 / 1e6))
                .collect(),
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// 1234567 → "1.2M", 12345 → "12.3k".
pub fn short(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

/// A round axis maximum at or above `max`.
fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let exp = 10f64.powf(max.log10().floor());
    for step in [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if step * exp >= max {
            return step * exp;
        }
    }
    10.0 * exp
}

fn frame(out: &mut String, title: &str, subtitle: &str) {
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="{LEFT}" y="28" font-size="20" font-weight="bold" fill="#222">{}</text>
<text x="{LEFT}" y="48" font-size="13" fill="#555">{}</text>
"##,
        escape(title),
        escape(subtitle)
    );
}

fn y_axis(out: &mut String, max: f64, unit: &str) {
    let plot_h = HEIGHT - TOP - BOTTOM;
    for i in 0..=5 {
        let v = max * i as f64 / 5.0;
        let y = TOP + plot_h - plot_h * i as f64 / 5.0;
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#e5e5e5"/><text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="#444">{}</text>"##,
            WIDTH - RIGHT,
            LEFT - 8.0,
            y + 4.0,
            short(v)
        );
    }
    let _ = writeln!(
        out,
        r##"<text x="18" y="{:.1}" font-size="12" fill="#444" transform="rotate(-90 18 {:.1})" text-anchor="middle">{}</text>"##,
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0,
        escape(unit)
    );
}

fn legend(out: &mut String, names: &[&str]) {
    for (i, name) in names.iter().enumerate() {
        let y = TOP + 10.0 + i as f64 * 22.0;
        let x = WIDTH - RIGHT + 20.0;
        let _ = writeln!(
            out,
            r##"<rect x="{x}" y="{:.1}" width="14" height="14" fill="{}"/><text x="{}" y="{:.1}" font-size="12" fill="#222">{}</text>"##,
            y - 11.0,
            PALETTE[i % PALETTE.len()],
            x + 20.0,
            y,
            escape(name)
        );
    }
}

/// Every `label_every`-th x label (and the last) under the plot, the legend of `series`, and
/// the end of the SVG.
fn x_axis_and_legend(
    out: &mut String,
    x_labels: &[String],
    label_every: usize,
    x: &dyn Fn(usize) -> f64,
    series: &[Series],
) {
    let n = x_labels.len();
    for (i, label) in x_labels.iter().enumerate() {
        if i % label_every.max(1) == 0 || i + 1 == n {
            let _ = writeln!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#444">{}</text>"##,
                x(i),
                HEIGHT - BOTTOM + 18.0,
                escape(label)
            );
        }
    }
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    legend(out, &names);
    out.push_str("</svg>\n");
}

/// A stacked-area chart of `series` over `x_labels` (every `label_every`-th label shown).
pub fn stacked_area(
    title: &str,
    subtitle: &str,
    unit: &str,
    x_labels: &[String],
    label_every: usize,
    series: &[Series],
) -> String {
    let n = x_labels.len();
    let totals: Vec<f64> = (0..n)
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let max = nice_max(totals.iter().cloned().fold(0.0, f64::max));
    let (plot_w, plot_h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let x = |i: usize| LEFT + plot_w * i as f64 / (n.max(2) - 1) as f64;
    let y = |v: f64| TOP + plot_h - plot_h * v / max;
    let mut out = String::new();
    frame(&mut out, title, subtitle);
    y_axis(&mut out, max, unit);
    let mut base = vec![0.0; n];
    for (k, s) in series.iter().enumerate() {
        let top: Vec<f64> = (0..n)
            .map(|i| base[i] + s.values.get(i).copied().unwrap_or(0.0))
            .collect();
        let mut points: Vec<String> = (0..n)
            .map(|i| format!("{:.1},{:.1}", x(i), y(top[i])))
            .collect();
        points.extend(
            (0..n)
                .rev()
                .map(|i| format!("{:.1},{:.1}", x(i), y(base[i]))),
        );
        let _ = writeln!(
            out,
            r##"<polygon points="{}" fill="{}" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.5"/>"##,
            points.join(" "),
            PALETTE[k % PALETTE.len()]
        );
        base = top;
    }
    x_axis_and_legend(&mut out, x_labels, label_every, &x, series);
    out
}

/// Vertical bars (per period) with a line of their running total, on one scale.
pub fn bars_with_total(
    title: &str,
    subtitle: &str,
    unit: &str,
    x_labels: &[String],
    values: &[f64],
    total_name: &str,
) -> String {
    let n = values.len().max(1);
    let mut running = 0.0;
    let cumulative: Vec<f64> = values
        .iter()
        .map(|v| {
            running += v;
            running
        })
        .collect();
    let max = nice_max(running);
    let (plot_w, plot_h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let slot = plot_w / n as f64;
    let mut out = String::new();
    frame(&mut out, title, subtitle);
    y_axis(&mut out, max, unit);
    for (i, v) in values.iter().enumerate() {
        let h = plot_h * v / max;
        let _ = writeln!(
            out,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{}"><title>{}: {}</title></rect><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#222">{}</text>"##,
            LEFT + slot * i as f64 + slot * 0.15,
            TOP + plot_h - h,
            slot * 0.7,
            PALETTE[0],
            escape(&x_labels[i]),
            short(*v),
            LEFT + slot * (i as f64 + 0.5),
            TOP + plot_h - h - 4.0,
            short(*v)
        );
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#444">{}</text>"##,
            LEFT + slot * (i as f64 + 0.5),
            HEIGHT - BOTTOM + 18.0,
            escape(&x_labels[i])
        );
    }
    let points: Vec<String> = cumulative
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{:.1},{:.1}",
                LEFT + slot * (i as f64 + 0.5),
                TOP + plot_h - plot_h * c / max
            )
        })
        .collect();
    let _ = writeln!(
        out,
        r##"<polyline points="{}" fill="none" stroke="{}" stroke-width="3"/>"##,
        points.join(" "),
        PALETTE[1]
    );
    legend(&mut out, &["emitted in the year", total_name]);
    out.push_str("</svg>\n");
    out
}

/// Horizontal bars, one per (label, value), largest first.
pub fn horizontal_bars(title: &str, subtitle: &str, unit: &str, bars: &[(String, f64)]) -> String {
    let mut bars: Vec<&(String, f64)> = bars.iter().collect();
    bars.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    let max = nice_max(bars.first().map(|b| b.1).unwrap_or(1.0));
    let left = 340.0;
    let plot_w = WIDTH - left - 90.0;
    let row = ((HEIGHT - TOP - BOTTOM) / bars.len().max(1) as f64).min(44.0);
    let mut out = String::new();
    frame(&mut out, title, subtitle);
    for (i, (label, v)) in bars.iter().enumerate() {
        let y = TOP + 10.0 + row * i as f64;
        let w = plot_w * v / max;
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="13" text-anchor="end" fill="#222">{}</text><rect x="{left}" y="{y:.1}" width="{w:.1}" height="{:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222">{} {}</text>"##,
            left - 10.0,
            y + row * 0.45,
            escape(label),
            row * 0.65,
            PALETTE[i % PALETTE.len()],
            left + w + 6.0,
            y + row * 0.45,
            short(*v),
            escape(unit)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// Line series over `x_labels` on one scale (every `label_every`-th label shown), not stacked.
pub fn lines(
    title: &str,
    subtitle: &str,
    unit: &str,
    x_labels: &[String],
    label_every: usize,
    series: &[Series],
) -> String {
    let n = x_labels.len();
    let max = nice_max(
        series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .fold(0.0, f64::max),
    );
    let (plot_w, plot_h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let x = |i: usize| LEFT + plot_w * i as f64 / (n.max(2) - 1) as f64;
    let y = |v: f64| TOP + plot_h - plot_h * v / max;
    let mut out = String::new();
    frame(&mut out, title, subtitle);
    y_axis(&mut out, max, unit);
    for (k, s) in series.iter().enumerate() {
        let points: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
            .collect();
        let _ = writeln!(
            out,
            r##"<polyline points="{}" fill="none" stroke="{}" stroke-width="2" class="series"/>"##,
            points.join(" "),
            PALETTE[k % PALETTE.len()]
        );
    }
    x_axis_and_legend(&mut out, x_labels, label_every, &x, series);
    out
}
