//! The attacks the two pools invite (issue 29): wash jobs, splitting capacity, being first
//! after empty epochs, stale inputs, fake capacity; and the earlier ones that still apply: one
//! oracle vouching alone, a removed oracle's word, scoring one epoch under two rule sets, value
//! sent to the pool beyond what it can pay, and the rounding of payouts. Each ends with the
//! attacker no richer and the victim paid in full.

use btt_types::compute::EnergyRating;
use btt_types::depin::{ExecuteMsg, PayoutRules, ScoreMultipliers, MINING_POOL};
use cosmwasm_std::{Decimal, Decimal256, Uint128};

use super::suite::{releases, score, Suite};
use crate::ContractError;

/// Epochs 0 to 51 emit 29,115.547529 BTT each.
const M0: u128 = 29_115_547_529;

/// Moves to epoch `epoch` and has every node claim what it can; returns what they received.
fn claim_all_at(suite: &mut Suite, epoch: u32, nodes: &[u64]) -> Uint128 {
    suite.move_to_epoch(epoch);
    for &node in nodes {
        let _ = suite.claim(node);
        suite.assert_books();
    }
    nodes.iter().map(|&n| suite.paid_to(n)).sum()
}

#[test]
fn wash_jobs_earn_back_at_most_beta_of_their_fees_at_any_demand_over_any_number_of_nodes() {
    // (fees the attacker's own clinic pays, node ids it spreads them over): 1,000 BTT is low
    // demand (the rate is β), 1,000,000 BTT is far above ω·M (the rate falls below β).
    for (fees, ids) in [
        (1_000_000_000u128, 1u64),
        (1_000_000_000, 7),
        (1_000_000_000_000, 1),
        (1_000_000_000_000, 7),
    ] {
        let mut suite = Suite::new();
        // Node 1: an honest capacity miner, scoring S_min.
        suite.warm(&[(1, 100)]);
        suite.attest(1);
        let attacker: Vec<u64> = (10..10 + ids).collect();
        for &node in &attacker {
            suite.record_paid(node, 1_000, fees / u128::from(ids));
        }
        let paid_fees = Uint128::new(fees / u128::from(ids) * u128::from(ids));
        suite.next_epoch();
        let e = suite.epoch(4);
        let budget = e.reward.unwrap();
        let received = claim_all_at(&mut suite, 5, &attacker);
        // The attacker got back at most β = 50% of the fees it paid: at least half is lost.
        assert!(
            received <= paid_fees.multiply_ratio(1u128, 2u128),
            "{received} of {paid_fees}"
        );
        assert!(received <= e.work_paid);
        let cap = budget.multiply_ratio(4_000u128, 10_000u128);
        assert!(e.work_paid <= cap, "the work pool is at most ω·M");
        if fees == 1_000_000_000 {
            assert_eq!(
                received,
                paid_fees.multiply_ratio(1u128, 2u128),
                "β, exactly"
            );
        } else {
            assert!(cap - e.work_paid <= Uint128::one(), "ω·M, rounded down");
            assert!(
                received < paid_fees.multiply_ratio(2u128, 100u128),
                "below 2% back"
            );
        }
        // The honest miner keeps the rest of the budget: the epoch paid exactly its budget.
        assert_eq!(e.capacity_paid, budget - e.work_paid);
        claim_all_at(&mut suite, 7, &[1]);
        assert_eq!(
            suite.paid_to(1),
            budget - e.work_paid,
            "fees {fees}, ids {ids}"
        );
        suite.assert_books();
    }
}

/// What the attacker's `split` capacity (one node each) and the honest node 9's 99 units earn
/// in epoch 4, at 97% uptime, once unlocked: (attacker, honest).
fn split_run(split: &[u64]) -> (Uint128, Uint128) {
    let mut suite = Suite::new();
    let mut nodes: Vec<(u64, u64)> = split
        .iter()
        .enumerate()
        .map(|(i, &c)| (i as u64 + 1, c))
        .collect();
    nodes.push((9, 99));
    suite.warm(&nodes);
    for &(node, _) in &nodes {
        suite.attest_uptime(node, 97);
    }
    suite.next_epoch();
    let ids: Vec<u64> = nodes.iter().map(|&(n, _)| n).collect();
    claim_all_at(&mut suite, 7, &ids);
    let attacker = ids[..split.len()].iter().map(|&n| suite.paid_to(n)).sum();
    (attacker, suite.paid_to(9))
}

#[test]
fn capacity_split_over_several_nodes_earns_no_more_than_on_one() {
    let (one, honest_one) = split_run(&[101]);
    let (two, honest_two) = split_run(&[50, 51]);
    let (three, honest_three) = split_run(&[33, 33, 35]);
    // The score is linear: the same units earn the same, less the rounding of each share.
    assert!(two <= one && one - two <= Uint128::new(2), "{one} vs {two}");
    assert!(
        three <= one && one - three <= Uint128::new(3),
        "{one} vs {three}"
    );
    assert_eq!(honest_two, honest_one, "the honest node lost nothing");
    assert_eq!(honest_three, honest_one);
}

#[test]
fn the_first_node_after_empty_epochs_gets_its_epoch_and_a_26th_of_the_carry_no_lump() {
    let mut suite = Suite::new();
    // Ten epochs without a score: 291,155.47529 BTT carried. Node 1, confirmed in epoch 6,
    // counts in full in epoch 10 and is the first to score.
    suite.move_to_epoch(6);
    suite.confirm(1, 100);
    suite.move_to_epoch(10);
    suite.attest(1);
    suite.next_epoch();
    let m0 = Uint128::new(M0);
    let released = releases(11, |_, r| m0 + r)[10];
    let e = suite.epoch(10);
    assert_eq!(e.released, released);
    assert_eq!(e.capacity_paid, m0 + released);
    claim_all_at(&mut suite, 13, &[1]);
    assert_eq!(suite.paid_to(1), m0 + released);
    // Its epoch's emission plus what ten 26ths-an-epoch released: about 2.2 epochs' worth,
    // not the eleven the carry held.
    assert!(released < m0 + m0 / Uint128::new(4), "released {released}");
    assert!(suite.state().carry >= m0 * Uint128::new(8));
    suite.assert_books();
}

#[test]
fn a_capacity_report_changes_only_the_current_epoch_onward() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100), (2, 100)]);
    suite.attest(1);
    suite.attest(2);
    suite.move_to_epoch(5);
    // Epoch 4 has ended but is not closed yet: a report now closes it first.
    suite.change(1, 10);
    suite.decline(2);
    let e4 = suite.epoch(4);
    assert!(e4.closed);
    assert_eq!(e4.total_score, score(200));
    let half = e4.capacity_paid / Uint128::new(2);
    assert_eq!(suite.pending(1).locked, half);
    assert_eq!(
        suite.pending(2).locked,
        half,
        "a decline now leaves epoch 4 alone"
    );
    suite.attest(1);
    suite.attest(2);
    assert_eq!(suite.node_epoch(1, 5).score, score(10));
    assert_eq!(suite.node_epoch(2, 5).score, score(0));
    suite.next_epoch();
}

#[test]
fn a_fake_node_that_fails_its_next_challenge_keeps_nothing() {
    let mut suite = Suite::new();
    // Node 1 passes one challenge with capacity it lacks; node 2 is honest.
    suite.confirm(1, 100);
    suite.confirm(2, 100);
    for _ in 1..3 {
        suite.next_epoch();
        suite.attest(1);
        suite.attest(2);
    }
    suite.next_epoch();
    // Epoch 3: its next challenge fails. Its capacity rewards of epochs 1 and 2 are locked.
    let locked = suite.pending(1).locked;
    let e1 = suite.epoch(1).capacity_paid;
    let e2 = suite.epoch(2).capacity_paid;
    assert_eq!(locked, e1 / Uint128::new(2) + e2 / Uint128::new(2));
    assert!(!locked.is_zero());
    assert_eq!(
        suite.claim(1).unwrap_err(),
        ContractError::NothingToClaim { node_id: 1 }
    );
    suite.fail(1);
    suite.attest(1);
    suite.attest(2);
    assert_eq!(suite.state().forfeited, locked);
    // Whenever it comes back, it has nothing; the honest node is paid in full.
    assert_eq!(claim_all_at(&mut suite, 8, &[1]), Uint128::zero());
    assert_eq!(suite.node(1).forfeited, locked);
    claim_all_at(&mut suite, 8, &[2]);
    let e3 = suite.epoch(3).capacity_paid;
    assert_eq!(
        suite.paid_to(2),
        e1 / Uint128::new(2) + e2 / Uint128::new(2) + e3
    );
    suite.assert_books();
}

#[test]
fn a_node_that_only_declines_challenges_never_scores() {
    let mut suite = Suite::new();
    // Node 1 declares capacity but declines every challenge; node 2 passes one, then declines
    // every later one; node 3 is honest and renewed.
    suite.confirm(2, 100);
    suite.confirm(3, 100);
    for epoch in 0..8u32 {
        suite.move_to_epoch(epoch);
        suite
            .report_by(
                "escrow",
                1,
                super::suite::units(100),
                btt_types::depin::CapacityEvent::Declined,
            )
            .unwrap();
        if epoch > 0 {
            suite.decline(2);
        }
        for node in [1, 2, 3] {
            suite.attest(node);
        }
        assert_eq!(suite.node_epoch(1, epoch).score, score(0));
        assert_eq!(suite.node_epoch(2, epoch).score, score(0));
    }
    suite.next_epoch();
    assert_eq!(claim_all_at(&mut suite, 12, &[1, 2]), Uint128::zero());
    assert_eq!(
        suite.node(1).claimable + suite.pending(1).locked,
        Uint128::zero()
    );
    // Node 3 took every capacity pool of epochs 1 to 7.
    claim_all_at(&mut suite, 12, &[3]);
    let pools: Uint128 = (1..8).map(|e| suite.epoch(e).capacity_paid).sum();
    assert!(!pools.is_zero());
    assert_eq!(suite.paid_to(3), pools);
    suite.assert_books();
}

#[test]
fn one_oracle_alone_cannot_make_a_node_score() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100)]);
    suite.attest_one("oracle-a", 4, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 4).score, score(0));
    suite.attest_one("oracle-b", 4, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 4).score, score(100));
}

#[test]
fn a_removed_oracle_stops_attesting_at_once_and_counts_no_more_from_the_next_epoch() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100), (2, 100), (3, 100)]);
    suite.attest(1);
    suite.attest(2);
    suite.set_oracles(&["oracle-b", "oracle-c"]);
    // Refreshing one node of epoch 4 and not the other changes nothing: both keep the rules
    // epoch 4 began with.
    suite
        .execute(
            "anyone",
            &ExecuteMsg::RefreshScore {
                epoch: 4,
                node_id: 1,
            },
        )
        .unwrap();
    assert_eq!(suite.node_epoch(1, 4).score, score(100));
    assert_eq!(suite.node_epoch(2, 4).score, score(100));
    // The removed oracle attests no more, from now.
    assert_eq!(
        suite.attest_one("oracle-a", 4, 3, 100).unwrap_err(),
        ContractError::NotOracle
    );
    // From epoch 5 only oracles b and c count.
    suite.move_to_epoch(5);
    assert_eq!(
        suite.attest_one("oracle-a", 5, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
    suite.attest_one("oracle-b", 5, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 5).score, score(0));
    suite.attest_one("oracle-c", 5, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 5).score, score(100));
    suite.next_epoch();
}

/// Node 1 (the attacker) and node 2 (its competitor), 100 units each, attested in `epoch` at
/// 95% uptime, energy rating C: a score of 95 each.
fn two_equal_nodes(suite: &mut Suite) {
    for node in [1, 2] {
        suite.attest_uptime(node, 95);
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
    suite.warm(&[(1, 100), (2, 100)]);
    two_equal_nodes(&mut suite);
    // A passed proposal halves energy C's multiplier mid-epoch...
    let res = suite.set_multipliers(energy_c_halved());
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "score_rules_from_epoch" && a.value == "5")));
    // ...and the attacker refreshes only its competitor.
    suite
        .execute(
            "op1",
            &ExecuteMsg::RefreshScore {
                epoch: 4,
                node_id: 2,
            },
        )
        .unwrap();
    assert_eq!(suite.node_epoch(1, 4).score, score(95));
    assert_eq!(suite.node_epoch(2, 4).score, score(95));
    suite.next_epoch();
    let half = suite.epoch(4).capacity_paid / Uint128::new(2);
    claim_all_at(&mut suite, 7, &[1, 2]);
    assert_eq!(suite.paid_to(1), half, "the attacker: 50%, not 66.7%");
    assert_eq!(suite.paid_to(2), half, "the competitor lost nothing");
    // From epoch 5 every node is scored under the new rules.
    assert_eq!(suite.score_rules(5).multipliers, energy_c_halved());
    suite.move_to_epoch(8);
    two_equal_nodes(&mut suite);
    let halved = Decimal256::from_ratio(475u128, 10u128);
    assert_eq!(suite.node_epoch(1, 8).score, halved);
    assert_eq!(suite.node_epoch(2, 8).score, halved);
}

#[test]
fn a_quorum_change_cannot_zero_one_node_of_an_open_epoch() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100), (2, 100)]);
    two_equal_nodes(&mut suite);
    // Raising the quorum to 3 mid-epoch, then refreshing only the competitor.
    suite.set_payout(PayoutRules {
        min_attestations: 3,
        ..PayoutRules::suggested()
    });
    suite
        .execute(
            "op1",
            &ExecuteMsg::RefreshScore {
                epoch: 4,
                node_id: 2,
            },
        )
        .unwrap();
    assert_eq!(suite.node_epoch(2, 4).score, score(95));
    assert_eq!(suite.score_rules(5).min_attestations, 3);
    assert_eq!(suite.score_rules(4).min_attestations, 2);
}

#[test]
fn an_oracle_appointed_mid_epoch_attests_from_the_next_epoch() {
    let mut suite = Suite::new();
    suite.confirm(1, 10);
    suite.set_oracles(&["oracle-a", "oracle-b", "oracle-c", "oracle-d"]);
    assert_eq!(
        suite.attest_one("oracle-d", 0, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
    assert_eq!(suite.score_rules(1).from_epoch, 1);
    suite.move_to_epoch(1);
    suite.attest_one("oracle-d", 1, 1, 100).unwrap();
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
    // Scores 100 : 200 : 400 over a budget that 7 does not divide.
    suite.warm(&[(1, 100), (2, 200), (3, 400)]);
    for node in [1, 2, 3] {
        suite.attest(node);
    }
    suite.next_epoch();
    let pool = suite.epoch(4).capacity_paid;
    let share = |k: u128| pool.multiply_ratio(k, 7u128);
    let rounding = pool - share(1) - share(2) - share(4);
    assert!(!rounding.is_zero());
    suite.move_to_epoch(7);
    suite.claim(1).unwrap();
    suite.claim(2).unwrap();
    suite.assert_books();
    let carry = suite.state().carry;
    // Node 3 waits to fold last: it still gets exactly its share rounded down.
    suite.claim(3).unwrap();
    assert_eq!(
        [1, 2, 3].map(|n| suite.paid_to(n)),
        [share(1), share(2), share(4)]
    );
    let state = suite.state();
    assert_eq!(state.owed, Uint128::zero());
    assert_eq!(
        state.carry,
        carry + rounding,
        "the rounding waits in the carry"
    );
    suite.assert_books();
}

#[test]
fn mining_rounding_goes_to_the_carry_and_the_books_hold_after_every_close_and_claim() {
    let mut suite = Suite::new();
    let nodes = [(1u64, 37u64), (2, 101), (3, 7)];
    for (node, capacity) in nodes {
        suite.confirm(node, capacity);
    }
    let mut claims = 0u32;
    for epoch in 1..40u32 {
        suite.move_to_epoch(epoch);
        for (i, (node, capacity)) in nodes.iter().enumerate() {
            let k = epoch + i as u32;
            if k.is_multiple_of(5) {
                suite.confirm(*node, *capacity); // renewed before the lapse
            }
            if k % 4 == 3 {
                continue; // a node sits an epoch out now and then
            }
            if k % 7 == 2 {
                suite.decline(*node);
            }
            if k % 3 == 1 {
                suite.record_paid(*node, 3, 12_345_678_901 * u128::from(k % 4));
            }
            suite.attest_uptime(*node, 91 + u64::from(k % 9));
            suite.assert_books();
        }
        if epoch == 20 {
            suite.fail(2);
            suite.confirm(2, 60);
            suite.assert_books();
        }
        // Claims in a changing order; some let epochs pile up.
        for k in 0..3u32 {
            let (node, _) = nodes[((epoch + k) % 3) as usize];
            if !(epoch + k).is_multiple_of(3) && suite.claim(node).is_ok() {
                claims += 1;
            }
            suite.assert_books();
        }
    }
    suite.next_epoch();
    claim_all_at(&mut suite, 44, &[1, 2, 3]);
    let state = suite.state();
    // Every ubtt of the closed epochs is paid or carried.
    assert_eq!(state.owed, Uint128::zero());
    assert_eq!(state.paid + state.carry, state.scheduled);
    assert!(claims > 30, "{claims} claims");
    assert!(!state.forfeited.is_zero());
    assert_eq!(
        state.paid,
        [1, 2, 3].map(|n| suite.paid_to(n)).iter().sum::<Uint128>()
    );
    // What the pools paid and nodes did not receive is the forfeit and the rounding of the
    // shares, at most a ubtt a node an epoch.
    let rounding = state.work_paid + state.capacity_paid - state.paid - state.forfeited;
    assert!(rounding <= Uint128::new(3 * 2 * 40), "{rounding}");
    suite.assert_books();
}

#[test]
fn one_oracle_alone_cannot_confirm_capacity_a_quorum_of_distinct_oracles_must() {
    let mut suite = Suite::new();
    // A rogue oracle passes a node that has no GPUs, every epoch.
    for epoch in 0..6 {
        suite.move_to_epoch(epoch);
        suite.pass("oracle-a", 1, 100);
        suite.attest(1);
        assert_eq!(suite.node(1).capacity.confirmed, None, "epoch {epoch}");
        assert_eq!(suite.node_epoch(1, epoch).score, score(0));
    }
    // A second, distinct oracle's pass completes the quorum: confirmed from the older pass in
    // force, and the capacity warms up from then.
    suite.pass("oracle-b", 1, 100);
    assert_eq!(suite.node(1).capacity.confirmed, Some(5));
    suite.move_to_epoch(6);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 6).score, score(25));
    // An oracle removed stops counting: its pass is dropped at the next pass.
    suite.set_oracles(&["oracle-b", "oracle-c"]);
    suite.move_to_epoch(7);
    suite.pass("oracle-b", 1, 100);
    assert_eq!(suite.node(1).capacity.passes.len(), 1);
    assert_eq!(suite.node(1).capacity.confirmed, None);
    suite.assert_books();
}
