use btt_types::pagination::clamp_limit;
use btt_types::payfi::{
    AnalyticsResponse, AssetVolume, ConfigResponse, Invoice, InvoicesResponse, Payment,
    PaymentsResponse, RateResponse, TotalsResponse,
};
use cosmwasm_std::{Addr, Deps, Env, Order, StdResult};
use cw_storage_plus::{Bound, Map};

use crate::rates::{checked_median, posted};
use crate::state::{
    ANALYTICS, BY_PAYER, BY_PROVIDER, CONFIG, COUNTERS, INVOICES, MEDIANS, PAYMENTS, PENDING,
};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token,
        staking: c.staking,
        points: c.points,
        fee_routing: c.fee_routing,
        feeders: c.feeders,
        fees: c.fees,
        settlement_seconds: c.settlement_seconds,
        fast_settlement: c.fast_settlement,
        max_rate_age_seconds: c.max_rate_age_seconds,
        min_feeders: c.min_feeders,
        max_rate_move: c.max_rate_move,
        native_denoms: c.native_denoms,
    })
}

pub fn invoice(deps: Deps, invoice_id: u64) -> StdResult<Invoice> {
    INVOICES.load(deps.storage, invoice_id)
}

fn invoices_of(
    deps: Deps,
    index: Map<(&Addr, u64), ()>,
    who: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<InvoicesResponse> {
    let who = deps.api.addr_validate(&who)?;
    let invoices = index
        .prefix(&who)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|id| INVOICES.load(deps.storage, id?))
        .collect::<StdResult<_>>()?;
    Ok(InvoicesResponse { invoices })
}

pub fn by_provider(
    deps: Deps,
    provider: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<InvoicesResponse> {
    invoices_of(deps, BY_PROVIDER, provider, start_after, limit)
}

pub fn by_payer(
    deps: Deps,
    payer: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<InvoicesResponse> {
    invoices_of(deps, BY_PAYER, payer, start_after, limit)
}

pub fn payment(deps: Deps, payment_id: u64) -> StdResult<Payment> {
    PAYMENTS.load(deps.storage, payment_id)
}

/// `PendingSettlements`: by (settlement time, id), after `start_after`'s place in that order.
pub fn pending(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<PaymentsResponse> {
    let start = start_after
        .map(|id| -> StdResult<_> {
            let after = PAYMENTS.load(deps.storage, id)?;
            Ok(Bound::exclusive((after.settles_at.seconds(), id)))
        })
        .transpose()?;
    let payments = PENDING
        .keys(deps.storage, start, None, Order::Ascending)
        .take(clamp_limit(limit))
        .map(|k| PAYMENTS.load(deps.storage, k?.1))
        .collect::<StdResult<_>>()?;
    Ok(PaymentsResponse { payments })
}

/// At most the configured denoms plus BTT, so bounded.
pub fn analytics(deps: Deps, provider: String) -> StdResult<AnalyticsResponse> {
    let provider = deps.api.addr_validate(&provider)?;
    let volumes = ANALYTICS
        .prefix(&provider)
        .range(deps.storage, None, None, Order::Ascending)
        .take(32)
        .map(|item| {
            let (asset, v) = item?;
            Ok(AssetVolume {
                asset,
                volume: v.volume,
                count: v.count,
            })
        })
        .collect::<StdResult<_>>()?;
    Ok(AnalyticsResponse { volumes })
}

pub fn rate(deps: Deps, env: Env, pay: String, invoice: String) -> StdResult<RateResponse> {
    let config = CONFIG.load(deps.storage)?;
    let rates = posted(deps.storage, &config, &pay, &invoice)?;
    let last_median = MEDIANS.may_load(deps.storage, (&pay, &invoice))?;
    Ok(RateResponse {
        median: checked_median(&config, &rates, last_median, env.block.time).ok(),
        last_median,
        rates,
    })
}

pub fn totals(deps: Deps) -> StdResult<TotalsResponse> {
    let c = COUNTERS.load(deps.storage)?;
    Ok(TotalsResponse {
        invoices: c.invoices,
        payments: c.payments,
        pending: c.pending,
    })
}
