//! The routing of the NFT contract's mint and revaluation fees.

use btt_types::asset::Payment;
use btt_types::fee_router::{FeeAsset, FeeRoutingUpdate, FeeStream, RoutedFee};
use btt_types::ownership::assert_owner_no_funds;
use btt_types::rwa_nft::FEE_STREAMS;
use cosmwasm_std::{DepsMut, MessageInfo, Response, StdResult, Storage, Uint128};

use crate::state::{Config, CONFIG, FEES, TOTALS};
use crate::ContractError;

/// Routes a received fee of `stream` through the fee router: a BTT fee of an asset worth at
/// least the burn threshold burns its burn share. Records the fee and the burn.
pub fn distribute(
    storage: &mut dyn Storage,
    config: &Config,
    stream: FeeStream,
    paid: &Payment,
    value: Uint128,
) -> StdResult<RoutedFee> {
    let fee = FeeAsset {
        asset: &paid.asset,
        token: &config.token,
        burnable: value >= config.burn_threshold,
    };
    let routed = config
        .fee_routing
        .route(storage, stream, &fee, paid.amount)?;
    if !routed.routed.burned.is_zero() {
        TOTALS.update(storage, |mut t| -> StdResult<_> {
            t.burned = t.burned.checked_add(routed.routed.burned)?;
            Ok(t)
        })?;
    }
    FEES.update(storage, &paid.denom(), |f| -> StdResult<_> {
        Ok(f.unwrap_or_default().checked_add(paid.amount)?)
    })?;
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
