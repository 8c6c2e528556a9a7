use btt_types::ownership::update_ownership;
use btt_types::staking::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

pub use crate::migrate::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::state::{Config, Totals, CONFIG, TOTALS};
use crate::{config, query, rewards, stake, ContractError};

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        lock_tiers: msg.lock_tiers,
        unbonding_seconds: msg.unbonding_seconds,
        fee_tiers: msg.fee_tiers,
        tier_age_seconds: msg.tier_age_seconds,
        reward_denoms: msg.reward_denoms,
        reward_period_seconds: msg.reward_period_seconds,
        min_reward_power: msg.min_reward_power,
        dao: msg.dao.map(|d| deps.api.addr_validate(&d)).transpose()?,
    };
    config::validate(deps.as_ref(), &config)?;
    CONFIG.save(deps.storage, &config)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("token", config.token)
        .add_attribute("unbonding_seconds", config.unbonding_seconds.to_string())
        .add_attribute("min_reward_power", config.min_reward_power)
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
        ExecuteMsg::Receive(wrapper) => stake::receive(deps, env, info, wrapper),
        ExecuteMsg::Unbond { stake_id, amount } => stake::unbond(deps, env, info, stake_id, amount),
        ExecuteMsg::ClaimUnbonded { limit } => stake::claim_unbonded(deps, env, info, limit),
        ExecuteMsg::ClaimRewards {} => rewards::claim(deps, env, info),
        ExecuteMsg::DistributeRewards {} => rewards::deposit_native(deps, env, info),
        ExecuteMsg::UpdateConfig(update) => config::update(deps, env, info, update),
        ExecuteMsg::Circuit(msg) => rewards::circuit(deps, env, info, msg),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Circuit {} => to_json_binary(&btt_types::circuit::load(deps.storage)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Staker { address } => to_json_binary(&query::staker(deps, env, address)?),
        QueryMsg::Stakes {
            address,
            start_after,
            limit,
        } => to_json_binary(&query::stakes(deps, address, start_after, limit)?),
        QueryMsg::Unbondings {
            address,
            start_after,
            limit,
        } => to_json_binary(&query::unbondings(deps, address, start_after, limit)?),
        QueryMsg::VotingPower { address, height } => {
            to_json_binary(&query::voting_power(deps, env, address, height)?)
        }
        QueryMsg::TotalPower { height } => to_json_binary(&query::total_power(deps, env, height)?),
        QueryMsg::Tier { address } => to_json_binary(&query::tier(deps, env, address)?),
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps, env)?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, env, msg)
}
