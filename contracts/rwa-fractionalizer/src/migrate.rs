//! `migrate`: from any earlier rwa-fractionalizer (name checked, no downgrade). A config written by code before the fee router, with
//! labelled recipients and a burn rule, needs the routing in the message (its stakers' payee);
//! the burn rule's threshold is kept and the protocol's part of the management fee starts at
//! zero, for the DAO to set. Vaults keep their state: a vault's running total of fee shares
//! starts at zero with the new code. Constant work.

use btt_types::bps::Bps;
use btt_types::fee_router::legacy;
use btt_types::fractionalizer::{BuyoutParams, MigrateMsg, VaultFees, FEE_STREAMS};
use btt_types::migration::{migrate_contract, upgrade_item, MigrationError};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cosmwasm_std::{DepsMut, Env, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:rwa-fractionalizer";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Vault fees of code before the protocol's part of the management fee.
#[cw_serde]
struct LegacyVaultFees {
    trade_by_priority: Vec<Bps>,
    management: Bps,
    premium: Uint128,
    premium_seconds: u64,
}

/// The config as code before the fee router stored it.
#[cw_serde]
struct LegacyConfig {
    nft: Addr,
    token: Addr,
    staking: Addr,
    shares_code_id: u64,
    native_denoms: Vec<String>,
    fees: LegacyVaultFees,
    recipients: Vec<legacy::Recipient>,
    burn: legacy::BurnRule,
    buyout: BuyoutParams,
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
                nft: old.nft,
                token: old.token,
                staking: old.staking,
                shares_code_id: old.shares_code_id,
                native_denoms: old.native_denoms,
                fees: VaultFees {
                    trade_by_priority: old.fees.trade_by_priority,
                    management: old.fees.management,
                    management_protocol: Bps(0),
                    premium: old.fees.premium,
                    premium_seconds: old.fees.premium_seconds,
                },
                buyout: old.buyout,
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
