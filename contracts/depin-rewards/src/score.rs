//! Contribution scores: `units × uptime × qos × geography × energy`, each factor the median of
//! the oracles' attestations for the node's epoch, under the epoch's score rules
//! ([`SCORE_RULES`]): a change of the oracles, multipliers or quorum takes effect from the next
//! epoch, so every node of an epoch is scored under the same rules whoever refreshes whom.

use btt_types::depin::{Attestation, ScoreMultipliers, MAX_ORACLES};
use btt_types::median::median;
use cosmwasm_std::{
    Decimal, Decimal256, Order, OverflowError, StdError, StdResult, Storage, Timestamp,
};
use cw_storage_plus::Bound;

use crate::epochs::epoch_at;
use crate::state::{Config, ScoreRules, ATTESTATIONS, EPOCHS, NODE_EPOCHS, SCORE_RULES};

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

/// The score of `units` with these attestations (0 without any).
pub fn score(
    units: u64,
    attestations: &[Attestation],
    m: &ScoreMultipliers,
) -> Result<Decimal256, OverflowError> {
    let factor = |f: &dyn Fn(&Attestation) -> Decimal| median(attestations.iter().map(f).collect());
    let factors = [
        factor(&|a| a.uptime),
        factor(&|a| m.qos.get(a.qos_tier as usize).copied().unwrap_or_default()),
        factor(&|a| m.region_of(&a.region)),
        factor(&|a| m.energy_of(a.energy)),
    ];
    let mut s = Decimal256::from_ratio(units, 1u128);
    for f in factors {
        match f {
            Some(f) => s = s.checked_mul(Decimal256::from(f))?,
            None => return Ok(Decimal256::zero()),
        }
    }
    Ok(s)
}

/// Recomputes the score of `node_id` in `epoch` after its units or its attestations changed,
/// under the epoch's score rules, and moves the epoch total by the difference. Only
/// attestations of the epoch's oracles count, and fewer than its quorum score nothing.
/// Bounded: at most 2 × 10 attestations are read.
pub fn refresh(storage: &mut dyn Storage, epoch: u32, node_id: u64) -> StdResult<Decimal256> {
    let (_, rules) = rules_for(storage, epoch)?;
    let mut entry = NODE_EPOCHS
        .may_load(storage, (node_id, epoch))?
        .unwrap_or_default();
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
    let new = if quorum {
        score(entry.units, &attestations, &rules.multipliers)?
    } else {
        Decimal256::zero()
    };
    let mut totals = EPOCHS.may_load(storage, epoch)?.unwrap_or_default();
    totals.total_score = totals
        .total_score
        .checked_sub(entry.score)?
        .checked_add(new)?;
    entry.score = new;
    NODE_EPOCHS.save(storage, (node_id, epoch), &entry)?;
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
        let s = score(1_000, &[att(90, 1, "africa-east", EnergyRating::A)], &m).unwrap();
        // 1,000 × 0.9 × 0.75 × 1.5 × 1.2 = 1,215
        assert_eq!(s, Decimal256::from_ratio(1_215u128, 1u128));
        assert_eq!(
            score(1_000, &[], &m).unwrap(),
            Decimal256::zero(),
            "no attestation, no score"
        );
        assert_eq!(
            score(1_000, &[att(100, 4, "eu", EnergyRating::C)], &m).unwrap(),
            Decimal256::zero(),
            "QoS tier 4 is 0"
        );
    }

    #[test]
    fn several_oracles_give_the_median_of_each_factor() {
        let m = ScoreMultipliers::suggested(&[]);
        let s = score(
            100,
            &[
                att(50, 0, "eu", EnergyRating::C),
                att(100, 0, "eu", EnergyRating::C),
                att(90, 0, "eu", EnergyRating::C),
            ],
            &m,
        )
        .unwrap();
        assert_eq!(s, Decimal256::from_ratio(90u128, 1u128));
    }
}
