use btt_types::dao::{ExecuteMsg, Guardian, InstantiateMsg, MigrateMsg, QueryMsg};
use btt_types::migration::migrate_contract;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    ensure, to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response, StdResult,
    Uint128,
};

use crate::state::{Config, CONFIG, DEPOSITS_HELD, GUARDIAN, LAST_PROPOSAL_ID};
use crate::{config, execution, guardian, propose, query, treasury, vote, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:btt-dao";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        staking: deps.api.addr_validate(&msg.staking)?,
        voting_period_seconds: msg.voting_period_seconds,
        timelock_seconds: msg.timelock_seconds,
        deposit: msg.deposit,
        rules: msg.rules,
    };
    config::validate(deps.as_ref(), &config)?;
    let guardian = match (msg.guardian, msg.guardian_sunset) {
        (None, None) => None,
        (Some(address), Some(sunset)) => {
            ensure!(
                sunset > env.block.time,
                ContractError::SunsetInPast { sunset }
            );
            Some(Guardian {
                address: deps.api.addr_validate(&address)?,
                sunset,
            })
        }
        _ => return Err(ContractError::GuardianWithoutSunset),
    };
    CONFIG.save(deps.storage, &config)?;
    GUARDIAN.save(deps.storage, &guardian)?;
    LAST_PROPOSAL_ID.save(deps.storage, &0)?;
    DEPOSITS_HELD.save(deps.storage, &Uint128::zero())?;
    let mut res = Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("staking", config.staking)
        .add_attribute(
            "voting_period_seconds",
            config.voting_period_seconds.to_string(),
        );
    if let Some(g) = guardian {
        res = res
            .add_attribute("guardian", g.address)
            .add_attribute("guardian_sunset", g.sunset.seconds().to_string());
    }
    Ok(res)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => propose::receive(deps, env, info, wrapper),
        ExecuteMsg::Vote { proposal_id, vote } => vote::vote(deps, env, info, proposal_id, vote),
        ExecuteMsg::Close { proposal_id } => execution::close(deps, env, info, proposal_id),
        ExecuteMsg::Execute { proposal_id } => execution::execute(deps, env, info, proposal_id),
        ExecuteMsg::GuardianVeto { proposal_id } => guardian::veto(deps, env, info, proposal_id),
        ExecuteMsg::AcceptOwnership { contract } => {
            execution::accept_ownership(deps, info, contract)
        }
        ExecuteMsg::UpdateConfig(update) => config::update(deps, env, info, update),
        ExecuteMsg::RunProposal { proposal_id } => {
            execution::run_proposal(deps, env, info, proposal_id)
        }
        ExecuteMsg::AssertDepositsCovered {} => {
            treasury::assert_covered(deps.as_ref(), &env, &info)
        }
        ExecuteMsg::Deposit { fund } => treasury::deposit_native(deps, info, fund),
        ExecuteMsg::Spend {
            fund,
            recipient,
            denom,
            amount,
        } => treasury::spend(deps, env, info, fund, recipient, denom, amount),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    execution::reply(deps, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Guardian {} => to_json_binary(&query::guardian(deps, env)?),
        QueryMsg::Proposal { proposal_id } => {
            to_json_binary(&query::proposal(deps, env, proposal_id)?)
        }
        QueryMsg::Proposals { start_after, limit } => {
            to_json_binary(&query::proposals(deps, env, start_after, limit)?)
        }
        QueryMsg::Votes {
            proposal_id,
            start_after,
            limit,
        } => to_json_binary(&query::votes(deps, proposal_id, start_after, limit)?),
        QueryMsg::Vote { proposal_id, voter } => {
            to_json_binary(&query::vote(deps, proposal_id, voter)?)
        }
        QueryMsg::Tally { proposal_id } => to_json_binary(&query::tally(deps, proposal_id)?),
        QueryMsg::Treasury { denoms } => to_json_binary(&query::treasury(deps, env, denoms)?),
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
