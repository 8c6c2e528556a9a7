//! Vault fees: the trade fee by the buyer's staking tier, and the split of every fee to the DAO's
//! recipients with the high-value BTT burn.

use btt_types::asset::Asset;
use btt_types::bps::Bps;
use btt_types::fees::cut_fee;
use btt_types::staking::StakingContract;
use btt_types::token::TokenContract;
use cosmwasm_std::{Addr, CosmosMsg, Deps, StdResult, Storage, Uint128};

use crate::state::{Config, FEES, TOTALS};

/// The trade fee of `buyer`: by their staking priority level, the last level applying above.
pub fn trade_fee_rate(deps: Deps, config: &Config, buyer: &Addr) -> StdResult<Bps> {
    let level = StakingContract(config.staking.clone())
        .tier(&deps.querier, buyer)?
        .priority as usize;
    let tiers = &config.fees.trade_by_priority;
    Ok(tiers
        .get(level)
        .or(tiers.last())
        .copied()
        .unwrap_or(Bps::ZERO))
}

/// Adds `amount` to a per-asset running total.
pub fn add_to(
    map: &cw_storage_plus::Map<String, (Asset, Uint128)>,
    storage: &mut dyn Storage,
    asset: &Asset,
    amount: Uint128,
) -> StdResult<()> {
    map.update(storage, asset.to_string(), |v| -> StdResult<_> {
        let (_, total) = v.unwrap_or((asset.clone(), Uint128::zero()));
        Ok((asset.clone(), total + amount))
    })?;
    Ok(())
}

/// Splits a fee received in `asset` for a transaction worth `value`: burns the BTT share of a
/// high-value one, pays the recipients. Returns the messages and the burned amount.
pub fn distribute(
    storage: &mut dyn Storage,
    config: &Config,
    asset: &Asset,
    fee: Uint128,
    value: Uint128,
) -> StdResult<(Vec<CosmosMsg>, Uint128)> {
    let in_btt = asset == &Asset::Cw20(config.token.clone());
    let cut = cut_fee(fee, value, in_btt, &config.burn, &config.recipients);
    let mut msgs = vec![];
    if !cut.burn.is_zero() {
        msgs.push(TokenContract(config.token.clone()).burn_msg(cut.burn)?);
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned += cut.burn;
            Ok(t)
        })?;
    }
    for (to, amount) in &cut.paid {
        msgs.extend(asset.transfer_msg(to, *amount)?);
    }
    if !fee.is_zero() {
        add_to(&FEES, storage, asset, fee)?;
    }
    Ok((msgs, cut.burn))
}
