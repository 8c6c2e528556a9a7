//! How shares move: every transfer and send is reported to the vault (`SharesMoved`) so it
//! settles both holders' income first; shares may reach the vault only by `Send` (a redemption
//! hook); only the vault mints and burns; what cw20 offers beyond that is refused.

use btt_types::fractionalizer::ExecuteMsg as VaultMsg;
use cosmwasm_std::{
    ensure, to_json_binary, Addr, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult,
    Uint128, WasmMsg,
};
use cw20_base::allowances::{execute_send_from, execute_transfer_from};
use cw20_base::contract::{execute_burn, execute_mint, execute_send, execute_transfer};

use crate::ContractError;

fn reported(
    vault: &Addr,
    from: String,
    to: String,
    amount: Uint128,
    base: Response,
) -> StdResult<Response> {
    let notice = WasmMsg::Execute {
        contract_addr: vault.to_string(),
        msg: to_json_binary(&VaultMsg::SharesMoved { from, to, amount })?,
        funds: vec![],
    };
    let mut res = Response::new().add_message(notice);
    res.messages.extend(base.messages);
    Ok(res.add_attributes(base.attributes).add_events(base.events))
}

pub fn only_vault(vault: &Addr, info: &MessageInfo, action: &str) -> Result<(), ContractError> {
    ensure!(
        info.sender == vault,
        ContractError::OnlyVault {
            action: action.into(),
        }
    );
    Ok(())
}

fn not_to_vault(deps: Deps, vault: &Addr, recipient: &str) -> Result<String, ContractError> {
    let recipient = deps.api.addr_validate(recipient)?;
    ensure!(recipient != vault, ContractError::UseSend);
    Ok(recipient.into_string())
}

/// `Transfer`, reported to the vault; never to the vault itself.
pub fn transfer(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault: &Addr,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let sender = info.sender.to_string();
    let to = not_to_vault(deps.as_ref(), vault, &recipient)?;
    let base = execute_transfer(deps, env, info, to.clone(), amount)?;
    Ok(reported(vault, sender, to, amount, base)?)
}

/// `Send` (to any contract, the vault included), reported to the vault.
pub fn send(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault: &Addr,
    contract: String,
    amount: Uint128,
    msg: Binary,
) -> Result<Response, ContractError> {
    let sender = info.sender.to_string();
    let to = deps.api.addr_validate(&contract)?.into_string();
    let base = execute_send(deps, env, info, to.clone(), amount, msg)?;
    Ok(reported(vault, sender, to, amount, base)?)
}

/// `TransferFrom` by an approved spender, reported to the vault; never to the vault itself.
pub fn transfer_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault: &Addr,
    owner: String,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    let to = not_to_vault(deps.as_ref(), vault, &recipient)?;
    let from = deps.api.addr_validate(&owner)?.into_string();
    let base = execute_transfer_from(deps, env, info, from.clone(), to.clone(), amount)?;
    Ok(reported(vault, from, to, amount, base)?)
}

/// `SendFrom` by an approved spender, reported to the vault.
pub fn send_from(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault: &Addr,
    send: SendFrom,
) -> Result<Response, ContractError> {
    let SendFrom {
        owner,
        contract,
        amount,
        msg,
    } = send;
    let to = deps.api.addr_validate(&contract)?.into_string();
    let from = deps.api.addr_validate(&owner)?.into_string();
    let base = execute_send_from(deps, env, info, from.clone(), to.clone(), amount, msg)?;
    Ok(reported(vault, from, to, amount, base)?)
}

/// The fields of `SendFrom`.
pub struct SendFrom {
    /// Whose shares.
    pub owner: String,
    /// The receiving contract.
    pub contract: String,
    /// How many shares.
    pub amount: Uint128,
    /// The hook for the receiving contract.
    pub msg: Binary,
}

/// `Burn`: the vault only (redemptions).
pub fn burn(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault: &Addr,
    amount: Uint128,
) -> Result<Response, ContractError> {
    only_vault(vault, &info, "burn shares")?;
    Ok(execute_burn(deps, env, info, amount)?)
}

/// `Mint`: the vault only (management fee shares).
pub fn mint(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault: &Addr,
    recipient: String,
    amount: Uint128,
) -> Result<Response, ContractError> {
    only_vault(vault, &info, "mint shares")?;
    Ok(execute_mint(deps, env, info, recipient, amount)?)
}

/// A cw20 message the shares refuse.
pub fn not_supported(message: &str) -> ContractError {
    ContractError::NotSupported {
        message: message.into(),
    }
}
