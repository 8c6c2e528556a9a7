//! The config's rules (oracles, score multipliers, payout rules) and `UpdateConfig`.

use btt_types::depin::{ConfigUpdate, PayoutRules, ScoreMultipliers, MAX_ORACLES};
use btt_types::ownership::assert_owner_no_funds;
use cosmwasm_std::{ensure, Addr, Api, DepsMut, Env, MessageInfo, Response};

use crate::score::{rules_of, stage_rules};
use crate::state::CONFIG;
use crate::ContractError;

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

/// An oracle quorum of 1 to 10, a fee cap of at most 100%, a carry released each epoch.
pub fn check_payout(p: &PayoutRules) -> Result<(), ContractError> {
    ensure!(
        p.min_attestations > 0 && p.min_attestations as usize <= MAX_ORACLES,
        invalid("an oracle quorum of 1 to 10")
    );
    ensure!(
        p.fee_cap.is_valid(),
        invalid("the fee cap is at most 100% of the fees paid")
    );
    ensure!(
        !p.max_carry_release.is_zero(),
        invalid("the carry must be released by more than 0 an epoch")
    );
    Ok(())
}

/// `UpdateConfig`: the owner (the DAO) changes oracles, score multipliers, the escrow or the
/// payout rules. The score rules (oracles, multipliers, quorum) take effect from the next
/// epoch (from epoch 0 before the start), so no epoch is scored under two rule sets; an oracle
/// removed stops attesting at once. The fee cap applies to every epoch closed from now on, and
/// the carry release to every close.
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
