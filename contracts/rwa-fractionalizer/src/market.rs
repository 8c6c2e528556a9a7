//! The share market: fixed-price listings, purchases with a trade fee, premium listing.
//!
//! A listing leaves the shares with the seller (they keep earning income); the seller gives the
//! vault a cw20 allowance, and a purchase moves the shares with `TransferFrom`.

use btt_types::fee_router::FeeStream;
use btt_types::fractionalizer::{Listing, QuoteResponse, VaultStatus};
use btt_types::math::Checked;
use cosmwasm_std::{
    ensure, to_json_binary, Addr, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdResult,
    Uint128, WasmMsg,
};
use cw20::{AllowanceResponse, Cw20ExecuteMsg, Cw20QueryMsg};

use crate::fees::{add_to, distribute, trade_fee_rate};
use crate::income::load_holder;
use crate::state::{load_vault, require_status};
use crate::state::{CONFIG, FEATURED, LISTED, LISTINGS, TOTALS, VAULTS, VAULT_LISTINGS, VOLUME};
use crate::ContractError;
use btt_types::asset::Payment;

const TRADING: [VaultStatus; 2] = [VaultStatus::Active, VaultStatus::Auction];

/// Loads a listing or fails with `NoListing`.
pub fn load_listing(deps: Deps, listing_id: u64) -> Result<Listing, ContractError> {
    LISTINGS
        .may_load(deps.storage, listing_id)?
        .ok_or(ContractError::NoListing { listing_id })
}

/// `List`.
pub fn list(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault_id: u64,
    shares: Uint128,
    price_per_share: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure!(
        !shares.is_zero() && !price_per_share.is_zero(),
        ContractError::ZeroAmount
    );
    let vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &TRADING, "to hold its NFT")?;
    let seller = info.sender;
    let held = load_holder(deps.storage, &vault, &seller)?.shares;
    let listed = LISTED
        .may_load(deps.storage, (vault_id, &seller))?
        .unwrap_or_default();
    let available = held.saturating_sub(listed);
    ensure!(
        shares <= available,
        ContractError::InsufficientShares {
            available,
            asked: shares,
        }
    );
    let needed = listed.checked_add(shares)?;
    let allowance: AllowanceResponse = deps.querier.query_wasm_smart(
        &vault.shares_token,
        &Cw20QueryMsg::Allowance {
            owner: seller.to_string(),
            spender: env.contract.address.to_string(),
        },
    )?;
    if allowance.allowance < needed || allowance.expires.is_expired(&env.block) {
        return Err(ContractError::AllowanceTooLow {
            allowance: allowance.allowance,
            needed,
        });
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.listings = totals.listings.add_checked(1)?;
    TOTALS.save(deps.storage, &totals)?;
    let listing = Listing {
        id: totals.listings,
        vault_id,
        seller: seller.clone(),
        shares,
        price_per_share,
    };
    LISTINGS.save(deps.storage, listing.id, &listing)?;
    VAULT_LISTINGS.save(deps.storage, (vault_id, listing.id), &Empty {})?;
    LISTED.save(deps.storage, (vault_id, &seller), &needed)?;
    Ok(Response::new()
        .add_attribute("action", "list")
        .add_attribute("listing_id", listing.id.to_string())
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("seller", seller)
        .add_attribute("shares", shares)
        .add_attribute("price_per_share", price_per_share))
}

/// Removes `shares` from a listing (and the listing once empty) and from the seller's total.
fn take_from_listing(deps: &mut DepsMut, listing: &mut Listing, shares: Uint128) -> StdResult<()> {
    listing.shares = listing.shares.checked_sub(shares)?;
    if listing.shares.is_zero() {
        LISTINGS.remove(deps.storage, listing.id);
        VAULT_LISTINGS.remove(deps.storage, (listing.vault_id, listing.id));
    } else {
        LISTINGS.save(deps.storage, listing.id, listing)?;
    }
    let key = (listing.vault_id, &listing.seller);
    let left = LISTED
        .may_load(deps.storage, key)?
        .unwrap_or_default()
        .checked_sub(shares)?;
    if left.is_zero() {
        LISTED.remove(deps.storage, key);
    } else {
        LISTED.save(deps.storage, key, &left)?;
    }
    Ok(())
}

/// `CancelListing`.
pub fn cancel(
    mut deps: DepsMut,
    info: MessageInfo,
    listing_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut listing = load_listing(deps.as_ref(), listing_id)?;
    ensure!(
        listing.seller == info.sender,
        ContractError::NotSeller { listing_id }
    );
    let shares = listing.shares;
    take_from_listing(&mut deps, &mut listing, shares)?;
    Ok(Response::new()
        .add_attribute("action", "cancel_listing")
        .add_attribute("listing_id", listing_id.to_string())
        .add_attribute("shares", shares))
}

/// What `shares` of `listing` cost `buyer`.
pub fn quote(
    deps: Deps,
    listing: &Listing,
    shares: Uint128,
    buyer: &Addr,
) -> Result<QuoteResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let vault = load_vault(deps.storage, listing.vault_id)?;
    let cost = shares
        .checked_mul(listing.price_per_share)
        .map_err(cosmwasm_std::StdError::from)?;
    let fee_rate = trade_fee_rate(deps, &config, buyer)?;
    let fee = cost.mul_ceil(fee_rate.to_decimal());
    Ok(QuoteResponse {
        cost,
        fee_rate,
        fee,
        total: cost.checked_add(fee)?,
        asset: vault.asset,
    })
}

/// `Buy`: the buyer pays cost + fee; the seller gets the cost, the shares move by `TransferFrom`.
pub fn buy(
    mut deps: DepsMut,
    listing_id: u64,
    shares: Uint128,
    paid: Payment,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    ensure!(!shares.is_zero(), ContractError::ZeroAmount);
    let mut listing = load_listing(deps.as_ref(), listing_id)?;
    let vault = load_vault(deps.storage, listing.vault_id)?;
    require_status(&vault, &TRADING, "to hold its NFT")?;
    ensure!(
        shares <= listing.shares,
        ContractError::ExceedsListing {
            offered: listing.shares,
            asked: shares,
        }
    );
    ensure!(paid.sender != listing.seller, ContractError::OwnListing);
    paid.check_asset(&vault.asset)?;
    let q = quote(deps.as_ref(), &listing, shares, &paid.sender)?;
    paid.check_amount(q.total)?;
    ensure!(
        load_holder(deps.storage, &vault, &listing.seller)?.shares >= shares,
        ContractError::ListingUnbacked { asked: shares }
    );
    take_from_listing(&mut deps, &mut listing, shares)?;
    let config = CONFIG.load(deps.storage)?;
    let routed = distribute(
        deps.storage,
        &config,
        FeeStream::Trade,
        &vault.asset,
        q.fee,
        q.cost,
    )?;
    add_to(&VOLUME, deps.storage, &vault.asset, q.cost)?;
    let move_shares = WasmMsg::Execute {
        contract_addr: vault.shares_token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::TransferFrom {
            owner: listing.seller.to_string(),
            recipient: paid.sender.to_string(),
            amount: shares,
        })?,
        funds: vec![],
    };
    Ok(Response::new()
        .add_message(move_shares)
        .add_messages(vault.asset.transfer_msg(&listing.seller, q.cost)?)
        .add_messages(routed.msgs)
        .add_event(routed.event)
        .add_attribute("action", "buy")
        .add_attribute("listing_id", listing_id.to_string())
        .add_attribute("vault_id", vault.id.to_string())
        .add_attribute("buyer", paid.sender)
        .add_attribute("seller", &listing.seller)
        .add_attribute("shares", shares)
        .add_attribute("cost", q.cost)
        .add_attribute("fee", q.fee)
        .add_attribute("burned", routed.routed.burned))
}

/// `Feature`: the premium fee (BTT, exactly) features a vault for one more period.
pub fn feature(
    deps: DepsMut,
    env: Env,
    vault_id: u64,
    paid: Payment,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &TRADING, "to hold its NFT")?;
    paid.check_amount(config.fees.premium)?;
    let from = vault
        .featured_until
        .filter(|t| *t > env.block.time)
        .unwrap_or(env.block.time);
    let until = from.plus_seconds(config.fees.premium_seconds);
    vault.featured_until = Some(until);
    VAULTS.save(deps.storage, vault_id, &vault)?;
    FEATURED.save(deps.storage, vault_id, &until)?;
    let routed = distribute(
        deps.storage,
        &config,
        FeeStream::Premium,
        &paid.asset,
        paid.amount,
        paid.amount,
    )?;
    Ok(Response::new()
        .add_messages(routed.msgs)
        .add_event(routed.event)
        .add_attribute("action", "feature")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("payer", paid.sender)
        .add_attribute("until", until.seconds().to_string())
        .add_attribute("fee", paid.amount)
        .add_attribute("burned", routed.routed.burned))
}
