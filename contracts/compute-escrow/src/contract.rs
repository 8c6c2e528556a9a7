use btt_types::asset::Payment;
use btt_types::compute::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use btt_types::fee_router::routed_totals;
use btt_types::ownership::update_ownership;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

pub use crate::migrate::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::state::{Totals, CONFIG, TOTALS};
use crate::{challenges, config, disputes, jobs, nodes, query, receive, ContractError};

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let owner = msg.owner.clone().unwrap_or_else(|| info.sender.to_string());
    let config = config::from_instantiate(deps.as_ref(), msg)?;
    CONFIG.save(deps.storage, &config)?;
    TOTALS.save(deps.storage, &Totals::default())?;
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("arbiter", config.arbiter)
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
        ExecuteMsg::Receive(wrapper) => receive::receive(deps, env, info, wrapper),
        ExecuteMsg::PostJob { spec } => jobs::post(deps, env, Payment::one_coin(&info)?, spec),
        ExecuteMsg::PostChallenge { spec } => {
            challenges::post(deps, env, Payment::one_coin(&info)?, spec)
        }
        ExecuteMsg::UpdateNode {
            node_id,
            gpu_count,
            region,
            energy_rating,
            endpoint,
        } => nodes::update(
            deps,
            info,
            node_id,
            gpu_count,
            region,
            energy_rating,
            endpoint,
        ),
        ExecuteMsg::PauseNode { node_id, paused } => nodes::pause(deps, info, node_id, paused),
        ExecuteMsg::RecountCapacity { node_id } => nodes::recount(deps, info, node_id),
        ExecuteMsg::RetireNode { node_id } => nodes::retire(deps, env, info, node_id),
        ExecuteMsg::WithdrawBond { node_id } => nodes::withdraw(deps, env, info, node_id),
        ExecuteMsg::AssignJob {
            job_id,
            assignments,
        } => jobs::assign(deps, env, info, job_id, assignments),
        ExecuteMsg::AcceptAssignment { job_id, node_id } => {
            jobs::accept_assignment(deps, env, info, job_id, node_id)
        }
        ExecuteMsg::DeclineAssignment { job_id, node_id } => {
            jobs::decline_assignment(deps, info, job_id, node_id)
        }
        ExecuteMsg::LapseOffer { job_id } => jobs::lapse_offer(deps, env, info, job_id),
        ExecuteMsg::CancelJob { job_id } => jobs::cancel(deps, info, job_id),
        ExecuteMsg::SubmitResult {
            job_id,
            result_hash,
            result_uri,
        } => jobs::submit(deps, env, info, job_id, result_hash, result_uri),
        ExecuteMsg::AcceptResult { job_id } => jobs::accept(deps, info, job_id),
        ExecuteMsg::Finalize { job_id } => jobs::finalize(deps, env, info, job_id),
        ExecuteMsg::Dispute { job_id, reason } => {
            disputes::dispute(deps, env, info, job_id, reason)
        }
        ExecuteMsg::Resolve {
            job_id,
            resolution,
            at_fault,
        } => disputes::resolve(deps, info, job_id, resolution, at_fault),
        ExecuteMsg::Expire { job_id } => jobs::expire(deps, env, info, job_id),
        ExecuteMsg::UpdateConfig(update) => config::update(deps, info, *update),
        ExecuteMsg::UpdateFeeRouting(update) => config::update_fee_routing(deps, info, update),
        ExecuteMsg::Circuit(msg) => Ok(btt_types::circuit::execute(deps, &env, &info, msg)?),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Circuit {} => to_json_binary(&btt_types::circuit::load(deps.storage)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Quote {
            spec,
            clinic,
            denom,
        } => to_json_binary(&query::quote(deps, spec, clinic, denom)?),
        QueryMsg::Node { node_id } => to_json_binary(&query::node(deps, node_id)?),
        QueryMsg::Nodes { start_after, limit } => {
            to_json_binary(&query::nodes(deps, start_after, limit)?)
        }
        QueryMsg::Job { job_id } => to_json_binary(&query::job(deps, job_id)?),
        QueryMsg::JobsByClinic {
            clinic,
            start_after,
            limit,
        } => to_json_binary(&query::jobs_by_clinic(deps, clinic, start_after, limit)?),
        QueryMsg::JobsByNode {
            node_id,
            start_after,
            limit,
        } => to_json_binary(&query::jobs_by_node(deps, node_id, start_after, limit)?),
        QueryMsg::JobsByStatus {
            status,
            start_after,
            limit,
        } => to_json_binary(&query::jobs_by_status(deps, status, start_after, limit)?),
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps)?),
        QueryMsg::FeesRouted {} => to_json_binary(&routed_totals(deps.storage)?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, env, msg)
}
