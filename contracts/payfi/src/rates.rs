//! Denoms and oracle rates: one rate per appointed feeder, combined by the median of the fresh
//! ones, with a DAO-set quorum.

use btt_types::asset::{asset_named, Asset};
use btt_types::median::median;
use btt_types::payfi::{Rate, MAX_FEEDERS};
use cosmwasm_std::{
    ensure, Decimal, DepsMut, Env, MessageInfo, Order, Response, StdResult, Storage, Timestamp,
};

use crate::state::{Config, CONFIG, RATES};
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

/// The median of `rates` that are fresh at `now`, when at least the quorum are.
pub fn median_of_fresh(config: &Config, rates: &[Rate], now: Timestamp) -> Option<Decimal> {
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
        return None;
    }
    median(fresh)
}

/// The rate of `pay` into `invoice` now: the median of the appointed feeders' fresh rates.
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
    median_of_fresh(config, &rates, now).ok_or(ContractError::StaleRate {
        pay: p,
        invoice: i,
        fresh_needed: config.min_feeders,
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
    Ok(Response::new()
        .add_attribute("action", "set_rate")
        .add_attribute("pay", pay)
        .add_attribute("invoice", invoice)
        .add_attribute("rate", rate.to_string()))
}
