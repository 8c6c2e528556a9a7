use btt_types::fractionalizer::{ExecuteMsg as VaultMsg, SharesInstantiateMsg, SharesMigrateMsg};
use btt_types::migration::migrate_contract;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    ensure, to_json_binary, Addr, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult,
    Uint128, WasmMsg,
};
use cw20::{Cw20Coin, Cw20ExecuteMsg, MinterResponse};
use cw20_base::allowances::{
    execute_decrease_allowance, execute_increase_allowance, execute_send_from,
    execute_transfer_from,
};
use cw20_base::contract::{execute_burn, execute_mint, execute_send, execute_transfer};
use cw20_base::msg::QueryMsg;
use cw_storage_plus::Item;
use cw_utils::nonpayable;

use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:rwa-shares";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The vault (rwa-fractionalizer) this token reports to; also its only minter.
pub const VAULT: Item<Addr> = Item::new("vault");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: SharesInstantiateMsg,
) -> Result<Response, ContractError> {
    nonpayable(&info)?;
    let base = cw20_base::msg::InstantiateMsg {
        name: msg.name,
        symbol: msg.symbol,
        decimals: 0,
        initial_balances: vec![Cw20Coin {
            address: msg.holder,
            amount: msg.supply,
        }],
        mint: Some(MinterResponse {
            minter: info.sender.to_string(),
            cap: None,
        }),
        marketing: None,
    };
    cw20_base::contract::instantiate(deps.branch(), env, info.clone(), base)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    VAULT.save(deps.storage, &info.sender)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("vault", info.sender)
        .add_attribute("supply", msg.supply))
}

/// `base` with the vault's `SharesMoved` put first, ahead of any `Receive` hook.
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

fn only_vault(vault: &Addr, info: &MessageInfo, action: &str) -> Result<(), ContractError> {
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

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: Cw20ExecuteMsg,
) -> Result<Response, ContractError> {
    nonpayable(&info)?;
    let vault = VAULT.load(deps.storage)?;
    let sender = info.sender.to_string();
    Ok(match msg {
        Cw20ExecuteMsg::Transfer { recipient, amount } => {
            let to = not_to_vault(deps.as_ref(), &vault, &recipient)?;
            let base = execute_transfer(deps, env, info, to.clone(), amount)?;
            reported(&vault, sender, to, amount, base)?
        }
        Cw20ExecuteMsg::Send {
            contract,
            amount,
            msg,
        } => {
            let to = deps.api.addr_validate(&contract)?.into_string();
            let base = execute_send(deps, env, info, to.clone(), amount, msg)?;
            reported(&vault, sender, to, amount, base)?
        }
        Cw20ExecuteMsg::TransferFrom {
            owner,
            recipient,
            amount,
        } => {
            let to = not_to_vault(deps.as_ref(), &vault, &recipient)?;
            let from = deps.api.addr_validate(&owner)?.into_string();
            let base = execute_transfer_from(deps, env, info, from.clone(), to.clone(), amount)?;
            reported(&vault, from, to, amount, base)?
        }
        Cw20ExecuteMsg::SendFrom {
            owner,
            contract,
            amount,
            msg,
        } => {
            let to = deps.api.addr_validate(&contract)?.into_string();
            let from = deps.api.addr_validate(&owner)?.into_string();
            let base = execute_send_from(deps, env, info, from.clone(), to.clone(), amount, msg)?;
            reported(&vault, from, to, amount, base)?
        }
        Cw20ExecuteMsg::IncreaseAllowance {
            spender,
            amount,
            expires,
        } => execute_increase_allowance(deps, env, info, spender, amount, expires)?,
        Cw20ExecuteMsg::DecreaseAllowance {
            spender,
            amount,
            expires,
        } => execute_decrease_allowance(deps, env, info, spender, amount, expires)?,
        Cw20ExecuteMsg::Burn { amount } => {
            only_vault(&vault, &info, "burn shares")?;
            execute_burn(deps, env, info, amount)?
        }
        Cw20ExecuteMsg::Mint { recipient, amount } => {
            only_vault(&vault, &info, "mint shares")?;
            execute_mint(deps, env, info, recipient, amount)?
        }
        Cw20ExecuteMsg::BurnFrom { .. } => return Err(not_supported("BurnFrom")),
        Cw20ExecuteMsg::UpdateMarketing { .. } => return Err(not_supported("UpdateMarketing")),
        Cw20ExecuteMsg::UploadLogo(_) => return Err(not_supported("UploadLogo")),
        Cw20ExecuteMsg::UpdateMinter { .. } => return Err(not_supported("UpdateMinter")),
    })
}

fn not_supported(message: &str) -> ContractError {
    ContractError::NotSupported {
        message: message.into(),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    cw20_base::contract::query(deps, env, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(
    deps: DepsMut,
    _env: Env,
    _msg: SharesMigrateMsg,
) -> Result<Response, ContractError> {
    Ok(migrate_contract(
        deps.storage,
        CONTRACT_NAME,
        CONTRACT_VERSION,
    )?)
}
