//! The config's rules (role lists, fee bands, denoms) and `UpdateConfig`.

use btt_types::fees::in_band;
use btt_types::ownership::assert_owner_no_funds;
use btt_types::rwa_nft::{
    ConfigUpdate, NftFees, MAX_ROLE_MEMBERS, MINT_FEE_BAND, REVALUATION_FEE_BAND,
};
use cosmwasm_std::{ensure, Addr, Api, Deps, DepsMut, MessageInfo, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

/// A role list: at most [`MAX_ROLE_MEMBERS`] valid addresses.
pub fn members(api: &dyn Api, list: &[String], role: &str) -> Result<Vec<Addr>, ContractError> {
    ensure!(
        list.len() <= MAX_ROLE_MEMBERS,
        invalid(&format!("at most {MAX_ROLE_MEMBERS} {role}"))
    );
    list.iter().map(|a| Ok(api.addr_validate(a)?)).collect()
}

fn check_fees(fees: &NftFees) -> Result<(), ContractError> {
    let (lo, hi) = MINT_FEE_BAND;
    in_band("simple mint fee", fees.simple, lo, hi)?;
    in_band("standard mint fee", fees.standard, lo, hi)?;
    in_band("complex mint fee", fees.complex, lo, hi)?;
    let (lo, hi) = REVALUATION_FEE_BAND;
    in_band("revaluation fee", fees.revaluation, lo, hi)?;
    Ok(())
}

/// Checks a whole config: fees in their bands, real native denoms that btt-staking streams
/// (the router's check).
pub fn validate(deps: Deps, config: &Config) -> Result<(), ContractError> {
    check_fees(&config.fees)?;
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &config.native_denoms)?;
    Ok(())
}

/// `UpdateConfig`: the owner (the DAO) changes roles, denoms, fees or the burn threshold.
pub fn update(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut c = CONFIG.load(deps.storage)?;
    if let Some(list) = update.issuers {
        c.issuers = members(deps.api, &list, "issuers")?;
    }
    if let Some(list) = update.appraisers {
        c.appraisers = members(deps.api, &list, "appraisers")?;
    }
    if let Some(d) = update.native_denoms {
        c.native_denoms = d;
    }
    if let Some(f) = update.fees {
        c.fees = f;
    }
    if let Some(t) = update.burn_threshold {
        c.burn_threshold = t;
    }
    validate(deps.as_ref(), &c)?;
    CONFIG.save(deps.storage, &c)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
