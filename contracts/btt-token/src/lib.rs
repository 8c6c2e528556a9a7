//! `btt-token`: BTT, the fixed-supply cw20 of the BTT healthcare economy.
//!
//! cw20-base does the bookkeeping. This crate adds the rules that make the supply fixed: the
//! instantiate mints exactly 21,000,000 BTT (6 decimals) to the initial balances and refuses any
//! other total, there is no minter and no `Mint` message, so the supply can only fall (by
//! `Burn`/`BurnFrom`). It also refuses zero amounts and attached native funds.

pub mod contract;
pub mod error;
pub mod supply;

pub use error::ContractError;

#[cfg(test)]
mod tests;
