use btt_types::bps::Bps;
use btt_types::compute::{HardwareClass, Job, NativeRate, Node, RunWindow, UrgencyMultipliers};
use btt_types::fee_router::FeeRouting;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::{Index, IndexList, IndexedMap, Item, Map, MultiIndex};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub staking: Addr,
    pub depin: Option<Addr>,
    pub arbiter: Addr,
    pub hardware_classes: Vec<HardwareClass>,
    pub urgency: UrgencyMultipliers,
    pub price_per_gb: Uint128,
    pub native_rates: Vec<NativeRate>,
    /// The nodes' share of a completed job's price.
    pub contributors: Bps,
    /// Where the protocol part of a completed job's price goes.
    pub fee_routing: FeeRouting,
    pub min_bond: Uint128,
    /// Bond per capacity unit: capacity counts up to what the bond covers, and a failed
    /// challenge slashes this much per unit it tested (0 in a config stored before capacity
    /// bonds, which `migrate` sets).
    #[serde(default)]
    pub bond_per_capacity_unit: Uint128,
    /// Share of a node's part of a job's price slashed for a fault, capped by its bond.
    pub slash: Bps,
    /// Receives every slash.
    pub reserve: Addr,
    /// The shortest run window by job size.
    pub run_window: RunWindow,
    pub bond_unbonding_seconds: u64,
    /// How long an offer waits for every node to accept, seconds; a config stored by code
    /// before offers lapsed gets [`DEFAULT_OFFER_SECONDS`].
    #[serde(default = "default_offer_seconds")]
    pub offer_seconds: u64,
}

/// The offer window of a config stored before offers lapsed: one day.
pub const DEFAULT_OFFER_SECONDS: u64 = 86_400;

fn default_offer_seconds() -> u64 {
    DEFAULT_OFFER_SECONDS
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");

/// Every node, by id.
pub const NODES: Map<u64, Node> = Map::new("nodes");

/// Job ids by node, for the by-node query.
pub const JOBS_BY_NODE: Map<(u64, u64), ()> = Map::new("jobs_by_node");

/// Indexes of jobs: by clinic and by status.
pub struct JobIndexes<'a> {
    pub clinic: MultiIndex<'a, Addr, Job, u64>,
    pub status: MultiIndex<'a, u8, Job, u64>,
}

impl IndexList<Job> for JobIndexes<'_> {
    fn get_indexes(&'_ self) -> Box<dyn Iterator<Item = &'_ dyn Index<Job>> + '_> {
        let v: Vec<&dyn Index<Job>> = vec![&self.clinic, &self.status];
        Box::new(v.into_iter())
    }
}

/// Every job, by id, indexed by clinic and status.
pub fn jobs<'a>() -> IndexedMap<u64, Job, JobIndexes<'a>> {
    IndexedMap::new(
        "jobs",
        JobIndexes {
            clinic: MultiIndex::new(|_pk, job: &Job| job.clinic.clone(), "jobs", "jobs__clinic"),
            status: MultiIndex::new(|_pk, job: &Job| job.status.code(), "jobs", "jobs__status"),
        },
    )
}

/// Counters and BTT held.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    pub last_node_id: u64,
    pub last_job_id: u64,
    /// ubtt bonded by all nodes.
    pub bonds: Uint128,
    /// ubtt escrowed by open BTT jobs.
    pub escrow_btt: Uint128,
}

/// Running totals, for the `Totals` query and the closing report.
pub const TOTALS: Item<Totals> = Item::new("totals");
