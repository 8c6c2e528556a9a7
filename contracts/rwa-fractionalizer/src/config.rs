//! The config's rules (fee bands, buyout rules, denoms) and `UpdateConfig`.

use btt_types::fees::in_band;
use btt_types::fractionalizer::{
    BuyoutParams, ConfigUpdate, VaultFees, MANAGEMENT_FEE_BAND, TRADE_FEE_BAND,
};
use btt_types::ownership::assert_owner_no_funds;
use cosmwasm_std::{ensure, Decimal, Deps, DepsMut, MessageInfo, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

fn check_fees(fees: &VaultFees) -> Result<(), ContractError> {
    let tiers = &fees.trade_by_priority;
    ensure!(
        !tiers.is_empty() && tiers.len() <= 8,
        invalid("1 to 8 trade fee tiers")
    );
    for t in tiers {
        in_band("trade fee", *t, TRADE_FEE_BAND.0, TRADE_FEE_BAND.1)?;
    }
    ensure!(
        tiers.windows(2).all(|w| w[1] <= w[0]),
        invalid("trade fees may not rise with the staking tier")
    );
    in_band(
        "management fee",
        fees.management,
        MANAGEMENT_FEE_BAND.0,
        MANAGEMENT_FEE_BAND.1,
    )?;
    ensure!(
        fees.management_protocol.is_valid(),
        invalid("the protocol's part of the management fee is at most 100%")
    );
    ensure!(
        !fees.premium.is_zero() && fees.premium_seconds > 0,
        invalid("the premium listing has a fee and a period")
    );
    Ok(())
}

fn check_buyout(b: &BuyoutParams) -> Result<(), ContractError> {
    ensure!(
        b.appraisal_floor <= Decimal::one(),
        invalid("the appraisal floor is at most 100% of the appraisal")
    );
    if b.min_factor.is_zero() || b.min_factor > Decimal::one() || b.max_factor < Decimal::one() {
        return Err(invalid("reserve factors must satisfy 0 < min ≤ 1 ≤ max"));
    }
    if b.duration == 0 || b.extension == 0 || b.extension > b.duration {
        return Err(invalid("auction duration > 0 and 0 < extension ≤ duration"));
    }
    ensure!(
        b.min_increment.0 > 0 && b.min_increment.is_valid(),
        invalid("the minimum increment is above 0% and at most 100%")
    );
    Ok(())
}

/// Checks a whole config: fees in their bands, sane buyout rules, real native denoms that
/// btt-staking streams.
pub fn validate(deps: Deps, c: &Config) -> Result<(), ContractError> {
    check_fees(&c.fees)?;
    check_buyout(&c.buyout)?;
    c.fee_routing
        .check_staking_denoms(&deps.querier, &c.native_denoms)?;
    Ok(())
}

/// `UpdateConfig`: the owner (the DAO) changes fees, the burn threshold, buyout rules, denoms or
/// the shares code.
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
    if let Some(t) = update.burn_threshold {
        c.burn_threshold = t;
    }
    if let Some(b) = update.buyout {
        c.buyout = b;
    }
    if let Some(d) = update.native_denoms {
        c.native_denoms = d;
    }
    if let Some(id) = update.shares_code_id {
        c.shares_code_id = id;
    }
    validate(deps.as_ref(), &c)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
