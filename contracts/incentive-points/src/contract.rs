use btt_types::asset::Payment;
use btt_types::fee_router::routed_totals;
use btt_types::ownership::update_ownership;
use btt_types::points::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, FEE_STREAMS};
#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{to_json_binary, Binary, Deps, DepsMut, Env, MessageInfo, Response, StdResult};

pub use crate::migrate::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::state::{Config, Pool, CONFIG, POOL};
use crate::{award, fees, insurers, providers, query, receive, rules, spend, ContractError};

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    rules::validate(&msg.rules)?;
    let config = Config {
        token: deps.api.addr_validate(&msg.token)?,
        fee_routing: msg.fee_routing.validate(deps.api, &FEE_STREAMS)?,
        payfi: msg.payfi.map(|p| deps.api.addr_validate(&p)).transpose()?,
        rules: msg.rules,
        start: env.block.time,
    };
    fees::check_denoms(&deps.querier, &config, &config.rules)?;
    CONFIG.save(deps.storage, &config)?;
    POOL.save(deps.storage, &Pool::default())?;
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
        ExecuteMsg::Receive(wrapper) => receive::receive(deps, env, info, wrapper),
        ExecuteMsg::Subscribe {
            tier,
            referrer,
            seats,
        } => providers::subscribe(deps, env, Payment::one_coin(&info)?, tier, referrer, seats),
        ExecuteMsg::RegisterInsurer { name } => insurers::register(deps, env, info, name),
        ExecuteMsg::PaySavingsShare { savings, memo } => {
            let paid = insurers::native_payment(&deps, &info)?;
            insurers::pay_savings_share(deps, paid, savings, memo)
        }
        ExecuteMsg::Award {
            patient,
            category,
            points,
        } => award::award_own(deps, env, info, patient, category, points),
        ExecuteMsg::AwardFor {
            provider,
            patient,
            category,
            points,
        } => award::award_for(deps, env, info, provider, patient, category, points),
        ExecuteMsg::Redeem { partner, points } => spend::redeem(deps, env, info, partner, points),
        ExecuteMsg::Convert { points, provider } => {
            spend::convert(deps, env, info, points, provider)
        }
        ExecuteMsg::ReservePoints {
            invoice_id,
            provider,
            patient,
            category,
            points,
        } => award::reserve(
            deps,
            env,
            info,
            invoice_id,
            (provider, patient, category, points),
        ),
        ExecuteMsg::ReleasePoints { invoice_id } => award::release(deps, env, info, invoice_id),
        ExecuteMsg::SettlePoints { invoice_id } => award::settle(deps, env, info, invoice_id),
        ExecuteMsg::DeliverPending { limit } => award::deliver_pending(deps, env, info, limit),
        ExecuteMsg::Grant {
            recipient,
            amount,
            memo,
        } => spend::grant(deps, info, recipient, amount, memo),
        ExecuteMsg::ApprovePartner { partner, name } => {
            spend::approve_partner(deps, info, partner, name)
        }
        ExecuteMsg::RemovePartner { partner } => spend::remove_partner(deps, info, partner),
        ExecuteMsg::UpdateConfig(update) => rules::update(deps, info, *update),
        ExecuteMsg::UpdateFeeRouting(update) => fees::update_routing(deps, info, update),
        ExecuteMsg::Circuit(msg) => Ok(btt_types::circuit::execute(deps, &env, &info, msg)?),
        ExecuteMsg::UpdateOwnership(action) => update_ownership(deps, &env, &info, action),
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> StdResult<Binary> {
    match msg {
        QueryMsg::Config {} => to_json_binary(&query::config(deps)?),
        QueryMsg::Circuit {} => to_json_binary(&btt_types::circuit::load(deps.storage)?),
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?),
        QueryMsg::Provider { address } => to_json_binary(&query::provider(deps, env, address)?),
        QueryMsg::Balance { patient } => to_json_binary(&query::balance(deps, env, patient)?),
        QueryMsg::Engagement {
            patient,
            from_period,
            to_period,
        } => to_json_binary(&query::engagement(deps, patient, from_period, to_period)?),
        QueryMsg::Partner { address } => to_json_binary(&query::partner(deps, address)?),
        QueryMsg::Pool {} => to_json_binary(&query::pool(deps, env)?),
        QueryMsg::FeesRouted {} => to_json_binary(&routed_totals(deps.storage)?),
        QueryMsg::Reservation { invoice_id } => {
            to_json_binary(&query::reservation(deps, invoice_id)?)
        }
        QueryMsg::PendingAwards { start_after, limit } => {
            to_json_binary(&query::pending_awards(deps, start_after, limit)?)
        }
        QueryMsg::ConvertibleFrom { patient, provider } => {
            to_json_binary(&query::convertible_from(deps, patient, provider)?)
        }
        QueryMsg::SubscriptionQuote { tier, seats, denom } => {
            to_json_binary(&query::subscription_quote(deps, tier, seats, denom)?)
        }
        QueryMsg::Insurer { address } => to_json_binary(&insurers::insurer(deps, address)?),
        QueryMsg::Insurers { start_after, limit } => {
            to_json_binary(&insurers::insurers(deps, start_after, limit)?)
        }
    }
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    crate::migrate::migrate(deps, env, msg)
}
