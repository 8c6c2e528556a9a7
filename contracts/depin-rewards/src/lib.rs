//! `depin-rewards`: the Mining Reward Pool, paid by two pools each epoch (DESIGN §3 "Mining
//! emission").
//!
//! - The schedule (`btt_types::depin::epoch_emission`): 416 weekly epochs, year y emitting
//!   `6,300,000 × 0.2 × 0.8^y / (1 − 0.8^8)` BTT in 52 equal, floored epochs, the dust in epoch
//!   415; exactly 6,300,000 BTT.
//! - **The budget and the two pools live in [`epochs`]**: each close pays the work pool
//!   (`min(β, ω·M / F)` per ubtt of clinic-job fees) and the capacity pool (the rest, by
//!   score, in full from `S_min`), and carries the unused rest, released linearly.
//! - Capacity scores ([`score`]): verified capacity (reported by compute-escrow as challenges
//!   pass or fail, warmed up and lapsing in [`miners`]) × the median of the oracles' uptime,
//!   QoS, region and energy, under the epoch's score rules.
//! - Contributions ([`contribute`]) and claims ([`claim`]) touch one node and one epoch: a
//!   node's last epoch is folded into its rewards once closed, its capacity rewards stay locked
//!   `lock_epochs`, and a failed challenge forfeits them to the carry. After every close and
//!   claim `scheduled = paid + owed + carry` to the ubtt (the `State` query).
//! - Epochs closed by code before the two pools are claimed by the old rules ([`legacy`]).
//! - No circuit breaker: the only entry of value, `Fund`, is capped at what the schedule pays
//!   ([`epochs`]).

pub mod claim;
pub mod config;
pub mod contract;
pub mod contribute;
pub mod epochs;
pub mod error;
pub mod legacy;
pub mod migrate;
pub mod miners;
pub mod query;
pub mod score;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
