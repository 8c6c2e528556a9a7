//! `btt-staking`: BTT staked with lock tiers.
//!
//! - Voting power = stake × the lock tier's multiplier, kept per address and in total as
//!   snapshots by height ([`state::POWER`], [`state::TOTAL_POWER`]) that the DAO reads at a
//!   proposal's start height, so power staked later counts zero in it.
//! - Unlocked stake unbonds over a period longer than the DAO's voting period ([`stake`]).
//! - Fee rewards in BTT are shared pro rata to voting power with a reward-per-power index,
//!   constant work per stake, unbond and claim ([`rewards`]).
//! - Fee-discount and priority tiers by staked amount, one query for the other contracts
//!   ([`query::tier`]).

pub mod config;
pub mod contract;
pub mod error;
pub mod migrate;
pub mod query;
pub mod rewards;
pub mod stake;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
