//! Vault fees: the trade fee by the buyer's staking tier, and the routing of the trade and
//! premium fees through the fee router with the high-value BTT burn (the management fee, paid in
//! shares, is minted in `vaults`).

use btt_types::asset::Asset;
use btt_types::bps::Bps;
use btt_types::fee_router::{FeeAsset, FeeRoutingUpdate, FeeStream, RoutedFee};
use btt_types::fractionalizer::FEE_STREAMS;
use btt_types::ownership::assert_owner_no_funds;
use btt_types::staking::StakingContract;
use cosmwasm_std::{Addr, Deps, DepsMut, MessageInfo, Response, StdResult, Storage, Uint128};

use crate::state::{Config, CONFIG, FEES, TOTALS};
use crate::ContractError;

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
        Ok((asset.clone(), total.checked_add(amount)?))
    })?;
    Ok(())
}

/// Routes a fee of `stream` received in `asset` for a transaction worth `value`: a BTT fee of a
/// high-value one burns its burn share. Records the fee and the burn.
pub fn distribute(
    storage: &mut dyn Storage,
    config: &Config,
    stream: FeeStream,
    asset: &Asset,
    fee: Uint128,
    value: Uint128,
) -> StdResult<RoutedFee> {
    let paid = FeeAsset {
        asset,
        token: &config.token,
        burnable: value >= config.burn_threshold,
    };
    let routed = config.fee_routing.route(storage, stream, &paid, fee)?;
    if !routed.routed.burned.is_zero() {
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned = t.burned.checked_add(routed.routed.burned)?;
            Ok(t)
        })?;
    }
    if !fee.is_zero() {
        add_to(&FEES, storage, asset, fee)?;
    }
    Ok(routed)
}

/// `UpdateFeeRouting`: the owner (the DAO) changes payees or stream shares.
pub fn update_routing(
    deps: DepsMut,
    info: MessageInfo,
    update: FeeRoutingUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut c = CONFIG.load(deps.storage)?;
    c.fee_routing = c
        .fee_routing
        .apply(deps.as_ref(), &FEE_STREAMS, &update, &c.native_denoms)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_fee_routing"))
}
