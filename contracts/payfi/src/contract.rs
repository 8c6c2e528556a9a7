use btt_types::asset::Asset;
use btt_types::fee_router::routed_totals;
use btt_types::ownership::update_ownership;
use btt_types::payfi::{
    ExecuteMsg, FastSettlement, InstantiateMsg, MigrateMsg, PayfiFees, QueryMsg, ReceiveMsg,
    ANALYTICS_FEE_BAND, CONVERSION_FEE_BAND, FEE_STREAMS, MAX_FEEDERS, MAX_SETTLEMENT_SECONDS,
    TIER_FEE_BAND,
};
use btt_types::token::hook_sender;
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    from_json, to_json_binary, Addr, Api, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response,
    StdResult,
};
use cw20::Cw20ReceiveMsg;

use crate::state::{Config, Counters, CONFIG, COUNTERS};
use crate::{fees, invoices, payments, query, rates, settlement, ContractError};

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:payfi";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn feeders(api: &dyn Api, feeders: &[String]) -> Result<Vec<Addr>, ContractError> {
    if feeders.len() > MAX_FEEDERS {
        return Err(invalid("at most 10 feeders"));
    }
    feeders.iter().map(|f| Ok(api.addr_validate(f)?)).collect()
}

fn validate(config: &Config) -> Result<(), ContractError> {
    let f: &PayfiFees = &config.fees;
    let (lo, hi) = TIER_FEE_BAND;
    if f.by_priority.is_empty()
        || f.by_priority.len() > 8
        || f.by_priority.iter().any(|b| !b.within(lo, hi))
    {
        return Err(invalid("1 to 8 tier fees, each 0.5% to 0.8%"));
    }
    if !f
        .analytics
        .within(ANALYTICS_FEE_BAND.0, ANALYTICS_FEE_BAND.1)
    {
        return Err(invalid("the analytics fee is 0.25%"));
    }
    if !f
        .conversion
        .within(CONVERSION_FEE_BAND.0, CONVERSION_FEE_BAND.1)
    {
        return Err(invalid("the conversion fee is 0.75%"));
    }
    if config.min_feeders == 0 || config.min_feeders as usize > MAX_FEEDERS {
        return Err(invalid("a feeder quorum of 1 to 10"));
    }
    if config.settlement_seconds == 0 || config.settlement_seconds > MAX_SETTLEMENT_SECONDS {
        return Err(invalid("the settlement window is 1 second to 2 hours"));
    }
    if let Some(f) = &config.fast_settlement {
        if f.min_priority == 0 || f.seconds == 0 || f.seconds >= config.settlement_seconds {
            return Err(invalid(
                "a fast settlement needs a priority of 1 or more and a shorter, non-zero window",
            ));
        }
    }
    if config.max_rate_age_seconds == 0 {
        return Err(invalid("rates must be allowed some age"));
    }
    if !btt_types::asset::are_native_denoms(&config.native_denoms) {
        return Err(invalid("native denoms must be real denoms"));
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
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        staking: deps.api.addr_validate(&msg.staking)?,
        points: msg.points.map(|p| deps.api.addr_validate(&p)).transpose()?,
        fee_routing: msg.fee_routing.validate(deps.api, &FEE_STREAMS)?,
        feeders: feeders(deps.api, &msg.feeders)?,
        fees: msg.fees,
        settlement_seconds: msg.settlement_seconds,
        fast_settlement: msg.fast_settlement,
        max_rate_age_seconds: msg.max_rate_age_seconds,
        min_feeders: msg.min_feeders,
        native_denoms: msg.native_denoms,
    };
    validate(&config)?;
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &config.native_denoms)?;
    CONFIG.save(deps.storage, &config)?;
    COUNTERS.save(deps.storage, &Counters::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(ownership.into_attributes()))
}

fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let payer = hook_sender::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Pay { invoice_id, amount } => payments::pay(
            deps,
            env,
            payer,
            Asset::Cw20(token),
            wrapper.amount,
            invoice_id,
            amount,
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    fees: Option<PayfiFees>,
    settlement_seconds: Option<u64>,
    fast_settlement: Option<FastSettlement>,
    new_feeders: Option<Vec<String>>,
    native_denoms: Option<Vec<String>>,
    points: Option<String>,
    min_feeders: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(f) = fees {
        c.fees = f;
    }
    if let Some(s) = settlement_seconds {
        c.settlement_seconds = s;
    }
    if let Some(f) = fast_settlement {
        c.fast_settlement = Some(f);
    }
    if let Some(f) = new_feeders {
        c.feeders = feeders(deps.api, &f)?;
    }
    if let Some(d) = native_denoms {
        c.native_denoms = d;
    }
    if let Some(p) = points {
        c.points = Some(deps.api.addr_validate(&p)?);
    }
    if let Some(m) = min_feeders {
        c.min_feeders = m;
    }
    validate(&c)?;
    c.fee_routing
        .check_staking_denoms(&deps.querier, &c.native_denoms)?;
    CONFIG.save(deps.storage, &c)?;
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
        ExecuteMsg::Receive(wrapper) => receive(deps, env, info, wrapper),
        ExecuteMsg::IssueInvoice {
            payer,
            denom,
            amount,
            due,
            memo_hash,
            points,
            analytics,
        } => invoices::issue(
            deps, env, info, payer, denom, amount, due, memo_hash, points, analytics,
        ),
        ExecuteMsg::CancelInvoice { invoice_id } => invoices::cancel(deps, info, invoice_id),
        ExecuteMsg::Pay { invoice_id, amount } => {
            payments::pay_native(deps, env, info, invoice_id, amount)
        }
        ExecuteMsg::Refund { payment_id, amount } => {
            settlement::refund(deps, env, info, payment_id, amount)
        }
        ExecuteMsg::Settle { limit } => settlement::settle(deps, env, info, limit),
        ExecuteMsg::SetRate { pay, invoice, rate } => {
            rates::set_rate(deps, env, info, pay, invoice, rate)
        }
        ExecuteMsg::UpdateConfig {
            fees,
            settlement_seconds,
            fast_settlement,
            feeders,
            native_denoms,
            points,
            min_feeders,
        } => update_config(
            deps,
            info,
            fees,
            settlement_seconds,
            fast_settlement,
            feeders,
            native_denoms,
            points,
            min_feeders,
        ),
        ExecuteMsg::UpdateFeeRouting(update) => fees::update_routing(deps, info, update),
        ExecuteMsg::Circuit(msg) => Ok(btt_types::circuit::execute(deps, &env, &info, msg)?),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn reply(deps: DepsMut, _env: Env, msg: Reply) -> Result<Response, ContractError> {
    settlement::award_failed(deps, msg)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Circuit {} => to_json_binary(&btt_types::circuit::load(deps.storage)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Invoice { invoice_id } => to_json_binary(&query::invoice(deps, invoice_id)?),
        QueryMsg::InvoicesByProvider {
            provider,
            start_after,
            limit,
        } => to_json_binary(&query::by_provider(deps, provider, start_after, limit)?),
        QueryMsg::InvoicesByPayer {
            payer,
            start_after,
            limit,
        } => to_json_binary(&query::by_payer(deps, payer, start_after, limit)?),
        QueryMsg::Payment { payment_id } => to_json_binary(&query::payment(deps, payment_id)?),
        QueryMsg::PendingSettlements { limit } => to_json_binary(&query::pending(deps, limit)?),
        QueryMsg::ProviderAnalytics { provider } => {
            to_json_binary(&query::analytics(deps, provider)?)
        }
        QueryMsg::Rate { pay, invoice } => to_json_binary(&query::rate(deps, env, pay, invoice)?),
        QueryMsg::Totals {} => to_json_binary(&query::totals(deps)?),
        QueryMsg::FeesRouted {} => to_json_binary(&routed_totals(deps.storage)?),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, env, msg)
}
