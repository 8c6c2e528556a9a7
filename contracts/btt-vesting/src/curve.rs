//! Release curves: how much of a schedule has vested at a time.

use btt_types::vesting::{
    Curve, CurveSpec, Schedule, Tranche, TrancheSpec, VestingStatus, MAX_TRANCHES,
};
use cosmwasm_std::{ensure, Timestamp, Uint128};

use crate::ContractError;

/// Checks a new schedule's curve against its amount and turns it into the stored curve.
pub fn validate(amount: Uint128, spec: CurveSpec) -> Result<Curve, ContractError> {
    ensure!(!amount.is_zero(), ContractError::ZeroAmount);
    match spec {
        CurveSpec::DelayedLinear {
            start,
            delay_seconds,
            linear_seconds,
        } => {
            ensure!(linear_seconds != 0, ContractError::EmptyLinearPeriod);
            delay_seconds
                .checked_add(linear_seconds)
                .and_then(|span| start.seconds().checked_add(span))
                .and_then(|end| end.checked_mul(1_000_000_000))
                .ok_or(ContractError::ScheduleEndOverflows)?;
            Ok(Curve::DelayedLinear {
                start,
                delay_seconds,
                linear_seconds,
            })
        }
        CurveSpec::Milestones { tranches } => validate_tranches(amount, tranches),
    }
}

fn validate_tranches(amount: Uint128, tranches: Vec<TrancheSpec>) -> Result<Curve, ContractError> {
    ensure!(!tranches.is_empty(), ContractError::NoTranches);
    ensure!(
        tranches.len() <= MAX_TRANCHES,
        ContractError::TooManyTranches {
            max: MAX_TRANCHES,
            got: tranches.len(),
        }
    );
    let mut sum = Uint128::zero();
    for (index, tranche) in tranches.iter().enumerate() {
        ensure!(!tranche.amount.is_zero(), ContractError::ZeroAmount);
        if index > 0 && tranche.not_before <= tranches[index - 1].not_before {
            return Err(ContractError::TranchesOutOfOrder {
                index,
                previous: index - 1,
            });
        }
        sum = sum
            .checked_add(tranche.amount)
            .map_err(cosmwasm_std::StdError::from)?;
    }
    ensure!(
        sum == amount,
        ContractError::TranchesDoNotAddUp {
            amount,
            tranches: sum,
        }
    );
    Ok(Curve::Milestones {
        tranches: tranches
            .into_iter()
            .map(|t| Tranche {
                amount: t.amount,
                not_before: t.not_before,
                approved_at: None,
            })
            .collect(),
    })
}

/// Tokens of a schedule of `total` released by `curve` at `at`. Non-decreasing in `at` (and,
/// for milestones, in approvals), never above `total`. Bounded work: at most 48 tranches.
pub fn vested(curve: &Curve, total: Uint128, at: Timestamp) -> Uint128 {
    match curve {
        Curve::DelayedLinear {
            start,
            delay_seconds,
            linear_seconds,
        } => {
            let release_start = start.seconds().saturating_add(*delay_seconds);
            let elapsed = at
                .seconds()
                .saturating_sub(release_start)
                .min(*linear_seconds);
            // elapsed ≤ linear_seconds, so the ratio is at most 1 and cannot overflow.
            total.multiply_ratio(elapsed, *linear_seconds)
        }
        Curve::Milestones { tranches } => tranches
            .iter()
            .filter(|t| t.approved_at.is_some() && t.not_before <= at)
            .map(|t| t.amount)
            .sum(),
    }
}

/// Where `schedule` stands at `at`. Claims already made count even when `at` is before them,
/// so `locked + claimable + claimed = total` holds at every `at`.
pub fn status(schedule: &Schedule, at: Timestamp) -> VestingStatus {
    let vested = vested(&schedule.curve, schedule.total, at);
    let released = vested.max(schedule.claimed);
    VestingStatus {
        at,
        total: schedule.total,
        vested,
        claimed: schedule.claimed,
        claimable: vested.saturating_sub(schedule.claimed),
        locked: schedule.total.saturating_sub(released),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use btt_types::units::{btt, MONTH_SECONDS};

    const START: u64 = 1_700_000_000;

    fn month(m: u64) -> Timestamp {
        Timestamp::from_seconds(START + m * MONTH_SECONDS)
    }

    fn linear(delay_months: u64, linear_months: u64) -> Curve {
        validate(
            btt(1),
            CurveSpec::DelayedLinear {
                start: month(0),
                delay_seconds: delay_months * MONTH_SECONDS,
                linear_seconds: linear_months * MONTH_SECONDS,
            },
        )
        .unwrap()
    }

    #[test]
    fn bithive_vests_nothing_until_month_6_half_at_24_all_at_42() {
        let curve = linear(6, 36);
        let total = btt(2_100_000);
        assert_eq!(vested(&curve, total, month(0)), Uint128::zero());
        assert_eq!(vested(&curve, total, month(6)), Uint128::zero());
        assert_eq!(vested(&curve, total, month(24)), btt(1_050_000));
        assert_eq!(vested(&curve, total, month(42)), total);
        assert_eq!(vested(&curve, total, month(100)), total);
    }

    #[test]
    fn institutions_vest_nothing_until_month_3_half_at_18_all_at_33() {
        let curve = linear(3, 30);
        let total = btt(840_000);
        assert_eq!(vested(&curve, total, month(3)), Uint128::zero());
        assert_eq!(vested(&curve, total, month(18)), btt(420_000));
        assert_eq!(vested(&curve, total, month(33)), total);
    }

    #[test]
    fn one_second_after_the_delay_vests_a_rounded_down_sliver() {
        let curve = linear(3, 30);
        let at = month(3).plus_seconds(1);
        let total = btt(840_000);
        // 840,000,000,000 × 1 / 78,892,380 = 10,647.6… → 10,647 ubtt.
        assert_eq!(vested(&curve, total, at), Uint128::new(10_647));
    }

    #[test]
    fn milestones_pay_only_approved_tranches_whose_time_has_come() {
        let mut curve = validate(
            btt(30),
            CurveSpec::Milestones {
                tranches: (1..=3)
                    .map(|i| TrancheSpec {
                        amount: btt(10),
                        not_before: month(3 * i),
                    })
                    .collect(),
            },
        )
        .unwrap();
        let total = btt(30);
        assert_eq!(vested(&curve, total, month(48)), Uint128::zero());
        if let Curve::Milestones { tranches } = &mut curve {
            tranches[0].approved_at = Some(month(0));
            tranches[2].approved_at = Some(month(0));
        }
        assert_eq!(vested(&curve, total, month(2)), Uint128::zero());
        assert_eq!(vested(&curve, total, month(3)), btt(10));
        assert_eq!(vested(&curve, total, month(8)), btt(10));
        assert_eq!(vested(&curve, total, month(9)), btt(20));
    }

    #[test]
    fn bad_curves_are_refused_with_clear_errors() {
        let linear = |delay, linear| CurveSpec::DelayedLinear {
            start: month(0),
            delay_seconds: delay,
            linear_seconds: linear,
        };
        assert_eq!(
            validate(Uint128::zero(), linear(0, 1)),
            Err(ContractError::ZeroAmount)
        );
        assert_eq!(
            validate(btt(1), linear(5, 0)),
            Err(ContractError::EmptyLinearPeriod)
        );
        assert_eq!(
            validate(btt(1), linear(u64::MAX, 1)),
            Err(ContractError::ScheduleEndOverflows)
        );
        assert_eq!(
            validate(btt(1), linear(0, u64::MAX / 1_000_000_000)),
            Err(ContractError::ScheduleEndOverflows)
        );
        let tranche = |amount: u128, m: u64| TrancheSpec {
            amount: btt(amount),
            not_before: month(m),
        };
        let milestones = |tranches| CurveSpec::Milestones { tranches };
        assert_eq!(
            validate(btt(1), milestones(vec![])),
            Err(ContractError::NoTranches)
        );
        assert_eq!(
            validate(btt(2), milestones(vec![tranche(1, 6), tranche(1, 3)])),
            Err(ContractError::TranchesOutOfOrder {
                index: 1,
                previous: 0
            })
        );
        assert_eq!(
            validate(btt(2), milestones(vec![tranche(1, 3), tranche(1, 3)])),
            Err(ContractError::TranchesOutOfOrder {
                index: 1,
                previous: 0
            })
        );
        assert_eq!(
            validate(btt(1), milestones(vec![tranche(0, 3), tranche(1, 6)])),
            Err(ContractError::ZeroAmount)
        );
        assert_eq!(
            validate(btt(3), milestones(vec![tranche(1, 3), tranche(1, 6)])),
            Err(ContractError::TranchesDoNotAddUp {
                amount: btt(3),
                tranches: btt(2)
            })
        );
        let too_many = (1..=49).map(|m| tranche(1, m)).collect();
        assert_eq!(
            validate(btt(49), milestones(too_many)),
            Err(ContractError::TooManyTranches { max: 48, got: 49 })
        );
    }
}
