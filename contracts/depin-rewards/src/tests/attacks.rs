//! The attacks the mining rules invite: one oracle vouching alone, a removed oracle's word,
//! self-paid jobs, the first comer after empty epochs; and issue 28's: scoring one epoch under
//! two rule sets (item 13), the rounding of payouts (item 8) and value sent to the pool beyond
//! what it can pay (item 10).

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::compute::EnergyRating;
use btt_types::depin::{epoch_emission, ExecuteMsg, PayoutRules, ScoreMultipliers, MINING_POOL};
use btt_types::units::btt;
use cosmwasm_std::{coins, Decimal, Decimal256, Uint128};
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
    // The quorum is a score rule: it applies from the next epoch.
    suite.move_to_epoch(1);
    suite.record(1, "op1", 1_000).unwrap();
    suite.attest("oracle-a", 1, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 1).score, Decimal256::zero());
    suite.attest("oracle-b", 1, 1, 100).unwrap();
    assert!(suite.node_epoch(1, 1).score > Decimal256::zero());
}

#[test]
fn a_removed_oracle_stops_attesting_at_once_and_counts_from_the_next_epoch_no_more() {
    let mut suite = Suite::new();
    suite.set_payout(quorum_of_two());
    suite.move_to_epoch(1);
    suite.record(1, "op1", 1_000).unwrap();
    suite.record(2, "op2", 1_000).unwrap();
    for node in [1, 2] {
        suite.attest("oracle-a", 1, node, 100).unwrap();
        suite.attest("oracle-b", 1, node, 100).unwrap();
    }
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
    // Refreshing one node of epoch 1 and not the other changes nothing: both keep the rules
    // epoch 1 began with.
    suite
        .execute(
            "anyone",
            &ExecuteMsg::RefreshScore {
                epoch: 1,
                node_id: 1,
            },
        )
        .unwrap();
    assert_eq!(suite.node_epoch(1, 1).score, suite.node_epoch(2, 1).score);
    assert!(suite.node_epoch(1, 1).score > Decimal256::zero());
    // The removed oracle attests no more, from now.
    suite.record(3, "op3", 1_000).unwrap();
    assert_eq!(
        suite.attest("oracle-a", 1, 3, 100).unwrap_err(),
        ContractError::NotOracle
    );
    // From epoch 2, only oracles b and c count.
    suite.move_to_epoch(2);
    suite.record(1, "op1", 1_000).unwrap();
    assert_eq!(
        suite.attest("oracle-a", 2, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
    suite.attest("oracle-b", 2, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 2).score, Decimal256::zero());
    suite.attest("oracle-c", 2, 1, 100).unwrap();
    assert!(suite.node_epoch(1, 2).score > Decimal256::zero());
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
                    epoch: 2,
                    node_id: 1
                },
                &coins(1, NATIVE)
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.move_to_epoch(3);
    suite.close(None).unwrap();
    assert_eq!(
        suite
            .execute(
                "anyone",
                &ExecuteMsg::RefreshScore {
                    epoch: 2,
                    node_id: 1
                }
            )
            .unwrap_err(),
        ContractError::EpochClosed {
            epoch: 2,
            current: 3
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

/// Node 1 (op1, the attacker) and node 2 (op2, its competitor) each complete 1,000 units in
/// `epoch` at 95% uptime, energy rating C: a score of 950 each.
fn two_equal_nodes(suite: &mut Suite, epoch: u32) {
    for (node, op) in [(1, "op1"), (2, "op2")] {
        suite.record(node, op, 1_000).unwrap();
        suite.attest("oracle-a", epoch, node, 95).unwrap();
    }
}

/// The suggested multipliers with energy rating C halved (1.0 → 0.5).
fn energy_c_halved() -> ScoreMultipliers {
    let mut m = ScoreMultipliers::suggested(&["africa-east"]);
    m.energy[EnergyRating::C as usize] = Decimal::percent(50);
    m
}

#[test]
fn refreshing_only_a_competitors_score_after_a_multiplier_change_wins_nothing() {
    let mut suite = Suite::new();
    two_equal_nodes(&mut suite, 0);
    let score = Decimal256::from_ratio(950u128, 1u128);
    // A passed proposal halves energy C's multiplier mid-epoch...
    let res = suite.set_multipliers(energy_c_halved());
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "score_rules_from_epoch" && a.value == "1")));
    // ...and the attacker refreshes only its competitor.
    suite
        .execute(
            "op1",
            &ExecuteMsg::RefreshScore {
                epoch: 0,
                node_id: 2,
            },
        )
        .unwrap();
    // Before: 950 against 475, and the attacker took 66.7% of the epoch. Now epoch 0 keeps
    // the rules it began with, for every node.
    assert_eq!(suite.node_epoch(1, 0).score, score);
    assert_eq!(suite.node_epoch(2, 0).score, score);
    suite.move_to_epoch(1);
    suite.close(None).unwrap();
    suite.claim("op1", 1, None).unwrap();
    suite.claim("op2", 2, None).unwrap();
    let half = epoch_emission(0).multiply_ratio(1u128, 2u128);
    assert_eq!(suite.balance("op1"), half, "the attacker: 50%, not 66.7%");
    assert_eq!(suite.balance("op2"), half, "the competitor lost nothing");
    suite.assert_books();
    // From epoch 1 every node is scored under the new rules.
    let rules = suite.score_rules(1);
    assert_eq!(rules.from_epoch, 1);
    assert_eq!(rules.multipliers, energy_c_halved());
    assert_eq!(
        suite.score_rules(0).multipliers,
        ScoreMultipliers::suggested(&["africa-east"])
    );
    two_equal_nodes(&mut suite, 1);
    let halved = Decimal256::from_ratio(475u128, 1u128);
    assert_eq!(suite.node_epoch(1, 1).score, halved);
    assert_eq!(suite.node_epoch(2, 1).score, halved);
}

#[test]
fn a_quorum_change_cannot_zero_one_node_of_an_open_epoch() {
    let mut suite = Suite::new();
    two_equal_nodes(&mut suite, 0);
    // Raising the quorum to 2 mid-epoch, then refreshing only the competitor: before, its
    // score fell to 0 and the attacker took the whole epoch.
    suite.set_payout(quorum_of_two());
    suite
        .execute(
            "op1",
            &ExecuteMsg::RefreshScore {
                epoch: 0,
                node_id: 2,
            },
        )
        .unwrap();
    assert_eq!(suite.node_epoch(2, 0).score, suite.node_epoch(1, 0).score);
    assert_eq!(suite.score_rules(1).min_attestations, 2);
    assert_eq!(suite.score_rules(0).min_attestations, 1);
}

#[test]
fn an_oracle_appointed_mid_epoch_attests_from_the_next_epoch() {
    let mut suite = Suite::new();
    let oracles =
        ["oracle-a", "oracle-b", "oracle-c", "oracle-d"].map(|o| suite.addr(o).to_string());
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(btt_types::depin::ConfigUpdate {
                oracles: Some(oracles.to_vec()),
                ..btt_types::depin::ConfigUpdate::default()
            }),
        )
        .unwrap();
    suite.record(1, "op1", 1_000).unwrap();
    assert_eq!(
        suite.attest("oracle-d", 0, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
    suite.move_to_epoch(1);
    suite.record(1, "op1", 1_000).unwrap();
    suite.attest("oracle-d", 1, 1, 100).unwrap();
}

#[test]
fn score_rules_are_the_daos_to_change_without_funds() {
    let mut suite = Suite::new();
    let update = ExecuteMsg::UpdateConfig(btt_types::depin::ConfigUpdate {
        multipliers: Some(energy_c_halved()),
        ..btt_types::depin::ConfigUpdate::default()
    });
    assert_eq!(
        suite.execute("op1", &update).unwrap_err(),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner)
    );
    assert_eq!(
        suite
            .execute_with_funds("oracle-a", &update, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    assert_eq!(suite.score_rules(1).from_epoch, 0, "nothing staged");
}

#[test]
fn mining_rounding_goes_to_the_carry_and_the_books_hold_after_every_close_and_claim() {
    let mut suite = Suite::new();
    // Odd units, so no epoch's reward divides evenly among the nodes.
    let nodes = [(1u64, "op1", 1u64), (2, "op2", 3), (3, "op3", 7)];
    let mut dust = Uint128::zero();
    let mut claims = 0u32;
    let mut claim = |suite: &mut Suite, op: &str, node: u64, limit: Option<u32>| {
        if let Ok(res) = suite.claim(op, node, limit) {
            claims += 1;
            for e in &res.events {
                for a in e.attributes.iter().filter(|a| a.key == "dust_to_carry") {
                    dust += a.value.parse::<Uint128>().unwrap();
                }
            }
        }
        suite.assert_books();
    };
    for epoch in 0..60u32 {
        suite.move_to_epoch(epoch);
        for (i, (node, op, units)) in nodes.iter().enumerate() {
            if (epoch + i as u32) % 4 == 3 {
                continue; // a node sits an epoch out now and then
            }
            if epoch % 5 == 2 && i == 1 {
                // Fees below its share: the fee cap holds part back.
                suite
                    .record_paid(*node, op, *units, Uint128::new(12_345))
                    .unwrap();
            } else {
                suite.record(*node, op, *units).unwrap();
            }
            suite.attest("oracle-a", epoch, *node, 97).unwrap();
        }
        suite.move_to_epoch(epoch + 1);
        suite.close(None).unwrap();
        suite.assert_books();
        // Claims in a changing order and with changing limits; some let epochs pile up.
        for k in 0..3usize {
            let (node, op, _) = nodes[(epoch as usize + k) % 3];
            if !(epoch + k as u32).is_multiple_of(3) {
                claim(&mut suite, op, node, Some(1 + epoch % 4));
            }
        }
    }
    for (node, op, _) in nodes {
        for _ in 0..10 {
            claim(&mut suite, op, node, None);
        }
    }
    let state = suite.state();
    // Before: each claim's rounding (about 1 ubtt) stayed in the contract for good. Now every
    // ubtt of the closed epochs is paid or carried, and the carry releases it later.
    assert_eq!(state.owed, Uint128::zero());
    assert_eq!(state.paid + state.carry, state.scheduled);
    assert!(claims > 60);
    assert!(
        !dust.is_zero(),
        "the rounding went to the carry: {dust} ubtt"
    );
    let carried = state.carry;
    suite.move_to_epoch(61);
    suite.record(1, "op1", 1).unwrap();
    suite.attest("oracle-a", 61, 1, 100).unwrap();
    suite.move_to_epoch(62);
    suite.close(None).unwrap();
    // Epoch 60 went unscored (its emission carried); 61 releases the whole carry.
    assert_eq!(
        suite.epoch(61).released,
        carried + epoch_emission(60),
        "the carry, dust included, is paid out"
    );
    assert_eq!(suite.state().carry, Uint128::zero());
    suite.assert_books();
}

#[test]
fn the_pool_takes_no_more_than_the_schedule_can_pay() {
    let mut suite = Suite::new();
    assert_eq!(suite.state().funded, MINING_POOL);
    let before = suite.balance("owner");
    assert_eq!(
        suite.fund("owner", Uint128::one()).unwrap_err(),
        ContractError::PoolFull {
            funded: MINING_POOL,
            amount: Uint128::one(),
            max: MINING_POOL,
        }
    );
    assert_eq!(suite.balance("owner"), before, "nothing taken");
}

#[test]
fn claiming_last_earns_no_rounding_it_goes_to_the_carry() {
    let mut suite = Suite::new();
    // Scores 1 : 2 : 4 over an emission that 7 does not divide.
    for (node, op, units) in [(1, "op1", 1), (2, "op2", 2), (3, "op3", 4)] {
        suite.record(node, op, units).unwrap();
        suite.attest("oracle-a", 0, node, 100).unwrap();
    }
    suite.move_to_epoch(1);
    suite.close(None).unwrap();
    let reward = epoch_emission(0);
    let share = |k: u128| reward.multiply_ratio(k, 7u128);
    let rounding = reward - share(1) - share(2) - share(4);
    assert!(!rounding.is_zero());
    suite.claim("op1", 1, None).unwrap();
    suite.claim("op2", 2, None).unwrap();
    suite.assert_books();
    assert_eq!(suite.state().owed, share(4) + rounding);
    // op3 waits to claim last: it still gets exactly its share rounded down.
    suite.claim("op3", 3, None).unwrap();
    assert_eq!(
        [1, 2, 3].map(|n| suite.balance(&format!("op{n}"))),
        [share(1), share(2), share(4)]
    );
    let state = suite.state();
    assert_eq!(state.owed, Uint128::zero());
    assert_eq!(state.carry, rounding, "the rounding waits in the carry");
    suite.assert_books();
}
