//! `compute-escrow`: the compute marketplace.
//!
//! - Nodes register with a BTT bond (at least `min_bond`), update, pause, retire and withdraw
//!   it ([`nodes`]).
//! - Clinics post jobs and escrow the on-chain price ([`pricing`], [`jobs`]); jobs are
//!   assigned to nodes, results submitted, accepted (or auto-accepted after the review window)
//!   and paid; late jobs expire and refund.
//! - **The 70/15/10/5 split lives in [`split`]**: exact to the ubtt, dust to the contributors.
//! - Disputes go to the DAO's arbiter: pay, refund or split, and slash nodes at fault
//!   ([`disputes`]).
//! - Every completed clinic job reports its units and protocol fees per node to depin-rewards
//!   ([`settle`]), the base of the work pool.
//! - Capacity: a node's bond is per capacity unit (GPUs × class weight) and its capacity counts
//!   for mining once an oracle's challenge confirms it ([`challenges`]); every change of what
//!   counts is reported to depin-rewards ([`nodes`]).

pub mod challenges;
pub mod config;
pub mod contract;
pub mod disputes;
pub mod error;
pub mod jobs;
pub mod migrate;
pub mod nodes;
pub mod pricing;
pub mod query;
pub mod receive;
pub mod settle;
pub mod split;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
