//! Capacity scores: `C × U × Q × G × E`: the node's verified capacity units that count in the
//! epoch (after warm-up and lapse, [`crate::miners::effective_capacity`]) times the median of
//! the oracles' attested uptime (0 below the floor), QoS tier, region and energy multipliers for
//! the epoch, under the epoch's score rules ([`SCORE_RULES`]): a change of the oracles,
//! multipliers, quorum, uptime floor or confirmation window takes effect from the next epoch, so
//! every node of an epoch is scored under the same rules whoever refreshes whom.

use btt_types::depin::{Attestation, ScoreMultipliers, MAX_ORACLES};
use btt_types::median::median;
use cosmwasm_std::{
    Decimal, Decimal256, Order, OverflowError, StdError, StdResult, Storage, Timestamp,
};
use cw_storage_plus::Bound;

use crate::epochs::epoch_at;
use crate::miners::{effective_capacity, slot_mut};
use crate::state::{Config, NodeState, ScoreRules, ATTESTATIONS, EPOCHS, SCORE_RULES};

/// The score rules of `epoch` and the epoch they apply from. Constant work.
pub fn rules_for(storage: &dyn Storage, epoch: u32) -> StdResult<(u32, ScoreRules)> {
    SCORE_RULES
        .range(
            storage,
            None,
            Some(Bound::inclusive(epoch)),
            Order::Descending,
        )
        .next()
        .transpose()?
        .ok_or_else(|| StdError::not_found("score rules"))
}

/// The config's score rules.
pub fn rules_of(config: &Config) -> ScoreRules {
    ScoreRules {
        oracles: config.oracles.clone(),
        multipliers: config.multipliers.clone(),
        min_attestations: config.payout.min_attestations,
        uptime_floor: config.payout.uptime_floor,
        confirmation_epochs: config.payout.confirmation_epochs,
    }
}

/// Stages the config's score rules: from epoch 0 before the start, else from the next epoch.
/// Returns that epoch.
pub fn stage_rules(storage: &mut dyn Storage, config: &Config, now: Timestamp) -> StdResult<u32> {
    let from = if now < config.start {
        0
    } else {
        epoch_at(config.start, now).saturating_add(1)
    };
    SCORE_RULES.save(storage, from, &rules_of(config))?;
    Ok(from)
}

/// The score of `capacity` with these attestations (0 without any, or with a median uptime
/// below `uptime_floor`).
pub fn score(
    capacity: Decimal,
    attestations: &[Attestation],
    m: &ScoreMultipliers,
    uptime_floor: Decimal,
) -> Result<Decimal256, OverflowError> {
    let factor = |f: &dyn Fn(&Attestation) -> Decimal| median(attestations.iter().map(f).collect());
    if factor(&|a| a.uptime).is_none_or(|u| u < uptime_floor) {
        return Ok(Decimal256::zero());
    }
    let factors = [
        factor(&|a| a.uptime),
        factor(&|a| m.qos.get(a.qos_tier as usize).copied().unwrap_or_default()),
        factor(&|a| m.region_of(&a.region)),
        factor(&|a| m.energy_of(a.energy)),
    ];
    let mut s = Decimal256::from(capacity);
    for f in factors {
        match f {
            Some(f) => s = s.checked_mul(Decimal256::from(f))?,
            None => return Ok(Decimal256::zero()),
        }
    }
    Ok(s)
}

/// Recomputes the node's capacity score in `epoch` (the current one; its last epoch already
/// folded) after its capacity or its attestations changed, under the epoch's score rules, and
/// moves the epoch total by the difference. Only attestations of the epoch's oracles count,
/// fewer than its quorum score nothing, and a node blocked this epoch (a declined or failed
/// challenge) scores 0. Bounded: at most 2 × 10 attestations are read.
pub fn refresh(
    storage: &mut dyn Storage,
    epoch: u32,
    node_id: u64,
    node: &mut NodeState,
    rules: &ScoreRules,
) -> StdResult<Decimal256> {
    let attestations: Vec<Attestation> = ATTESTATIONS
        .prefix((epoch, node_id))
        .range(storage, None, None, Order::Ascending)
        .take(2 * MAX_ORACLES)
        .filter(|item| {
            item.as_ref()
                .map_or(true, |(oracle, _)| rules.oracles.contains(oracle))
        })
        .map(|item| item.map(|(_, a)| a))
        .collect::<StdResult<_>>()?;
    let quorum = attestations.len() >= rules.min_attestations as usize;
    let blocked = node.capacity.blocked == Some(epoch) || node.capacity.suspended;
    let capacity = effective_capacity(&node.capacity, epoch, rules.confirmation_epochs);
    let new = if quorum && !blocked {
        score(
            capacity,
            &attestations,
            &rules.multipliers,
            rules.uptime_floor,
        )?
    } else {
        Decimal256::zero()
    };
    let slot = slot_mut(node, epoch);
    let mut totals = EPOCHS.may_load(storage, epoch)?.unwrap_or_default();
    totals.total_score = totals
        .total_score
        .checked_sub(slot.score)?
        .checked_add(new)?;
    slot.score = new;
    EPOCHS.save(storage, epoch, &totals)?;
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use btt_types::compute::EnergyRating;

    fn att(uptime: u64, qos_tier: u8, region: &str, energy: EnergyRating) -> Attestation {
        Attestation {
            uptime: Decimal::percent(uptime),
            qos_tier,
            region: region.into(),
            energy,
        }
    }

    #[test]
    fn the_score_multiplies_units_by_every_factor() {
        let m = ScoreMultipliers::suggested(&["africa-east"]);
        let units = Decimal::from_ratio(1_000u128, 1u128);
        let floor = Decimal::percent(50);
        let s = score(
            units,
            &[att(90, 1, "africa-east", EnergyRating::A)],
            &m,
            floor,
        )
        .unwrap();
        // 1,000 × 0.9 × 0.75 × 1.5 × 1.2 = 1,215
        assert_eq!(s, Decimal256::from_ratio(1_215u128, 1u128));
        assert_eq!(
            score(units, &[], &m, floor).unwrap(),
            Decimal256::zero(),
            "no attestation, no score"
        );
        assert_eq!(
            score(units, &[att(100, 4, "eu", EnergyRating::C)], &m, floor).unwrap(),
            Decimal256::zero(),
            "QoS tier 4 is 0"
        );
        assert_eq!(
            score(units, &[att(49, 0, "eu", EnergyRating::C)], &m, floor).unwrap(),
            Decimal256::zero(),
            "below the uptime floor"
        );
    }

    #[test]
    fn several_oracles_give_the_median_of_each_factor() {
        let m = ScoreMultipliers::suggested(&[]);
        let s = score(
            Decimal::from_ratio(100u128, 1u128),
            &[
                att(50, 0, "eu", EnergyRating::C),
                att(100, 0, "eu", EnergyRating::C),
                att(90, 0, "eu", EnergyRating::C),
            ],
            &m,
            Decimal::percent(50),
        )
        .unwrap();
        assert_eq!(s, Decimal256::from_ratio(90u128, 1u128));
    }
}
