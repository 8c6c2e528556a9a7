//! Vault fees: the trade fee by the buyer's staking tier, and the split of every fee to the DAO's
//! recipients with the high-value BTT burn.

use btt_types::asset::Asset;
use btt_types::bps::Bps;
use btt_types::fees::pay_out_fee;
use btt_types::staking::StakingContract;
use cosmwasm_std::{Addr, CosmosMsg, Deps, StdResult, Storage, Uint128};

use crate::state::{Config, FEES, TOTALS};

/// The trade fee of `buyer`: by their staking priority level, the last level applying above.
pub fn trade_fee_rate(deps: Deps, config: &Config, buyer: &Addr) -> StdResult<Bps> {
    let level = StakingContract(config.staking.clone())
        .tier(&deps.querier, buyer)?
        .priority as usize;
    Ok(Bps::by_level(&config.fees.trade_by_priority, level))
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
    let (msgs, burned) = pay_out_fee(
        fee,
        value,
        asset,
        &config.token,
        &config.burn,
        &config.recipients,
    )?;
    if !burned.is_zero() {
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned += burned;
            Ok(t)
        })?;
    }
    if !fee.is_zero() {
        add_to(&FEES, storage, asset, fee)?;
    }
    Ok((msgs, burned))
}
