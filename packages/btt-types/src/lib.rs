//! Messages, responses and shared types of every BTT contract.
//!
//! Each contract has a module named after it (`token`, `vesting`, `staking`, `dao`, ...) holding its
//! `InstantiateMsg`, `ExecuteMsg`, `QueryMsg`, `MigrateMsg`, response types and a typed helper
//! (`TokenContract(Addr)`, `VestingContract(Addr)`) that builds `CosmosMsg`s and runs queries.
//! Shared building blocks sit beside them:
//! - [`units`]: BTT decimals, the total supply and the length of a month;
//! - [`bps`]: basis points, the one way percentages are stored;
//! - [`allocation`]: the genesis allocation table of the BTT paper, as data;
//! - [`circuit`]: the circuit breaker (pause new value, exits open) of every value-taking contract;
//! - [`fees`]: the band of every fee rate;
//! - [`fee_router`]: the one rule by which every fee stream pays its five payees;
//! - [`pagination`]: the clamped `start_after` + `limit` rule every list query follows;
//! - [`migration`]: the cw2 guard every `migrate` entry point runs;
//! - [`ownership`]: the `UpdateOwnership` handler of every cw-ownable contract.

pub mod allocation;
pub mod asset;
pub mod bps;
pub mod circuit;
pub mod compute;
pub mod contracts;
pub mod dao;
pub mod depin;
pub mod fee_router;
pub mod fees;
pub mod fractionalizer;
pub mod math;
pub mod median;
pub mod migration;
pub mod ownership;
pub mod pagination;
pub mod payfi;
pub mod points;
pub mod rwa_nft;
pub mod staking;
pub mod token;
pub mod units;
pub mod vesting;

pub use bps::Bps;
