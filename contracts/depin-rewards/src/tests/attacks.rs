//! The attacks the mining rules invite: one oracle vouching alone, a removed oracle's word,
//! self-paid jobs, and the first comer after empty epochs.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::depin::{epoch_emission, ExecuteMsg, PayoutRules};
use btt_types::units::btt;
use cosmwasm_std::{coins, Decimal256, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE};
use crate::ContractError;

fn quorum_of_two() -> PayoutRules {
    PayoutRules {
        min_attestations: 2,
        ..Suite::permissive_payout()
    }
}

#[test]
fn one_oracle_alone_cannot_make_a_node_score() {
    let mut suite = Suite::new();
    suite.set_payout(quorum_of_two());
    suite.record(1, "op1", 1_000).unwrap();
    suite.attest("oracle-a", 0, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 0).score, Decimal256::zero());
    suite.attest("oracle-b", 0, 1, 100).unwrap();
    assert!(suite.node_epoch(1, 0).score > Decimal256::zero());
}

#[test]
fn attestations_of_a_removed_oracle_stop_counting() {
    let mut suite = Suite::new();
    suite.set_payout(quorum_of_two());
    suite.record(1, "op1", 1_000).unwrap();
    suite.attest("oracle-a", 0, 1, 100).unwrap();
    suite.attest("oracle-b", 0, 1, 100).unwrap();
    let kept = ["oracle-b", "oracle-c"].map(|o| suite.addr(o).to_string());
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(btt_types::depin::ConfigUpdate {
                oracles: Some(kept.to_vec()),
                ..btt_types::depin::ConfigUpdate::default()
            }),
        )
        .unwrap();
    suite
        .execute(
            "anyone",
            &ExecuteMsg::RefreshScore {
                epoch: 0,
                node_id: 1,
            },
        )
        .unwrap();
    assert_eq!(suite.node_epoch(1, 0).score, Decimal256::zero());
    assert_eq!(suite.epoch(0).total_score, Decimal256::zero());
    assert_eq!(
        suite
            .execute(
                "anyone",
                &ExecuteMsg::RefreshScore {
                    epoch: 5,
                    node_id: 1
                }
            )
            .unwrap_err(),
        ContractError::NothingToRefresh {
            node_id: 1,
            epoch: 5
        },
        "no empty entries for a node's future claims to page through"
    );
    assert_eq!(
        suite
            .execute_with_funds(
                "oracle-a",
                &ExecuteMsg::RefreshScore {
                    epoch: 0,
                    node_id: 1
                },
                &coins(1, NATIVE)
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.move_to_epoch(1);
    suite.close(None).unwrap();
    assert_eq!(
        suite
            .execute(
                "anyone",
                &ExecuteMsg::RefreshScore {
                    epoch: 0,
                    node_id: 1
                }
            )
            .unwrap_err(),
        ContractError::EpochClosed {
            epoch: 0,
            current: 1
        }
    );
}

#[test]
fn a_node_is_paid_at_most_the_fees_its_jobs_paid_and_the_rest_is_carried() {
    let mut suite = Suite::new();
    suite.record_paid(1, "op1", 1_000, btt(600)).unwrap();
    suite.attest("oracle-a", 0, 1, 100).unwrap();
    suite.move_to_epoch(1);
    suite.close(None).unwrap();
    let before = suite.balance("op1");
    suite.claim("op1", 1, None).unwrap();
    assert_eq!(suite.balance("op1") - before, btt(600));
    let state = suite.state();
    assert_eq!(state.paid, btt(600));
    assert_eq!(state.carry, epoch_emission(0) - btt(600));
    assert_eq!(state.held_back, epoch_emission(0) - btt(600));
}

#[test]
fn the_carry_of_empty_epochs_is_released_at_most_the_dao_s_amount_an_epoch() {
    let mut suite = Suite::new();
    suite.set_payout(PayoutRules {
        max_carry_release: btt(1_000),
        ..Suite::permissive_payout()
    });
    suite.move_to_epoch(26);
    suite.record(1, "op1", 1_000).unwrap();
    suite.attest("oracle-a", 26, 1, 100).unwrap();
    suite.move_to_epoch(27);
    suite.close(Some(30)).unwrap();
    let e = suite.epoch(26);
    assert_eq!(e.released, btt(1_000));
    assert_eq!(e.reward, Some(epoch_emission(26) + btt(1_000)));
    let before = suite.balance("op1");
    suite.claim("op1", 1, None).unwrap();
    assert_eq!(
        suite.balance("op1") - before,
        epoch_emission(26) + btt(1_000),
        "not the 26 empty epochs at once"
    );
    assert_eq!(
        suite.state().carry,
        epoch_emission(0) * Uint128::new(26) - btt(1_000)
    );
}

#[test]
fn payout_rules_outside_their_bounds_are_refused() {
    let mut suite = Suite::new();
    for bad in [
        PayoutRules {
            min_attestations: 0,
            ..Suite::permissive_payout()
        },
        PayoutRules {
            fee_cap: Bps(10_001),
            ..Suite::permissive_payout()
        },
        PayoutRules {
            max_carry_release: Uint128::zero(),
            ..Suite::permissive_payout()
        },
    ] {
        let err = suite
            .execute(
                "owner",
                &ExecuteMsg::UpdateConfig(btt_types::depin::ConfigUpdate {
                    payout: Some(bad),
                    ..btt_types::depin::ConfigUpdate::default()
                }),
            )
            .unwrap_err();
        assert!(matches!(err, ContractError::InvalidConfig { .. }));
    }
}
