//! `incentive-points`: non-transferable patient points awarded by subscribed providers,
//! redeemed at partners or converted to BTT from the Community Incentives pool.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, Coin, CosmosMsg, Decimal, StdResult, Timestamp, Uint128, WasmMsg,
};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::bps::Bps;
use crate::fee_router::{FeeRouting, FeeRoutingMsg, FeeRoutingUpdate, FeeStream, StreamSet};

/// The fee streams of incentive-points; each stream's shares sum to 100%.
pub const FEE_STREAMS: StreamSet = StreamSet {
    streams: &[
        FeeStream::Subscription,
        FeeStream::Partner,
        FeeStream::Redemption,
        FeeStream::Insurance,
    ],
    whole: Bps::FULL,
    unstakeable: &[],
};

/// The Community Incentives pool: 2,520,000 BTT.
pub const COMMUNITY_POOL: Uint128 = crate::units::btt(2_520_000);
/// A subscription period: 30 days.
pub const SUBSCRIPTION_SECONDS: u64 = 30 * 86_400;
/// Longest point life, in periods.
pub const MAX_EXPIRY_PERIODS: u64 = 24;
/// Most tiers, categories or milestones the config may hold.
pub const MAX_CONFIG_ITEMS: usize = 16;
/// Most seats (clinics of one group) one subscription may pay for.
pub const MAX_SEATS: u32 = 10_000;
/// Most of an insurer's realised savings the DAO may ask it to pay back: 50%.
pub const MAX_INSURER_SHARE: Bps = Bps(5_000);
/// Longest insurer name, bytes.
pub const MAX_INSURER_NAME: usize = 64;
/// Longest memo of a savings share payment, bytes.
pub const MAX_SAVINGS_MEMO: usize = 256;
/// Most 30-day windows a provider may have paid ahead, the running one included: 12 (a
/// year). Budgets bought ahead are re-valued at the conversion rate in force whenever they
/// are used, and this bounds how many may wait.
pub const MAX_PREPAID_WINDOWS: u64 = 12;
/// Part of a subscription payment's value a window's budget is never worth, beyond the
/// referral rewards: 20%. payfi accepts a median that moved up to its `max_rate_move` band
/// (at most 20%) from the last one, so the rate a payment was valued at may sit up to 20%
/// away from the market; a budget worth at most `100% − R − 20%` of the payment (R the
/// largest share of fees the referral milestones pay back) cannot be converted, even with
/// the referral rewards, into more than was paid at any rate inside that band.
pub const RATE_MARGIN: Bps = Bps(2_000);
/// A provider's weekly conversion cap is at most this fraction of the global cap (1/4),
/// however many seats it pays for: it takes at least four providers to fill a week.
pub const PROVIDER_CAP_DIVISOR: u128 = 4;

/// A provider subscription tier (small / medium / large clinic), priced in a stable native
/// denom; BTT pays the same price at the higher of payfi's current and last median.
#[cw_serde]
pub struct SubscriptionTier {
    /// Name, e.g. "small clinic" (1 to 32 bytes, unique).
    pub name: String,
    /// Price of 30 days for one seat (one clinic), in a native stable denom, e.g.
    /// 450_000_000 uusdc (> 0). btt-staking must stream the denom.
    pub price: Coin,
    /// Points one seat may award in each 30-day window paid at this tier (> 0). A window's
    /// budget is this × seats, and at the conversion rate in force never worth more than
    /// `100% − R − RATE_MARGIN` of the least valuable payment of the provider's run (R: the
    /// largest cumulative referral reward ÷ cumulative fees over the milestones).
    pub budget: u64,
}

/// A category of points with its per-patient cap per period.
#[cw_serde]
pub struct PointCategory {
    /// Name, e.g. "preventive visit" (1 to 32 bytes, unique).
    pub name: String,
    /// Points one patient may receive in this category per period.
    pub cap: u64,
}

/// A milestone of a referred provider's paid subscriptions and what its referrer earns for it.
/// The rewards up to any milestone stay strictly below its fees, so a referrer and a referred
/// provider run by one party always pay more than they earn.
#[cw_serde]
pub struct ReferralMilestone {
    /// ubtt of subscription fees the referred provider has paid in BTT, in all.
    pub fees_paid: Uint128,
    /// ubtt paid once to the referrer from the pool.
    pub reward: Uint128,
}

/// Rules the DAO sets.
#[cw_serde]
pub struct PointsRules {
    /// Subscription tiers (1 to 16).
    pub tiers: Vec<SubscriptionTier>,
    /// Point categories (1 to 16).
    pub categories: Vec<PointCategory>,
    /// Length of a period for the patients' caps and expiry, seconds (> 0). Providers'
    /// budgets run by their paid 30-day windows instead.
    pub period_seconds: u64,
    /// Points expire this many periods after the period they were awarded in (1 to 24).
    pub expiry_periods: u64,
    /// ubtt paid per point converted.
    pub conversion_rate: Decimal,
    /// Length of a conversion epoch, seconds (> 0).
    pub conversion_epoch_seconds: u64,
    /// ubtt all patients together may convert per epoch.
    pub conversion_epoch_cap: Uint128,
    /// ubtt one patient may convert per epoch (> 0, at most the global cap). Zero only in
    /// rules stored before this field: migration sets the default share of the global cap.
    #[serde(default)]
    pub patient_epoch_cap: Uint128,
    /// ubtt the patients of one provider may convert per epoch out of the points that provider
    /// awarded (> 0, at most the global cap), so no provider's awards (nor its sybil patients)
    /// exhaust the global cap. Zero only in rules stored before this field.
    #[serde(default)]
    pub provider_epoch_cap: Uint128,
    /// ubtt a partner pays to register without DAO approval.
    pub partner_fee: Uint128,
    /// ubtt a partner pays per point redeemed at it, from its prepaid balance.
    pub redemption_fee_per_point: Uint128,
    /// Referral milestones in increasing `fees_paid` (at most 16); the rewards up to each stay
    /// below 80% of its fees (100% less [`RATE_MARGIN`]), and the largest such share lowers
    /// what a window's budget may be worth.
    pub milestones: Vec<ReferralMilestone>,
    /// Share of an insurer's realised savings it pays back with `PaySavingsShare` (1 to 5,000
    /// bps). Zero only in rules stored before insurers: migration sets it.
    #[serde(default)]
    pub insurer_share: Bps,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT token: subscriptions, fees, the pool.
    pub token: String,
    /// Where the subscription, partner and redemption fees go.
    pub fee_routing: FeeRoutingMsg,
    /// The contract allowed to award for providers and claw back (payfi); may be set later.
    pub payfi: Option<String>,
    /// Tiers, categories, partners, conversion, referrals and expiry.
    pub rules: PointsRules,
    /// Who changes the rules and approves partners; the sender when omitted. The DAO.
    pub owner: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: a [`ReceiveMsg`] hook.
    Receive(Cw20ReceiveMsg),
    /// A provider (or a clinic group, for `seats` clinics) subscribes or extends for 30 days,
    /// paying exactly the tier's price × seats in the tier's native denom. payfi must have a
    /// rate of that denom into BTT: the payment is valued at the lower of its current and
    /// last median, and the window's budget is worth at most `100% − R − RATE_MARGIN` of that.
    /// At most 12 windows may be paid ahead. `referrer` counts only on the first
    /// subscription. Another tier or seat count than the running one starts when the paid
    /// windows end. Native payments do not count toward referral milestones. Refused while
    /// paused.
    Subscribe {
        /// Index of the tier.
        tier: u32,
        /// The provider that referred this one.
        referrer: Option<String>,
        /// Clinics paid for, 1 (the default) to 10,000: price, budget and the provider's
        /// conversion cap are multiplied by it.
        seats: Option<u32>,
    },
    /// Anyone, once per address, while not paused: registers as an insurer, which may then
    /// pay back its share of realised savings. No funds.
    RegisterInsurer {
        /// Its name (1 to 64 bytes).
        name: String,
    },
    /// A registered insurer, while not paused: pays back `insurer_share` of the savings it
    /// realised (the premium discounts it granted on patients' engagement), exactly
    /// `ceil(savings × insurer_share)` in one native denom a tier is priced in. Routed as the
    /// insurance fee.
    PaySavingsShare {
        /// The realised savings, in the paid denom's smallest unit (> 0).
        savings: Uint128,
        /// What they were realised on (1 to 256 bytes), recorded in the event.
        memo: Option<String>,
    },
    /// A provider with an active subscription: awards points within its budget and the
    /// patient's cap. No funds.
    Award {
        /// The patient's address.
        patient: String,
        /// One of the categories.
        category: String,
        /// Points, > 0.
        points: u64,
    },
    /// payfi only: awards points for `provider` (its budget applies now) once the payments of
    /// an invoice issued before reservations existed have settled; later invoices reserve
    /// their points on payment instead. No funds.
    AwardFor {
        /// The provider whose budget pays.
        provider: String,
        /// The patient's address.
        patient: String,
        /// One of the categories.
        category: String,
        /// Points, > 0.
        points: u64,
    },
    /// A patient: redeems points at an active partner, which pays the redemption fee. No funds.
    Redeem {
        /// The partner.
        partner: String,
        /// Points, > 0.
        points: u64,
    },
    /// A patient: converts points to BTT at the conversion rate, within the global epoch cap,
    /// the patient's epoch cap and the epoch cap of the provider the points came from:
    /// `min(provider_epoch_cap × seats, conversion_epoch_cap / 4)`, with the seats of its
    /// current window (of its last paid one once it expired), so it takes at least four
    /// providers to exhaust a week. No funds.
    Convert {
        /// Points, > 0.
        points: u64,
        /// The provider that awarded them (its epoch cap applies); omitted, points awarded
        /// before providers were tracked (only the patient's and the global cap apply).
        provider: Option<String>,
    },
    /// payfi only, when a payment makes an invoice with points fully paid: reserves the
    /// points from `provider`'s budget of the current window and the patient's category cap;
    /// refused (and the payment with it) while paused or when either cannot hold them. No
    /// funds.
    ReservePoints {
        /// payfi's invoice id: the reservation's key.
        invoice_id: u64,
        /// The provider whose budget pays.
        provider: String,
        /// The patient's address.
        patient: String,
        /// One of the categories.
        category: String,
        /// Points, > 0.
        points: u64,
    },
    /// payfi only, when a refund reopens the invoice: returns a reservation not yet settled
    /// to the provider's budget (if its window still runs) and the patient's cap. Works while
    /// paused. No funds.
    ReleasePoints {
        /// payfi's invoice id.
        invoice_id: u64,
    },
    /// payfi only, once the invoice's payments can no longer be refunded: delivers the
    /// reserved points to the patient, or, while paused, keeps them pending for
    /// `DeliverPending`. Works while paused. No funds.
    SettlePoints {
        /// payfi's invoice id.
        invoice_id: u64,
    },
    /// Anyone, while not paused: delivers up to `limit` pending awards (default 10, at most
    /// 30), lowest invoice id first. No funds.
    DeliverPending {
        /// How many.
        limit: Option<u32>,
    },
    /// The owner (the DAO, by proposal): pays a grant from the Community Incentives pool, for
    /// developer grants or adoption incentives; never more than the pool holds. No funds.
    Grant {
        /// Who receives it.
        recipient: String,
        /// ubtt, > 0.
        amount: Uint128,
        /// What it is for (1 to 256 bytes), recorded in the event.
        memo: String,
    },
    /// The owner (the DAO): registers a partner without a fee. No funds.
    ApprovePartner {
        /// The partner's address.
        partner: String,
        /// Its name (1 to 64 bytes).
        name: String,
    },
    /// The owner (the DAO): removes a partner; its prepaid balance is returned. No funds.
    RemovePartner {
        /// The partner's address.
        partner: String,
    },
    /// The owner (the DAO): changes the rules and the payfi address. No funds.
    UpdateConfig(Box<ConfigUpdate>),
    /// The owner (the DAO): changes the fee payees or the shares of the subscription, partner
    /// and redemption fees. No funds.
    UpdateFeeRouting(FeeRoutingUpdate),
    /// The circuit breaker: the guardian (before its sunset) or the DAO pauses new value coming
    /// in; every exit stays open. No funds.
    Circuit(crate::circuit::CircuitMsg),
}

/// The config fields the owner (DAO) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New rules: tiers, categories, partners, conversion, referrals, expiry (all checked).
    pub rules: Option<PointsRules>,
    /// New payfi contract, the one caller of `AwardFor` and `ReservePoints` (a former payfi
    /// still settles or releases what it reserved).
    pub payfi: Option<String>,
}

/// The hook of a cw20 `Send` of BTT to incentive-points.
#[cw_serde]
pub enum ReceiveMsg {
    /// A provider (or a clinic group) subscribes or extends for 30 days: the tier's price ×
    /// seats at the higher of payfi's current and last median rate into BTT, rounded up
    /// (`SubscriptionQuote` tells it). At least that is sent; the excess is returned in the
    /// same transaction. At most 12 windows may be paid ahead. `referrer`, a subscribed
    /// provider, counts only on the first subscription. Another tier or seat count than the
    /// running one starts when the paid windows end. Refused while paused.
    Subscribe {
        /// Index of the tier.
        tier: u32,
        /// The provider that referred this one.
        referrer: Option<String>,
        /// Clinics paid for, 1 (the default) to 10,000.
        seats: Option<u32>,
    },
    /// A registered insurer pays back its share of realised savings in BTT: exactly
    /// `ceil(savings × insurer_share)`. Refused while paused.
    PaySavingsShare {
        /// The realised savings, in ubtt (> 0).
        savings: Uint128,
        /// What they were realised on (1 to 256 bytes), recorded in the event.
        memo: Option<String>,
    },
    /// A partner registers by paying exactly the partner fee.
    RegisterPartner {
        /// Its name (1 to 64 bytes).
        name: String,
    },
    /// A partner adds to its prepaid balance for redemption fees.
    FundPartner {},
    /// Adds to the Community Incentives pool.
    FundPool {},
}

fn one() -> u32 {
    1
}

/// A provider. Its paid time is a run of back-to-back 30-day windows; each window has the
/// budget its payment bought.
#[cw_serde]
pub struct Provider {
    /// The tier of the current window.
    pub tier: u32,
    /// Clinics paid for in the current window (1 for providers stored before seats).
    #[serde(default = "one")]
    pub seats: u32,
    /// Points each window of the current run may award: the tier's budget × seats, lowered
    /// to what the least valuable payment of the run bought at the rules of its payment.
    /// The contract lowers it further, when used, to what that payment's value allows at
    /// the conversion rate in force. None for providers stored before: their tier's budget ×
    /// seats.
    #[serde(default)]
    pub window_budget: Option<u64>,
    /// The subscription is active until then.
    pub active_until: Timestamp,
    /// Start of the current 30-day window.
    pub window_start: Timestamp,
    /// Points awarded in the current window.
    pub window_used: u64,
    /// A tier paid for that starts with a later window.
    pub queued_tier: Option<QueuedTier>,
    /// Who referred it.
    pub referrer: Option<Addr>,
    /// Points it has awarded in all.
    pub points_awarded: u64,
    /// ubtt of subscription fees it has paid in BTT, in all (referral milestones count them).
    pub fees_paid: Uint128,
    /// The next referral milestone its referrer can earn (index).
    pub next_milestone: u32,
}

/// A tier or seat change waiting for the window it was paid for.
#[cw_serde]
pub struct QueuedTier {
    /// The tier's index.
    pub tier: u32,
    /// Clinics paid for (1 for changes stored before seats).
    #[serde(default = "one")]
    pub seats: u32,
    /// Points each of its windows may award, as [`Provider::window_budget`].
    #[serde(default)]
    pub budget: Option<u64>,
    /// When its first window starts (the end of the windows paid before it).
    pub starts_at: Timestamp,
}

/// What an insurer stated and paid in one asset.
#[cw_serde]
pub struct InsurerTotal {
    /// The asset: the BTT cw20 or a native denom.
    pub asset: crate::asset::Asset,
    /// Realised savings it stated, in the asset's smallest unit.
    pub savings: Uint128,
    /// Shares of them it paid.
    pub paid: Uint128,
}

/// An insurer.
#[cw_serde]
pub struct Insurer {
    /// Its name.
    pub name: String,
    /// When it registered.
    pub registered_at: Timestamp,
    /// Savings and paid shares, by asset (one entry per asset it paid in).
    pub totals: Vec<InsurerTotal>,
}

/// An insurer and its address.
#[cw_serde]
pub struct InsurerResponse {
    /// Its address.
    pub address: Addr,
    /// Its record.
    pub insurer: Insurer,
}

#[cw_serde]
pub struct InsurersResponse {
    /// Insurers by address.
    pub insurers: Vec<InsurerResponse>,
}

/// What to send for a subscription.
#[cw_serde]
pub struct SubscriptionQuoteResponse {
    /// Amount due: exactly this natively; at least this in BTT (the excess is returned).
    pub amount: Uint128,
    /// "btt" or the native denom.
    pub denom: String,
    /// payfi's rate used: ubtt per 1 unit of the tier's price denom; the higher of its
    /// current and last median for BTT, the lower for a native payment.
    pub rate: Option<Decimal>,
    /// Points each window paid this way may award (at the rules in force).
    pub budget: u64,
}

/// A partner.
#[cw_serde]
pub struct Partner {
    /// Its name.
    pub name: String,
    /// ubtt prepaid for redemption fees.
    pub prepaid: Uint128,
    /// Points redeemed at it in all.
    pub points_redeemed: u64,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Token, fee routing, payfi, rules, start.
    #[returns(ConfigResponse)]
    Config {},
    /// What each fee stream paid each payee, by asset.
    #[returns(Vec<crate::fee_router::RoutedTotal>)]
    FeesRouted {},
    /// A provider and its budget left this period.
    #[returns(ProviderResponse)]
    Provider {
        /// The provider.
        address: String,
    },
    /// A patient's points that have not expired.
    #[returns(BalanceResponse)]
    Balance {
        /// The patient's address.
        patient: String,
    },
    /// Points a patient earned per category over periods `from..=to` (at most 24), for
    /// insurers.
    #[returns(EngagementResponse)]
    Engagement {
        /// The patient's address.
        patient: String,
        /// First period.
        from_period: u64,
        /// Last period.
        to_period: u64,
    },
    /// A partner.
    #[returns(Partner)]
    Partner {
        /// The partner.
        address: String,
    },
    /// The pool: funded, its outflows (conversions, referral rewards, grants) and what is left;
    /// the current period and conversion epoch.
    #[returns(PoolResponse)]
    Pool {},
    /// The circuit breaker: guardian, sunset and the pause in force.
    #[returns(crate::circuit::Circuit)]
    Circuit {},
    /// The reservation of a payfi invoice's points, reserved or pending delivery.
    #[returns(Option<Reservation>)]
    Reservation {
        /// payfi's invoice id.
        invoice_id: u64,
    },
    /// Settled awards a pause kept from their patients, by invoice id. Default 10, at most
    /// 30.
    #[returns(ReservationsResponse)]
    PendingAwards {
        /// The last invoice id of the previous page.
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// Points a patient holds from a provider that they may still convert against its cap.
    #[returns(u64)]
    ConvertibleFrom {
        /// The patient.
        patient: String,
        /// The provider.
        provider: String,
    },
    /// What a subscription costs now in `denom` and the budget it buys.
    #[returns(SubscriptionQuoteResponse)]
    SubscriptionQuote {
        /// Index of the tier.
        tier: u32,
        /// Clinics, 1 (the default) to 10,000.
        seats: Option<u32>,
        /// "btt" or the tier's native denom.
        denom: String,
    },
    /// An insurer.
    #[returns(InsurerResponse)]
    Insurer {
        /// The insurer's address.
        address: String,
    },
    /// Insurers by address. Default 10, at most 30.
    #[returns(InsurersResponse)]
    Insurers {
        /// The last address of the previous page.
        start_after: Option<String>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
}

/// Points promised on a paid payfi invoice: taken from the provider's budget and the
/// patient's cap when paid, delivered when the payments settle.
#[cw_serde]
pub struct Reservation {
    /// payfi's invoice id.
    pub invoice_id: u64,
    /// The payfi contract that reserved them.
    pub payfi: Addr,
    /// The provider whose budget paid.
    pub provider: Addr,
    /// Who receives them.
    pub patient: Addr,
    /// The category.
    pub category: String,
    /// Points.
    pub points: u64,
    /// The period whose category cap holds them (engagement counts them there).
    pub period: u64,
    /// Start of the provider's window whose budget holds them.
    pub window_start: Timestamp,
    /// True once the payments settled and only a pause keeps them from the patient.
    pub settled: bool,
}

#[cw_serde]
pub struct ReservationsResponse {
    /// Reservations.
    pub reservations: Vec<Reservation>,
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token.
    pub token: Addr,
    /// Where the fees go.
    pub fee_routing: FeeRouting,
    /// payfi, the one caller of `AwardFor`.
    pub payfi: Option<Addr>,
    /// Tiers, categories, partners, conversion, referrals and expiry.
    pub rules: PointsRules,
    /// Start of period 0 and conversion epoch 0.
    pub start: Timestamp,
}

#[cw_serde]
pub struct ProviderResponse {
    /// The provider's address.
    pub provider: Provider,
    /// Whether it may award now.
    pub active: bool,
    /// Points it may still award in the current window.
    pub budget_left: u64,
    /// When the current window ends.
    pub window_ends: Timestamp,
}

#[cw_serde]
pub struct BalanceResponse {
    /// Points usable now.
    pub points: u64,
    /// The period the oldest of them expire at the start of, if any.
    pub next_expiry_period: Option<u64>,
}

#[cw_serde]
pub struct CategoryPoints {
    /// The category.
    pub category: String,
    /// Points earned in it.
    pub points: u64,
}

#[cw_serde]
pub struct EngagementResponse {
    /// By category, in config order.
    pub categories: Vec<CategoryPoints>,
    /// Σ of all categories.
    pub total: u64,
}

#[cw_serde]
pub struct PoolResponse {
    /// ubtt received in total.
    pub funded: Uint128,
    /// ubtt paid for conversions.
    pub converted: Uint128,
    /// ubtt paid to referrers.
    pub referrals: Uint128,
    /// ubtt paid as grants by the DAO.
    pub grants: Uint128,
    /// ubtt still to claim.
    pub balance: Uint128,
    /// The current period.
    pub period: u64,
    /// The current conversion epoch.
    pub epoch: u64,
    /// ubtt converted in it so far.
    pub epoch_converted: Uint128,
}

/// Migrates a deployed incentive-points to this code.
#[cw_serde]
#[derive(Default)]
pub struct MigrateMsg {
    /// The fee routing, required when migrating from code before the fee router (whose
    /// treasury named no btt-staking); ignored otherwise.
    pub fee_routing: Option<crate::fee_router::FeeRoutingMsg>,
    /// The tiers priced in a native stable denom, required when migrating from code whose
    /// tiers were priced in BTT; replaces the stored tiers when given.
    #[serde(default)]
    pub tiers: Option<Vec<SubscriptionTier>>,
    /// The insurers' share of realised savings; replaces the stored one when given. Rules
    /// stored without one (code before insurers) get 20% when it is omitted.
    #[serde(default)]
    pub insurer_share: Option<Bps>,
}

/// Typed handle on a deployed incentive-points contract.
#[cw_serde]
pub struct PointsContract(pub Addr);

impl PointsContract {
    /// A message executing `msg` on incentive-points.
    pub fn call(&self, msg: &ExecuteMsg) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds: vec![],
        }
        .into())
    }
}
