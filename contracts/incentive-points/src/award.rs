//! Awards (by providers, or payfi for them) and clawbacks (by payfi).

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Timestamp};

use crate::ledger;
use crate::providers::{is_active, referral_rewards};
use crate::rules::{oldest_live, period};
use crate::state::{BUDGET_USED, CONFIG, EARNED, PROVIDERS};
use crate::ContractError;

/// Awards `points` in `category` to `patient` from `provider`'s budget.
pub fn award(
    deps: DepsMut,
    env: Env,
    provider: Addr,
    patient: String,
    category: String,
    points: u64,
) -> Result<Response, ContractError> {
    if points == 0 {
        return Err(ContractError::ZeroPoints);
    }
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
    let mut p = PROVIDERS
        .may_load(deps.storage, &provider)?
        .filter(|p| is_active(p, env.block.time))
        .ok_or_else(|| ContractError::NotSubscribed {
            provider: provider.to_string(),
        })?;
    let now = period(&config, env.block.time);
    // A tier the DAO has since removed has no budget.
    let budget = config
        .rules
        .tiers
        .get(p.tier as usize)
        .map_or(0, |t| t.budget);
    let used = BUDGET_USED
        .may_load(deps.storage, (&provider, now))?
        .unwrap_or(0);
    if used + points > budget {
        return Err(ContractError::BudgetExceeded {
            provider: provider.to_string(),
            left: budget.saturating_sub(used),
        });
    }
    let earned = EARNED
        .may_load(deps.storage, (&patient, now, &category))?
        .unwrap_or(0);
    if earned + points > cap {
        return Err(ContractError::CapExceeded {
            category,
            left: cap.saturating_sub(earned),
        });
    }
    BUDGET_USED.save(deps.storage, (&provider, now), &(used + points))?;
    EARNED.save(deps.storage, (&patient, now, &category), &(earned + points))?;
    ledger::credit(deps.storage, &patient, now, points)?;
    p.points_awarded += points;
    PROVIDERS.save(deps.storage, &provider, &p)?;
    let referrals = referral_rewards(deps.storage, &config, &provider)?;
    Ok(Response::new()
        .add_messages(referrals)
        .add_attribute("action", "award")
        .add_attribute("provider", provider)
        .add_attribute("patient", patient)
        .add_attribute("category", category)
        .add_attribute("points", points.to_string())
        .add_attribute("period", now.to_string()))
}

/// Only payfi.
pub fn assert_payfi(deps: &DepsMut, info: &MessageInfo) -> Result<(), ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if config.payfi.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotPayfi);
    }
    Ok(())
}

/// `Clawback`: payfi takes back points awarded at `awarded_at` for a refunded payment: as many
/// as the patient still holds; the provider's budget and the patient's cap use are returned.
pub fn clawback(
    deps: DepsMut,
    env: Env,
    patient: String,
    provider: String,
    category: String,
    points: u64,
    awarded_at: Timestamp,
) -> Result<Response, ContractError> {
    if awarded_at > env.block.time {
        return Err(ContractError::AwardInFuture { awarded_at });
    }
    let config = CONFIG.load(deps.storage)?;
    let patient = deps.api.addr_validate(&patient)?;
    let provider = deps.api.addr_validate(&provider)?;
    let oldest = oldest_live(&config, period(&config, env.block.time));
    let taken = ledger::claw(deps.storage, &patient, oldest, points)?;
    let when = period(&config, awarded_at);
    let earned = EARNED
        .may_load(deps.storage, (&patient, when, &category))?
        .unwrap_or(0);
    EARNED.save(
        deps.storage,
        (&patient, when, &category),
        &earned.saturating_sub(points),
    )?;
    let used = BUDGET_USED
        .may_load(deps.storage, (&provider, when))?
        .unwrap_or(0);
    BUDGET_USED.save(
        deps.storage,
        (&provider, when),
        &used.saturating_sub(points),
    )?;
    Ok(Response::new()
        .add_attribute("action", "clawback")
        .add_attribute("patient", patient)
        .add_attribute("requested", points.to_string())
        .add_attribute("taken", taken.to_string()))
}
