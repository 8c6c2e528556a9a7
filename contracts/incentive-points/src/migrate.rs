//! `migrate`: from any earlier incentive-points (name checked, no downgrade). A config written by code before the fee router, with one `treasury`, needs the
//! routing in the message (the old config named no btt-staking). Rules without the per-patient
//! and per-provider conversion caps get their defaults ([`crate::rules::default_caps`]). Points
//! awarded before providers were tracked convert without a provider. Constant work.

use btt_types::migration::{migrate_contract, upgrade_item, MigrationError};
use btt_types::points::{MigrateMsg, PointsRules, FEE_STREAMS};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Timestamp};
use cosmwasm_std::{DepsMut, Env, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:incentive-points";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The config as code before the fee router stored it.
#[cw_serde]
struct LegacyConfig {
    token: Addr,
    treasury: Addr,
    payfi: Option<Addr>,
    rules: PointsRules,
    start: Timestamp,
}

pub fn migrate(deps: DepsMut, _env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_contract(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let (api, querier) = (deps.api, deps.querier);
    let upgraded = upgrade_item(
        deps.storage,
        CONFIG.as_slice(),
        |old: LegacyConfig| -> Result<Config, ContractError> {
            let routing = msg
                .fee_routing
                .as_ref()
                .ok_or(MigrationError::NeedsFeeRouting)?;
            let config = Config {
                fee_routing: routing.validate(api, &FEE_STREAMS)?,
                token: old.token,
                payfi: old.payfi,
                rules: old.rules,
                start: old.start,
            };
            config
                .fee_routing
                .check_staking_denoms(&querier, &crate::fees::native_denoms(&config.rules))?;
            Ok(config)
        },
    )?;
    // Rules stored before the per-patient and per-provider conversion caps get their defaults.
    let mut config = CONFIG.load(deps.storage)?;
    crate::rules::default_caps(&mut config.rules);
    CONFIG.save(deps.storage, &config)?;
    Ok(res.add_attribute(
        "state",
        if upgraded {
            "moved to the fee router"
        } else {
            "current"
        },
    ))
}
