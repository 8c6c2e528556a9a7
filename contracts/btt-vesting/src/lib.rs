//! `btt-vesting`: holds vested allocations of BTT and pays them out as they vest.
//!
//! - Funding: only a cw20 `Send` of BTT by the owner, with a hook that creates schedules whose
//!   amounts add up to the tokens sent ([`funding`]).
//! - Release curves: delay + linear, and milestone tranches the owner approves ([`curve`],
//!   [`milestones`]).
//! - Claims: the beneficiary takes what is vested and unclaimed, in constant work ([`claim`]).
//! - Schedules are never revoked; `locked + claimable + claimed = total` always holds.

pub mod claim;
pub mod contract;
pub mod curve;
pub mod error;
pub mod funding;
pub mod milestones;
pub mod query;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
