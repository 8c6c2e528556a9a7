//! The price of a job: `units × unit_price[class] × urgency + data_gb × price_per_gb`, less the
//! clinic's staking discount; in a native denom, divided by its rate and rounded up.

use btt_types::asset::Asset;
use btt_types::bps::Bps;
use btt_types::compute::{JobSpec, QuoteResponse, MAX_REVIEW_SECONDS, MAX_RUN_SECONDS};
use btt_types::staking::StakingContract;
use cosmwasm_std::{ensure, Addr, QuerierWrapper, StdError, Uint128};

use crate::state::Config;
use crate::ContractError;

/// The list price in ubtt, before any discount.
pub fn list_price(config: &Config, spec: &JobSpec) -> Result<Uint128, ContractError> {
    let class = config
        .hardware_classes
        .iter()
        .find(|c| c.name == spec.hardware_class)
        .ok_or_else(|| ContractError::UnknownHardwareClass {
            class: spec.hardware_class.clone(),
        })?;
    ensure!(spec.compute_units != 0, ContractError::ZeroUnits);
    let compute = Uint128::from(spec.compute_units)
        .checked_mul(class.unit_price)?
        .checked_mul_floor(config.urgency.of(spec.urgency))
        .map_err(|e| StdError::generic_err(e.to_string()))?;
    let data = Uint128::from(spec.data_gb).checked_mul(config.price_per_gb)?;
    Ok(compute.checked_add(data)?)
}

/// The spec rules of a new job (beyond pricing): a run window the DAO's minimum for its units
/// allows, at most 30 days, and a review window.
pub fn check_schedule(config: &Config, spec: &JobSpec) -> Result<(), ContractError> {
    let min = config.run_window.min_for(spec.compute_units);
    if spec.run_seconds < min || spec.run_seconds > MAX_RUN_SECONDS {
        return Err(ContractError::InvalidRunWindow {
            min,
            max: MAX_RUN_SECONDS,
        });
    }
    if spec.review_seconds == 0 || spec.review_seconds > MAX_REVIEW_SECONDS {
        return Err(ContractError::InvalidReviewWindow {
            max: MAX_REVIEW_SECONDS,
        });
    }
    Ok(())
}

/// The price `clinic` pays for `spec` in `asset`.
pub fn quote(
    querier: &QuerierWrapper,
    config: &Config,
    spec: &JobSpec,
    clinic: Option<&Addr>,
    asset: &Asset,
) -> Result<QuoteResponse, ContractError> {
    Ok(quote_with_ubtt(querier, config, spec, clinic, asset)?.0)
}

/// [`quote`], with the discounted price in ubtt beside it.
pub fn quote_with_ubtt(
    querier: &QuerierWrapper,
    config: &Config,
    spec: &JobSpec,
    clinic: Option<&Addr>,
    asset: &Asset,
) -> Result<(QuoteResponse, Uint128), ContractError> {
    let list_ubtt = list_price(config, spec)?;
    let discount = match clinic {
        Some(c) => {
            StakingContract(config.staking.clone())
                .tier(querier, c)?
                .discount
        }
        None => Bps::ZERO,
    };
    let price_ubtt = list_ubtt.checked_sub(discount.of(list_ubtt))?;
    let (list_price, price) = match asset {
        Asset::Cw20(_) => (list_ubtt, price_ubtt),
        Asset::Native(denom) => {
            let rate = config
                .native_rates
                .iter()
                .find(|r| &r.denom == denom)
                .ok_or_else(|| ContractError::UnsupportedDenom {
                    denom: denom.clone(),
                })?
                .ubtt_per_unit;
            let convert = |ubtt: Uint128| {
                ubtt.checked_div_ceil(rate)
                    .map_err(|e| ContractError::Std(StdError::generic_err(e.to_string())))
            };
            (convert(list_ubtt)?, convert(price_ubtt)?)
        }
    };
    Ok((
        QuoteResponse {
            asset: asset.clone(),
            list_price,
            discount,
            price,
        },
        price_ubtt,
    ))
}
