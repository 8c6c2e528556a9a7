//! The cw721 messages, run by the `cw721` library on its own storage.

use cosmwasm_std::{Binary, DepsMut, Empty, Env, MessageInfo, Response};
use cw721::execute as cw721_exec;
use cw_utils::Expiration;

use crate::state::{ASSETS, REVALUATIONS};
use crate::ContractError;

/// The NFT record type this contract keeps in cw721's storage.
type Ext = Option<Empty>;

/// `TransferNft`.
pub fn transfer(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    recipient: String,
    token_id: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw721_exec::transfer_nft::<Ext>(deps, &env, &info, &recipient, &token_id)?;
    Ok(Response::new()
        .add_attribute("action", "transfer_nft")
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", recipient)
        .add_attribute("token_id", token_id))
}

/// `SendNft`.
pub fn send(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    contract: String,
    token_id: String,
    msg: Binary,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    Ok(cw721_exec::send_nft::<Ext, Empty>(
        deps, &env, &info, contract, token_id, msg,
    )?)
}

/// `Approve`.
pub fn approve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    token_id: String,
    expires: Option<Expiration>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    Ok(cw721_exec::approve::<Ext, Empty>(
        deps, &env, &info, spender, token_id, expires,
    )?)
}

/// `Revoke`.
pub fn revoke(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    token_id: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    Ok(cw721_exec::revoke::<Ext, Empty>(
        deps, &env, &info, spender, token_id,
    )?)
}

/// `ApproveAll`.
pub fn approve_all(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    operator: String,
    expires: Option<Expiration>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    Ok(cw721_exec::approve_all::<Empty>(
        deps, &env, &info, operator, expires,
    )?)
}

/// `RevokeAll`.
pub fn revoke_all(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    operator: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    Ok(cw721_exec::revoke_all::<Empty>(
        deps, &env, &info, operator,
    )?)
}

/// `Burn`: cw721 removes the record; the metadata and any pending revaluation go with it.
pub fn burn(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let res = cw721_exec::burn_nft::<Empty>(deps.branch(), &env, &info, token_id.clone())?;
    ASSETS.remove(deps.storage, &token_id);
    REVALUATIONS.remove(deps.storage, &token_id);
    Ok(res)
}
