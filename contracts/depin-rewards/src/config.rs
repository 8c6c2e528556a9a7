//! The config's rules (oracles, score multipliers, payout rules) and `UpdateConfig`.

use btt_types::bps::BPS_DENOMINATOR;
use btt_types::depin::{ConfigUpdate, PayoutRules, ScoreMultipliers, MAX_ORACLES};
use btt_types::ownership::assert_owner_no_funds;
use cosmwasm_std::{ensure, Addr, Api, Decimal, DepsMut, Env, MessageInfo, Response};

use crate::score::{rules_of, stage_rules};
use crate::state::CONFIG;
use crate::ContractError;

/// Most epochs the carry may take to release.
pub const MAX_CARRY_RELEASE_EPOCHS: u32 = 104;
/// Most epochs capacity rewards may stay locked.
pub const MAX_LOCK_EPOCHS: u32 = 8;
/// Most epochs a capacity confirmation may stay in force.
pub const MAX_CONFIRMATION_EPOCHS: u32 = 52;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        reason: reason.into(),
    }
}

/// The oracles: at most [`MAX_ORACLES`] valid addresses.
pub fn oracles(api: &dyn Api, oracles: &[String]) -> Result<Vec<Addr>, ContractError> {
    ensure!(oracles.len() <= MAX_ORACLES, invalid("at most 10 oracles"));
    oracles.iter().map(|o| Ok(api.addr_validate(o)?)).collect()
}

/// Five QoS tiers, five energy ratings, at most 32 regions.
pub fn check_multipliers(m: &ScoreMultipliers) -> Result<(), ContractError> {
    ensure!(
        m.qos.len() == 5 && m.energy.len() == 5,
        invalid("five QoS tiers and five energy ratings")
    );
    if m.regions.len() > 32
        || m.regions
            .iter()
            .any(|r| r.region.is_empty() || r.region.len() > 32)
    {
        return Err(invalid("at most 32 regions of 1 to 32 bytes"));
    }
    Ok(())
}

/// Every payout rule inside its bounds: an oracle quorum of 1 to 10; `β` below 100% (a node
/// must lose part of the fees it pays itself); `ω` at most 100%; a baseline score above 0; the
/// carry released over 1 to 104 epochs; a lock of at most 8 epochs; a confirmation in force 1 to
/// 52 epochs; an uptime floor of at most 1.
pub fn check_payout(p: &PayoutRules) -> Result<(), ContractError> {
    ensure!(
        p.min_attestations > 0 && p.min_attestations as usize <= MAX_ORACLES,
        invalid("an oracle quorum of 1 to 10")
    );
    ensure!(
        p.fee_cap.0 < BPS_DENOMINATOR,
        invalid("the work reward is below 100% of the fees paid")
    );
    ensure!(
        p.work_pool_cap.is_valid(),
        invalid("the work pool is at most 100% of the budget")
    );
    ensure!(
        !p.baseline_score.is_zero(),
        invalid("the baseline score is above 0")
    );
    ensure!(
        (1..=MAX_CARRY_RELEASE_EPOCHS).contains(&p.carry_release_epochs),
        invalid("the carry is released over 1 to 104 epochs")
    );
    ensure!(
        p.lock_epochs <= MAX_LOCK_EPOCHS,
        invalid("capacity rewards are locked at most 8 epochs")
    );
    ensure!(
        (1..=MAX_CONFIRMATION_EPOCHS).contains(&p.confirmation_epochs),
        invalid("a confirmation is in force 1 to 52 epochs")
    );
    ensure!(
        p.uptime_floor <= Decimal::one(),
        invalid("the uptime floor is at most 1")
    );
    Ok(())
}

/// `UpdateConfig`: the owner (the DAO) changes oracles, score multipliers, the escrow or the
/// payout rules. The score rules (oracles, multipliers, quorum, uptime floor, confirmation
/// window) take effect from the next epoch (from epoch 0 before the start), so no epoch is
/// scored under two rule sets; an oracle removed stops attesting at once. `β`, `ω` and the
/// baseline apply to every epoch closed from now on, the lock to every fold and the carry
/// release to what is carried from now on.
pub fn update(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut config = CONFIG.load(deps.storage)?;
    let old_rules = rules_of(&config);
    if let Some(o) = update.oracles {
        config.oracles = oracles(deps.api, &o)?;
    }
    if let Some(m) = update.multipliers {
        check_multipliers(&m)?;
        config.multipliers = m;
    }
    if let Some(e) = update.escrow {
        config.escrow = Some(deps.api.addr_validate(&e)?);
    }
    if let Some(p) = update.payout {
        check_payout(&p)?;
        config.payout = p;
    }
    CONFIG.save(deps.storage, &config)?;
    let mut res = Response::new().add_attribute("action", "update_config");
    if rules_of(&config) != old_rules {
        let from = stage_rules(deps.storage, &config, env.block.time)?;
        res = res.add_attribute("score_rules_from_epoch", from.to_string());
    }
    Ok(res)
}
