//! The tier, analytics and conversion fees of a settled payment through the fee router
//! ([`btt_types::fee_router`]), and the DAO's changes to their routing.

use btt_types::fee_router::{FeeAsset, FeeRoutingUpdate, FeeStream};
use btt_types::ownership::assert_owner_no_funds;
use btt_types::payfi::{Payment, FEE_STREAMS};
use cosmwasm_std::{DepsMut, MessageInfo, Response, StdResult, Storage, Uint128};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// The service fee of `net` settled principal at the payment's rate (rounded up, in the
/// protocol's favour, and never above `net`), split into its tier and analytics parts: the
/// analytics part is its own rate of `net` rounded up, within the whole fee.
pub fn service_parts(
    config: &Config,
    payment: &Payment,
    analytics: bool,
    net: Uint128,
) -> StdResult<(Uint128, Uint128)> {
    let service = payment.fee.of_ceil(net);
    let analytics = if analytics {
        config.fees.analytics.of_ceil(net).min(service)
    } else {
        Uint128::zero()
    };
    Ok((service.checked_sub(analytics)?, analytics))
}

/// Routes the fees of a settling payment: the tier and analytics parts of `service`, and the
/// conversion fee. Returns what carries them out.
pub fn route_settlement(
    storage: &mut dyn Storage,
    config: &Config,
    payment: &Payment,
    (tier, analytics): (Uint128, Uint128),
    res: Response,
) -> StdResult<Response> {
    let fee = FeeAsset {
        asset: &payment.asset,
        token: &config.token,
        burnable: true,
    };
    let mut res = res;
    for (stream, amount) in [
        (FeeStream::PaymentTier, tier),
        (FeeStream::Analytics, analytics),
        (FeeStream::Conversion, payment.conversion_fee),
    ] {
        if amount.is_zero() {
            continue;
        }
        let routed = config.fee_routing.route(storage, stream, &fee, amount)?;
        res = res.add_messages(routed.msgs).add_event(routed.event);
    }
    Ok(res)
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
