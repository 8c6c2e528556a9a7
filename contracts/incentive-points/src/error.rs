use btt_types::asset::PaidError;
use btt_types::fee_router::FeeRouteError;
use btt_types::migration::MigrationError;
use btt_types::token::UnknownToken;
use cosmwasm_std::{OverflowError, StdError, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use thiserror::Error;

#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("{0}")]
    Circuit(#[from] btt_types::circuit::CircuitError),

    #[error("{0}")]
    FeeRoute(#[from] FeeRouteError),

    #[error("{0}")]
    Overflow(#[from] OverflowError),

    #[error("{0}")]
    Payment(#[from] PaymentError),

    #[error("{0}")]
    Ownership(#[from] OwnershipError),

    #[error("{0}")]
    Migration(#[from] MigrationError),

    #[error("{0}")]
    UnknownToken(#[from] UnknownToken),

    #[error("invalid rules: {reason}")]
    InvalidRules { reason: String },

    #[error("points must be greater than zero")]
    ZeroPoints,

    #[error("the amount must be greater than zero")]
    ZeroAmount,

    #[error("a grant memo must be 1 to {max} bytes")]
    InvalidMemo { max: usize },

    #[error("tier {tier} does not exist")]
    UnknownTier { tier: u32 },

    #[error("unknown category {category:?}")]
    UnknownCategory { category: String },

    /// Paid another amount than due.
    #[error("{0}")]
    Paid(#[from] PaidError),

    #[error("tier {tier} has no price in {denom}")]
    NoNativePrice { tier: u32, denom: String },

    #[error("{referrer} is not a subscribed provider and cannot refer")]
    InvalidReferrer { referrer: String },

    #[error("{provider} has no active subscription")]
    NotSubscribed { provider: String },

    #[error("{provider} may award {left} more points this period")]
    BudgetExceeded { provider: String, left: u64 },

    #[error("the patient may receive {left} more {category:?} points this period")]
    CapExceeded { category: String, left: u64 },

    #[error("the patient holds {available} points, not {requested}")]
    InsufficientPoints { available: u64, requested: u64 },

    #[error("{partner} is not a registered partner")]
    UnknownPartner { partner: String },

    #[error("a partner name must be 1 to 64 bytes")]
    InvalidPartnerName,

    #[error("{partner} is already a partner")]
    PartnerExists { partner: String },

    #[error("the partner's prepaid balance {prepaid} does not cover the fee {fee}")]
    PartnerBalanceTooLow { prepaid: Uint128, fee: Uint128 },

    #[error("converting would pay {amount}; {left} is left of this epoch's cap")]
    EpochCapExceeded { amount: Uint128, left: Uint128 },

    #[error("the pool holds {balance}, {amount} was asked")]
    PoolExhausted { amount: Uint128, balance: Uint128 },

    #[error("those points are worth nothing at the conversion rate")]
    ConversionTooSmall,

    #[error("only payfi may do this")]
    NotPayfi,

    #[error(
        "tier {tier} with {seats} seats is already paid for next: extend with those until then"
    )]
    TierChangePending { tier: u32, seats: u32 },

    #[error("payfi has no rate of {denom} into BTT")]
    NoRate { denom: String },

    #[error("seats must be 1 to {max}, not {seats}")]
    InvalidSeats { seats: u32, max: u32 },

    #[error("{due} ubtt is due, {paid} was sent")]
    Underpaid { due: Uint128, paid: Uint128 },

    #[error("at the conversion rate, the payment would buy no points")]
    NothingBought,

    #[error("at most {max} windows of 30 days may be paid ahead")]
    TooManyWindows { max: u64 },

    #[error("{insurer} is already an insurer")]
    InsurerExists { insurer: String },

    #[error("{insurer} is not a registered insurer")]
    NotInsurer { insurer: String },

    #[error("an insurer name must be 1 to {max} bytes")]
    InvalidInsurerName { max: usize },

    #[error("migrating from code with tiers priced in BTT needs `tiers` priced in a native denom")]
    NeedsTiers,

    #[error("the points of invoice {invoice_id} are already reserved")]
    AlreadyReserved { invoice_id: u64 },

    #[error("invoice {invoice_id} has no points reserved")]
    NoReservation { invoice_id: u64 },

    #[error("the points of invoice {invoice_id} are settled: they are delivered, not released")]
    ReservationSettled { invoice_id: u64 },

    #[error("no award is pending")]
    NothingPending,

    #[error("converting would pay {amount}; the patient has {left} left of this epoch's cap")]
    PatientCapExceeded { amount: Uint128, left: Uint128 },

    #[error("converting would pay {amount}; {left} is left of {provider}'s cap this epoch")]
    ProviderCapExceeded {
        provider: String,
        amount: Uint128,
        left: Uint128,
    },

    #[error("the patient holds {available} convertible points from that source, not {requested}")]
    NotFromSource { available: u64, requested: u64 },
}
