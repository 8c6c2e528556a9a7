//! `rwa-nft`: medical-asset NFTs of the BTT economy, a cw721 built on the `cw721` 0.22 library.
//!
//! - Ownership, approvals, transfers, `SendNft` and the standard queries are cw721's own code
//!   and storage; the NFT's cw721 extension is empty so a transfer moves as few bytes as
//!   cw721-base's. The asset's metadata lives beside it (`state::ASSETS`) and is returned in
//!   `NftInfo`/`AllNftInfo` as the extension.
//! - Minting is open to DAO-approved issuers only and costs 1–3% of the appraised value by
//!   complexity tier, paid in the appraisal's denom (BTT by cw20 `Send`, or a native denom).
//! - Revaluation: a DAO-appointed appraiser proposes a value, the owner or the issuer accepts it
//!   and pays 0.25–0.5% of the new value.
//! - BTT fees of high-value transactions are partly burned (`btt_types::fees`).
//!
//! No patient data is ever stored: metadata describes the asset, and documents are referenced by
//! hash and URI only.

pub mod config;
pub mod contract;
pub mod error;
pub mod fees;
pub mod metadata;
pub mod migrate;
pub mod mint;
pub mod nft;
pub mod query;
pub mod receive;
pub mod revalue;
pub mod state;

pub use error::ContractError;

#[cfg(test)]
mod tests;
