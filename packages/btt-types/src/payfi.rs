//! `payfi`: invoices, payments held for a settlement window, fees by staking tier, conversion
//! at oracle rates, and points awarded on payment.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::asset::Asset;
use crate::bps::Bps;
use crate::fee_router::{FeeRouting, FeeRoutingMsg, FeeRoutingUpdate, FeeStream, StreamSet};

/// The fee streams of payfi; each stream's shares sum to 100%.
pub const FEE_STREAMS: StreamSet = StreamSet {
    streams: &[
        FeeStream::PaymentTier,
        FeeStream::Analytics,
        FeeStream::Conversion,
    ],
    whole: Bps::FULL,
    unstakeable: &[],
};

/// The longest settlement window: 2 hours.
pub const MAX_SETTLEMENT_SECONDS: u64 = 2 * 3_600;
/// Most feeders the DAO may appoint.
pub const MAX_FEEDERS: usize = 10;
/// The paper's band of the service fee by staking tier: 0.5% to 0.8%.
pub const TIER_FEE_BAND: (Bps, Bps) = (Bps(50), Bps(80));
/// The paper's analytics fee: 0.25%, a band of one value.
pub const ANALYTICS_FEE_BAND: (Bps, Bps) = (Bps(25), Bps(25));
/// The paper's conversion fee: 0.75%, a band of one value.
pub const CONVERSION_FEE_BAND: (Bps, Bps) = (Bps(75), Bps(75));
/// The smallest feeder quorum: one feeder never sets a rate alone.
pub const MIN_FEEDER_QUORUM: u32 = 2;
/// The widest band a DAO may let a rate move from the last median without a quorum: 20%.
pub const MAX_RATE_MOVE: Bps = Bps(2_000);
/// The band of config stored before it existed: 5%.
pub const DEFAULT_RATE_MOVE: Bps = Bps(500);

/// The band of config stored before it existed.
pub fn default_rate_move() -> Bps {
    DEFAULT_RATE_MOVE
}

/// Payment fees. Each is held to the paper's band at instantiate and on every config change,
/// and each rounds up.
#[cw_serde]
pub struct PayfiFees {
    /// Fee by staking priority level 0, 1, 2, 3… (the last applies above), each 0.5% to 0.8%:
    /// suggested 0.8%, 0.7%, 0.6%, 0.5%. The better tier of payer and provider counts.
    pub by_priority: Vec<Bps>,
    /// Extra fee of providers that opt into analytics: 0.25%.
    pub analytics: Bps,
    /// Fee of a payment converted from another denom, paid by the payer: 0.75%.
    pub conversion: Bps,
}

/// Priority service for staking providers: a shorter settlement window, so their payments
/// reach them sooner.
#[cw_serde]
pub struct FastSettlement {
    /// Providers whose staking priority level is at least this (1 or more) get the window.
    pub min_priority: u8,
    /// Their settlement window, seconds: at least 1, shorter than the standard window.
    pub seconds: u64,
}

/// What an invoice is priced in.
#[cw_serde]
pub enum Denom {
    /// BTT (the configured cw20).
    Btt,
    /// A native denom.
    Native(String),
}

/// Points an invoice awards its payer once fully paid (the provider's budget applies).
#[cw_serde]
pub struct InvoicePoints {
    /// A category of incentive-points.
    pub category: String,
    /// Points, > 0.
    pub points: u64,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT token.
    pub token: String,
    /// btt-staking, for fee tiers.
    pub staking: String,
    /// incentive-points, for points on payment and clawbacks.
    pub points: Option<String>,
    /// Where the tier, analytics and conversion fees go.
    pub fee_routing: FeeRoutingMsg,
    /// Post conversion rates (at most 10; DAO-appointed).
    pub feeders: Vec<String>,
    /// Service fees by staking tier, the analytics fee and the conversion fee.
    pub fees: PayfiFees,
    /// Settlement window, seconds (1 to 7,200; suggested 3,600).
    pub settlement_seconds: u64,
    /// A shorter window for providers of a high staking priority, if any.
    pub fast_settlement: Option<FastSettlement>,
    /// A rate older than this is stale, seconds (> 0).
    pub max_rate_age_seconds: u64,
    /// A conversion needs fresh rates from at least this many appointed feeders (2 to 10; appoint
    /// at least 3 so one stale feeder does not stop conversions); it uses their median.
    pub min_feeders: u32,
    /// A median that moves more than this from the last accepted median counts only when at
    /// least `min_feeders` fresh rates moved beyond it the same way (1 to 2,000 bps; suggested
    /// 500, 5%).
    pub max_rate_move: Bps,
    /// Native denoms invoices may be priced or paid in.
    pub native_denoms: Vec<String>,
    /// Who changes the config; the sender when omitted. The DAO.
    pub owner: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: a [`ReceiveMsg`] hook (a payment in BTT).
    Receive(Cw20ReceiveMsg),
    /// A provider: issues an invoice. No funds.
    IssueInvoice(NewInvoice),
    /// The invoice's provider: cancels it while nothing is paid. No funds.
    CancelInvoice {
        /// The invoice's id (the `invoice_id` attribute of `issue_invoice`).
        invoice_id: u64,
    },
    /// A payer: pays `amount` of the invoice (in its denom) with native funds: the invoice's
    /// denom exactly, or another denom as the maximum spend at the oracle rate plus 0.75% (the
    /// change is returned).
    Pay {
        /// The invoice's id (the `invoice_id` attribute of `issue_invoice`).
        invoice_id: u64,
        /// Amount of the invoice to pay off, > 0 and at most what is open.
        amount: Uint128,
    },
    /// The provider, inside the settlement window: refunds `amount` of a payment (all when
    /// omitted); the invoice is open again for what was refunded. No funds.
    Refund {
        /// The payment's id (the `payment_id` attribute of `pay`).
        payment_id: u64,
        /// In the payment's denom.
        amount: Option<Uint128>,
    },
    /// Anyone: settles up to `limit` payments whose window has passed (default 10, at most 30),
    /// oldest first; an invoice whose last payment settles awards its points. No funds.
    Settle {
        /// How many.
        limit: Option<u32>,
    },
    /// A feeder: posts its rate of `pay` into `invoice` (invoice units per pay unit); a
    /// conversion uses the median of the fresh rates of appointed feeders. No funds.
    SetRate {
        /// The denom paid ("btt" or a native denom).
        pay: String,
        /// The denom invoiced ("btt" or a native denom).
        invoice: String,
        /// Invoice units one pay unit buys, > 0.
        rate: Decimal,
    },
    /// The owner (the DAO): changes fees, window, feeders, denoms or the points contract. No
    /// funds.
    UpdateConfig(ConfigUpdate),
    /// The owner (the DAO): changes the fee payees or the shares of the tier, analytics and
    /// conversion fees. No funds.
    UpdateFeeRouting(FeeRoutingUpdate),
    /// The circuit breaker: the guardian (before its sunset) or the DAO pauses new value coming
    /// in; every exit stays open. No funds.
    Circuit(crate::circuit::CircuitMsg),
}

/// A new invoice, issued by its provider.
#[cw_serde]
pub struct NewInvoice {
    /// Who must pay; anyone when omitted. Required when the invoice carries points: only
    /// the named patient earns them.
    pub payer: Option<String>,
    /// What it is priced in.
    pub denom: Denom,
    /// Amount, > 0.
    pub amount: Uint128,
    /// Due date (in the future).
    pub due: Timestamp,
    /// Hash of the off-chain memo (at most 64 bytes; no patient data on chain).
    pub memo_hash: String,
    /// Points for the named payer, awarded once the invoice is paid and its payments have
    /// settled (no longer refundable).
    pub points: Option<InvoicePoints>,
    /// Opt into analytics (0.25% more fee; enables the analytics query).
    pub analytics: bool,
}

/// The config fields the owner (DAO) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New tier, analytics and conversion fees (each within its band).
    pub fees: Option<PayfiFees>,
    /// New settlement window (1 second to 2 hours).
    pub settlement_seconds: Option<u64>,
    /// New priority settlement (a `min_priority` above every fee tier switches it off).
    pub fast_settlement: Option<FastSettlement>,
    /// New rate feeders (at most 10).
    pub feeders: Option<Vec<String>>,
    /// New accepted native denoms.
    pub native_denoms: Option<Vec<String>>,
    /// New incentive-points contract, told of points earned on invoices.
    pub points: Option<String>,
    /// New feeder quorum for conversions (2 to 10).
    pub min_feeders: Option<u32>,
    /// New band a median may move from the last accepted one without a quorum (1 to 2,000
    /// bps).
    pub max_rate_move: Option<Bps>,
}

/// The hook of a cw20 `Send` of BTT to payfi.
#[cw_serde]
pub enum ReceiveMsg {
    /// Pays `amount` of the invoice with the BTT sent: exactly `amount` for a BTT invoice, or
    /// as the maximum spend of a conversion (the change is returned).
    Pay {
        /// The invoice's id (the `invoice_id` attribute of `issue_invoice`).
        invoice_id: u64,
        /// Amount of the invoice to pay off.
        amount: Uint128,
    },
}

/// Where an invoice stands.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum InvoiceStatus {
    /// Payable.
    Open,
    /// Fully paid (net of refunds).
    Paid,
    /// Cancelled by the provider.
    Cancelled,
}

/// An invoice.
#[cw_serde]
pub struct Invoice {
    /// Id, from 1.
    pub id: u64,
    /// Who issued it and is paid.
    pub provider: Addr,
    /// Who must pay, if named.
    pub payer: Option<Addr>,
    /// What it is priced in.
    pub asset: Asset,
    /// Its amount.
    pub amount: Uint128,
    /// Paid so far, net of refunds.
    pub paid: Uint128,
    /// Due date.
    pub due: Timestamp,
    /// Hash of the off-chain memo.
    pub memo_hash: String,
    /// Points for the payer.
    pub points: Option<InvoicePoints>,
    /// Who received the points and when.
    pub points_awarded: Option<(Addr, Timestamp)>,
    /// The incentive-points contract holding the points reserved when the invoice was paid;
    /// `None` before it is paid, or when a refund released them.
    #[serde(default)]
    pub points_reserved: Option<Addr>,
    /// Its payments still inside their settlement window.
    pub pending_payments: u32,
    /// Analytics opt-in.
    pub analytics: bool,
    /// Status.
    pub status: InvoiceStatus,
}

/// Where a payment stands.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum PaymentStatus {
    /// Held until `settles_at`.
    Pending,
    /// Paid to the provider.
    Settled,
    /// Returned to the payer in full.
    Refunded,
}

/// A payment.
#[cw_serde]
pub struct Payment {
    /// Id, from 1.
    pub id: u64,
    /// The invoice it pays.
    pub invoice_id: u64,
    /// The payer's address.
    pub payer: Addr,
    /// What it was paid in.
    pub asset: Asset,
    /// Paid in `asset`, conversion fee excluded.
    pub principal: Uint128,
    /// Conversion fee paid on top, in `asset`.
    pub conversion_fee: Uint128,
    /// Invoice units it paid off.
    pub invoice_amount: Uint128,
    /// Refunded so far, in `asset`.
    pub refunded: Uint128,
    /// Service fee rate (tier fee plus analytics).
    pub fee: Bps,
    /// Settles from then on.
    pub settles_at: Timestamp,
    /// Status.
    pub status: PaymentStatus,
}

/// A posted conversion rate.
#[cw_serde]
pub struct Rate {
    /// Invoice units one pay unit buys.
    pub rate: Decimal,
    /// When it was posted.
    pub updated_at: Timestamp,
    /// Who posted it.
    pub feeder: Addr,
}

/// The rates of a denom pair.
#[cw_serde]
pub struct RateResponse {
    /// The rate a conversion would use now: the median of the fresh rates of appointed
    /// feeders, when at least the quorum posted and it stays within the band of the last
    /// accepted median (or a quorum moved beyond it).
    pub median: Option<Decimal>,
    /// The last accepted median.
    #[serde(default)]
    pub last_median: Option<Decimal>,
    /// Every rate posted by an appointed feeder, fresh or stale.
    pub rates: Vec<Rate>,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    #[returns(ConfigResponse)]
    Config {},
    #[returns(Invoice)]
    Invoice {
        /// The invoice's id (the `invoice_id` attribute of `issue_invoice`).
        invoice_id: u64,
    },
    /// A provider's invoices by id. Default 10, at most 30.
    #[returns(InvoicesResponse)]
    InvoicesByProvider {
        /// The provider's address.
        provider: String,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// Invoices a payer is named on or has paid, by id. Default 10, at most 30.
    #[returns(InvoicesResponse)]
    InvoicesByPayer {
        /// The payer.
        payer: String,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    #[returns(Payment)]
    Payment {
        /// The payment's id (the `payment_id` attribute of `pay`).
        payment_id: u64,
    },
    /// Payments waiting to settle, soonest first (then by id). Default 10, at most 30.
    #[returns(PaymentsResponse)]
    PendingSettlements {
        /// The id of the last payment of the previous page: the page starts after it in
        /// settlement order (it may have settled since).
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// Volume and count of an opted-in provider's settled payments, by asset.
    #[returns(AnalyticsResponse)]
    ProviderAnalytics {
        /// The provider's address.
        provider: String,
    },
    /// The current rate of `pay` into `invoice`.
    /// The rate a conversion would use now: the median of appointed feeders' fresh rates.
    #[returns(RateResponse)]
    Rate {
        /// The denom paid.
        pay: String,
        /// The denom invoiced.
        invoice: String,
    },
    /// Held, settled and refunded totals.
    #[returns(TotalsResponse)]
    Totals {},
    /// What each fee stream paid each payee, by asset.
    #[returns(Vec<crate::fee_router::RoutedTotal>)]
    FeesRouted {},
    /// The circuit breaker: guardian, sunset and the pause in force.
    #[returns(crate::circuit::Circuit)]
    Circuit {},
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token.
    pub token: Addr,
    /// Staking.
    pub staking: Addr,
    /// Points.
    pub points: Option<Addr>,
    /// Where the tier, analytics and conversion fees go.
    pub fee_routing: FeeRouting,
    /// Feeders.
    pub feeders: Vec<Addr>,
    /// Service fees by staking tier, the analytics fee and the conversion fee.
    pub fees: PayfiFees,
    /// Settlement seconds.
    pub settlement_seconds: u64,
    /// The shorter window of high-priority providers.
    pub fast_settlement: Option<FastSettlement>,
    /// Max rate age seconds.
    pub max_rate_age_seconds: u64,
    /// Fresh feeder rates a conversion needs.
    pub min_feeders: u32,
    /// The band a median may move from the last accepted one without a quorum.
    pub max_rate_move: Bps,
    /// Native denoms.
    pub native_denoms: Vec<String>,
}

#[cw_serde]
pub struct InvoicesResponse {
    /// Invoices.
    pub invoices: Vec<Invoice>,
}

#[cw_serde]
pub struct PaymentsResponse {
    /// Payments.
    pub payments: Vec<Payment>,
}

#[cw_serde]
pub struct AssetVolume {
    /// The asset.
    pub asset: String,
    /// Settled to the provider, before fees.
    pub volume: Uint128,
    /// Payments settled.
    pub count: u64,
}

#[cw_serde]
pub struct AnalyticsResponse {
    /// Volumes.
    pub volumes: Vec<AssetVolume>,
}

#[cw_serde]
pub struct TotalsResponse {
    /// Invoices.
    pub invoices: u64,
    /// Payments.
    pub payments: u64,
    /// Payments waiting to settle.
    pub pending: u64,
}

/// Migrates a deployed payfi to this code.
#[cw_serde]
#[derive(Default)]
pub struct MigrateMsg {
    /// The fee routing when migrating from code before the fee router; `None` keeps the old
    /// flow (the same recipients, no stakers' share) for the DAO to change later. Ignored when
    /// the state is already current.
    pub fee_routing: Option<crate::fee_router::FeeRoutingMsg>,
}
