//! Awards, by providers or by payfi for them once a paid invoice has settled. Points are
//! awarded only for value that can no longer be refunded, so nothing is ever clawed back.

use cosmwasm_std::{ensure, Addr, DepsMut, Env, MessageInfo, Response};

use crate::ledger;
use crate::providers::current;
use crate::rules::period;
use crate::state::{CONFIG, EARNED, PROVIDERS};
use crate::ContractError;

/// Awards `points` in `category` to `patient` from `provider`'s budget of the current window.
fn award(
    deps: DepsMut,
    env: Env,
    provider: Addr,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    ensure!(points > 0, ContractError::ZeroPoints);
    let config = CONFIG.load(deps.storage)?;
    let patient = deps.api.addr_validate(&patient)?;
    let cap = config
        .rules
        .categories
        .iter()
        .find(|c| c.name == category)
        .ok_or_else(|| ContractError::UnknownCategory {
            category: category.clone(),
        })?
        .cap;
    let not_subscribed = || ContractError::NotSubscribed {
        provider: provider.to_string(),
    };
    let mut p = current(
        PROVIDERS
            .may_load(deps.storage, &provider)?
            .ok_or_else(not_subscribed)?,
        env.block.time,
    );
    ensure!(env.block.time < p.active_until, not_subscribed());
    // A tier the DAO has since removed has no budget.
    let budget = config
        .rules
        .tiers
        .get(p.tier as usize)
        .map_or(0, |t| t.budget);
    let used = p.window_used.saturating_add(points);
    ensure!(
        used <= budget,
        ContractError::BudgetExceeded {
            provider: provider.to_string(),
            left: budget.saturating_sub(p.window_used),
        }
    );
    let now = period(&config, env.block.time);
    let earned = EARNED
        .may_load(deps.storage, (&patient, now, &category))?
        .unwrap_or(0);
    let earned_after = earned.saturating_add(points);
    ensure!(
        earned_after <= cap,
        ContractError::CapExceeded {
            category,
            left: cap.saturating_sub(earned),
        }
    );
    EARNED.save(deps.storage, (&patient, now, &category), &earned_after)?;
    ledger::credit(deps.storage, &patient, now, points)?;
    p.window_used = used;
    p.points_awarded = p.points_awarded.saturating_add(points);
    PROVIDERS.save(deps.storage, &provider, &p)?;
    Ok(Response::new()
        .add_attribute("action", "award")
        .add_attribute("provider", provider)
        .add_attribute("patient", patient)
        .add_attribute("category", category)
        .add_attribute("points", points.to_string())
        .add_attribute("period", now.to_string()))
}

/// `Award`: a subscribed provider awards from its own budget. No funds.
pub fn award_own(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    award(deps, env, info.sender, patient, category, points)
}

/// `AwardFor`: payfi awards for `provider`, from its budget, once a paid invoice has settled.
/// No funds.
pub fn award_for(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    provider: String,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    assert_payfi(&deps, &info)?;
    let provider = deps.api.addr_validate(&provider)?;
    award(deps, env, provider, patient, category, points)
}

/// Only payfi.
fn assert_payfi(deps: &DepsMut, info: &MessageInfo) -> Result<(), ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.payfi.as_ref() == Some(&info.sender),
        ContractError::NotPayfi
    );
    Ok(())
}
