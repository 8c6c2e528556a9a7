use btt_types::math::{checked_sum, Checked};
use btt_types::points::{
    BalanceResponse, CategoryPoints, ConfigResponse, EngagementResponse, Partner, PoolResponse,
    ProviderResponse, MAX_EXPIRY_PERIODS, SUBSCRIPTION_SECONDS,
};
use cosmwasm_std::{Deps, Env, StdError, StdResult};

use crate::ledger;
use crate::providers::{budget_now, current, is_active};
use crate::rules::{epoch, oldest_live, period};
use crate::state::{
    CONFIG, EARNED, EPOCH_CONVERTED, FROM_PROVIDER, PARTNERS, PENDING_AWARDS, POOL, PROVIDERS,
    RESERVATIONS,
};
use btt_types::pagination::clamp_limit;
use btt_types::points::{Reservation, ReservationsResponse, SubscriptionQuoteResponse};
use cosmwasm_std::Order;
use cw_storage_plus::Bound;

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token,
        fee_routing: c.fee_routing,
        payfi: c.payfi,
        rules: c.rules,
        start: c.start,
    })
}

pub fn provider(deps: Deps, env: Env, address: String) -> StdResult<ProviderResponse> {
    let config = CONFIG.load(deps.storage)?;
    let address = deps.api.addr_validate(&address)?;
    let provider = current(PROVIDERS.load(deps.storage, &address)?, env.block.time);
    let active = is_active(&provider, env.block.time);
    let budget = budget_now(deps.storage, &config, &address, &provider)
        .map_err(|e| StdError::generic_err(e.to_string()))?;
    Ok(ProviderResponse {
        active,
        budget_left: if active {
            budget.saturating_sub(provider.window_used)
        } else {
            0
        },
        window_ends: provider
            .window_start
            .plus_seconds(SUBSCRIPTION_SECONDS)
            .min(provider.active_until),
        provider,
    })
}

pub fn balance(deps: Deps, env: Env, patient: String) -> StdResult<BalanceResponse> {
    let config = CONFIG.load(deps.storage)?;
    let patient = deps.api.addr_validate(&patient)?;
    let oldest = oldest_live(&config, period(&config, env.block.time));
    let live = ledger::live(deps.storage, &patient, oldest)?;
    Ok(BalanceResponse {
        points: checked_sum(live.iter().map(|(_, p)| *p))?,
        next_expiry_period: live
            .first()
            .map(|(p, _)| p.add_checked(config.rules.expiry_periods))
            .transpose()?,
    })
}

pub fn engagement(
    deps: Deps,
    patient: String,
    from_period: u64,
    to_period: u64,
) -> StdResult<EngagementResponse> {
    if to_period < from_period || to_period.sub_checked(from_period)? >= MAX_EXPIRY_PERIODS {
        return Err(StdError::generic_err("ask for 1 to 24 periods"));
    }
    let config = CONFIG.load(deps.storage)?;
    let patient = deps.api.addr_validate(&patient)?;
    let mut categories = vec![];
    for c in &config.rules.categories {
        let mut points = 0;
        for p in from_period..=to_period {
            let earned = EARNED
                .may_load(deps.storage, (&patient, p, &c.name))?
                .unwrap_or(0);
            points = earned.add_checked(points)?;
        }
        categories.push(CategoryPoints {
            category: c.name.clone(),
            points,
        });
    }
    let total = checked_sum(categories.iter().map(|c| c.points))?;
    Ok(EngagementResponse { categories, total })
}

pub fn partner(deps: Deps, address: String) -> StdResult<Partner> {
    PARTNERS.load(deps.storage, &deps.api.addr_validate(&address)?)
}

pub fn pool(deps: Deps, env: Env) -> StdResult<PoolResponse> {
    let config = CONFIG.load(deps.storage)?;
    let pool = POOL.load(deps.storage)?;
    let e = epoch(&config, env.block.time);
    Ok(PoolResponse {
        funded: pool.funded,
        converted: pool.converted,
        referrals: pool.referrals,
        grants: pool.grants,
        balance: pool.balance().map_err(StdError::from)?,
        period: period(&config, env.block.time),
        epoch: e,
        epoch_converted: EPOCH_CONVERTED
            .may_load(deps.storage, e)?
            .unwrap_or_default(),
    })
}

pub fn reservation(deps: Deps, invoice_id: u64) -> StdResult<Option<Reservation>> {
    RESERVATIONS.may_load(deps.storage, invoice_id)
}

pub fn pending_awards(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ReservationsResponse> {
    let ids: Vec<u64> = PENDING_AWARDS
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .collect::<StdResult<_>>()?;
    let reservations = ids
        .into_iter()
        .map(|id| RESERVATIONS.load(deps.storage, id))
        .collect::<StdResult<_>>()?;
    Ok(ReservationsResponse { reservations })
}

/// `SubscriptionQuote`: what to send now, and the budget it buys.
pub fn subscription_quote(
    deps: Deps,
    tier: u32,
    seats: Option<u32>,
    denom: String,
) -> StdResult<SubscriptionQuoteResponse> {
    let config = CONFIG.load(deps.storage)?;
    crate::providers::subscription_quote(&deps.querier, &config, tier, seats, &denom)
        .map_err(|e| StdError::generic_err(e.to_string()))
}

pub fn convertible_from(deps: Deps, patient: String, provider: String) -> StdResult<u64> {
    let patient = deps.api.addr_validate(&patient)?;
    let provider = deps.api.addr_validate(&provider)?;
    Ok(FROM_PROVIDER
        .may_load(deps.storage, (&patient, &provider))?
        .unwrap_or(0))
}
