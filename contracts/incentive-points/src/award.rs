//! Awards, by providers or by payfi for them. A paid invoice's points are reserved from the
//! provider's budget and the patient's cap when the payment is made (or the payment is
//! refused), and delivered when its payments can no longer be refunded: nothing promised is
//! dropped later. A pause keeps settled points pending, never loses them; anyone delivers them
//! once the pause is lifted.

use btt_types::math::Checked;
use btt_types::pagination::clamp_limit;
use btt_types::points::{Reservation, SUBSCRIPTION_SECONDS};
use cosmwasm_std::{ensure, Addr, DepsMut, Env, Event, MessageInfo, Order, Response, Storage};
use cosmwasm_std::{StdResult, Timestamp};

use crate::ledger;
use crate::providers::{budget_now, current};
use crate::rules::period;
use crate::state::{
    Config, ATTRIBUTED, CONFIG, EARNED, FROM_PROVIDER, PENDING_AWARDS, PROVIDERS, RESERVATIONS,
    RESERVED,
};
use crate::ContractError;

/// Points from a provider to a patient in a category.
pub struct Grant<'a> {
    pub provider: &'a Addr,
    pub patient: &'a Addr,
    pub category: &'a str,
    pub points: u64,
}

/// The cap of `category`.
fn category_cap(config: &Config, category: &str) -> Result<u64, ContractError> {
    Ok(config
        .rules
        .categories
        .iter()
        .find(|c| c.name == category)
        .ok_or_else(|| ContractError::UnknownCategory {
            category: category.to_string(),
        })?
        .cap)
}

/// Takes `points` from `provider`'s budget of the window `now` falls in and from the
/// patient's cap of `category` in period `now_period`; returns the window's start. Refuses
/// when either cannot hold them.
fn take_budget_and_cap(
    storage: &mut dyn Storage,
    config: &Config,
    now: Timestamp,
    g: &Grant,
) -> Result<Timestamp, ContractError> {
    let (provider, patient, category, points) = (g.provider, g.patient, g.category, g.points);
    ensure!(points > 0, ContractError::ZeroPoints);
    let cap = category_cap(config, category)?;
    let not_subscribed = || ContractError::NotSubscribed {
        provider: provider.to_string(),
    };
    let mut p = current(
        PROVIDERS
            .may_load(storage, provider)?
            .ok_or_else(not_subscribed)?,
        now,
    );
    ensure!(now < p.active_until, not_subscribed());
    let budget = budget_now(storage, config, provider, &p)?;
    let used = p.window_used.saturating_add(points);
    ensure!(
        used <= budget,
        ContractError::BudgetExceeded {
            provider: provider.to_string(),
            left: budget.saturating_sub(p.window_used),
        }
    );
    let now_period = period(config, now);
    let earned = EARNED
        .may_load(storage, (patient, now_period, category))?
        .unwrap_or(0);
    let reserved = RESERVED
        .may_load(storage, (patient, now_period, category))?
        .unwrap_or(0);
    let held = earned.saturating_add(reserved);
    ensure!(
        held.saturating_add(points) <= cap,
        ContractError::CapExceeded {
            category: category.to_string(),
            left: cap.saturating_sub(held),
        }
    );
    p.window_used = used;
    PROVIDERS.save(storage, provider, &p)?;
    Ok(p.window_start)
}

/// Credits `points` to `patient` now: its bucket of the current period, the engagement of
/// `earned_period`, the provider's count and the points the provider's conversion cap
/// applies to. Returns the `award` event.
fn credit(
    storage: &mut dyn Storage,
    config: &Config,
    now: Timestamp,
    g: &Grant,
    earned_period: u64,
) -> Result<Event, ContractError> {
    let (provider, patient, category, points) = (g.provider, g.patient, g.category, g.points);
    EARNED.update(
        storage,
        (patient, earned_period, category),
        |e| -> StdResult<_> { Ok(e.unwrap_or(0).add_checked(points)?) },
    )?;
    let now_period = period(config, now);
    ledger::credit(storage, patient, now_period, points)?;
    FROM_PROVIDER.update(storage, (patient, provider), |e| -> StdResult<_> {
        Ok(e.unwrap_or(0).add_checked(points)?)
    })?;
    ATTRIBUTED.update(storage, patient, |e| -> StdResult<_> {
        Ok(e.unwrap_or(0).add_checked(points)?)
    })?;
    if let Some(mut p) = PROVIDERS.may_load(storage, provider)? {
        p.points_awarded = p.points_awarded.saturating_add(points);
        PROVIDERS.save(storage, provider, &p)?;
    }
    Ok(Event::new("award")
        .add_attribute("provider", provider)
        .add_attribute("patient", patient)
        .add_attribute("category", category)
        .add_attribute("points", points.to_string())
        .add_attribute("period", now_period.to_string()))
}

/// Awards `points` in `category` to `patient` from `provider`'s budget of the current window.
fn award(
    deps: DepsMut,
    env: Env,
    provider: Addr,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let patient = deps.api.addr_validate(&patient)?;
    let now = env.block.time;
    let g = Grant {
        provider: &provider,
        patient: &patient,
        category: &category,
        points,
    };
    take_budget_and_cap(deps.storage, &config, now, &g)?;
    let event = credit(deps.storage, &config, now, &g, period(&config, now))?;
    Ok(Response::new()
        .add_attributes(event.attributes.clone())
        .add_attribute("action", "award"))
}

/// `Award`: a subscribed provider awards from its own budget. No funds.
pub fn award_own(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    award(deps, env, info.sender, patient, category, points)
}

/// `AwardFor`: payfi awards for `provider`, from its budget, once an invoice paid before
/// reservations existed has settled. No funds.
pub fn award_for(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    provider: String,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    assert_payfi(&deps, &info)?;
    let provider = deps.api.addr_validate(&provider)?;
    award(deps, env, provider, patient, category, points)
}

/// `ReservePoints`: payfi reserves an invoice's points when it is paid. `grant` is
/// (provider, patient, category, points) as sent.
pub fn reserve(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    invoice_id: u64,
    grant: (String, String, String, u64),
) -> Result<Response, ContractError> {
    let (provider, patient, category, points) = grant;
    cw_utils::nonpayable(&info)?;
    assert_payfi(&deps, &info)?;
    btt_types::circuit::ensure_open(deps.storage)?;
    ensure!(
        !RESERVATIONS.has(deps.storage, invoice_id),
        ContractError::AlreadyReserved { invoice_id }
    );
    let config = CONFIG.load(deps.storage)?;
    let provider = deps.api.addr_validate(&provider)?;
    let patient = deps.api.addr_validate(&patient)?;
    let now = env.block.time;
    let window_start = take_budget_and_cap(
        deps.storage,
        &config,
        now,
        &Grant {
            provider: &provider,
            patient: &patient,
            category: &category,
            points,
        },
    )?;
    let now_period = period(&config, now);
    RESERVED.update(
        deps.storage,
        (&patient, now_period, &category),
        |r| -> StdResult<_> { Ok(r.unwrap_or(0).add_checked(points)?) },
    )?;
    RESERVATIONS.save(
        deps.storage,
        invoice_id,
        &Reservation {
            invoice_id,
            payfi: info.sender,
            provider: provider.clone(),
            patient: patient.clone(),
            category: category.clone(),
            points,
            period: now_period,
            window_start,
            settled: false,
        },
    )?;
    Ok(Response::new()
        .add_attribute("action", "reserve_points")
        .add_attribute("invoice_id", invoice_id.to_string())
        .add_attribute("provider", provider)
        .add_attribute("patient", patient)
        .add_attribute("category", category)
        .add_attribute("reserved", points.to_string()))
}

/// The reservation of `invoice_id`, made by the calling payfi (which may since have been
/// replaced in the config: what it reserved it still settles or releases).
fn load_own(
    storage: &dyn Storage,
    info: &MessageInfo,
    invoice_id: u64,
) -> Result<Reservation, ContractError> {
    let r = RESERVATIONS
        .may_load(storage, invoice_id)?
        .ok_or(ContractError::NoReservation { invoice_id })?;
    ensure!(r.payfi == info.sender, ContractError::NotPayfi);
    Ok(r)
}

/// Takes a reservation's points off the patient's reserved count.
fn unreserve(storage: &mut dyn Storage, r: &Reservation) -> StdResult<()> {
    let key = (&r.patient, r.period, r.category.as_str());
    let left = RESERVED
        .may_load(storage, key)?
        .unwrap_or(0)
        .saturating_sub(r.points);
    if left == 0 {
        RESERVED.remove(storage, key);
    } else {
        RESERVED.save(storage, key, &left)?;
    }
    Ok(())
}

/// `ReleasePoints`: a refund reopened the invoice; its reservation goes back.
pub fn release(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    invoice_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let r = load_own(deps.storage, &info, invoice_id)?;
    ensure!(!r.settled, ContractError::ReservationSettled { invoice_id });
    unreserve(deps.storage, &r)?;
    RESERVATIONS.remove(deps.storage, invoice_id);
    // The budget comes back only to the window it was taken from.
    let mut returned = 0;
    if let Some(p) = PROVIDERS.may_load(deps.storage, &r.provider)? {
        let mut p = current(p, env.block.time);
        if p.window_start == r.window_start
            && env.block.time < r.window_start.plus_seconds(SUBSCRIPTION_SECONDS)
        {
            p.window_used = p.window_used.saturating_sub(r.points);
            returned = r.points;
        }
        PROVIDERS.save(deps.storage, &r.provider, &p)?;
    }
    Ok(Response::new()
        .add_attribute("action", "release_points")
        .add_attribute("invoice_id", invoice_id.to_string())
        .add_attribute("budget_returned", returned.to_string()))
}

/// Delivers a settled reservation now.
fn deliver(
    storage: &mut dyn Storage,
    config: &Config,
    now: Timestamp,
    r: &Reservation,
) -> Result<Event, ContractError> {
    unreserve(storage, r)?;
    RESERVATIONS.remove(storage, r.invoice_id);
    PENDING_AWARDS.remove(storage, r.invoice_id);
    let g = Grant {
        provider: &r.provider,
        patient: &r.patient,
        category: &r.category,
        points: r.points,
    };
    Ok(credit(storage, config, now, &g, r.period)?
        .add_attribute("invoice_id", r.invoice_id.to_string()))
}

/// `SettlePoints`: the invoice's payments settled: its points reach the patient, or wait
/// pending while the contract is paused.
pub fn settle(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    invoice_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut r = load_own(deps.storage, &info, invoice_id)?;
    ensure!(!r.settled, ContractError::ReservationSettled { invoice_id });
    let res = Response::new()
        .add_attribute("action", "settle_points")
        .add_attribute("invoice_id", invoice_id.to_string());
    if btt_types::circuit::ensure_open(deps.storage).is_err() {
        r.settled = true;
        RESERVATIONS.save(deps.storage, invoice_id, &r)?;
        PENDING_AWARDS.save(deps.storage, invoice_id, &())?;
        return Ok(res.add_attribute("pending", r.points.to_string()));
    }
    let config = CONFIG.load(deps.storage)?;
    let event = deliver(deps.storage, &config, env.block.time, &r)?;
    Ok(res.add_event(event))
}

/// `DeliverPending`: anyone delivers up to `limit` awards a pause kept pending.
pub fn deliver_pending(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    btt_types::circuit::ensure_open(deps.storage)?;
    let ids: Vec<u64> = PENDING_AWARDS
        .keys(deps.storage, None, None, Order::Ascending)
        .take(clamp_limit(limit))
        .collect::<StdResult<_>>()?;
    ensure!(!ids.is_empty(), ContractError::NothingPending);
    let config = CONFIG.load(deps.storage)?;
    let mut res = Response::new()
        .add_attribute("action", "deliver_pending")
        .add_attribute("delivered", ids.len().to_string());
    for id in ids {
        let r = RESERVATIONS.load(deps.storage, id)?;
        res = res.add_event(deliver(deps.storage, &config, env.block.time, &r)?);
    }
    Ok(res)
}

/// Only payfi.
fn assert_payfi(deps: &DepsMut, info: &MessageInfo) -> Result<(), ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.payfi.as_ref() == Some(&info.sender),
        ContractError::NotPayfi
    );
    Ok(())
}
