use btt_types::asset::PaidError;
use btt_types::bps::Bps;
use btt_types::fee_router::FeeRouteError;
use btt_types::migration::MigrationError;
use btt_types::payfi::{InvoiceStatus, PaymentStatus};
use btt_types::token::UnknownToken;
use cosmwasm_std::{Decimal, OverflowError, StdError, Timestamp, Uint128};
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

    /// Paid in another amount than due, or in an unaccepted denom.
    #[error("{0}")]
    Paid(#[from] PaidError),

    #[error("invalid config: {reason}")]
    InvalidConfig { reason: String },

    #[error("amount must be greater than zero")]
    ZeroAmount,

    #[error("the due date {due} is not in the future")]
    DueInPast { due: Timestamp },

    #[error("the memo hash may hold at most 64 bytes")]
    MemoTooLong,

    #[error("points need a category, points > 0 and an incentive-points contract")]
    InvalidPoints,

    #[error("invoice {invoice_id} does not exist")]
    InvoiceNotFound { invoice_id: u64 },

    #[error("invoice {invoice_id} is {status:?}")]
    InvoiceNotOpen {
        invoice_id: u64,
        status: InvoiceStatus,
    },

    #[error("only the invoice's provider may do this")]
    NotProvider,

    #[error("only the named payer may pay this invoice")]
    NotInvoicePayer,

    #[error("invoice {invoice_id} already has payments")]
    AlreadyPaid { invoice_id: u64 },

    #[error("{open} is open on the invoice, {amount} was offered")]
    Overpay { open: Uint128, amount: Uint128 },

    #[error("no rate of {pay} into {invoice}")]
    NoRate { pay: String, invoice: String },

    #[error("fewer than {fresh_needed} feeders posted a fresh rate of {pay} into {invoice}")]
    StaleRate {
        pay: String,
        invoice: String,
        fresh_needed: u32,
    },

    #[error("an invoice that carries points must name its patient as the payer")]
    PointsNeedPayer,

    #[error("paying costs {spend}, more than the maximum spend {max}")]
    MaxSpendExceeded { spend: Uint128, max: Uint128 },

    #[error("payment {payment_id} does not exist")]
    PaymentNotFound { payment_id: u64 },

    #[error("payment {payment_id} is {status:?}")]
    PaymentNotPending {
        payment_id: u64,
        status: PaymentStatus,
    },

    #[error("payment {payment_id}'s window closed at {settles_at}")]
    WindowClosed {
        payment_id: u64,
        settles_at: Timestamp,
    },

    #[error("at most {left} of the payment can still be refunded")]
    RefundTooLarge { left: Uint128 },

    #[error("no payment is due to settle")]
    NothingToSettle,

    #[error("only a feeder appointed by the DAO may post rates")]
    NotFeeder,

    #[error("the median {median} moved more than {band:?} from the last accepted {last}, and fewer than {quorum} fresh rates moved with it")]
    RateUnconfirmed {
        median: Decimal,
        last: Decimal,
        band: Bps,
        quorum: u32,
    },
}
