//! Denoms and oracle rates.

use btt_types::asset::Asset;
use cosmwasm_std::{Decimal, DepsMut, Env, MessageInfo, Response, Storage, Timestamp};

use btt_types::payfi::Rate;

use crate::state::{Config, CONFIG, RATES};
use crate::ContractError;

/// "btt" for BTT, the denom otherwise.
pub fn key(asset: &Asset) -> String {
    match asset {
        Asset::Cw20(_) => "btt".into(),
        Asset::Native(d) => d.clone(),
    }
}

/// The asset of a denom key, if accepted.
pub fn asset_of(config: &Config, key: &str) -> Result<Asset, ContractError> {
    if key == "btt" {
        return Ok(Asset::Cw20(config.token.clone()));
    }
    if config.native_denoms.iter().any(|d| d == key) {
        return Ok(Asset::Native(key.into()));
    }
    Err(ContractError::UnknownDenom { denom: key.into() })
}

/// A fresh rate of `pay` into `invoice`.
pub fn fresh_rate(
    storage: &dyn Storage,
    config: &Config,
    pay: &Asset,
    invoice: &Asset,
    now: Timestamp,
) -> Result<Decimal, ContractError> {
    let (p, i) = (key(pay), key(invoice));
    let rate = RATES
        .may_load(storage, (&p, &i))?
        .ok_or_else(|| ContractError::NoRate {
            pay: p.clone(),
            invoice: i.clone(),
        })?;
    if now.seconds() > rate.updated_at.seconds() + config.max_rate_age_seconds {
        return Err(ContractError::StaleRate {
            pay: p,
            invoice: i,
            updated_at: rate.updated_at,
        });
    }
    Ok(rate.rate)
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
    if !config.feeders.contains(&info.sender) {
        return Err(ContractError::NotFeeder);
    }
    asset_of(&config, &pay)?;
    asset_of(&config, &invoice)?;
    if rate.is_zero() || pay == invoice {
        return Err(ContractError::InvalidConfig {
            reason: "a rate is > 0 between two different denoms".into(),
        });
    }
    RATES.save(
        deps.storage,
        (&pay, &invoice),
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
