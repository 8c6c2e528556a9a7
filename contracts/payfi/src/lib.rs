//! `payfi`: healthcare payments.
//!
//! - Providers issue invoices in BTT or an accepted native denom ([`invoices`]).
//! - Payers pay in full or in parts, in the invoice's denom or another one at the feeders'
//!   oracle rate (staleness-checked, bounded by the payer's maximum spend, 0.75% fee)
//!   ([`payments`], [`rates`]).
//! - Payments are held for the settlement window: the provider may refund inside it; after it
//!   anyone settles them, in bounded batches, to the provider less the fee (0.5–0.8% by the
//!   better staking tier of payer and provider, +0.25% with analytics) ([`settlement`]).
//! - An invoice's points go to the payer once it is paid; a refund that unpays it claws them
//!   back (incentive-points).

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
