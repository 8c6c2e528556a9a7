//! `incentive-points`: patient incentive points.
//!
//! - Providers subscribe by tier for 30 days at a time ([`providers`]); only active ones award,
//!   within their tier's budget for each paid 30-day window and each category's cap per patient
//!   per period ([`award`]); a referrer earns BTT from the pool when the referred provider's
//!   paid subscription fees pass a milestone, always less than those fees.
//! - Points are non-transferable (no message moves them between patients) and expire
//!   `expiry_periods` after the period they were awarded in: they live in one bucket per period,
//!   so balances and spending touch at most 24 buckets ([`ledger`]).
//! - Patients redeem points at partners, which pay the redemption fee, or convert them to BTT
//!   from the Community Incentives pool within an epoch cap ([`spend`]).
//! - payfi awards for a provider once an invoice's payments have settled (nothing refundable
//!   earns points, so nothing is clawed back).

pub mod award;
pub mod contract;
pub mod error;
pub mod fees;
pub mod ledger;
pub mod migrate;
pub mod providers;
pub mod query;
pub mod receive;
pub mod rules;
pub mod spend;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
