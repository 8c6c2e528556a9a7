use btt_types::fee_router::FeeRouting;
use btt_types::payfi::{FastSettlement, Invoice, PayfiFees, Payment, Rate};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::{Item, Map};

#[cw_serde]
pub struct Config {
    pub token: Addr,
    pub staking: Addr,
    pub points: Option<Addr>,
    /// Where the tier, analytics and conversion fees go.
    pub fee_routing: FeeRouting,
    pub feeders: Vec<Addr>,
    pub fees: PayfiFees,
    pub settlement_seconds: u64,
    /// The shorter window of high-priority providers.
    pub fast_settlement: Option<FastSettlement>,
    pub max_rate_age_seconds: u64,
    /// Fresh feeder rates a conversion needs.
    pub min_feeders: u32,
    /// The band a median may move from the last accepted one without a quorum.
    #[serde(default = "btt_types::payfi::default_rate_move")]
    pub max_rate_move: btt_types::bps::Bps,
    pub native_denoms: Vec<String>,
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");

/// Invoices by id.
pub const INVOICES: Map<u64, Invoice> = Map::new("invoices");
/// Invoice ids by provider.
pub const BY_PROVIDER: Map<(&Addr, u64), ()> = Map::new("by_provider");
/// Invoice ids by payer (named, or who paid).
pub const BY_PAYER: Map<(&Addr, u64), ()> = Map::new("by_payer");

/// Payments by id.
pub const PAYMENTS: Map<u64, Payment> = Map::new("payments");
/// Pending payment ids by settlement time (seconds).
pub const PENDING: Map<(u64, u64), ()> = Map::new("pending");

/// Rates by (pay denom, invoice denom, feeder): one per feeder, combined by median.
pub const RATES: Map<(&str, &str, &Addr), Rate> = Map::new("feeder_rates");

/// The last accepted median by (pay denom, invoice denom).
pub const MEDIANS: Map<(&str, &str), cosmwasm_std::Decimal> = Map::new("last_medians");

/// Invoices up to this id were issued before points were reserved on payment: when they
/// settle, their points are awarded from the provider's budget then (0 on a new deployment).
pub const LEGACY_INVOICES: Item<u64> = Item::new("legacy_invoices");

/// Settled volume and count of an opted-in provider, by denom.
#[cw_serde]
#[derive(Default)]
pub struct Volume {
    pub volume: Uint128,
    pub count: u64,
}

/// Analytics by provider and denom.
pub const ANALYTICS: Map<(&Addr, &str), Volume> = Map::new("analytics");

/// Counters.
#[cw_serde]
#[derive(Default)]
pub struct Counters {
    pub invoices: u64,
    pub payments: u64,
    pub pending: u64,
}

/// The counters.
pub const COUNTERS: Item<Counters> = Item::new("counters");
