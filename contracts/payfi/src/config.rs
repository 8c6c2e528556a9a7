//! The config's rules (fee bands, feeders, settlement windows, denoms) and `UpdateConfig`.

use btt_types::ownership::assert_owner_no_funds;
use btt_types::payfi::{
    ConfigUpdate, PayfiFees, ANALYTICS_FEE_BAND, CONVERSION_FEE_BAND, MAX_FEEDERS, MAX_RATE_MOVE,
    MAX_SETTLEMENT_SECONDS, MIN_FEEDER_QUORUM, TIER_FEE_BAND,
};
use cosmwasm_std::{ensure, Addr, Api, Deps, DepsMut, MessageInfo, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

/// The rate feeders: at most [`MAX_FEEDERS`] valid addresses.
pub fn feeders(api: &dyn Api, feeders: &[String]) -> Result<Vec<Addr>, ContractError> {
    ensure!(feeders.len() <= MAX_FEEDERS, invalid("at most 10 feeders"));
    feeders.iter().map(|f| Ok(api.addr_validate(f)?)).collect()
}

/// Checks a whole config: fees in their bands, a feeder quorum, the settlement windows, rate
/// age, and real native denoms that btt-staking streams (the router's check).
pub fn validate(deps: Deps, config: &Config) -> Result<(), ContractError> {
    let f: &PayfiFees = &config.fees;
    let (lo, hi) = TIER_FEE_BAND;
    ensure!(
        !f.by_priority.is_empty()
            && f.by_priority.len() <= 8
            && f.by_priority.iter().all(|b| b.within(lo, hi)),
        invalid("1 to 8 tier fees, each 0.5% to 0.8%")
    );
    ensure!(
        f.analytics
            .within(ANALYTICS_FEE_BAND.0, ANALYTICS_FEE_BAND.1),
        invalid("the analytics fee is 0.25%")
    );
    ensure!(
        f.conversion
            .within(CONVERSION_FEE_BAND.0, CONVERSION_FEE_BAND.1),
        invalid("the conversion fee is 0.75%")
    );
    ensure!(
        config.min_feeders >= MIN_FEEDER_QUORUM && config.min_feeders as usize <= MAX_FEEDERS,
        invalid("a feeder quorum of 2 to 10")
    );
    ensure!(
        config.max_rate_move.0 > 0 && config.max_rate_move <= MAX_RATE_MOVE,
        invalid("a rate may move 1 to 2,000 bps from the last median without a quorum")
    );
    ensure!(
        config.settlement_seconds > 0 && config.settlement_seconds <= MAX_SETTLEMENT_SECONDS,
        invalid("the settlement window is 1 second to 2 hours")
    );
    if let Some(f) = &config.fast_settlement {
        if f.min_priority == 0 || f.seconds == 0 || f.seconds >= config.settlement_seconds {
            return Err(invalid(
                "a fast settlement needs a priority of 1 or more and a shorter, non-zero window",
            ));
        }
    }
    ensure!(
        config.max_rate_age_seconds > 0,
        invalid("rates must be allowed some age")
    );
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &config.native_denoms)?;
    Ok(())
}

/// `UpdateConfig`: the owner (the DAO) changes fees, windows, feeders, denoms, the points
/// contract or the feeder quorum.
pub fn update(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(f) = update.fees {
        c.fees = f;
    }
    if let Some(s) = update.settlement_seconds {
        c.settlement_seconds = s;
    }
    if let Some(f) = update.fast_settlement {
        c.fast_settlement = Some(f);
    }
    if let Some(f) = update.feeders {
        c.feeders = feeders(deps.api, &f)?;
    }
    if let Some(d) = update.native_denoms {
        c.native_denoms = d;
    }
    if let Some(p) = update.points {
        c.points = Some(deps.api.addr_validate(&p)?);
    }
    if let Some(m) = update.min_feeders {
        c.min_feeders = m;
    }
    if let Some(b) = update.max_rate_move {
        c.max_rate_move = b;
    }
    validate(deps.as_ref(), &c)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
