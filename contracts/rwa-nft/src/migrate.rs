//! `migrate`: from any earlier rwa-nft (name checked, no downgrade). A config written by code before the fee router, with labelled
//! recipients and a burn rule, needs the routing in the message (the old config named no
//! btt-staking); the burn rule's threshold is kept. Constant work.

use btt_types::fee_router::legacy;
use btt_types::migration::{migrate_contract, upgrade_item, MigrationError};
use btt_types::rwa_nft::{MigrateMsg, NftFees, FEE_STREAMS};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::Addr;
use cosmwasm_std::{DepsMut, Env, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:rwa-nft";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The config as code before the fee router stored it.
#[cw_serde]
struct LegacyConfig {
    token: Addr,
    issuers: Vec<Addr>,
    appraisers: Vec<Addr>,
    native_denoms: Vec<String>,
    fees: NftFees,
    recipients: Vec<legacy::Recipient>,
    burn: legacy::BurnRule,
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
                burn_threshold: old.burn.threshold,
                token: old.token,
                issuers: old.issuers,
                appraisers: old.appraisers,
                native_denoms: old.native_denoms,
                fees: old.fees,
            };
            config
                .fee_routing
                .check_staking_denoms(&querier, &config.native_denoms)?;
            Ok(config)
        },
    )?;
    Ok(res.add_attribute(
        "state",
        if upgraded {
            "moved to the fee router"
        } else {
            "current"
        },
    ))
}
