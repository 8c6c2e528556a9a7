//! The BTT economy, run on a deployed suite (`btt_deploy`).
//!
//! - [`walk`]: the 48-month walk of the main job (claims, stakes, tranche approvals by
//!   proposal, the scenarios) and its table.
//! - [`care`]: the patient-care scenario (points and payments).
//! - [`compute`]: the compute-marketplace and mining scenario.
//! - [`rwa`]: the asset-tokenization scenario (an MRI vaulted, sold in shares, bought out).
//! - [`governance`]: a proposal from deposit to execution.
//! - [`report`]: the closing report (supply, fees by stream and recipient, balances) and its
//!   SVG charts ([`charts`]).
//! - [`app_state`] and [`app_snapshot`]: the state the dApp's browser tests replay.

pub mod app_snapshot;
pub mod app_state;
pub mod care;
pub mod charts;
pub mod compute;
pub mod governance;
pub mod living;
pub mod report;
pub mod rwa;
pub mod walk;
