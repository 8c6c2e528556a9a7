//! `migrate`: from any earlier incentive-points (name checked, no downgrade). Constant work.
//!
//! - A config written by code before the fee router, with one `treasury`, needs the routing in
//!   the message (the old config named no btt-staking).
//! - Tiers priced in BTT (code before stable prices) need `tiers` priced in a native denom in
//!   the message; stored providers keep their tier index, 1 seat and their tier's budget.
//! - Rules without the insurers' share get `insurer_share` from the message, or 20%
//!   ([`DEFAULT_INSURER_SHARE`]); a routing without the insurance stream routes it like
//!   subscriptions.
//! - Rules without the per-patient and per-provider conversion caps get their defaults
//!   ([`crate::rules::default_caps`]). Points awarded before providers were tracked convert
//!   without a provider.

use btt_types::bps::Bps;
use btt_types::fee_router::{FeeRoute, FeeRouting, FeeStream};
use btt_types::migration::{migrate_contract, MigrationError};
use btt_types::points::{
    MigrateMsg, PointCategory, PointsRules, ReferralMilestone, SubscriptionTier, FEE_STREAMS,
};
use cosmwasm_schema::serde::Deserialize;
use cosmwasm_std::{from_json, to_json_vec, Addr, Decimal, StdError, Timestamp, Uint128};
use cosmwasm_std::{DepsMut, Env, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

/// cw2 name of this contract.
pub const CONTRACT_NAME: &str = "crates.io:incentive-points";
/// cw2 version of this contract.
pub const CONTRACT_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The insurers' share a migration gives rules stored before insurers when the message names
/// none: 20% of realised savings.
pub const DEFAULT_INSURER_SHARE: Bps = Bps(2_000);

/// The config as any earlier code stored it: a treasury or a routing, tiers of either shape.
#[derive(Deserialize)]
#[serde(crate = "cosmwasm_schema::serde")]
struct StoredConfig {
    token: Addr,
    #[serde(default)]
    treasury: Option<Addr>,
    #[serde(default)]
    fee_routing: Option<FeeRouting>,
    payfi: Option<Addr>,
    rules: StoredRules,
    start: Timestamp,
}

/// The rules as any earlier code stored them.
#[derive(Deserialize)]
#[serde(crate = "cosmwasm_schema::serde")]
struct StoredRules {
    tiers: Tiers,
    categories: Vec<PointCategory>,
    period_seconds: u64,
    expiry_periods: u64,
    conversion_rate: Decimal,
    conversion_epoch_seconds: u64,
    conversion_epoch_cap: Uint128,
    #[serde(default)]
    patient_epoch_cap: Uint128,
    #[serde(default)]
    provider_epoch_cap: Uint128,
    partner_fee: Uint128,
    redemption_fee_per_point: Uint128,
    milestones: Vec<ReferralMilestone>,
    #[serde(default)]
    insurer_share: Bps,
}

/// Tiers priced in a native denom (this code), or in ubtt (code before stable prices).
#[derive(Deserialize)]
#[serde(crate = "cosmwasm_schema::serde", untagged)]
#[allow(dead_code)]
enum Tiers {
    Priced(Vec<SubscriptionTier>),
    InBtt(Vec<BttTier>),
}

/// A tier as code before stable prices stored it.
#[derive(Deserialize)]
#[serde(crate = "cosmwasm_schema::serde")]
#[allow(dead_code)]
struct BttTier {
    name: String,
    price: Uint128,
    native_price: Option<cosmwasm_std::Coin>,
    budget: u64,
}

pub fn migrate(deps: DepsMut, _env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_contract(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let raw = deps
        .storage
        .get(CONFIG.as_slice())
        .ok_or_else(|| StdError::not_found("config"))?;
    let old: StoredConfig = from_json(&raw)?;
    let mut state = vec![];
    let (fee_routing, moved) = match (old.fee_routing, old.treasury) {
        (Some(routing), _) => (routing, false),
        (None, _) => {
            let routing = msg
                .fee_routing
                .as_ref()
                .ok_or(MigrationError::NeedsFeeRouting)?;
            state.push("moved to the fee router");
            (routing.validate(deps.api, &FEE_STREAMS)?, true)
        }
    };
    let r = old.rules;
    let tiers = match (msg.tiers, r.tiers) {
        (Some(tiers), Tiers::InBtt(_)) => {
            state.push("tiers priced in a native denom");
            tiers
        }
        (Some(tiers), Tiers::Priced(_)) => {
            state.push("tiers replaced");
            tiers
        }
        (None, Tiers::Priced(tiers)) => tiers,
        (None, Tiers::InBtt(_)) => return Err(ContractError::NeedsTiers),
    };
    let insurer_share = match msg.insurer_share {
        Some(share) => share,
        None if r.insurer_share == Bps::ZERO => {
            state.push("insurers' share set");
            DEFAULT_INSURER_SHARE
        }
        None => r.insurer_share,
    };
    let mut rules = PointsRules {
        tiers,
        categories: r.categories,
        period_seconds: r.period_seconds,
        expiry_periods: r.expiry_periods,
        conversion_rate: r.conversion_rate,
        conversion_epoch_seconds: r.conversion_epoch_seconds,
        conversion_epoch_cap: r.conversion_epoch_cap,
        patient_epoch_cap: r.patient_epoch_cap,
        provider_epoch_cap: r.provider_epoch_cap,
        partner_fee: r.partner_fee,
        redemption_fee_per_point: r.redemption_fee_per_point,
        milestones: r.milestones,
        insurer_share,
    };
    // Rules stored before the per-patient and per-provider conversion caps get their defaults.
    crate::rules::default_caps(&mut rules);
    crate::rules::validate(&rules)?;
    let mut config = Config {
        token: old.token,
        fee_routing,
        payfi: old.payfi,
        rules,
        start: old.start,
    };
    // A routing from before the insurance stream routes it as the subscriptions (the DAO may
    // change it with `UpdateFeeRouting`).
    if !moved && config.fee_routing.shares(FeeStream::Insurance).is_err() {
        let shares = config.fee_routing.shares(FeeStream::Subscription)?;
        config.fee_routing.routes.push(FeeRoute {
            stream: FeeStream::Insurance,
            shares,
        });
        state.push("insurance routed as subscriptions");
    }
    config
        .fee_routing
        .check_staking_denoms(&deps.querier, &crate::fees::native_denoms(&config.rules))?;
    deps.storage.set(CONFIG.as_slice(), &to_json_vec(&config)?);
    Ok(res.add_attribute(
        "state",
        if state.is_empty() {
            "current".to_string()
        } else {
            state.join("; ")
        },
    ))
}
