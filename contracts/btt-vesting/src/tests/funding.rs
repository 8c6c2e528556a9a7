use btt_testing::Harness;
use btt_types::token::UnknownToken;
use btt_types::units::{btt, TOTAL_SUPPLY};
use btt_types::vesting::{CurveSpec, MAX_SCHEDULES_PER_FUNDING};
use cosmwasm_std::{coins, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;

use super::suite::{linear, quarterly, SuiteBuilder, NATIVE};
use crate::ContractError;

#[test]
fn the_owner_funds_schedules_with_a_send_of_btt() {
    let mut suite = SuiteBuilder::new().build();
    let schedules = vec![
        suite.new_schedule("alice", 840_000, linear(suite.start, 3, 30)),
        suite.new_schedule("bob", 3_570_000, quarterly(suite.start, 16, 223_125, 3)),
    ];
    let res = suite.fund("owner", btt(4_410_000), schedules).unwrap();
    assert!(res.has_event(
        &cosmwasm_std::Event::new("wasm")
            .add_attribute("action", "create_schedules")
            .add_attribute("first_schedule_id", "1")
            .add_attribute("last_schedule_id", "2")
    ));
    assert_eq!(suite.balance_of(&suite.vesting.clone()), btt(4_410_000));
    assert_eq!(suite.balance("owner"), TOTAL_SUPPLY - btt(4_410_000));
    let totals = suite.totals();
    assert_eq!(totals.schedule_count, 2);
    assert_eq!(totals.allocated, btt(4_410_000));
    assert_eq!(totals.outstanding, btt(4_410_000));
    assert_eq!(suite.schedule(2).schedule.beneficiary, suite.addr("bob"));
}

#[test]
fn a_hook_from_a_cw20_that_is_not_btt_is_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let fake = suite.other_token();
    let schedules = vec![suite.new_schedule("alice", 10, linear(suite.start, 0, 1))];
    let err = suite
        .fund_with_token("owner", &fake, btt(10), schedules)
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::UnknownToken(UnknownToken {
            expected: suite.token.clone(),
            got: fake
        })
    );
    assert_eq!(suite.totals().schedule_count, 0);
}

#[test]
fn a_receive_called_directly_by_an_account_is_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite
        .fake_receive("mallory", "owner", btt(1), &[])
        .unwrap_err();
    assert!(matches!(err, ContractError::UnknownToken(_)));
}

#[test]
fn a_receive_with_native_funds_is_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let err = suite
        .fake_receive("mallory", "owner", btt(1), &coins(5, NATIVE))
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn only_the_owner_may_fund_schedules() {
    let mut suite = SuiteBuilder::new().build();
    suite
        .app
        .execute(
            suite.addr("owner"),
            btt_types::token::TokenContract(suite.token.clone())
                .transfer_msg(suite.addr("mallory"), btt(10))
                .unwrap(),
        )
        .unwrap();
    let schedules = vec![suite.new_schedule("mallory", 10, linear(suite.start, 0, 1))];
    let err = suite.fund("mallory", btt(10), schedules).unwrap_err();
    assert_eq!(err, ContractError::Ownership(OwnershipError::NotOwner));
}

#[test]
fn amounts_that_do_not_add_up_to_the_tokens_sent_are_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let schedules = vec![
        suite.new_schedule("alice", 10, linear(suite.start, 0, 1)),
        suite.new_schedule("bob", 10, linear(suite.start, 0, 1)),
    ];
    let err = suite.fund("owner", btt(21), schedules).unwrap_err();
    assert_eq!(
        err,
        ContractError::AmountMismatch {
            sent: btt(21),
            scheduled: btt(20)
        }
    );
    assert_eq!(suite.balance("owner"), TOTAL_SUPPLY, "the send is reverted");
}

#[test]
fn an_empty_or_oversized_funding_is_rejected() {
    let mut suite = SuiteBuilder::new().build();
    assert_eq!(
        suite.fund("owner", btt(1), vec![]).unwrap_err(),
        ContractError::NoSchedules
    );
    let many = (0..=MAX_SCHEDULES_PER_FUNDING)
        .map(|_| suite.new_schedule("alice", 1, linear(suite.start, 0, 1)))
        .collect::<Vec<_>>();
    let err = suite.fund("owner", btt(31), many).unwrap_err();
    assert_eq!(err, ContractError::TooManySchedules { max: 30, got: 31 });
}

#[test]
fn zero_amounts_and_bad_categories_are_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let mut zero = suite.new_schedule("alice", 0, linear(suite.start, 0, 1));
    zero.amount = Uint128::zero();
    let one = suite.new_schedule("bob", 1, linear(suite.start, 0, 1));
    let err = suite
        .fund("owner", btt(1), vec![zero, one.clone()])
        .unwrap_err();
    assert_eq!(err, ContractError::ZeroAmount);

    let mut unnamed = one.clone();
    unnamed.category = String::new();
    let err = suite.fund("owner", btt(1), vec![unnamed]).unwrap_err();
    assert_eq!(err, ContractError::InvalidCategory { max: 64 });
}

#[test]
fn schedules_that_end_where_they_start_or_tranches_out_of_order_are_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let empty = suite.new_schedule("alice", 1, linear(suite.start, 6, 0));
    assert_eq!(
        suite.fund("owner", btt(1), vec![empty]).unwrap_err(),
        ContractError::EmptyLinearPeriod
    );
    let CurveSpec::Milestones { mut tranches } = quarterly(suite.start, 2, 1, 3) else {
        unreachable!()
    };
    tranches.reverse();
    let backwards = suite.new_schedule("alice", 2, CurveSpec::Milestones { tranches });
    assert_eq!(
        suite.fund("owner", btt(2), vec![backwards]).unwrap_err(),
        ContractError::TranchesOutOfOrder {
            index: 1,
            previous: 0
        }
    );
}

#[test]
fn a_hook_that_is_not_a_vesting_message_is_rejected() {
    let mut suite = SuiteBuilder::new().build();
    let msg = btt_types::token::TokenContract(suite.token.clone())
        .send_msg(&suite.vesting, btt(1), &"hello")
        .unwrap();
    let err = suite.app.execute(suite.addr("owner"), msg).unwrap_err();
    let err = err.downcast::<ContractError>().unwrap();
    assert!(matches!(
        err,
        ContractError::Std(cosmwasm_std::StdError::ParseErr { .. })
    ));
}

use cw_multi_test::Executor;
