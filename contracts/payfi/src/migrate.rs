//! `migrate`: from any earlier payfi (name checked, no downgrade). A config written by code before the fee router, with one `treasury`, becomes a
//! routing of the tier, analytics and conversion streams that still pays everything to the
//! treasury (stakers named, with no share), unless the message gives the routing. A feeder
//! quorum below 2 becomes 2, a config without a rate band gets 5%, and invoices issued before
//! award their points the old way at settlement. Constant work.

use btt_types::bps::Bps;
use btt_types::fee_router::{FeePayees, FeeRouting, FeeShares};
use btt_types::migration::{migrate_contract, upgrade_item};
use btt_types::payfi::{FastSettlement, MigrateMsg, PayfiFees, FEE_STREAMS, MIN_FEEDER_QUORUM};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::Addr;
use cosmwasm_std::{DepsMut, Env, Response};

use crate::state::{Config, CONFIG, COUNTERS, LEGACY_INVOICES};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:payfi";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The config as code before the fee router stored it.
#[cw_serde]
struct LegacyConfig {
    token: Addr,
    staking: Addr,
    points: Option<Addr>,
    treasury: Addr,
    feeders: Vec<Addr>,
    fees: PayfiFees,
    settlement_seconds: u64,
    fast_settlement: Option<FastSettlement>,
    max_rate_age_seconds: u64,
    min_feeders: u32,
    native_denoms: Vec<String>,
}

pub fn migrate(deps: DepsMut, _env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_contract(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let (api, querier) = (deps.api, deps.querier);
    let upgraded = upgrade_item(
        deps.storage,
        CONFIG.as_slice(),
        |old: LegacyConfig| -> Result<Config, ContractError> {
            let fee_routing = match &msg.fee_routing {
                Some(m) => m.validate(api, &FEE_STREAMS)?,
                None => FeeRouting::preserving(
                    FeePayees {
                        development_fund: old.treasury.clone(),
                        foundation: old.treasury.clone(),
                        reserve: old.treasury.clone(),
                        staking: old.staking.clone(),
                        treasury: false,
                    },
                    &FEE_STREAMS,
                    FeeShares {
                        development_fund: Bps(4_000),
                        foundation: Bps(2_500),
                        reserve: Bps(3_500),
                        stakers: Bps(0),
                        burn: Bps(0),
                    },
                ),
            };
            let config = Config {
                fee_routing,
                token: old.token,
                staking: old.staking,
                points: old.points,
                feeders: old.feeders,
                fees: old.fees,
                settlement_seconds: old.settlement_seconds,
                fast_settlement: old.fast_settlement,
                max_rate_age_seconds: old.max_rate_age_seconds,
                min_feeders: old.min_feeders,
                max_rate_move: btt_types::payfi::DEFAULT_RATE_MOVE,
                native_denoms: old.native_denoms,
            };
            config
                .fee_routing
                .check_staking_denoms(&querier, &config.native_denoms)?;
            Ok(config)
        },
    )?;
    // One feeder never sets a rate alone: a quorum below 2 is raised to 2 (conversions wait
    // until the DAO appoints a second feeder; payments in the invoice's own denom go on).
    let mut config = CONFIG.load(deps.storage)?;
    config.min_feeders = config.min_feeders.max(MIN_FEEDER_QUORUM);
    CONFIG.save(deps.storage, &config)?;
    // Invoices issued so far were not reserved on payment: they award the old way.
    if LEGACY_INVOICES.may_load(deps.storage)?.is_none() {
        let issued = COUNTERS
            .may_load(deps.storage)?
            .unwrap_or_default()
            .invoices;
        LEGACY_INVOICES.save(deps.storage, &issued)?;
    }
    Ok(res.add_attribute(
        "state",
        if upgraded {
            "moved to the fee router"
        } else {
            "current"
        },
    ))
}
