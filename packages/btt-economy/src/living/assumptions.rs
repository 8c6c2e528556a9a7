//! Every assumption of the living economy, in one place, each with its source
//! ([`Assumptions::sources`], printed in the report): the paper's monthly volumes, the prices that
//! convert them (the exchange rate, the BTT price, GPU cloud prices), the hardware the nodes
//! bought, the assets the providers tokenize, and how the network splits into the sampled
//! actors and the aggregate actors that stand for the rest of it. Nothing here is tuned to make
//! a figure of the report match the paper; where a figure misses, the report says so.
//!
//! **One scale.** The run measures the paper's whole network: the pools (mining, community,
//! vesting, stake) are full size, so the demand is too. A few actors of each kind are *sampled*
//! at their true size (a clinic's own subscription, jobs, patients' payments; a home node's 4
//! GPUs; an asset's whole appraisal), and the rest of the network is present as *aggregate*
//! actors: a clinic group per clinic size that subscribes the other clinics' seats and posts
//! their jobs and payments, and a network node per GPU class with the other GPUs. The network's
//! size follows the paper: its clinic count from the incentive volume at the genesis
//! subscription prices, its GPUs from the compute volume at the genesis unit prices and an
//! assumed utilisation.
//!
//! The contracts' own parameters (prices, fees, caps, bonds) are the genesis plan's
//! (`btt_deploy::genesis`), not assumptions of the run; their origin is stated there.

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
/// Hours in a month (2,629,746 s).
pub const HOURS_PER_MONTH: f64 = 2_629_746.0 / 3_600.0;
/// Weeks in a month.
pub const WEEKS_PER_MONTH: f64 = 2_629_746.0 / 604_800.0;

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

/// A GPU class's price on a public cloud, the anchor of its genesis unit price.
#[derive(Debug, Clone, Serialize)]
pub struct CloudPrice {
    /// The genesis hardware class, "gpu-standard" or "gpu-high".
    pub class: &'static str,
    /// USD per GPU-hour, on demand.
    pub usd_per_gpu_hour: f64,
    /// Share of the compute volume run on this class, percent.
    pub demand_pct: u32,
}

/// A node scale of the paper, with the hardware it is assumed to have bought.
#[derive(Debug, Clone, Serialize)]
pub struct NodeScale {
    /// "home", "medium" or "institutional".
    pub name: &'static str,
    /// GPUs of each node of this scale.
    pub gpus: u32,
    /// Its GPUs' class.
    pub class: &'static str,
    /// Assumed hardware cost per GPU, USDC.
    pub usdc_per_gpu: u64,
    /// Assumed running cost (power, hosting) per GPU a month, USDC.
    pub opex_usdc_per_gpu_month: u64,
    /// The paper's monthly ROI band, percent.
    pub paper_roi_pct: (u32, u32),
    /// Sampled nodes of this scale per unit of `--scale`.
    pub per_scale: u32,
}

/// A clinic size, on the subscription tier of the same index.
#[derive(Debug, Clone, Serialize)]
pub struct ClinicSize {
    /// "small", "medium" or "large".
    pub name: &'static str,
    /// Index of its subscription tier in the genesis plan.
    pub tier: u32,
    /// Share of the network's clinics, percent.
    pub mix_pct: u32,
    /// Weight of a clinic's share of the compute and payment demand.
    pub demand_weight: u32,
    /// Sampled clinics of this size per unit of `--scale`.
    pub per_scale: u32,
    /// Sampled patients of each sampled clinic.
    pub patients: u32,
}

/// An asset a provider tokenizes, at its true size.
#[derive(Debug, Clone, Serialize)]
pub struct AssetKind {
    /// The rwa-nft asset class.
    pub class: &'static str,
    /// What it is.
    pub what: &'static str,
    /// Appraised value, RMB.
    pub rmb: u64,
}

/// One row of the assumptions table: a number and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub figure: String,
    pub value: String,
    pub source: &'static str,
}

/// Everything the run assumes.
#[derive(Debug, Clone, Serialize)]
pub struct Assumptions {
    /// RMB per USDC.
    pub rmb_per_usdc: f64,
    /// USDC per BTT; the feeders post this rate and the desk trades at it.
    pub usdc_per_btt: u64,
    /// GPU cloud prices, per class.
    pub cloud: Vec<CloudPrice>,
    /// The saving against the cloud the genesis unit prices are set at, percent (the paper's
    /// "60-80% cheaper").
    pub saving_pct: u32,
    /// Share of the network's GPU-hours that jobs use, percent: sizes the network.
    pub utilisation_pct: u32,
    pub volumes: Vec<StreamVolume>,
    pub nodes: Vec<NodeScale>,
    pub clinics: Vec<ClinicSize>,
    /// Shares of the incentive volume at the network's scale: provider subscriptions and
    /// insurers' savings shares, percent (partners' fees come only from the sampled patients'
    /// redemptions).
    pub subscription_pct: u32,
    pub insurance_pct: u32,
    /// Of 100 compute jobs: urgent and priority ones (the rest standard).
    pub urgent_per_100: u32,
    pub priority_per_100: u32,
    /// Of 100 jobs: how many the node misses the deadline of, and how many the clinic disputes.
    pub missed_per_100: u32,
    pub disputed_per_100: u32,
    /// Of 100 payments: how many the provider refunds inside the window.
    pub refunded_per_100: u32,
    /// Of 100 payments: how many the patient pays in USDC at the oracle rate (the rest in BTT
    /// bought from the desk).
    pub usdc_paid_per_100: u32,
    /// A patient's payment, RMB: lowest and highest.
    pub payment_rmb: (u64, u64),
    /// The assets providers tokenize, in turn, at their true size.
    pub assets: Vec<AssetKind>,
    /// Investors buying shares, per unit of `--scale`.
    pub investors_per_scale: u32,
    /// Monthly lease income an asset pays its vault, basis points of its appraised value.
    pub income_bps_per_month: u32,
    /// The months in which the oldest vault still trading is bought out.
    pub buyout_months: Vec<u64>,
    /// The self-dealer's wash jobs a week, as a share of its node's GPU-hours, percent.
    pub wash_pct: u32,
}

impl Assumptions {
    /// The assumptions of the default run.
    pub fn paper() -> Self {
        Self {
            rmb_per_usdc: 7.2,
            usdc_per_btt: 5,
            cloud: vec![
                CloudPrice {
                    class: "gpu-standard",
                    usd_per_gpu_hour: 0.80,
                    demand_pct: 60,
                },
                CloudPrice {
                    class: "gpu-high",
                    usd_per_gpu_hour: 4.10,
                    demand_pct: 40,
                },
            ],
            saving_pct: 70,
            utilisation_pct: 50,
            volumes: paper_volumes(),
            nodes: vec![
                NodeScale {
                    name: "home",
                    gpus: 4,
                    class: "gpu-standard",
                    usdc_per_gpu: 1_600,
                    opex_usdc_per_gpu_month: 40,
                    paper_roi_pct: (8, 14),
                    per_scale: 2,
                },
                NodeScale {
                    name: "medium",
                    gpus: 24,
                    class: "gpu-standard",
                    usdc_per_gpu: 2_500,
                    opex_usdc_per_gpu_month: 60,
                    paper_roi_pct: (12, 18),
                    per_scale: 1,
                },
                NodeScale {
                    name: "institutional",
                    gpus: 64,
                    class: "gpu-high",
                    usdc_per_gpu: 15_000,
                    opex_usdc_per_gpu_month: 250,
                    paper_roi_pct: (15, 22),
                    per_scale: 1,
                },
            ],
            clinics: vec![
                ClinicSize {
                    name: "small",
                    tier: 0,
                    mix_pct: 60,
                    demand_weight: 1,
                    per_scale: 2,
                    patients: 2,
                },
                ClinicSize {
                    name: "medium",
                    tier: 1,
                    mix_pct: 30,
                    demand_weight: 3,
                    per_scale: 1,
                    patients: 3,
                },
                ClinicSize {
                    name: "large",
                    tier: 2,
                    mix_pct: 10,
                    demand_weight: 8,
                    per_scale: 1,
                    patients: 4,
                },
            ],
            subscription_pct: 80,
            insurance_pct: 20,
            urgent_per_100: 10,
            priority_per_100: 20,
            missed_per_100: 3,
            disputed_per_100: 2,
            refunded_per_100: 4,
            usdc_paid_per_100: 60,
            payment_rmb: (300, 3_000),
            assets: vec![
                AssetKind {
                    class: "equipment",
                    what: "1.5T MRI scanner",
                    rmb: 8_000_000,
                },
                AssetKind {
                    class: "equipment",
                    what: "64-slice CT scanner",
                    rmb: 4_000_000,
                },
                AssetKind {
                    class: "property",
                    what: "outpatient clinic premises",
                    rmb: 15_000_000,
                },
                AssetKind {
                    class: "equipment",
                    what: "colour Doppler ultrasound",
                    rmb: 1_000_000,
                },
                AssetKind {
                    class: "intellectual_property",
                    what: "imaging-AI model licence",
                    rmb: 2_000_000,
                },
                AssetKind {
                    class: "service_rights",
                    what: "dialysis centre service rights",
                    rmb: 3_000_000,
                },
            ],
            investors_per_scale: 3,
            income_bps_per_month: 80,
            buyout_months: vec![30, 42],
            wash_pct: 50,
        }
    }

    /// Every number of the run with its source, for the report's table.
    pub fn sources(&self) -> Vec<Source> {
        let row = |figure: &str, value: String, source: &'static str| Source {
            figure: figure.into(),
            value,
            source,
        };
        let mut rows = vec![
            row(
                "RMB per USDC",
                format!("{}", self.rmb_per_usdc),
                "USD/CNY central parity of the People's Bank of China, about 7.1-7.3 through 2024-2025",
            ),
            row(
                "USDC per BTT",
                format!("{}", self.usdc_per_btt),
                "assumption (the paper states no price): 105M USDC for 21M BTT; at it a 1.5T MRI scanner (8M RMB) is 222,222 BTT, above the 10,000 BTT burn threshold, and a patient's payment (300-3,000 RMB) is 8-83 BTT",
            ),
        ];
        for c in &self.cloud {
            rows.push(row(
                &format!("cloud price, {}", c.class),
                format!("{:.2} USD per GPU-hour", c.usd_per_gpu_hour),
                if c.class == "gpu-high" {
                    "AWS EC2 p4d.24xlarge (8x NVIDIA A100 40 GB) on demand, 32.77 USD an hour in us-east-1 (2024 list): 4.10 USD per GPU-hour"
                } else {
                    "Google Cloud g2-standard-4 (1x NVIDIA L4 24 GB) on demand, about 0.71 USD an hour in us-central1 (2024 list); 24 GB consumer GPUs rent at 0.4-0.8 USD an hour on GPU marketplaces"
                },
            ));
            rows.push(row(
                &format!("compute volume on {}", c.class),
                format!("{}%", c.demand_pct),
                "assumption: imaging inference runs on standard GPUs, treatment planning and training on high-end ones",
            ));
        }
        rows.extend([
            row(
                "saving against the cloud",
                format!("{}%", self.saving_pct),
                "the paper: \"typically saves healthcare providers 60-80%\"; the middle sets the genesis unit prices",
            ),
            row(
                "utilisation of the network's GPUs",
                format!("{}%", self.utilisation_pct),
                "assumption: the share of listed GPU-hours a rental marketplace sells; sizes the network from the compute volume",
            ),
            row(
                "monthly volumes",
                "compute 5M -> 35M (Q2 2025) -> 100M RMB (end 2026); tokenization 4M -> 12M; incentives 8M -> 30M; PayFi 3M -> 20M".into(),
                "the paper's revenue table, log-linear between its points and held after 2026",
            ),
        ]);
        for n in &self.nodes {
            rows.push(row(
                &format!("{} node", n.name),
                format!(
                    "{} x {} at {} USDC, running {} USDC a GPU a month",
                    n.gpus, n.class, n.usdc_per_gpu, n.opex_usdc_per_gpu_month
                ),
                match n.name {
                    "home" => "NVIDIA RTX 4090 launch price 1,599 USD (2022); 450 W at about 0.12 USD/kWh",
                    "medium" => "an RTX 4090 plus its share of an 8-GPU server chassis and rack; hosting included",
                    _ => "NVIDIA A100 80 GB, about 15,000 USD street price (2024); 400 W plus data-centre hosting",
                },
            ));
        }
        for c in &self.clinics {
            rows.push(row(
                &format!("{} clinics", c.name),
                format!(
                    "{}% of clinics, demand weight {}",
                    c.mix_pct, c.demand_weight
                ),
                "assumption: most participating clinics are small; a large clinic's compute and payments weigh 8 small ones",
            ));
        }
        rows.extend([
            row(
                "incentive volume",
                format!(
                    "{}% subscriptions, {}% insurers' savings shares; partners' fees only from the sampled patients' redemptions",
                    self.subscription_pct, self.insurance_pct
                ),
                "assumption: the paper names the three sources (\"Provider subscriptions, Partner fees, Insurance integration\") but not their shares; the clinic count is subscriptions / the average tier price; a partner pays per point redeemed, so its fees follow patients, which are sampled",
            ),
            row(
                "urgency",
                format!(
                    "{} urgent, {} priority of 100 jobs",
                    self.urgent_per_100, self.priority_per_100
                ),
                "assumption",
            ),
            row(
                "faults",
                format!(
                    "{} missed and {} disputed of 100 jobs; {} of 100 payments refunded",
                    self.missed_per_100, self.disputed_per_100, self.refunded_per_100
                ),
                "assumption",
            ),
            row(
                "a patient's payment",
                format!(
                    "{}-{} RMB",
                    self.payment_rmb.0, self.payment_rmb.1
                ),
                "assumption: an outpatient visit with imaging to a short treatment course",
            ),
            row(
                "lease income of a vaulted asset",
                format!("{}% of its value a month", self.income_bps_per_month as f64 / 100.0),
                "assumption: medical equipment leases yield about 10% a year",
            ),
        ]);
        for a in &self.assets {
            rows.push(row(
                &format!("asset: {}", a.what),
                format!("{} RMB", group(a.rmb)),
                "assumption: the order of magnitude of Chinese public-tender prices",
            ));
        }
        rows.extend([
            row(
                "the insurer's realised savings",
                format!(
                    "its savings share is {}% of the incentive volume; the savings are that over the genesis insurer share",
                    self.insurance_pct
                ),
                "assumption: the twin's insurer stands for every insurer; its savings are stated off chain (premium discounts on engaged patients) and derived from the paper's volume, not from the sampled patients' engagement it reads",
            ),
            row(
                "the market's stakers",
                format!(
                    "buy half of the desk's BTT beyond a {} BTT float each month and stake it without a lock",
                    super::DESK_FLOAT.u128() / 1_000_000
                ),
                "assumption: holders outside the institutions stake what the market does not need to trade; it sets how much is staked, and so the stakers' APR",
            ),
            row(
                "a clinic group's patients",
                format!("{} addresses per group", super::world::GROUP_PATIENTS),
                "the twin's choice: each group's patients pay its clinics' weekly PayFi volume in four aggregate invoices; points are capped per patient, so they stand for few patients' points",
            ),
        ]);
        rows.push(row(
            "the self-dealer",
            format!(
                "wash jobs on {}% of its own node's GPU-hours",
                self.wash_pct
            ),
            "an attacker of the twin: it runs a clinic and a home node and pays itself",
        ));
        rows
    }

    /// The paper's volume of `stream` at `month`, million RMB a month.
    pub fn million_rmb(&self, stream: Stream, month: f64) -> f64 {
        self.volumes
            .iter()
            .find(|v| v.stream == stream)
            .map_or(0.0, |v| v.million_rmb_at(month))
    }

    /// `rmb` in ubtt at the stated prices, rounded down.
    pub fn rmb_to_ubtt(&self, rmb: f64) -> u128 {
        (rmb / self.rmb_per_usdc / self.usdc_per_btt as f64 * 1e6).floor() as u128
    }

    /// `rmb` in uusdc, rounded down.
    pub fn rmb_to_uusdc(&self, rmb: f64) -> u128 {
        (rmb / self.rmb_per_usdc * 1e6).floor() as u128
    }

    /// The whole network's volume of `stream` in the week starting at `month`, RMB.
    pub fn weekly_rmb(&self, stream: Stream, month: f64) -> f64 {
        self.million_rmb(stream, month) * 1e6 / WEEKS_PER_MONTH
    }

    /// The network's clinics at `month`, by size: the subscription part of the incentive
    /// volume over the average tier price (`tier_rmb_month`: each size's tier, RMB a month).
    pub fn network_clinics(&self, month: f64, tier_rmb_month: &[f64]) -> Vec<f64> {
        let subscriptions =
            self.million_rmb(Stream::Incentives, month) * 1e6 * self.subscription_pct as f64
                / 100.0;
        let average: f64 = self
            .clinics
            .iter()
            .map(|c| {
                c.mix_pct as f64 / 100.0
                    * tier_rmb_month.get(c.tier as usize).copied().unwrap_or(0.0)
            })
            .sum();
        let total = if average > 0.0 {
            subscriptions / average
        } else {
            0.0
        };
        self.clinics
            .iter()
            .map(|c| total * c.mix_pct as f64 / 100.0)
            .collect()
    }

    /// The network's GPUs of `class` at `month`: the class's GPU-hours of the month's compute
    /// volume (at `usd_per_unit`, the genesis unit price with the average urgency) over the
    /// hours a GPU sells at the assumed utilisation.
    pub fn network_gpus(&self, class: &str, month: f64, usd_per_unit: f64) -> f64 {
        let Some(c) = self.cloud.iter().find(|c| c.class == class) else {
            return 0.0;
        };
        let usd = self.million_rmb(Stream::Compute, month) * 1e6 / self.rmb_per_usdc
            * c.demand_pct as f64
            / 100.0;
        let hours = usd / usd_per_unit.max(1e-9);
        hours / (HOURS_PER_MONTH * self.utilisation_pct as f64 / 100.0)
    }

    /// The average urgency multiplier of a job.
    pub fn average_urgency(&self) -> f64 {
        let urgent = self.urgent_per_100 as f64 / 100.0;
        let priority = self.priority_per_100 as f64 / 100.0;
        2.0 * urgent + 1.5 * priority + (1.0 - urgent - priority)
    }
}

/// `n` with thousands separators.
pub fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The genesis plan's numbers the run depends on, with their origin (stated in
/// `btt_deploy::genesis`), for the report's table beside the assumptions.
pub fn genesis_sources(c: &btt_deploy::genesis::GenesisConfig) -> Vec<Source> {
    let btt = |v: cosmwasm_std::Uint128| v.u128() as f64 / 1e6;
    let row = |figure: &str, value: String, source: &'static str| Source {
        figure: figure.into(),
        value,
        source,
    };
    let mut rows = vec![];
    for h in &c.compute.hardware_classes {
        rows.push(row(
            &format!("genesis: unit price, {}", h.name),
            format!("{} BTT a GPU-hour, {} capacity units a GPU", btt(h.unit_price), h.capacity_weight),
            "30% of the class's cloud price at 5 USDC a BTT (the middle of the paper's 60-80% saving); weights from benchmark throughput",
        ));
    }
    rows.extend([
        row(
            "genesis: data",
            format!("{} BTT a GB", btt(c.compute.price_per_gb)),
            "about 30% of a cloud's egress price (0.09 USD a GB)",
        ),
        row(
            "genesis: bonds",
            format!(
                "{} BTT a capacity unit, at least {} BTT a node",
                btt(c.compute.bond_per_capacity_unit),
                btt(c.compute.min_bond)
            ),
            "about 3% of a standard GPU's price and some 40 epochs of a unit's capacity reward at the paper's 2026 network; DESIGN's 150 / 600 BTT would bond about 14M BTT for that network, two thirds of the supply",
        ),
        row(
            "genesis: subscriptions",
            c.points
                .tiers
                .iter()
                .map(|t| format!("{} {} USDC ({} points)", t.name, t.price.amount.u128() / 1_000_000, t.budget))
                .collect::<Vec<_>>()
                .join(", "),
            "inside the paper's 3,000-25,000 RMB a month at 7.2 RMB per USDC; each budget worth less than its price",
        ),
        row(
            "genesis: insurers' share",
            format!("{}% of realised savings", c.points.insurer_share.0 as f64 / 100.0),
            "assumption: the paper says \"a portion of the realized savings\"; the DAO sets it (1-50%)",
        ),
        row(
            "genesis: burn threshold",
            format!("{} BTT", btt(c.rwa.burn_threshold)),
            "50,000 USDC (360,000 RMB): imaging equipment and premises cross it, a clinic's everyday purchase does not",
        ),
        row(
            "genesis: mining baseline",
            format!("network score {}", c.compute.payout.baseline_score),
            "DESIGN §3: the score from which an epoch pays its whole budget",
        ),
    ]);
    rows
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
    fn the_network_follows_the_papers_volumes_at_the_stated_prices() {
        let a = Assumptions::paper();
        // 30M RMB of incentives at the end of 2026, 80% subscriptions, tiers of 3,000 /
        // 9,000 / 24,000 RMB a month mixed 60/30/10: 24M / 6,900 = 3,478 clinics.
        let clinics = a.network_clinics(END_2026, &[3_000.0, 9_000.0, 24_000.0]);
        let total: f64 = clinics.iter().sum();
        assert!((total - 24e6 / 6_900.0).abs() < 1e-6, "{total}");
        assert!((clinics[0] / total - 0.6).abs() < 1e-9);
        // 100M RMB of compute, 60% on standard GPUs at 0.288 USD a GPU-hour (0.24 × the
        // average urgency 1.2), sold 50% of 730.5 hours: 79,139 GPUs.
        let gpus = a.network_gpus("gpu-standard", END_2026, 0.24 * a.average_urgency());
        let expected = 100e6 / 7.2 * 0.6 / 0.288 / (HOURS_PER_MONTH * 0.5);
        assert!((gpus - expected).abs() < 1e-6, "{gpus} vs {expected}");
        assert!((a.average_urgency() - 1.2).abs() < 1e-12);
        assert_eq!(a.rmb_to_ubtt(36.0), 1_000_000);
        assert_eq!(a.rmb_to_uusdc(7.2), 1_000_000);
        assert_eq!(group(1_234_567), "1,234,567");
    }

    #[test]
    fn every_assumption_names_its_source() {
        let a = Assumptions::paper();
        let rows = a.sources();
        assert!(rows.len() >= 15);
        assert!(rows
            .iter()
            .all(|r| !r.source.is_empty() && !r.value.is_empty()));
    }
}
