//! Config validation and changes (by proposal only).

use btt_types::dao::{ConfigUpdate, VotingRules};
use btt_types::staking::StakingContract;
use cosmwasm_std::{ensure, Decimal, Deps, DepsMut, Env, MessageInfo, Response};

use crate::state::{Config, CONFIG};
use crate::ContractError;

fn check_rule(rule: &'static str, value: Decimal) -> Result<(), ContractError> {
    if value.is_zero() || value > Decimal::one() {
        return Err(ContractError::InvalidRule { rule, value });
    }
    Ok(())
}

/// Quorum, threshold and veto each in (0, 1].
pub fn validate_rules(rules: &VotingRules) -> Result<(), ContractError> {
    check_rule("quorum", rules.quorum)?;
    check_rule("threshold", rules.threshold)?;
    check_rule("veto_threshold", rules.veto_threshold)
}

/// A whole config: rules, a positive deposit, a voting period > 0 and below staking's
/// unbonding period (so a voter cannot vote, unbond and be gone before the vote ends).
pub fn validate(deps: Deps, config: &Config) -> Result<(), ContractError> {
    validate_rules(&config.rules)?;
    ensure!(!config.deposit.is_zero(), ContractError::ZeroDeposit);
    ensure!(
        config.voting_period_seconds != 0,
        ContractError::ZeroVotingPeriod
    );
    let unbonding_seconds = StakingContract(config.staking.clone())
        .config(&deps.querier)?
        .unbonding_seconds;
    ensure!(
        config.voting_period_seconds < unbonding_seconds,
        ContractError::VotingPeriodNotBelowUnbonding {
            voting_period_seconds: config.voting_period_seconds,
            unbonding_seconds,
        }
    );
    Ok(())
}

/// Only the DAO itself (a passed proposal) may act.
pub fn assert_self(env: &Env, info: &MessageInfo) -> Result<(), ContractError> {
    ensure!(
        info.sender == env.contract.address,
        ContractError::Unauthorized {
            expected: env.contract.address.to_string(),
        }
    );
    Ok(())
}

/// `UpdateConfig`: by proposal only; the guardian and its sunset are not part of it.
pub fn update(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    assert_self(&env, &info)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(v) = update.voting_period_seconds {
        config.voting_period_seconds = v;
    }
    if let Some(t) = update.timelock_seconds {
        config.timelock_seconds = t;
    }
    if let Some(d) = update.deposit {
        config.deposit = d;
    }
    if let Some(r) = update.rules {
        config.rules = r;
    }
    validate(deps.as_ref(), &config)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_attribute("action", "update_config")
        .add_attribute(
            "voting_period_seconds",
            config.voting_period_seconds.to_string(),
        )
        .add_attribute("timelock_seconds", config.timelock_seconds.to_string())
        .add_attribute("deposit", config.deposit))
}
