//! `rwa-fractionalizer`: vaults that split an rwa-nft into a cw20 of shares.
//!
//! - `vaults.rs`: an NFT arrives (`SendNft` from rwa-nft only), a shares token is instantiated
//!   (submessage + reply) and every share minted to the depositor; the management fee accrues
//!   continuously as shares minted to the curator.
//! - `income.rs`: the income-per-share index, settled per holder on every move of shares that
//!   the shares token reports — O(1) per transfer, deposit and claim.
//! - `market.rs`: fixed-price listings, purchases with a fee by the buyer's staking tier, premium
//!   listing; `fees.rs`: the fee split and the high-value BTT burn.
//! - `buyout.rs`: reserve price signals, the auction, settlement and redemption.
//!
//! Share value never depends on a balance the vault merely holds: income counts only when
//! deposited through `DepositIncome`, and redemption pays from recorded proceeds, so donations
//! and first-depositor tricks change nothing.

pub mod buyout;
pub mod config;
pub mod contract;
pub mod error;
pub mod fees;
pub mod income;
pub mod market;
pub mod migrate;
pub mod query;
pub mod receive;
pub mod state;
pub mod vaults;

pub use error::ContractError;

#[cfg(test)]
mod tests;
