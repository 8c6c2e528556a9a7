//! `depin-rewards`: the Mining Reward Pool.
//!
//! - The schedule (`btt_types::depin::epoch_emission`): 416 weekly epochs, year y emitting
//!   `6,300,000 × 0.2 × 0.8^y / (1 − 0.8^8)` BTT in 52 equal, floored epochs, the dust in epoch
//!   415; exactly 6,300,000 BTT.
//! - Scores ([`score`]): `compute_units × uptime × qos × geography × energy`, units from
//!   compute-escrow, the rest the median of the oracles' attestations for the epoch, under the
//!   epoch's score rules: a change of oracles, multipliers or quorum takes effect from the next
//!   epoch, so every node of an epoch is scored under the same rules.
//! - Epochs close in order, bounded by the caller ([`epochs`]); an epoch with no score rolls its
//!   reward into the next.
//! - Claims pay a node's share of each closed epoch once, a bounded number of epochs a call
//!   ([`claim`]); the rounding of the shares goes to the carry, so after every close and claim
//!   `scheduled = paid + carry + owed` to the ubtt (the `State` query).
//! - No circuit breaker: the only entry of value, `Fund`, is capped at what the schedule pays
//!   ([`epochs`]).

pub mod claim;
pub mod config;
pub mod contract;
pub mod epochs;
pub mod error;
pub mod migrate;
pub mod query;
pub mod score;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
