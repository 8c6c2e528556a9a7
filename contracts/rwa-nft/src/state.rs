use btt_types::fee_router::FeeRouting;
use btt_types::rwa_nft::{AssetMetadata, NftFees, PendingRevaluation};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::{Item, Map};

/// Contract configuration; changed only by the owner (the DAO).
#[cw_serde]
pub struct Config {
    /// The BTT token: the "btt" denom.
    pub token: Addr,
    /// Approved issuers.
    pub issuers: Vec<Addr>,
    /// Appointed appraisers.
    pub appraisers: Vec<Addr>,
    /// Accepted native denoms.
    pub native_denoms: Vec<String>,
    /// Mint fees by complexity tier and the revaluation fee.
    pub fees: NftFees,
    /// Where the mint and revaluation fees go.
    pub fee_routing: FeeRouting,
    /// BTT fees of assets worth at least this many ubtt burn their burn share.
    pub burn_threshold: Uint128,
}

/// Running totals.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    /// NFTs minted ever.
    pub minted: u64,
    /// Revaluations accepted so far.
    pub revaluations: u64,
    /// BTT burned so far, in ubtt.
    pub burned: Uint128,
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");
/// Running totals.
pub const TOTALS: Item<Totals> = Item::new("totals");
/// Fees collected per denom ("btt" or native), burned part included.
pub const FEES: Map<&str, Uint128> = Map::new("fees");
/// Asset metadata by token id (the cw721 record itself holds no extension).
pub const ASSETS: Map<&str, AssetMetadata> = Map::new("assets");
/// Pending revaluations by token id.
pub const REVALUATIONS: Map<&str, PendingRevaluation> = Map::new("revaluations");
