use btt_types::migration::migrate_contract;
use btt_types::ownership::update_ownership;
use btt_types::vesting::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

use crate::state::{Totals, TOKEN, TOTALS};
use crate::{claim, funding, milestones, query, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:btt-vesting";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let token = deps.api.addr_validate(&msg.token)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    TOKEN.save(deps.storage, &token)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("token", token)
        .add_attributes(ownership.into_attributes()))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => funding::receive(deps, info, wrapper),
        ExecuteMsg::Claim { schedule_id } => claim::claim(deps, env, info, schedule_id),
        ExecuteMsg::ApproveTranche {
            schedule_id,
            tranche,
        } => milestones::approve_tranche(deps, env, info, schedule_id, tranche),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Schedule { schedule_id } => {
            to_json_binary(&query::schedule(deps, env, schedule_id)?)
        }
        QueryMsg::Status { schedule_id, at } => {
            to_json_binary(&query::status(deps, env, schedule_id, at)?)
        }
        QueryMsg::Schedules { start_after, limit } => {
            to_json_binary(&query::schedules(deps, env, start_after, limit)?)
        }
        QueryMsg::SchedulesByBeneficiary {
            beneficiary,
            start_after,
            limit,
        } => to_json_binary(&query::schedules_by_beneficiary(
            deps,
            env,
            beneficiary,
            start_after,
            limit,
        )?),
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps)?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    Ok(migrate_contract(
        deps.storage,
        CONTRACT_NAME,
        CONTRACT_VERSION,
    )?)
}
