use btt_types::fractionalizer::{SharesInstantiateMsg, SharesMigrateMsg};
use btt_types::migration::migrate_contract;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Addr, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};
use cw20::{Cw20Coin, Cw20ExecuteMsg, MinterResponse};
use cw20_base::allowances::{execute_decrease_allowance, execute_increase_allowance};
use cw20_base::msg::QueryMsg;
use cw_storage_plus::Item;
use cw_utils::nonpayable;

use crate::moves::{self, not_supported, SendFrom};
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
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: Cw20ExecuteMsg,
) -> Result<Response, ContractError> {
    nonpayable(&info)?;
    let vault = VAULT.load(deps.storage)?;
    match msg {
        Cw20ExecuteMsg::Transfer { recipient, amount } => {
            moves::transfer(deps, env, info, &vault, recipient, amount)
        }
        Cw20ExecuteMsg::Send {
            contract,
            amount,
            msg,
        } => moves::send(deps, env, info, &vault, contract, amount, msg),
        Cw20ExecuteMsg::TransferFrom {
            owner,
            recipient,
            amount,
        } => moves::transfer_from(deps, env, info, &vault, owner, recipient, amount),
        Cw20ExecuteMsg::SendFrom {
            owner,
            contract,
            amount,
            msg,
        } => {
            let send = SendFrom {
                owner,
                contract,
                amount,
                msg,
            };
            moves::send_from(deps, env, info, &vault, send)
        }
        Cw20ExecuteMsg::IncreaseAllowance {
            spender,
            amount,
            expires,
        } => Ok(execute_increase_allowance(
            deps, env, info, spender, amount, expires,
        )?),
        Cw20ExecuteMsg::DecreaseAllowance {
            spender,
            amount,
            expires,
        } => Ok(execute_decrease_allowance(
            deps, env, info, spender, amount, expires,
        )?),
        Cw20ExecuteMsg::Burn { amount } => moves::burn(deps, env, info, &vault, amount),
        Cw20ExecuteMsg::Mint { recipient, amount } => {
            moves::mint(deps, env, info, &vault, recipient, amount)
        }
        Cw20ExecuteMsg::BurnFrom { .. } => Err(not_supported("BurnFrom")),
        Cw20ExecuteMsg::UpdateMarketing { .. } => Err(not_supported("UpdateMarketing")),
        Cw20ExecuteMsg::UploadLogo(_) => Err(not_supported("UploadLogo")),
        Cw20ExecuteMsg::UpdateMinter { .. } => Err(not_supported("UpdateMinter")),
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
