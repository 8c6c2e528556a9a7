use btt_types::depin::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use btt_types::ownership::update_ownership;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

use crate::state::{Config, PoolState, CONFIG, POOL};
use crate::{claim, config, contribute, epochs, query, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:depin-rewards";
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
    config::check_multipliers(&msg.multipliers)?;
    config::check_payout(&msg.payout)?;
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        escrow: msg.escrow.map(|e| deps.api.addr_validate(&e)).transpose()?,
        oracles: config::oracles(deps.api, &msg.oracles)?,
        start: msg.start,
        multipliers: msg.multipliers,
        payout: msg.payout,
    };
    CONFIG.save(deps.storage, &config)?;
    crate::state::SCORE_RULES.save(deps.storage, 0, &crate::score::rules_of(&config))?;
    POOL.save(deps.storage, &PoolState::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("start", config.start.seconds().to_string())
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
        ExecuteMsg::Receive(wrapper) => epochs::receive(deps, info, wrapper),
        ExecuteMsg::RecordUnits {
            node_id,
            operator,
            units,
            fees,
        } => contribute::record_units(deps, env, info, node_id, operator, units, fees),
        ExecuteMsg::ReportCapacity {
            node_id,
            operator,
            capacity,
            event,
            oracle,
        } => contribute::report_capacity(
            deps,
            env,
            info,
            node_id,
            operator,
            (capacity, event, oracle),
        ),
        ExecuteMsg::RefreshScore { epoch, node_id } => {
            contribute::refresh_score(deps, env, info, epoch, node_id)
        }
        ExecuteMsg::Attest {
            epoch,
            node_id,
            attestation,
        } => contribute::attest(deps, env, info, epoch, node_id, attestation),
        ExecuteMsg::CloseEpochs { limit } => epochs::close(deps, env, info, limit),
        ExecuteMsg::Claim { node_id, limit } => claim::claim(deps, env, info, node_id, limit),
        ExecuteMsg::UpdateConfig(update) => config::update(deps, env, info, update),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Schedule { start_after, limit } => {
            to_json_binary(&query::schedule(start_after, limit))
        }
        QueryMsg::Epoch { epoch } => to_json_binary(&query::epoch(deps, epoch)?),
        QueryMsg::NodeEpoch { node_id, epoch } => {
            to_json_binary(&query::node_epoch(deps, node_id, epoch)?)
        }
        QueryMsg::Pending { node_id } => to_json_binary(&query::pending(deps, node_id)?),
        QueryMsg::Node { node_id } => to_json_binary(&query::node(deps, env, node_id)?),
        QueryMsg::Nodes { start_after, limit } => {
            to_json_binary(&query::nodes(deps, env, start_after, limit)?)
        }
        QueryMsg::State {} => to_json_binary(&query::state(deps, env)?),
        QueryMsg::ScoreRules { epoch } => to_json_binary(&query::score_rules(deps, epoch)?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, _env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, msg)
}
