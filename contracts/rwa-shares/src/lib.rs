//! `rwa-shares`: the cw20 shares token of one rwa-fractionalizer vault.
//!
//! cw20-base does the bookkeeping; Keplr and explorers see a plain cw20 (0 decimals). What this
//! crate adds keeps the vault's income index right in O(1):
//! - every move between holders (`Transfer`, `Send`, `TransferFrom`, `SendFrom`) first calls the
//!   vault's `SharesMoved`, ahead of any `Receive` hook, so the vault settles both holders before
//!   anything else runs;
//! - only the vault mints (management fee) and burns (redemption), so the supply changes only
//!   where the vault accounts for it; `BurnFrom` and marketing messages are refused;
//! - a plain `Transfer`/`TransferFrom` to the vault is refused: shares reach the vault only with a
//!   `Send` carrying a hook it understands, so none can be stranded there.

pub mod contract;
pub mod error;
pub mod moves;

pub use error::ContractError;
