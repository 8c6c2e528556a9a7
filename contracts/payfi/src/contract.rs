use btt_types::fee_router::routed_totals;
use btt_types::ownership::update_ownership;
use btt_types::payfi::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, FEE_STREAMS};
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Reply, Response, StdResult,
};

pub use crate::migrate::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::state::{Config, Counters, CONFIG, COUNTERS, LEGACY_INVOICES};
use crate::{config, fees, invoices, payments, query, rates, settlement, ContractError};

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
        feeders: config::feeders(deps.api, &msg.feeders)?,
        fees: msg.fees,
        settlement_seconds: msg.settlement_seconds,
        fast_settlement: msg.fast_settlement,
        max_rate_age_seconds: msg.max_rate_age_seconds,
        min_feeders: msg.min_feeders,
        max_rate_move: msg.max_rate_move,
        native_denoms: msg.native_denoms,
    };
    config::validate(deps.as_ref(), &config)?;
    CONFIG.save(deps.storage, &config)?;
    LEGACY_INVOICES.save(deps.storage, &0)?;
    COUNTERS.save(deps.storage, &Counters::default())?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
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
        ExecuteMsg::Receive(wrapper) => payments::receive(deps, env, info, wrapper),
        ExecuteMsg::IssueInvoice(invoice) => invoices::issue(deps, env, info, invoice),
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
        ExecuteMsg::UpdateConfig(update) => config::update(deps, info, update),
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
        QueryMsg::PendingSettlements { start_after, limit } => {
            to_json_binary(&query::pending(deps, start_after, limit)?)
        }
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
