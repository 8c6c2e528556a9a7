use btt_types::depin::{epoch_emission, ExecuteMsg, QueryMsg, ScheduleResponse, MINING_POOL};
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE};
use crate::ContractError;

/// Node 1 (op1) and node 2 (op2) contribute 3:1 in epoch `epoch`.
fn contribute(suite: &mut Suite, epoch: u32) {
    suite.record(1, "op1", 3_000).unwrap();
    suite.record(2, "op2", 1_000).unwrap();
    for node in [1, 2] {
        suite.attest("oracle-a", epoch, node, 100).unwrap();
    }
}

#[test]
fn closed_epochs_pay_each_node_its_share_of_the_score_once() {
    let mut suite = Suite::new();
    contribute(&mut suite, 0);
    assert_eq!(
        suite.close(None).unwrap_err(),
        ContractError::NoEpochToClose
    );
    suite.move_to_epoch(1);
    suite.close(None).unwrap();
    let reward = epoch_emission(0);
    assert_eq!(suite.epoch(0).reward, Some(reward));
    assert_eq!(suite.pending(1), reward.multiply_ratio(3u128, 4u128));
    suite.claim("op1", 1, None).unwrap();
    suite.claim("op2", 2, None).unwrap();
    assert_eq!(suite.balance("op1"), reward.multiply_ratio(3u128, 4u128));
    assert_eq!(suite.balance("op2"), reward.multiply_ratio(1u128, 4u128));
    assert_eq!(
        suite.claim("op1", 1, None).unwrap_err(),
        ContractError::NothingToClaim { node_id: 1 }
    );
    assert_eq!(
        suite.state().paid,
        suite.balance("op1") + suite.balance("op2")
    );
}

#[test]
fn an_epoch_without_contribution_rolls_its_reward_into_the_next() {
    let mut suite = Suite::new();
    suite.move_to_epoch(2);
    contribute(&mut suite, 2);
    suite.move_to_epoch(3);
    suite.close(Some(2)).unwrap();
    assert_eq!(suite.state().carry, epoch_emission(0) + epoch_emission(1));
    suite.close(None).unwrap();
    assert_eq!(
        suite.epoch(2).reward,
        Some(epoch_emission(0) + epoch_emission(1) + epoch_emission(2))
    );
    assert_eq!(suite.state().carry, Uint128::zero());
    suite.claim("op1", 1, None).unwrap();
    suite.claim("op2", 2, None).unwrap();
    let paid = suite.balance("op1") + suite.balance("op2");
    assert!(
        epoch_emission(0) * Uint128::new(3) - paid <= Uint128::new(2),
        "at most a ubtt a node of dust"
    );
}

#[test]
fn closing_and_claiming_are_bounded_by_the_callers_limit() {
    let mut suite = Suite::new();
    for epoch in 0..40 {
        suite.move_to_epoch(epoch);
        suite.record(1, "op1", 10).unwrap();
        suite.attest("oracle-a", epoch, 1, 100).unwrap();
    }
    suite.move_to_epoch(40);
    suite.close(Some(1_000)).unwrap();
    assert_eq!(suite.state().closed_through, 30, "at most 30 a call");
    suite.close(None).unwrap();
    assert_eq!(suite.state().closed_through, 40);
    suite.claim("op1", 1, Some(5)).unwrap();
    let five: Uint128 = (0..5).map(epoch_emission).sum();
    assert_eq!(suite.balance("op1"), five);
    let mut calls = 0;
    while suite.claim("op1", 1, None).is_ok() {
        calls += 1;
    }
    assert_eq!(calls, 4, "35 epochs left at the default 10 a call");
    let forty: Uint128 = (0..40).map(epoch_emission).sum();
    assert_eq!(suite.balance("op1"), forty);
}

#[test]
fn only_the_nodes_operator_claims_and_without_funds() {
    let mut suite = Suite::new();
    contribute(&mut suite, 0);
    suite.move_to_epoch(1);
    suite.close(None).unwrap();
    assert_eq!(
        suite.claim("op2", 1, None).unwrap_err(),
        ContractError::NotOperator { node_id: 1 }
    );
    assert_eq!(
        suite.claim("op1", 9, None).unwrap_err(),
        ContractError::NodeNotFound { node_id: 9 }
    );
    let err = suite
        .execute_with_funds(
            "oracle-a",
            &ExecuteMsg::CloseEpochs { limit: None },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn the_schedule_query_pages_per_epoch_and_cumulative_emission() {
    let suite = Suite::new();
    let first: ScheduleResponse = suite.query(&QueryMsg::Schedule {
        start_after: None,
        limit: Some(2),
    });
    assert_eq!(
        first.epochs[1].cumulative,
        epoch_emission(0) * Uint128::new(2)
    );
    let last: ScheduleResponse = suite.query(&QueryMsg::Schedule {
        start_after: Some(414),
        limit: None,
    });
    assert_eq!(last.epochs.len(), 1);
    assert_eq!(last.epochs[0].cumulative, MINING_POOL);
    assert_eq!(suite.state().funded, MINING_POOL);
}
