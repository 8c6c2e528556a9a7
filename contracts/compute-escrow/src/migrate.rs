//! `migrate`: from any earlier compute-escrow (name checked, no downgrade). A config written by
//! code before the fee router, with its labelled fee recipients, becomes a fee routing of the
//! compute stream: the "development fund", "foundation" and "reserve" recipients keep their
//! shares of the price (any other label counts as the reserve's), btt-staking is named for
//! stakers with no share, unless the message gives the routing. Constant work.

use btt_types::bps::Bps;
use btt_types::compute::{
    stream_set, HardwareClass, MigrateMsg, NativeRate, RunWindow, UrgencyMultipliers,
};
use btt_types::fee_router::{FeePayees, FeeRouting, FeeShares};
use btt_types::migration::{migrate_contract, upgrade_item};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};

use crate::config::native_denoms;
use crate::state::{Config, CONFIG};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:compute-escrow";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A fee recipient as code before the fee router stored it.
#[cw_serde]
struct LegacyFee {
    label: String,
    recipient: Addr,
    share: Bps,
}

/// The config as code before the fee router stored it.
#[cw_serde]
struct LegacyConfig {
    token: Addr,
    staking: Addr,
    depin: Option<Addr>,
    arbiter: Addr,
    hardware_classes: Vec<HardwareClass>,
    urgency: UrgencyMultipliers,
    price_per_gb: Uint128,
    native_rates: Vec<NativeRate>,
    contributors: Bps,
    fees: Vec<LegacyFee>,
    min_bond: Uint128,
    slash: Bps,
    reserve: Addr,
    run_window: RunWindow,
    bond_unbonding_seconds: u64,
}

/// The old recipients as a routing of the compute stream.
fn preserved(old: &LegacyConfig) -> FeeRouting {
    let find = |label: &str| old.fees.iter().find(|f| f.label == label);
    let share = |label: &str| find(label).map_or(0, |f| f.share.0);
    let to =
        |label: &str, default: &Addr| find(label).map_or(default.clone(), |f| f.recipient.clone());
    let named = ["development fund", "foundation", "reserve"]
        .iter()
        .map(|l| share(l))
        .fold(0u16, u16::saturating_add);
    let others = old
        .fees
        .iter()
        .map(|f| f.share.0)
        .fold(0u16, u16::saturating_add)
        .saturating_sub(named);
    let payees = FeePayees {
        development_fund: to("development fund", &old.reserve),
        foundation: to("foundation", &old.reserve),
        reserve: to("reserve", &old.reserve),
        staking: old.staking.clone(),
        treasury: false,
    };
    let shares = FeeShares {
        development_fund: Bps(share("development fund")),
        foundation: Bps(share("foundation")),
        reserve: Bps(share("reserve") + others),
        stakers: Bps(0),
        burn: Bps(0),
    };
    FeeRouting::preserving(payees, &stream_set(old.contributors), shares)
}

pub fn migrate(deps: DepsMut, _env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_contract(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let (api, querier) = (deps.api, deps.querier);
    let upgraded = upgrade_item(
        deps.storage,
        CONFIG.as_slice(),
        |old: LegacyConfig| -> Result<Config, ContractError> {
            let set = stream_set(old.contributors);
            let fee_routing = match &msg.fee_routing {
                Some(m) => m.validate(api, &set)?,
                None => preserved(&old),
            };
            let config = Config {
                fee_routing,
                token: old.token,
                staking: old.staking,
                depin: old.depin,
                arbiter: old.arbiter,
                hardware_classes: old.hardware_classes,
                urgency: old.urgency,
                price_per_gb: old.price_per_gb,
                native_rates: old.native_rates,
                contributors: old.contributors,
                min_bond: old.min_bond,
                bond_per_capacity_unit: msg.bond_per_capacity_unit.unwrap_or_default(),
                slash: old.slash,
                reserve: old.reserve,
                run_window: old.run_window,
                bond_unbonding_seconds: old.bond_unbonding_seconds,
                offer_seconds: crate::state::DEFAULT_OFFER_SECONDS,
            };
            config
                .fee_routing
                .check_staking_denoms(&querier, &native_denoms(&config))?;
            Ok(config)
        },
    )?;
    // Capacity bonds: a config stored before them has no bond per capacity unit.
    let mut config = CONFIG.load(deps.storage)?;
    let mut res = res;
    if config.bond_per_capacity_unit.is_zero() {
        config.bond_per_capacity_unit =
            msg.bond_per_capacity_unit
                .ok_or_else(|| ContractError::InvalidConfig {
                    reason:
                        "migrating from code before capacity bonds needs the bond per capacity unit"
                            .into(),
                })?;
        crate::config::validate(&config)?;
        CONFIG.save(deps.storage, &config)?;
        res = res.add_attribute("bond_per_capacity_unit", config.bond_per_capacity_unit);
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
