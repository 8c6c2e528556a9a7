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
//! - [`care`]: the patient-care scenario (points and payments) of the main job.
//! - [`compute`]: the compute-marketplace and mining scenario of the main job.
//! - [`rwa`]: the asset-tokenization deployment and the MRI scenario of the main job.
//! - [`governance`]: a proposal from deposit to execution on the embedded chain.
//! - [`report`]: the closing report (supply, fees by stream and recipient, balances) and its
//!   SVG charts ([`charts`]).
//! - [`walk`]: the 48-month walk of the main job (claims, stakes, tranche approvals by
//!   proposal) and its table.

pub mod app_snapshot;
pub mod app_state;
pub mod audit;
pub mod care;
pub mod chain;
pub mod charts;
pub mod compute;
#[cfg(feature = "daemon")]
pub mod daemon;
pub mod deploy;
pub mod deployment;
pub mod dryrun;
pub mod genesis;
pub mod governance;
pub mod localnet;
pub mod manifest;
pub mod multitest;
pub mod networks;
pub mod report;
pub mod resume;
pub mod roles;
pub mod rwa;
pub mod walk;
