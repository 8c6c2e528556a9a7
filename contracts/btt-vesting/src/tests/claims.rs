use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{linear, SuiteBuilder, NATIVE};
use crate::ContractError;

fn bithive_and_cdhg() -> super::suite::Suite {
    SuiteBuilder::new()
        .with_schedule("alice", 2_100_000, |start| linear(start, 6, 36))
        .with_schedule("bob", 840_000, |start| linear(start, 3, 30))
        .build()
}

#[test]
fn the_beneficiary_claims_exactly_what_has_vested_month_by_month() {
    let mut suite = bithive_and_cdhg();
    for (month, alice_total, bob_total) in [
        (18, 700_000, 420_000),
        (24, 1_050_000, 588_000),
        (33, 1_575_000, 840_000),
        (42, 2_100_000, 840_000),
    ] {
        suite.at_month(month, 0);
        suite.claim("alice", 1).unwrap();
        if suite.status(2, None).claimable > Uint128::zero() {
            suite.claim("bob", 2).unwrap();
        }
        assert_eq!(
            suite.balance("alice"),
            btt(alice_total),
            "alice at month {month}"
        );
        assert_eq!(suite.balance("bob"), btt(bob_total), "bob at month {month}");
    }
    let totals = suite.totals();
    assert_eq!(totals.claimed, btt(2_940_000));
    assert_eq!(totals.outstanding, Uint128::zero());
    assert_eq!(suite.balance_of(&suite.vesting.clone()), Uint128::zero());
}

#[test]
fn nothing_is_claimable_before_the_delay_ends() {
    let mut suite = bithive_and_cdhg();
    suite.at_month(6, 0);
    let err = suite.claim("alice", 1).unwrap_err();
    assert!(matches!(
        err,
        ContractError::NothingToClaim { schedule_id: 1, .. }
    ));
    assert_eq!(suite.balance("alice"), Uint128::zero());
}

#[test]
fn a_second_claim_at_the_same_time_pays_nothing_new() {
    let mut suite = bithive_and_cdhg();
    suite.at_month(24, 0);
    let res = suite.claim("alice", 1).unwrap();
    assert!(res.has_event(
        &cosmwasm_std::Event::new("wasm")
            .add_attribute("action", "claim")
            .add_attribute("amount", btt(1_050_000).to_string())
    ));
    let err = suite.claim("alice", 1).unwrap_err();
    assert!(matches!(err, ContractError::NothingToClaim { .. }));
    assert_eq!(suite.balance("alice"), btt(1_050_000));
}

#[test]
fn only_the_beneficiary_may_claim() {
    let mut suite = bithive_and_cdhg();
    suite.at_month(24, 0);
    let err = suite.claim("mallory", 1).unwrap_err();
    assert_eq!(err, ContractError::NotBeneficiary { schedule_id: 1 });
    let err = suite.claim("bob", 1).unwrap_err();
    assert_eq!(err, ContractError::NotBeneficiary { schedule_id: 1 });
}

#[test]
fn claiming_an_unknown_schedule_is_an_error() {
    let mut suite = bithive_and_cdhg();
    assert_eq!(
        suite.claim("alice", 9).unwrap_err(),
        ContractError::ScheduleNotFound { schedule_id: 9 }
    );
}

#[test]
fn a_claim_with_native_funds_is_rejected() {
    let mut suite = bithive_and_cdhg();
    suite.at_month(24, 0);
    let err = suite
        .execute_with_funds(
            "alice",
            &btt_types::vesting::ExecuteMsg::Claim { schedule_id: 1 },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
