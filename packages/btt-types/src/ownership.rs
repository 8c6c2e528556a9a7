//! The `UpdateOwnership` handler every cw-ownable contract shares.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Storage};
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;

/// `UpdateOwnership(action)`: no funds; transfer (by the owner), accept (by the pending owner)
/// or renounce; the response carries `action = update_ownership` and the new ownership.
pub fn update_ownership<E>(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    action: Action,
) -> Result<Response, E>
where
    E: From<OwnershipError> + From<PaymentError>,
{
    cw_utils::nonpayable(info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

/// The guard of every owner-only message: no funds attached, and the sender is the cw-ownable
/// owner (the DAO).
pub fn assert_owner_no_funds<E>(storage: &dyn Storage, info: &MessageInfo) -> Result<(), E>
where
    E: From<OwnershipError> + From<PaymentError>,
{
    cw_utils::nonpayable(info)?;
    cw_ownable::assert_owner(storage, &info.sender)?;
    Ok(())
}
