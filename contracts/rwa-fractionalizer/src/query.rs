//! Queries.

use btt_types::fractionalizer::{
    Auction, ConfigResponse, FractionalizerTotalsResponse, HolderResponse, Listing,
    ListingsResponse, QuoteResponse, ReserveResponse, VaultResponse, VaultsResponse,
};
use btt_types::pagination::{clamp_limit, page};
use cosmwasm_std::{Deps, Env, Order, StdError, StdResult, Uint128};
use cw_storage_plus::Bound;

use crate::buyout::{appraisal_floor, reserve_price, reserve_view};
use crate::income::claimable;
use crate::market::{load_listing, quote as market_quote};
use crate::state::load_vault;
use crate::state::{
    AUCTIONS, CONFIG, FEATURED, FEES, LISTED, LISTINGS, TOTALS, VAULTS, VAULT_LISTINGS, VOLUME,
};
use crate::vaults::fee_accrued;
use crate::ContractError;

fn std(e: ContractError) -> StdError {
    match e {
        ContractError::Std(e) => e,
        other => StdError::generic_err(other.to_string()),
    }
}

/// `Config`.
pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        nft: c.nft,
        token: c.token,
        staking: c.staking,
        shares_code_id: c.shares_code_id,
        native_denoms: c.native_denoms,
        fees: c.fees,
        fee_routing: c.fee_routing,
        burn_threshold: c.burn_threshold,
        buyout: c.buyout,
    })
}

/// `Vault`.
pub fn vault(deps: Deps, env: &Env, vault_id: u64) -> StdResult<VaultResponse> {
    let vault = load_vault(deps.storage, vault_id).map_err(std)?;
    let due: Uint128 = fee_accrued(&vault, env.block.time)?
        .to_uint_floor()
        .try_into()
        .unwrap_or(Uint128::MAX);
    let config = CONFIG.load(deps.storage)?;
    let floor = appraisal_floor(&deps.querier, &config.nft, &config.buyout, &vault)?;
    Ok(VaultResponse {
        reserve_price: reserve_price(&vault, floor)?,
        fee_shares_due: due,
        auction: AUCTIONS.may_load(deps.storage, vault_id)?,
        vault,
    })
}

/// `Vaults`.
pub fn vaults(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<VaultsResponse> {
    let range = VAULTS.range(
        deps.storage,
        start_after.map(Bound::exclusive),
        None,
        Order::Ascending,
    );
    Ok(VaultsResponse {
        vaults: page(range, limit)?,
    })
}

/// `Featured`: vaults whose premium period has not ended.
pub fn featured(
    deps: Deps,
    env: &Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<VaultsResponse> {
    let now = env.block.time;
    let vaults = FEATURED
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .filter(|item| item.as_ref().map_or(true, |(_, until)| *until > now))
        .take(clamp_limit(limit))
        .map(|item| VAULTS.load(deps.storage, item?.0))
        .collect::<StdResult<_>>()?;
    Ok(VaultsResponse { vaults })
}

/// `Listing`.
pub fn listing(deps: Deps, listing_id: u64) -> StdResult<Listing> {
    load_listing(deps, listing_id).map_err(std)
}

/// `Listings` of one vault.
pub fn listings(
    deps: Deps,
    vault_id: u64,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ListingsResponse> {
    let listings = VAULT_LISTINGS
        .prefix(vault_id)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|id| LISTINGS.load(deps.storage, id?))
        .collect::<StdResult<_>>()?;
    Ok(ListingsResponse { listings })
}

/// `Quote`.
pub fn quote(
    deps: Deps,
    listing_id: u64,
    shares: Uint128,
    buyer: String,
) -> StdResult<QuoteResponse> {
    let buyer = deps.api.addr_validate(&buyer)?;
    let listing = load_listing(deps, listing_id).map_err(std)?;
    market_quote(deps, &listing, shares, &buyer).map_err(std)
}

/// `Holder`.
pub fn holder(deps: Deps, vault_id: u64, address: String) -> StdResult<HolderResponse> {
    let who = deps.api.addr_validate(&address)?;
    let vault = load_vault(deps.storage, vault_id).map_err(std)?;
    let (h, claimable) = claimable(deps.storage, &vault, &who)?;
    Ok(HolderResponse {
        shares: h.shares,
        listed: LISTED
            .may_load(deps.storage, (vault_id, &who))?
            .unwrap_or_default(),
        claimable,
        reserve: h.reserve,
    })
}

/// `Claimable`.
pub fn claimable_of(deps: Deps, vault_id: u64, address: String) -> StdResult<Uint128> {
    Ok(holder(deps, vault_id, address)?.claimable)
}

/// `Auction`.
pub fn auction(deps: Deps, vault_id: u64) -> StdResult<Option<Auction>> {
    AUCTIONS.may_load(deps.storage, vault_id)
}

/// `ReservePrice`.
pub fn reserve(deps: Deps, vault_id: u64) -> StdResult<ReserveResponse> {
    let vault = load_vault(deps.storage, vault_id).map_err(std)?;
    let config = CONFIG.load(deps.storage)?;
    let auction = AUCTIONS.may_load(deps.storage, vault_id)?;
    let floor = appraisal_floor(&deps.querier, &config.nft, &config.buyout, &vault)?;
    Ok(reserve_view(
        &vault,
        auction.as_ref(),
        &config.buyout,
        floor,
    )?)
}

/// `Totals`.
pub fn totals(deps: Deps) -> StdResult<FractionalizerTotalsResponse> {
    let t = TOTALS.load(deps.storage)?;
    let all = |m: &cw_storage_plus::Map<String, _>| -> StdResult<Vec<_>> {
        m.range(deps.storage, None, None, Order::Ascending)
            .map(|item| item.map(|(_, v)| v))
            .collect()
    };
    Ok(FractionalizerTotalsResponse {
        vaults: t.vaults,
        fees: all(&FEES)?,
        burned: t.burned,
        volume: all(&VOLUME)?,
    })
}
