//! Buyout: reserve-price signals, the auction, settlement, and redemption of shares.
//!
//! The reserve price is share-weighted: every share counts at its holder's signal, or at the
//! depositor's initial reserve if its holder has not signalled. Signals are bounded by the
//! config's min/max factors of the initial reserve.

use btt_types::asset::Payment;
use btt_types::fractionalizer::{Auction, BuyoutParams, ReserveResponse, Vault, VaultStatus};
use btt_types::rwa_nft::{self, AssetResponse};
use cosmwasm_std::{
    ensure, to_json_binary, Addr, CosmosMsg, DepsMut, Env, MessageInfo, OverflowError,
    QuerierWrapper, Response, StdResult, Storage, Uint128, Uint256, WasmMsg,
};
use cw20::Cw20ExecuteMsg;

use crate::income::{load_holder, save_holder, set_shares, settle, take_income};
use crate::state::{load_vault, require_status, AUCTIONS, CONFIG, VAULTS};
use crate::vaults::{accrue, accrue_fee};
use crate::ContractError;
use btt_types::math::Checked;

/// The reserve floor: `appraisal_floor` of the asset's latest appraisal in rwa-nft when that
/// appraisal is in the vault's denom, or else of the depositor's initial reserve (the only
/// price of the asset in the vault's denom). One query.
///
/// A vault that no longer holds its NFT (sold or closed) has no floor: its buyer may have
/// burned the NFT, and the vault must stay readable for the holders still redeeming.
pub fn appraisal_floor(
    querier: &QuerierWrapper,
    nft: &Addr,
    rules: &BuyoutParams,
    vault: &Vault,
) -> StdResult<Uint128> {
    if !matches!(vault.status, VaultStatus::Active | VaultStatus::Auction) {
        return Ok(Uint128::zero());
    }
    let asset: AssetResponse = querier.query_wasm_smart(
        nft,
        &rwa_nft::QueryMsg::Asset {
            token_id: vault.token_id.clone(),
        },
    )?;
    let appraisal = asset.metadata.appraisal;
    let basis = if appraisal.denom == vault.asset.denom() {
        appraisal.value
    } else {
        vault.initial_reserve
    };
    Ok(basis.mul_ceil(rules.appraisal_floor))
}

/// The reserve price of the whole asset: share-weighted, and never below `floor`.
pub fn reserve_price(vault: &Vault, floor: Uint128) -> Result<Uint128, OverflowError> {
    Ok(signalled_reserve(vault)?.max(floor))
}

/// The share-weighted reserve price of the whole asset.
fn signalled_reserve(vault: &Vault) -> Result<Uint128, OverflowError> {
    if vault.supply.is_zero() {
        return Ok(vault.initial_reserve);
    }
    let unsignalled = vault.supply.saturating_sub(vault.signalled_shares);
    let total = vault.signal_weight.checked_add(
        Uint256::from(unsignalled).checked_mul(Uint256::from(vault.initial_reserve))?,
    )?;
    // A weighted mean of prices that each fit in 128 bits fits too.
    Ok(total
        .multiply_ratio(1u128, vault.supply)
        .try_into()
        .unwrap_or(Uint128::MAX))
}

/// Bounds of a signal: the min/max factors of the initial reserve.
pub fn signal_bounds(vault: &Vault, rules: &BuyoutParams) -> (Uint128, Uint128) {
    (
        vault.initial_reserve.mul_ceil(rules.min_factor),
        vault.initial_reserve.mul_floor(rules.max_factor),
    )
}

/// The least bid accepted now: the reserve (at least `floor`), or the last bid plus the minimum
/// increment.
pub fn min_bid(
    vault: &Vault,
    auction: Option<&Auction>,
    rules: &BuyoutParams,
    floor: Uint128,
) -> Result<Uint128, OverflowError> {
    match auction {
        Some(a) => a
            .bid
            .checked_add(rules.min_increment.of_ceil(a.bid).max(Uint128::one())),
        None => reserve_price(vault, floor),
    }
}

/// The `ReservePrice` view.
pub fn reserve_view(
    vault: &Vault,
    auction: Option<&Auction>,
    rules: &BuyoutParams,
    floor: Uint128,
) -> Result<ReserveResponse, OverflowError> {
    let (min_signal, max_signal) = signal_bounds(vault, rules);
    Ok(ReserveResponse {
        reserve_price: reserve_price(vault, floor)?,
        appraisal_floor: floor,
        min_bid: min_bid(vault, auction, rules, floor)?,
        min_signal,
        max_signal,
    })
}

/// `SignalReserve`.
pub fn signal(
    deps: DepsMut,
    info: MessageInfo,
    vault_id: u64,
    price: Option<Uint128>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &[VaultStatus::Active], "active (no auction yet)")?;
    let mut h = load_holder(deps.storage, &vault, &info.sender)?;
    ensure!(
        !h.shares.is_zero(),
        ContractError::NotHolder {
            vault_id,
            address: info.sender.into_string(),
        }
    );
    if let Some(p) = price {
        let (min, max) = signal_bounds(&vault, &config.buyout);
        if p < min || p > max {
            return Err(ContractError::ReserveOutOfBounds { min, max, got: p });
        }
    }
    settle(&mut vault, &mut h)?;
    let shares = h.shares;
    // Take the holder's weight out at the old price, put it back at the new one.
    set_shares(&mut vault, &mut h, Uint128::zero())?;
    h.reserve = price;
    set_shares(&mut vault, &mut h, shares)?;
    save_holder(deps.storage, vault_id, &info.sender, &h)?;
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(Response::new()
        .add_attribute("action", "signal_reserve")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("holder", info.sender)
        .add_attribute("price", price.map(|p| p.to_string()).unwrap_or_default())
        .add_attribute("reserve_price", signalled_reserve(&vault)?))
}

/// `Bid`: the first bid at or above the reserve starts the auction; later ones must beat the last
/// by the minimum increment, refund it, and extend an ending auction.
pub fn bid(
    deps: DepsMut,
    env: Env,
    vault_id: u64,
    paid: Payment,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(
        &vault,
        &[VaultStatus::Active, VaultStatus::Auction],
        "to hold its NFT",
    )?;
    paid.check_asset(&vault.asset)?;
    let now = env.block.time;
    let previous = AUCTIONS.may_load(deps.storage, vault_id)?;
    let mut res = Response::new();
    let auction = match previous {
        Some(mut a) if vault.status == VaultStatus::Auction => {
            ensure!(now < a.end, ContractError::AuctionEnded { vault_id });
            let min = min_bid(&vault, Some(&a), &config.buyout, Uint128::zero())?;
            ensure!(
                paid.amount >= min,
                ContractError::BidTooLow {
                    min,
                    got: paid.amount,
                }
            );
            res = res.add_messages(vault.asset.transfer_msg(&a.bidder, a.bid)?);
            let extended = now.plus_seconds(config.buyout.extension);
            if extended > a.end {
                a.end = extended;
            }
            a.bidder = paid.sender.clone();
            a.bid = paid.amount;
            a.bids = a.bids.add_checked(1)?;
            a
        }
        _ => {
            let floor = appraisal_floor(&deps.querier, &config.nft, &config.buyout, &vault)?;
            let min = reserve_price(&vault, floor)?;
            ensure!(
                paid.amount >= min,
                ContractError::BidTooLow {
                    min,
                    got: paid.amount,
                }
            );
            // The management fee accrues until the auction starts, then stops.
            res = accrue_fee(deps.storage, &config, &mut vault, now)?.add_to(res);
            vault.status = VaultStatus::Auction;
            Auction {
                bidder: paid.sender.clone(),
                bid: paid.amount,
                end: now.plus_seconds(config.buyout.duration),
                bids: 1,
            }
        }
    };
    AUCTIONS.save(deps.storage, vault_id, &auction)?;
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(res
        .add_attribute("action", "bid")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("bidder", paid.sender)
        .add_attribute("bid", paid.amount)
        .add_attribute("end", auction.end.seconds().to_string()))
}

fn nft_transfer(nft: &Addr, recipient: &Addr, token_id: &str) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: nft.to_string(),
        msg: to_json_binary(&cw721::msg::Cw721ExecuteMsg::<
            Option<cosmwasm_std::Empty>,
            Option<cosmwasm_std::Empty>,
            cosmwasm_std::Empty,
        >::TransferNft {
            recipient: recipient.to_string(),
            token_id: token_id.to_string(),
        })?,
        funds: vec![],
    }
    .into())
}

/// `SettleAuction`: after the end the NFT goes to the winner; the bid becomes the proceeds.
pub fn settle_auction(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &[VaultStatus::Auction], "in auction")?;
    let auction = AUCTIONS.load(deps.storage, vault_id)?;
    ensure!(
        env.block.time >= auction.end,
        ContractError::AuctionRunning {
            vault_id,
            end: auction.end.seconds(),
        }
    );
    // Every exit accrues first. The fee stopped when the auction started (and accrued then):
    // this mints only a carried whole share, if there were one.
    let res =
        accrue_fee(deps.storage, &config, &mut vault, env.block.time)?.add_to(Response::new());
    vault.status = VaultStatus::Sold;
    vault.proceeds_left = auction.bid;
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(res
        .add_message(nft_transfer(&config.nft, &auction.bidder, &vault.token_id)?)
        .add_attribute("action", "settle_auction")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("winner", auction.bidder)
        .add_attribute("price", auction.bid))
}

fn burn_msg(vault: &Vault, amount: Uint128) -> StdResult<CosmosMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: vault.shares_token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Burn { amount })?,
        funds: vec![],
    }
    .into())
}

/// Closes a vault whose last share is gone: rounding dust of income (what no holder can ever be
/// owed) goes to the operational reserve.
fn close(vault: &mut Vault, reserve: &Addr) -> StdResult<Vec<CosmosMsg>> {
    vault.status = VaultStatus::Closed;
    let owed: Uint128 = vault
        .income_credited
        .to_uint_ceil()
        .try_into()
        .unwrap_or(Uint128::MAX);
    let dust = vault.income_deposited.saturating_sub(owed);
    vault.income_paid = vault.income_paid.checked_add(dust)?;
    Ok(vault
        .asset
        .transfer_msg(reserve, dust)?
        .into_iter()
        .collect())
}

/// Burns `amount` shares the holder sent, pays their income, and closes the vault at zero.
fn burn_and_pay(
    storage: &mut dyn Storage,
    vault: &mut Vault,
    holder: &Addr,
    amount: Uint128,
    payout: Uint128,
) -> Result<Vec<CosmosMsg>, ContractError> {
    let config = CONFIG.load(storage)?;
    vault.supply = vault.supply.checked_sub(amount)?;
    let income = take_income(storage, vault, holder)?;
    let mut msgs = vec![burn_msg(vault, amount)?];
    msgs.extend(
        vault
            .asset
            .transfer_msg(holder, payout.checked_add(income)?)?,
    );
    if vault.supply.is_zero() {
        msgs.extend(close(vault, &config.fee_routing.payees.reserve)?);
    }
    Ok(msgs)
}

/// `Redeem`: shares of a sold vault, already sent here, become their part of the proceeds.
pub fn redeem(
    deps: DepsMut,
    vault_id: u64,
    holder: Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &[VaultStatus::Sold], "sold")?;
    let payout = vault.proceeds_left.multiply_ratio(amount, vault.supply);
    vault.proceeds_left = vault.proceeds_left.checked_sub(payout)?;
    let msgs = burn_and_pay(deps.storage, &mut vault, &holder, amount, payout)?;
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "redeem")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("holder", holder)
        .add_attribute("shares", amount)
        .add_attribute("proceeds", payout))
}

/// `RedeemNft`: a holder of every share, already sent here, takes the NFT out. The management
/// fee accrues first, whoever redeems: the protocol's fee shares are minted to its payees, so
/// the redeemer must hold those too (bought from them), or else end the vault by a buyout,
/// which pays them their part of the price. The curator's own new fee shares are not minted
/// when the curator redeems (they would be burned at once); anyone else must hold them too.
pub fn redeem_nft(
    deps: DepsMut,
    env: Env,
    vault_id: u64,
    holder: Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &[VaultStatus::Active], "active (no auction)")?;
    let curator_redeems = holder == vault.curator;
    let res = accrue(
        deps.storage,
        &config,
        &mut vault,
        env.block.time,
        curator_redeems,
    )?
    .add_to(Response::new());
    ensure!(
        amount == vault.supply,
        ContractError::NotAllShares {
            supply: vault.supply,
            sent: amount,
        }
    );
    let mut msgs = vec![nft_transfer(&config.nft, &holder, &vault.token_id)?];
    msgs.extend(burn_and_pay(
        deps.storage,
        &mut vault,
        &holder,
        amount,
        Uint128::zero(),
    )?);
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(res
        .add_messages(msgs)
        .add_attribute("action", "redeem_nft")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("holder", holder)
        .add_attribute("shares", amount))
}
