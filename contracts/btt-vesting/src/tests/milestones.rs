use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;

use super::suite::{linear, quarterly, Suite, SuiteBuilder, NATIVE};
use crate::ContractError;

/// Schedule 1: the foundation's 16 quarterly tranches of 223,125 BTT. Schedule 2: linear.
fn foundation() -> Suite {
    SuiteBuilder::new()
        .with_schedule("alice", 3_570_000, |start| quarterly(start, 16, 223_125, 3))
        .with_schedule("bob", 420_000, |start| linear(start, 3, 30))
        .build()
}

#[test]
fn a_tranche_that_is_not_approved_pays_nothing_even_when_due() {
    let mut suite = foundation();
    suite.at_month(48, 0);
    assert_eq!(suite.status(1, None).claimable, Uint128::zero());
    assert!(matches!(
        suite.claim("alice", 1).unwrap_err(),
        ContractError::NothingToClaim { .. }
    ));
}

#[test]
fn an_approved_tranche_pays_nothing_before_its_time() {
    let mut suite = foundation();
    suite.approve("owner", 1, 0).unwrap();
    suite.at_month(2, 0);
    assert!(matches!(
        suite.claim("alice", 1).unwrap_err(),
        ContractError::NothingToClaim { .. }
    ));
    suite.at_month(3, 0);
    suite.claim("alice", 1).unwrap();
    assert_eq!(suite.balance("alice"), btt(223_125));
}

#[test]
fn a_tranche_approved_after_its_time_pays_at_once() {
    let mut suite = foundation();
    suite.at_month(7, 0);
    suite.approve("owner", 1, 0).unwrap();
    suite.approve("owner", 1, 1).unwrap();
    suite.approve("owner", 1, 2).unwrap();
    suite.claim("alice", 1).unwrap();
    assert_eq!(
        suite.balance("alice"),
        btt(446_250),
        "the third tranche is due at month 9"
    );
    let tranches = match suite.schedule(1).schedule.curve {
        btt_types::vesting::Curve::Milestones { tranches } => tranches,
        _ => unreachable!(),
    };
    assert!(tranches[..3].iter().all(|t| t.approved_at.is_some()));
    assert!(tranches[3..].iter().all(|t| t.approved_at.is_none()));
}

#[test]
fn all_16_tranches_pay_the_whole_3_570_000_btt_by_month_48() {
    let mut suite = foundation();
    for tranche in 0..16 {
        suite.approve("owner", 1, tranche).unwrap();
    }
    suite.at_month(48, 0);
    suite.claim("alice", 1).unwrap();
    assert_eq!(suite.balance("alice"), btt(3_570_000));
}

#[test]
fn approvals_by_anyone_but_the_owner_are_rejected() {
    let mut suite = foundation();
    assert_eq!(
        suite.approve("alice", 1, 0).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        suite.approve("mallory", 1, 0).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
}

#[test]
fn bad_approvals_are_rejected_with_clear_errors() {
    let mut suite = foundation();
    suite.approve("owner", 1, 0).unwrap();
    assert_eq!(
        suite.approve("owner", 1, 0).unwrap_err(),
        ContractError::TrancheAlreadyApproved {
            schedule_id: 1,
            tranche: 0
        }
    );
    assert_eq!(
        suite.approve("owner", 1, 16).unwrap_err(),
        ContractError::TrancheNotFound {
            schedule_id: 1,
            tranche: 16
        }
    );
    assert_eq!(
        suite.approve("owner", 2, 0).unwrap_err(),
        ContractError::NotAMilestoneSchedule { schedule_id: 2 }
    );
    assert_eq!(
        suite.approve("owner", 3, 0).unwrap_err(),
        ContractError::ScheduleNotFound { schedule_id: 3 }
    );
}

#[test]
fn an_approval_with_native_funds_is_rejected() {
    let mut suite = foundation();
    let err = suite
        .execute_with_funds(
            "owner",
            &btt_types::vesting::ExecuteMsg::ApproveTranche {
                schedule_id: 1,
                tranche: 0,
            },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
