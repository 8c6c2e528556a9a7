//! Every assumption of the living economy, in one place: how the paper's monthly volumes become
//! on-chain demand, the prices that convert them, the hardware the nodes bought, and how many
//! actors of each kind a run has. Nothing here is tuned to make a figure of the report match
//! the paper; where a figure misses, the report says so.
//!
//! The contracts' own parameters (prices, fees, caps, bonds) are the genesis plan's
//! (`btt_deploy::genesis`), not assumptions of the run.

use serde::Serialize;

/// The paper's four revenue streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    Compute,
    Tokenization,
    Incentives,
    Payfi,
}

impl Stream {
    pub const ALL: [Stream; 4] = [
        Stream::Compute,
        Stream::Tokenization,
        Stream::Incentives,
        Stream::Payfi,
    ];

    /// The paper's name of the stream.
    pub fn name(self) -> &'static str {
        match self {
            Stream::Compute => "Computational marketplace",
            Stream::Tokenization => "Asset tokenization",
            Stream::Incentives => "Patient incentives",
            Stream::Payfi => "PayFi network",
        }
    }
}

/// A monthly volume the paper states, at a month of the run.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Anchor {
    /// Month of the run (month 0 is the genesis, read as January 2025).
    pub month: f64,
    /// Million RMB a month.
    pub million_rmb: f64,
}

/// One stream's volume as the paper gives it.
#[derive(Debug, Clone, Serialize)]
pub struct StreamVolume {
    pub stream: Stream,
    /// The stated points, in time order.
    pub anchors: Vec<Anchor>,
    /// The paper's "ecosystem contribution" column, percent.
    pub contribution_pct: u32,
}

/// Month 0 of the run is January 2025 ("early 2025"); Q2 2025 is read as mid-May (month 4.5)
/// and "2026" / "by the end of 2026" as December 2026 (month 23).
pub const Q2_2025: f64 = 4.5;
/// See [`Q2_2025`].
pub const END_2026: f64 = 23.0;

impl StreamVolume {
    /// The volume in million RMB a month at `month`: log-linear between the paper's points,
    /// the first point's before it, and held at the last point after it (the paper projects
    /// nothing beyond 2026).
    pub fn million_rmb_at(&self, month: f64) -> f64 {
        let first = self.anchors[0];
        if month <= first.month {
            return first.million_rmb;
        }
        for pair in self.anchors.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if month <= b.month {
                let t = (month - a.month) / (b.month - a.month);
                return a.million_rmb * (b.million_rmb / a.million_rmb).powf(t);
            }
        }
        self.anchors[self.anchors.len() - 1].million_rmb
    }
}

/// The paper's volumes: compute 5M RMB early 2025, 35M in Q2 2025, 100M by the end of 2026;
/// tokenization 4M → 12M; incentives 8M → 30M; PayFi 3M → 20M (about 12% a month); and the
/// "ecosystem contribution" column 45/25/20/10.
pub fn paper_volumes() -> Vec<StreamVolume> {
    let v = |stream, points: &[(f64, f64)], contribution_pct| StreamVolume {
        stream,
        anchors: points
            .iter()
            .map(|&(month, million_rmb)| Anchor { month, million_rmb })
            .collect(),
        contribution_pct,
    };
    vec![
        v(
            Stream::Compute,
            &[(0.0, 5.0), (Q2_2025, 35.0), (END_2026, 100.0)],
            45,
        ),
        v(
            Stream::Tokenization,
            &[(Q2_2025, 4.0), (END_2026, 12.0)],
            25,
        ),
        v(Stream::Incentives, &[(Q2_2025, 8.0), (END_2026, 30.0)], 20),
        v(Stream::Payfi, &[(Q2_2025, 3.0), (END_2026, 20.0)], 10),
    ]
}

/// A node scale of the paper, with the hardware it is assumed to have bought.
#[derive(Debug, Clone, Serialize)]
pub struct NodeScale {
    /// "home", "medium" or "institutional".
    pub name: &'static str,
    /// GPUs of each node of this scale.
    pub gpus: u32,
    /// Assumed hardware cost per GPU, USDC.
    pub usdc_per_gpu: u64,
    /// Assumed running cost (power, hosting) per GPU a month, USDC.
    pub opex_usdc_per_gpu_month: u64,
    /// The paper's monthly ROI band, percent.
    pub paper_roi_pct: (u32, u32),
    /// Nodes of this scale per unit of `--scale`.
    pub per_scale: u32,
}

/// A clinic size, on the subscription tier of the same index.
#[derive(Debug, Clone, Serialize)]
pub struct ClinicSize {
    /// "small", "medium" or "large".
    pub name: &'static str,
    /// Index of its subscription tier in the genesis plan.
    pub tier: u32,
    /// Weight of its share of the compute and payment demand.
    pub demand_weight: u32,
    /// Clinics of this size per unit of `--scale`.
    pub per_scale: u32,
    /// Patients each clinic serves.
    pub patients: u32,
}

/// Everything the run assumes.
#[derive(Debug, Clone, Serialize)]
pub struct Assumptions {
    /// RMB per USDC.
    pub rmb_per_usdc: f64,
    /// USDC per BTT; the feeder posts this rate and the desk trades at it.
    pub usdc_per_btt: u64,
    /// Share of the paper's volume one unit of `--scale` models (1/100 at scale 1).
    pub sample_per_scale: f64,
    pub volumes: Vec<StreamVolume>,
    pub nodes: Vec<NodeScale>,
    pub clinics: Vec<ClinicSize>,
    /// Of 100 jobs: how many the node misses the deadline of, and how many the clinic disputes.
    pub missed_per_100: u32,
    pub disputed_per_100: u32,
    /// Of 100 payments: how many the provider refunds inside the window.
    pub refunded_per_100: u32,
    /// Of 100 payments: how many the patient pays in USDC at the oracle rate (the rest in BTT
    /// bought from the desk).
    pub usdc_paid_per_100: u32,
    /// Investors buying shares, per unit of `--scale`.
    pub investors_per_scale: u32,
    /// Monthly lease income an asset pays its vault, basis points of its appraised value.
    pub income_bps_per_month: u32,
    /// The months in which the oldest vault still trading is bought out.
    pub buyout_months: Vec<u64>,
}

impl Assumptions {
    /// The assumptions of the default run.
    pub fn paper() -> Self {
        Self {
            rmb_per_usdc: 7.2,
            usdc_per_btt: 5,
            sample_per_scale: 0.01,
            volumes: paper_volumes(),
            nodes: vec![
                NodeScale {
                    name: "home",
                    gpus: 4,
                    usdc_per_gpu: 1_600,
                    opex_usdc_per_gpu_month: 40,
                    paper_roi_pct: (8, 14),
                    per_scale: 2,
                },
                NodeScale {
                    name: "medium",
                    gpus: 24,
                    usdc_per_gpu: 2_500,
                    opex_usdc_per_gpu_month: 60,
                    paper_roi_pct: (12, 18),
                    per_scale: 1,
                },
                NodeScale {
                    name: "institutional",
                    gpus: 64,
                    usdc_per_gpu: 8_000,
                    opex_usdc_per_gpu_month: 120,
                    paper_roi_pct: (15, 22),
                    per_scale: 1,
                },
            ],
            clinics: vec![
                ClinicSize {
                    name: "small",
                    tier: 0,
                    demand_weight: 1,
                    per_scale: 2,
                    patients: 2,
                },
                ClinicSize {
                    name: "medium",
                    tier: 1,
                    demand_weight: 3,
                    per_scale: 1,
                    patients: 3,
                },
                ClinicSize {
                    name: "large",
                    tier: 2,
                    demand_weight: 8,
                    per_scale: 1,
                    patients: 4,
                },
            ],
            missed_per_100: 3,
            disputed_per_100: 2,
            refunded_per_100: 4,
            usdc_paid_per_100: 60,
            investors_per_scale: 3,
            income_bps_per_month: 80,
            buyout_months: vec![30, 42],
        }
    }

    /// The paper's volume of `stream` at `month`, sampled for `scale` and converted to ubtt at
    /// the stated prices (rounded down to a whole BTT).
    pub fn monthly_ubtt(&self, stream: Stream, month: f64, scale: u32) -> u128 {
        let volume = self
            .volumes
            .iter()
            .find(|v| v.stream == stream)
            .map_or(0.0, |v| v.million_rmb_at(month));
        let usdc = volume * 1e6 * self.sample_per_scale * f64::from(scale) / self.rmb_per_usdc;
        let btt = (usdc / self.usdc_per_btt as f64).floor();
        (btt as u128) * 1_000_000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_volumes_pass_through_the_papers_points_and_hold_after_2026() {
        let volumes = paper_volumes();
        let compute = &volumes[0];
        assert_eq!(compute.million_rmb_at(0.0), 5.0);
        assert!((compute.million_rmb_at(Q2_2025) - 35.0).abs() < 1e-9);
        assert!((compute.million_rmb_at(END_2026) - 100.0).abs() < 1e-9);
        assert!((compute.million_rmb_at(40.0) - 100.0).abs() < 1e-9);
        let payfi = &volumes[3];
        let growth = (payfi.million_rmb_at(12.0) / payfi.million_rmb_at(11.0) - 1.0) * 100.0;
        assert!(
            (10.0..12.0).contains(&growth),
            "PayFi grows about 11% a month between the paper's points, got {growth:.1}%"
        );
        let sum: u32 = volumes.iter().map(|v| v.contribution_pct).sum();
        assert_eq!(sum, 100);
    }

    #[test]
    fn a_months_demand_is_the_sampled_volume_at_the_stated_prices() {
        let a = Assumptions::paper();
        // 100M RMB × 1% / 7.2 RMB per USDC / 5 USDC per BTT = 27,777 BTT.
        assert_eq!(a.monthly_ubtt(Stream::Compute, 30.0, 1), 27_777 * 1_000_000);
        assert_eq!(
            a.monthly_ubtt(Stream::Compute, 30.0, 10),
            277_777 * 1_000_000
        );
    }
}
