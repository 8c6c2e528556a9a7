//! `payfi`: healthcare payments.
//!
//! - Providers issue invoices in BTT or an accepted native denom ([`invoices`]).
//! - Payers pay in full or in parts, in the invoice's denom or another one at the median of at
//!   least `min_feeders` (2 or more) fresh feeder rates, which moves at most `max_rate_move`
//!   from the last accepted median unless a quorum of fresh rates moved with it; bounded by the
//!   payer's maximum spend, 0.75% fee ([`payments`], [`rates`]).
//! - Payments are held for the settlement window: the provider may refund inside it; after it
//!   anyone settles them, in bounded batches, to the provider less the fee (0.5–0.8% by the
//!   better staking tier of payer and provider, +0.25% with analytics) ([`settlement`]).
//! - An invoice's points are reserved with incentive-points by the payment that completes it
//!   (or that payment is refused), released by a refund that reopens it, and delivered when
//!   its last payment settles, or kept pending there while incentive-points is paused.
//! - Paused, payfi takes no invoice and no payment (the only messages that bring value in);
//!   refunds and settlement go on.

pub mod config;
pub mod contract;
pub mod error;
pub mod fees;
pub mod invoices;
pub mod migrate;
pub mod payments;
pub mod query;
pub mod rates;
pub mod settlement;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
