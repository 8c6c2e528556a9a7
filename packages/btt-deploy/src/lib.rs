//! Deployment of the BTT suite.
//!
//! - [`genesis`]: the genesis plan, derived from `btt_types::allocation::ALLOCATION_TABLE`:
//!   the token's one mint, the vesting schedules of the seven vested rows and the pool
//!   transfers, with Σ = 21,000,000 BTT checked in code. Chain-agnostic data.
//! - [`deploy`]: the one deployment routine (codes, instances, wiring, genesis, hand-over to the
//!   DAO) for any [`chain::DeployChain`].
//! - [`deployment`]: what a deployment left on a chain ([`deployment::Deployment`]), and
//!   [`roles`]: the genesis roles and a config naming each; both chain-agnostic.
//! - [`multitest`]: the embedded cw-multi-test chain as a `DeployChain`, its codes and config.
//! - [`audit`], [`resume`], [`dryrun`], [`localnet`], [`networks`], [`manifest`] and (feature
//!   `daemon`) [`daemon`]: reading a deployment back, going on after a stop, printing, and
//!   broadcasting it.
//!
//! The economy that runs on a deployment is the `btt-economy` crate.

pub mod audit;
pub mod chain;
#[cfg(feature = "daemon")]
pub mod daemon;
pub mod deploy;
pub mod deployment;
pub mod dryrun;
pub mod genesis;
pub mod localnet;
pub mod manifest;
pub mod multitest;
pub mod networks;
pub mod resume;
pub mod roles;
