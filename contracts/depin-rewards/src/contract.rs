use btt_types::depin::{
    ExecuteMsg, InstantiateMsg, MigrateMsg, PayoutRules, QueryMsg, ReceiveMsg, ScoreMultipliers,
    MAX_ORACLES,
};
use btt_types::migration::migrate_contract;
use btt_types::ownership::update_ownership;
use btt_types::token::hook_sender;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Api, Binary, Deps, DepsMut, Env, MessageInfo, Response,
    StdResult,
};
use cw20::Cw20ReceiveMsg;

use crate::state::{Config, PoolState, CONFIG, POOL};
use crate::{claim, epochs, query, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:depin-rewards";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn oracles(api: &dyn Api, oracles: &[String]) -> Result<Vec<Addr>, ContractError> {
    if oracles.len() > MAX_ORACLES {
        return Err(invalid("at most 10 oracles"));
    }
    oracles.iter().map(|o| Ok(api.addr_validate(o)?)).collect()
}

fn check_multipliers(m: &ScoreMultipliers) -> Result<(), ContractError> {
    if m.qos.len() != 5 || m.energy.len() != 5 {
        return Err(invalid("five QoS tiers and five energy ratings"));
    }
    if m.regions.len() > 32
        || m.regions
            .iter()
            .any(|r| r.region.is_empty() || r.region.len() > 32)
    {
        return Err(invalid("at most 32 regions of 1 to 32 bytes"));
    }
    Ok(())
}

fn check_payout(p: &PayoutRules) -> Result<(), ContractError> {
    if p.min_attestations == 0 || p.min_attestations as usize > MAX_ORACLES {
        return Err(invalid("an oracle quorum of 1 to 10"));
    }
    if !p.fee_cap.is_valid() {
        return Err(invalid("the fee cap is at most 100% of the fees paid"));
    }
    if p.max_carry_release.is_zero() {
        return Err(invalid(
            "the carry must be released by more than 0 an epoch",
        ));
    }
    Ok(())
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    check_multipliers(&msg.multipliers)?;
    check_payout(&msg.payout)?;
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        escrow: msg.escrow.map(|e| deps.api.addr_validate(&e)).transpose()?,
        oracles: oracles(deps.api, &msg.oracles)?,
        start: msg.start,
        multipliers: msg.multipliers,
        payout: msg.payout,
    };
    CONFIG.save(deps.storage, &config)?;
    POOL.save(deps.storage, &PoolState::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("start", config.start.seconds().to_string())
        .add_attributes(ownership.into_attributes()))
}

fn receive(
    deps: DepsMut,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let funder = hook_sender::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Fund {} => {
            let mut pool = POOL.load(deps.storage)?;
            pool.funded = pool.funded.checked_add(wrapper.amount)?;
            POOL.save(deps.storage, &pool)?;
            Ok(Response::new()
                .add_attribute("action", "fund")
                .add_attribute("funder", funder)
                .add_attribute("amount", wrapper.amount))
        }
    }
}

fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    new_oracles: Option<Vec<String>>,
    multipliers: Option<ScoreMultipliers>,
    escrow: Option<String>,
    payout: Option<PayoutRules>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(o) = new_oracles {
        config.oracles = oracles(deps.api, &o)?;
    }
    if let Some(m) = multipliers {
        check_multipliers(&m)?;
        config.multipliers = m;
    }
    if let Some(e) = escrow {
        config.escrow = Some(deps.api.addr_validate(&e)?);
    }
    if let Some(p) = payout {
        check_payout(&p)?;
        config.payout = p;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => receive(deps, info, wrapper),
        ExecuteMsg::RecordUnits {
            node_id,
            operator,
            units,
            fees,
        } => claim::record_units(deps, env, info, node_id, operator, units, fees),
        ExecuteMsg::RefreshScore { epoch, node_id } => {
            claim::refresh_score(deps, info, epoch, node_id)
        }
        ExecuteMsg::Attest {
            epoch,
            node_id,
            attestation,
        } => claim::attest(deps, env, info, epoch, node_id, attestation),
        ExecuteMsg::CloseEpochs { limit } => epochs::close(deps, env, info, limit),
        ExecuteMsg::Claim { node_id, limit } => claim::claim(deps, info, node_id, limit),
        ExecuteMsg::UpdateConfig {
            oracles,
            multipliers,
            escrow,
            payout,
        } => update_config(deps, info, oracles, multipliers, escrow, payout),
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
        QueryMsg::State {} => to_json_binary(&query::state(deps, env)?),
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
