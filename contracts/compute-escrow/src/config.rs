//! Config validation and updates (the owner, i.e. the DAO).

use btt_types::bps::BPS_DENOMINATOR;
use btt_types::compute::{
    ConfigUpdate, InstantiateMsg, PayoutSplit, MAX_FEE_RECIPIENTS, MAX_HARDWARE_CLASSES,
    MAX_RUN_SECONDS,
};
use cosmwasm_std::{Api, Decimal, DepsMut, MessageInfo, Response};

use crate::state::{Config, Fee, CONFIG};
use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

/// Validates the split's recipients and that the shares make exactly 100%.
pub fn split_fees(api: &dyn Api, split: &PayoutSplit) -> Result<Vec<Fee>, ContractError> {
    if split.fees.len() > MAX_FEE_RECIPIENTS {
        return Err(invalid("at most 5 fee recipients"));
    }
    let total: u32 = u32::from(split.contributors.0)
        + split.fees.iter().map(|f| u32::from(f.share.0)).sum::<u32>();
    if total != u32::from(BPS_DENOMINATOR) {
        return Err(invalid("contributors and fee shares must add up to 100%"));
    }
    split
        .fees
        .iter()
        .map(|f| {
            Ok(Fee {
                label: f.label.clone(),
                recipient: api.addr_validate(&f.recipient)?,
                share: f.share,
            })
        })
        .collect()
}

/// Every rule of a config.
pub fn validate(config: &Config) -> Result<(), ContractError> {
    let classes = &config.hardware_classes;
    if classes.is_empty() || classes.len() > MAX_HARDWARE_CLASSES {
        return Err(invalid("1 to 16 hardware classes"));
    }
    for (i, c) in classes.iter().enumerate() {
        if c.name.is_empty() || c.name.len() > 32 || classes[..i].iter().any(|d| d.name == c.name) {
            return Err(invalid(
                "hardware class names must be 1 to 32 bytes and unique",
            ));
        }
        if c.unit_price.is_zero() {
            return Err(invalid("unit prices must be greater than zero"));
        }
    }
    let u = &config.urgency;
    if [u.standard, u.priority, u.urgent]
        .iter()
        .any(|m| *m < Decimal::one())
    {
        return Err(invalid("urgency multipliers must be at least 1"));
    }
    for (i, r) in config.native_rates.iter().enumerate() {
        if r.ubtt_per_unit.is_zero() || config.native_rates[..i].iter().any(|s| s.denom == r.denom)
        {
            return Err(invalid("native rates must be positive, one per denom"));
        }
    }
    if config.min_bond.is_zero() {
        return Err(invalid("the minimum bond must be greater than zero"));
    }
    if !config.slash.is_valid() {
        return Err(invalid("the slash share is at most 100%"));
    }
    let w = &config.run_window;
    if w.base_seconds == 0 || w.min_for(1) > MAX_RUN_SECONDS {
        return Err(invalid(
            "the run window needs a base of at least 1 second and fits in 30 days",
        ));
    }
    Ok(())
}

/// The config of an instantiate message.
pub fn from_instantiate(api: &dyn Api, msg: InstantiateMsg) -> Result<Config, ContractError> {
    let fees = split_fees(api, &msg.split)?;
    let config = Config {
        token: api.addr_validate(&msg.token)?,
        staking: api.addr_validate(&msg.staking)?,
        depin: msg.depin.map(|d| api.addr_validate(&d)).transpose()?,
        arbiter: api.addr_validate(&msg.arbiter)?,
        hardware_classes: msg.hardware_classes,
        urgency: msg.urgency,
        price_per_gb: msg.price_per_gb,
        native_rates: msg.native_rates,
        contributors: msg.split.contributors,
        fees,
        min_bond: msg.min_bond,
        slash: msg.slash,
        reserve: api.addr_validate(&msg.reserve)?,
        run_window: msg.run_window,
        bond_unbonding_seconds: msg.bond_unbonding_seconds,
    };
    validate(&config)?;
    Ok(config)
}

/// `UpdateConfig`: the owner only; the result is validated whole.
pub fn update(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(a) = update.arbiter {
        c.arbiter = deps.api.addr_validate(&a)?;
    }
    if let Some(d) = update.depin {
        c.depin = Some(deps.api.addr_validate(&d)?);
    }
    if let Some(v) = update.hardware_classes {
        c.hardware_classes = v;
    }
    if let Some(v) = update.urgency {
        c.urgency = v;
    }
    if let Some(v) = update.price_per_gb {
        c.price_per_gb = v;
    }
    if let Some(v) = update.native_rates {
        c.native_rates = v;
    }
    if let Some(split) = update.split {
        c.fees = split_fees(deps.api, &split)?;
        c.contributors = split.contributors;
    }
    if let Some(v) = update.min_bond {
        c.min_bond = v;
    }
    if let Some(v) = update.slash {
        c.slash = v;
    }
    if let Some(v) = update.reserve {
        c.reserve = deps.api.addr_validate(&v)?;
    }
    if let Some(v) = update.run_window {
        c.run_window = v;
    }
    if let Some(v) = update.bond_unbonding_seconds {
        c.bond_unbonding_seconds = v;
    }
    validate(&c)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
