use btt_types::asset::Asset;
use btt_types::fee_router::FeeRouting;
use btt_types::fractionalizer::{Auction, BuyoutParams, Listing, Vault, VaultFees, VaultStatus};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{ensure, Addr, Decimal256, Empty, Storage, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};

use crate::ContractError;

/// Contract configuration; changed only by the owner (the DAO).
#[cw_serde]
pub struct Config {
    /// rwa-nft: the only NFTs accepted.
    pub nft: Addr,
    /// The BTT token.
    pub token: Addr,
    /// btt-staking, for fee tiers.
    pub staking: Addr,
    /// Code id of rwa-shares.
    pub shares_code_id: u64,
    /// Accepted native denoms.
    pub native_denoms: Vec<String>,
    /// Trade fees by staking tier, the management fee and its protocol part, the premium listing.
    pub fees: VaultFees,
    /// Where the trade, premium and management fees go.
    pub fee_routing: FeeRouting,
    /// BTT fees of transactions worth at least this many ubtt burn their burn share.
    pub burn_threshold: Uint128,
    /// Reserve-price bounds, the appraisal floor and the auction's timing.
    pub buyout: BuyoutParams,
}

/// One holder in one vault's ledger.
#[cw_serde]
#[derive(Default)]
pub struct Holder {
    /// Shares held (mirrors the shares token balance).
    pub shares: Uint128,
    /// The vault's income index when this holder was last settled.
    pub index: Decimal256,
    /// Income credited and not yet claimed, in exact fractions of a unit.
    pub pending: Decimal256,
    /// Reserve price signalled, if any.
    pub reserve: Option<Uint128>,
}

/// Ids and running totals.
#[cw_serde]
#[derive(Default)]
pub struct Totals {
    /// Vaults opened (the last vault id).
    pub vaults: u64,
    /// Listings created (the last listing id).
    pub listings: u64,
    /// BTT burned so far, in ubtt.
    pub burned: Uint128,
}

/// The contract's config, set at instantiate and changed by `UpdateConfig`.
pub const CONFIG: Item<Config> = Item::new("config");
/// Ids and totals.
pub const TOTALS: Item<Totals> = Item::new("totals");
/// A vault waiting for its shares token's instantiate reply.
pub const PENDING_VAULT: Item<Vault> = Item::new("pending_vault");
/// Vaults by id.
pub const VAULTS: Map<u64, Vault> = Map::new("vaults");
/// Vault id by shares token.
pub const BY_SHARES: Map<&Addr, u64> = Map::new("by_shares");
/// Ledger of each vault: (vault id, holder) → holder.
pub const HOLDERS: Map<(u64, &Addr), Holder> = Map::new("holders");
/// Listings by id.
pub const LISTINGS: Map<u64, Listing> = Map::new("listings");
/// Open listings of each vault: (vault id, listing id).
pub const VAULT_LISTINGS: Map<(u64, u64), Empty> = Map::new("vault_listings");
/// Shares each holder has listed: (vault id, holder) → shares.
pub const LISTED: Map<(u64, &Addr), Uint128> = Map::new("listed");
/// Auctions by vault id.
pub const AUCTIONS: Map<u64, Auction> = Map::new("auctions");
/// Featured vaults: vault id → featured until.
pub const FEATURED: Map<u64, Timestamp> = Map::new("featured");
/// Fees collected per asset (key: the asset's display form), burned part included.
pub const FEES: Map<String, (Asset, Uint128)> = Map::new("fees");
/// Share volume traded per asset.
pub const VOLUME: Map<String, (Asset, Uint128)> = Map::new("volume");

/// Loads a vault or fails with `NoVault`.
pub fn load_vault(storage: &dyn Storage, vault_id: u64) -> Result<Vault, ContractError> {
    VAULTS
        .may_load(storage, vault_id)?
        .ok_or(ContractError::NoVault { vault_id })
}

/// Fails unless the vault is in one of `allowed`.
pub fn require_status(
    vault: &Vault,
    allowed: &[VaultStatus],
    needed: &str,
) -> Result<(), ContractError> {
    ensure!(
        allowed.contains(&vault.status),
        ContractError::WrongStatus {
            vault_id: vault.id,
            status: vault.status,
            needed: needed.into(),
        }
    );
    Ok(())
}
