//! Denoms and oracle rates: one rate per appointed feeder, combined by the median of the fresh
//! ones, with a DAO-set quorum of at least 2. A median that moves more than a DAO-set band from
//! the last accepted median counts only when a quorum of fresh rates moved beyond the band the
//! same way: one feeder alone moves the rate by at most the band.

use btt_types::asset::{asset_named, Asset};
use btt_types::median::median;
use btt_types::payfi::{Rate, MAX_FEEDERS};
use cosmwasm_std::{
    ensure, Decimal, DepsMut, Env, MessageInfo, Order, Response, StdResult, Storage, Timestamp,
};

use crate::state::{Config, CONFIG, MEDIANS, RATES};
use crate::ContractError;

/// Every rate of `pay` into `invoice` posted by a feeder appointed now (at most 10 read).
pub fn posted(
    storage: &dyn Storage,
    config: &Config,
    pay: &str,
    invoice: &str,
) -> StdResult<Vec<Rate>> {
    RATES
        .prefix((pay, invoice))
        .range(storage, None, None, Order::Ascending)
        .take(MAX_FEEDERS)
        .filter(|item| {
            item.as_ref()
                .map_or(true, |(feeder, _)| config.feeders.contains(feeder))
        })
        .map(|item| item.map(|(_, r)| r))
        .collect()
}

/// Why no rate can be used now.
pub enum NoRate {
    /// Fewer fresh rates than the quorum.
    Stale,
    /// The median moved beyond the band from the last accepted one, and fewer than the
    /// quorum of fresh rates moved beyond it the same way.
    Unconfirmed { median: Decimal },
}

/// True when `rate` lies more than `band` from `last`, on the side `up` says.
fn beyond(rate: Decimal, last: Decimal, band: Decimal, up: bool) -> bool {
    let reach = last.checked_mul(band).unwrap_or(Decimal::MAX);
    if up {
        rate > last.checked_add(reach).unwrap_or(Decimal::MAX)
    } else {
        rate < last.saturating_sub(reach)
    }
}

/// The rate of `rates` at `now`: the median of the fresh ones, when at least the quorum are
/// fresh and at least the quorum lie within the band of that median, and when it stays within
/// the band of `last` (the last accepted median) or at least the quorum of fresh rates
/// themselves moved beyond the band the same way. One feeder (or one of two fresh ones)
/// cannot move the rate more than the band; a quorum can.
pub fn checked_median(
    config: &Config,
    rates: &[Rate],
    last: Option<Decimal>,
    now: Timestamp,
) -> Result<Decimal, NoRate> {
    let fresh: Vec<Decimal> = rates
        .iter()
        .filter(|r| {
            now.seconds()
                <= r.updated_at
                    .seconds()
                    .saturating_add(config.max_rate_age_seconds)
        })
        .map(|r| r.rate)
        .collect();
    if fresh.is_empty() || fresh.len() < config.min_feeders as usize {
        return Err(NoRate::Stale);
    }
    let m = median(fresh.clone()).ok_or(NoRate::Stale)?;
    let band = config.max_rate_move.to_decimal();
    // A quorum of the fresh rates agrees with the median (lies within the band of it): two
    // rates far apart make no rate, not their mean (the first median of a pair included).
    let agree = fresh
        .iter()
        .filter(|r| !beyond(**r, m, band, true) && !beyond(**r, m, band, false))
        .count();
    if agree < config.min_feeders as usize {
        return Err(NoRate::Unconfirmed { median: m });
    }
    let Some(last) = last else {
        return Ok(m);
    };
    let up = m > last;
    if !beyond(m, last, band, up) {
        return Ok(m);
    }
    let moved = fresh.iter().filter(|r| beyond(**r, last, band, up)).count();
    if moved >= config.min_feeders as usize {
        Ok(m)
    } else {
        Err(NoRate::Unconfirmed { median: m })
    }
}

/// The rate of `pay` into `invoice` now (see [`checked_median`]).
pub fn fresh_rate(
    storage: &dyn Storage,
    config: &Config,
    pay: &Asset,
    invoice: &Asset,
    now: Timestamp,
) -> Result<Decimal, ContractError> {
    let (p, i) = (pay.denom(), invoice.denom());
    let rates = posted(storage, config, &p, &i)?;
    ensure!(
        !rates.is_empty(),
        ContractError::NoRate {
            pay: p.clone(),
            invoice: i.clone(),
        }
    );
    let last = MEDIANS.may_load(storage, (&p, &i))?;
    checked_median(config, &rates, last, now).map_err(|e| match e {
        NoRate::Stale => ContractError::StaleRate {
            pay: p,
            invoice: i,
            fresh_needed: config.min_feeders,
        },
        NoRate::Unconfirmed { median } => ContractError::RateUnconfirmed {
            median,
            last: last.unwrap_or_default(),
            band: config.max_rate_move,
            quorum: config.min_feeders,
        },
    })
}

/// `SetRate`: a feeder posts a rate.
pub fn set_rate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    pay: String,
    invoice: String,
    rate: Decimal,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.feeders.contains(&info.sender),
        ContractError::NotFeeder
    );
    asset_named(&pay, &config.token, &config.native_denoms)?;
    asset_named(&invoice, &config.token, &config.native_denoms)?;
    if rate.is_zero() || pay == invoice {
        return Err(ContractError::InvalidConfig {
            reason: "a rate is > 0 between two different denoms".into(),
        });
    }
    RATES.save(
        deps.storage,
        (&pay, &invoice, &info.sender),
        &Rate {
            rate,
            updated_at: env.block.time,
            feeder: info.sender.clone(),
        },
    )?;
    // The rates now accepted (a quorum, within the band or confirmed) become the last median;
    // otherwise the rate waits for the quorum and the last median stays.
    let rates = posted(deps.storage, &config, &pay, &invoice)?;
    let last = MEDIANS.may_load(deps.storage, (&pay, &invoice))?;
    let accepted = checked_median(&config, &rates, last, env.block.time).ok();
    if let Some(m) = accepted {
        MEDIANS.save(deps.storage, (&pay, &invoice), &m)?;
    }
    Ok(Response::new()
        .add_attribute(
            "median",
            accepted.map_or_else(|| "unconfirmed".to_string(), |m| m.to_string()),
        )
        .add_attribute("action", "set_rate")
        .add_attribute("pay", pay)
        .add_attribute("invoice", invoice)
        .add_attribute("rate", rate.to_string()))
}
