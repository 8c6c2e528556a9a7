//! `btt-dao`: the governance of every BTT contract.
//!
//! - Proposals come with a BTT deposit (cw20 `Send` hook) and carry `CosmosMsg`s ([`propose`]).
//! - Votes weigh the voter's power at the proposal's start height, read from btt-staking; the
//!   total power is frozen at creation, so stake added later counts zero ([`vote`]).
//! - Outcomes follow x/gov: quorum, threshold, veto ([`tally`]).
//! - Passed proposals execute after a timelock, all or nothing: a failing message marks the
//!   proposal `ExecutionFailed` through a submessage reply ([`execution`]).
//! - The treasury is this contract's balance; only proposals spend it, and never the deposits it
//!   holds for other proposals.
//! - The foundation guardian may veto until a sunset fixed at instantiate ([`guardian`]).
//! - No circuit breaker: the DAO is the authority that pauses the other contracts. Its one
//!   entry of value besides proposal deposits, `Deposit` (native or the cw20 hook), stays open
//!   as a donation that harms nobody: it credits a labelled fund that only a passed proposal
//!   can spend and buys no vote, share or claim, and the fee router's development-fund and
//!   reserve shares arrive as `Deposit` in the fee payer's own transaction, so refusing it
//!   would fail every fee payment of the suite ([`treasury`]).

pub mod config;
pub mod contract;
pub mod error;
pub mod execution;
pub mod guardian;
pub mod propose;
pub mod query;
pub mod state;
pub mod tally;
pub mod treasury;
pub mod vote;

pub use error::ContractError;

#[cfg(test)]
mod tests;
