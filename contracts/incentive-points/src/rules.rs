//! Rule validation, periods and `UpdateConfig`.

use btt_types::asset::is_native_denom;
use btt_types::ownership::assert_owner_no_funds;
use btt_types::points::{
    ConfigUpdate, PointsRules, MAX_CONFIG_ITEMS, MAX_EXPIRY_PERIODS, MAX_INSURER_SHARE,
};
use cosmwasm_std::{ensure, DepsMut, MessageInfo, Response, Timestamp, Uint128};

use crate::fees;
use crate::state::{Config, CONFIG};
use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidRules {
        reason: reason.into(),
    }
}

fn unique_names<'a>(names: impl Iterator<Item = &'a String>) -> bool {
    let names: Vec<&String> = names.collect();
    names
        .iter()
        .enumerate()
        .all(|(i, n)| !n.is_empty() && n.len() <= 32 && !names[..i].contains(n))
}

/// Every rule.
pub fn validate(r: &PointsRules) -> Result<(), ContractError> {
    if r.tiers.is_empty()
        || r.tiers.len() > MAX_CONFIG_ITEMS
        || !unique_names(r.tiers.iter().map(|t| &t.name))
    {
        return Err(invalid("1 to 16 tiers with unique names of 1 to 32 bytes"));
    }
    if r.tiers
        .iter()
        .any(|t| t.price.amount.is_zero() || t.budget == 0)
    {
        return Err(invalid("tier prices and budgets must be greater than zero"));
    }
    // Tiers are priced in a stable native denom; BTT pays them at payfi's rate. What a
    // window's budget may be worth is set by its payment's value and applied when the budget
    // is used, at the rules in force ([`crate::providers::budget_now`]).
    if r.tiers.iter().any(|t| !is_native_denom(&t.price.denom)) {
        return Err(invalid("tiers are priced in a native denom"));
    }
    ensure!(
        r.insurer_share.0 >= 1 && r.insurer_share <= MAX_INSURER_SHARE,
        invalid("the insurers' share of realised savings is 1 to 5,000 bps")
    );
    if r.categories.is_empty()
        || r.categories.len() > MAX_CONFIG_ITEMS
        || !unique_names(r.categories.iter().map(|c| &c.name))
        || r.categories.iter().any(|c| c.cap == 0)
    {
        return Err(invalid("1 to 16 categories with unique names and caps > 0"));
    }
    if r.period_seconds == 0 || r.conversion_epoch_seconds == 0 {
        return Err(invalid("periods and epochs must be longer than zero"));
    }
    if r.expiry_periods == 0 || r.expiry_periods > MAX_EXPIRY_PERIODS {
        return Err(invalid("points expire after 1 to 24 periods"));
    }
    ensure!(
        !r.conversion_rate.is_zero(),
        invalid("the conversion rate must be greater than zero")
    );
    ensure!(
        !r.patient_epoch_cap.is_zero()
            && !r.provider_epoch_cap.is_zero()
            && r.patient_epoch_cap <= r.conversion_epoch_cap
            && r.provider_epoch_cap <= r.conversion_epoch_cap,
        invalid("the patient's and the provider's epoch caps are > 0 and within the global cap")
    );
    if r.milestones.len() > MAX_CONFIG_ITEMS
        || r.milestones
            .windows(2)
            .any(|w| w[0].fees_paid >= w[1].fees_paid)
    {
        return Err(invalid("at most 16 milestones in increasing order"));
    }
    let mut rewards = Uint128::zero();
    for m in &r.milestones {
        rewards = rewards.checked_add(m.reward)?;
        ensure!(
            rewards < m.fees_paid,
            invalid("referral rewards up to each milestone must stay below its fees",)
        );
    }
    // A window's budget is worth at most 100% − R − RATE_MARGIN of its payment: something
    // must be left.
    ensure!(
        !crate::providers::budget_share(r).is_zero(),
        invalid("referral rewards up to each milestone must stay below 80% of its fees")
    );
    Ok(())
}

/// The caps rules stored before them get at migration: a patient 1/400 and a provider 1/40
/// of the global cap (at least 1 ubtt). A provider's cap grows with its seats, but never
/// beyond a quarter of the global cap, so it takes at least four providers to exhaust it.
pub fn default_caps(r: &mut PointsRules) {
    let share = |d: u128| {
        r.conversion_epoch_cap
            .checked_div(Uint128::new(d))
            .unwrap_or_default()
            .max(Uint128::one())
    };
    if r.patient_epoch_cap.is_zero() {
        r.patient_epoch_cap = share(400);
    }
    if r.provider_epoch_cap.is_zero() {
        r.provider_epoch_cap = share(40);
    }
}

/// The period `now` falls in.
pub fn period(config: &Config, now: Timestamp) -> u64 {
    now.seconds().saturating_sub(config.start.seconds()) / config.rules.period_seconds
}

/// The conversion epoch `now` falls in.
pub fn epoch(config: &Config, now: Timestamp) -> u64 {
    now.seconds().saturating_sub(config.start.seconds()) / config.rules.conversion_epoch_seconds
}

/// The oldest period whose points are still alive in `current`.
pub fn oldest_live(config: &Config, current: u64) -> u64 {
    current
        .saturating_add(1)
        .saturating_sub(config.rules.expiry_periods)
}

/// `UpdateConfig`: the owner (the DAO) changes the rules or the payfi contract.
pub fn update(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(r) = update.rules {
        validate(&r)?;
        fees::check_denoms(&deps.querier, &config, &r)?;
        config.rules = r;
    }
    if let Some(p) = update.payfi {
        config.payfi = Some(deps.api.addr_validate(&p)?);
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
