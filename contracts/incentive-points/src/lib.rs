//! `incentive-points`: patient incentive points.
//!
//! - Providers subscribe by tier for 30 days at a time ([`providers`]); only active ones award,
//!   within their tier's budget for each paid 30-day window and each category's cap per patient
//!   per period ([`award`]); a referrer earns BTT from the pool when the referred provider's
//!   paid subscription fees pass a milestone, always less than those fees.
//! - Tiers are priced per seat (one clinic of a group) in a stable native denom; BTT pays at
//!   payfi's median rate, rounded up, the excess returned. Each window's budget is the tier's
//!   budget × seats, lowered so it is always worth less than its payment at the conversion
//!   rate: no provider profits by awarding its budget to its own patients ([`providers`]).
//! - Insurers register, read patients' engagement to grant premium discounts off chain, and pay
//!   back the DAO-set share of their realised savings as the insurance fee stream
//!   ([`insurers`]).
//! - Points are non-transferable (no message moves them between patients) and expire
//!   `expiry_periods` after the period they were awarded in: they live in one bucket per period,
//!   so balances and spending touch at most 24 buckets ([`ledger`]).
//! - Patients redeem points at partners, which pay the redemption fee, or convert them to BTT
//!   from the Community Incentives pool within the global epoch cap, the patient's epoch cap
//!   and the epoch cap of the provider whose points they are ([`spend`]). Each award records
//!   its provider against the patient (one counter per pair, one total per patient), and a
//!   conversion names the provider: one provider's awards, however many sybil patients hold
//!   them, convert at most its cap, so no one provider exhausts the week for the others.
//! - Points promised on a paid payfi invoice are reserved from the provider's budget and the
//!   patient's cap when it is paid (`ReservePoints`; a reservation that does not fit refuses
//!   the payment), released if a refund reopens it, and delivered when its payments settle
//!   (`SettlePoints`) whatever the provider did since ([`award`]). Nothing refundable earns
//!   points, nothing is clawed back, nothing paid for is dropped.
//! - The circuit breaker refuses every message that brings value in: subscriptions, partner
//!   registration and funding, insurer registration and savings shares, pool donations
//!   (`FundPool`: a donation harms nobody, but a paused contract takes nothing), awards and
//!   reservations. Exits stay open: redemption, conversion, partner removal, grants, releases,
//!   and settlement, where points a pause keeps from their patient wait as pending awards
//!   (`PendingAwards`) for anyone to deliver with `DeliverPending` once it is lifted.

pub mod award;
pub mod contract;
pub mod error;
pub mod fees;
pub mod insurers;
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
