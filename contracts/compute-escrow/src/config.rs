//! Config validation and updates (the owner, i.e. the DAO).

use btt_types::bps::{Bps, BPS_DENOMINATOR};
use btt_types::compute::{
    stream_set, ConfigUpdate, InstantiateMsg, MAX_HARDWARE_CLASSES, MAX_OFFER_SECONDS,
    MAX_RUN_SECONDS, MIN_OFFER_SECONDS,
};
use btt_types::fee_router::FeeRoutingUpdate;
use btt_types::ownership::assert_owner_no_funds;
use cosmwasm_std::{ensure, Decimal, Deps, DepsMut, MessageInfo, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

/// The contributors' share must leave a protocol part: at least 1%, at most 100%.
fn check_contributors(contributors: Bps) -> Result<(), ContractError> {
    if contributors.0 == 0 || contributors.0 >= BPS_DENOMINATOR {
        return Err(invalid(
            "the contributors' share must be between 0 and 100%",
        ));
    }
    Ok(())
}

/// The native denoms jobs may be paid in.
pub fn native_denoms(config: &Config) -> Vec<String> {
    config
        .native_rates
        .iter()
        .map(|r| r.denom.clone())
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
        ensure!(
            !c.unit_price.is_zero(),
            invalid("unit prices must be greater than zero")
        );
        ensure!(
            !c.capacity_weight.is_zero()
                && c.capacity_weight <= Decimal::from_ratio(100u128, 1u128),
            invalid("a class's capacity weight is above 0 and at most 100")
        );
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
    ensure!(
        !config.min_bond.is_zero(),
        invalid("the minimum bond must be greater than zero")
    );
    ensure!(
        !config.bond_per_capacity_unit.is_zero(),
        invalid("the bond per capacity unit must be greater than zero")
    );
    ensure!(
        config.slash.is_valid(),
        invalid("the slash share is at most 100%")
    );
    ensure!(
        (MIN_OFFER_SECONDS..=MAX_OFFER_SECONDS).contains(&config.offer_seconds),
        invalid("an offer waits 1 minute to 30 days")
    );
    let w = &config.run_window;
    if w.base_seconds == 0 || w.min_for(1) > MAX_RUN_SECONDS {
        return Err(invalid(
            "the run window needs a base of at least 1 second and fits in 30 days",
        ));
    }
    Ok(())
}

/// The config of an instantiate message.
pub fn from_instantiate(deps: Deps, msg: InstantiateMsg) -> Result<Config, ContractError> {
    let api = deps.api;
    check_contributors(msg.contributors)?;
    let fee_routing = msg
        .fee_routing
        .validate(api, &stream_set(msg.contributors))?;
    let config = Config {
        token: api.addr_validate(&msg.token)?,
        staking: api.addr_validate(&msg.staking)?,
        depin: msg.depin.map(|d| api.addr_validate(&d)).transpose()?,
        arbiter: api.addr_validate(&msg.arbiter)?,
        hardware_classes: msg.hardware_classes,
        urgency: msg.urgency,
        price_per_gb: msg.price_per_gb,
        native_rates: msg.native_rates,
        contributors: msg.contributors,
        fee_routing,
        min_bond: msg.min_bond,
        bond_per_capacity_unit: msg.bond_per_capacity_unit,
        slash: msg.slash,
        reserve: api.addr_validate(&msg.reserve)?,
        run_window: msg.run_window,
        bond_unbonding_seconds: msg.bond_unbonding_seconds,
        offer_seconds: msg.offer_seconds,
    };
    validate(&config)?;
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &native_denoms(&config))?;
    Ok(config)
}

/// `UpdateConfig`: the owner only; the result is validated whole.
pub fn update(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
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
    if let Some(v) = update.min_bond {
        c.min_bond = v;
    }
    if let Some(v) = update.bond_per_capacity_unit {
        c.bond_per_capacity_unit = v;
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
    if let Some(v) = update.offer_seconds {
        c.offer_seconds = v;
    }
    validate(&c)?;
    c.fee_routing
        .check_staking_denoms(&deps.querier, &native_denoms(&c))?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}

/// `UpdateFeeRouting`: the owner only; the routing is validated as at instantiation.
pub fn update_fee_routing(
    deps: DepsMut,
    info: MessageInfo,
    update: FeeRoutingUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut c = CONFIG.load(deps.storage)?;
    c.fee_routing = c.fee_routing.apply(
        deps.as_ref(),
        &stream_set(c.contributors),
        &update,
        &native_denoms(&c),
    )?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_fee_routing"))
}
