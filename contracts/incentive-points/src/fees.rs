//! The subscription, partner, redemption and insurance fees through the fee router
//! ([`btt_types::fee_router`]), and the DAO's changes to their routing.

use btt_types::asset::Asset;
use btt_types::fee_router::{FeeAsset, FeeRouteError, FeeRoutingUpdate, FeeStream, RoutedFee};
use btt_types::ownership::assert_owner_no_funds;
use btt_types::points::{PointsRules, FEE_STREAMS};
use cosmwasm_std::{DepsMut, MessageInfo, QuerierWrapper, Response, StdResult, Storage, Uint128};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// Routes a fee of `stream` paid in `asset`.
pub fn route(
    storage: &mut dyn Storage,
    config: &Config,
    stream: FeeStream,
    asset: &Asset,
    amount: Uint128,
) -> StdResult<RoutedFee> {
    let fee = FeeAsset {
        asset,
        token: &config.token,
        burnable: true,
    };
    config.fee_routing.route(storage, stream, &fee, amount)
}

/// Routes a fee of `stream` paid in BTT.
pub fn route_btt(
    storage: &mut dyn Storage,
    config: &Config,
    stream: FeeStream,
    amount: Uint128,
) -> StdResult<RoutedFee> {
    route(
        storage,
        config,
        stream,
        &Asset::Cw20(config.token.clone()),
        amount,
    )
}

/// The native denoms the tiers are priced in: subscriptions and insurers' savings shares
/// may be paid in them.
pub fn native_denoms(rules: &PointsRules) -> Vec<String> {
    let mut denoms: Vec<String> = vec![];
    for t in &rules.tiers {
        if !denoms.contains(&t.price.denom) {
            denoms.push(t.price.denom.clone());
        }
    }
    denoms
}

/// btt-staking must stream every native denom a tier may be paid in.
pub fn check_denoms(
    querier: &QuerierWrapper,
    config: &Config,
    rules: &PointsRules,
) -> Result<(), FeeRouteError> {
    config
        .fee_routing
        .check_staking_denoms(querier, &native_denoms(rules))
}

/// `UpdateFeeRouting`: the owner (the DAO) changes payees or stream shares.
pub fn update_routing(
    deps: DepsMut,
    info: MessageInfo,
    update: FeeRoutingUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut c = CONFIG.load(deps.storage)?;
    c.fee_routing = c.fee_routing.apply(
        deps.as_ref(),
        &FEE_STREAMS,
        &update,
        &native_denoms(&c.rules),
    )?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_fee_routing"))
}
