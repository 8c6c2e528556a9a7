//! Verified capacity: the warm-up after a confirmation, the lapse, a declined challenge, a
//! failed one, and the lock of capacity rewards.

use btt_types::depin::LockedReward;
use cosmwasm_std::{Decimal, Uint128};

use super::suite::{score, units, Suite};
use crate::ContractError;

#[test]
fn new_capacity_warms_up_25_50_75_then_100_percent_after_its_confirmation() {
    let mut suite = Suite::new();
    suite.confirm(1, 100);
    for (epoch, expected) in [(0, 0), (1, 25), (2, 50), (3, 75), (4, 100), (5, 100)] {
        suite.move_to_epoch(epoch);
        suite.attest(1);
        assert_eq!(suite.node(1).effective_capacity, units(expected));
        assert_eq!(suite.node_epoch(1, epoch).score, score(expected));
        assert_eq!(suite.epoch(epoch).total_score, score(expected));
    }
    suite.next_epoch();
}

#[test]
fn a_confirmation_lapses_after_8_epochs_unless_a_challenge_renews_it() {
    let mut suite = Suite::new();
    suite.confirm(1, 100);
    suite.confirm(2, 100);
    suite.move_to_epoch(8);
    suite.confirm(2, 100); // renewed
    suite.attest(1);
    suite.attest(2);
    assert_eq!(
        suite.node_epoch(1, 8).score,
        score(100),
        "8 epochs in force"
    );
    assert_eq!(suite.node_epoch(2, 8).score, score(100));
    suite.move_to_epoch(9);
    suite.attest(1);
    suite.attest(2);
    assert_eq!(suite.node_epoch(1, 9).score, score(0), "lapsed");
    assert_eq!(suite.node(1).effective_capacity, Decimal::zero());
    assert_eq!(
        suite.node_epoch(2, 9).score,
        score(100),
        "renewed at full capacity"
    );
    // A lapsed node confirmed again warms up from nothing.
    suite.confirm(1, 100);
    suite.move_to_epoch(10);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 10).score, score(25));
    suite.move_to_epoch(17);
    suite.attest(2);
    assert_eq!(
        suite.node_epoch(2, 17).score,
        score(0),
        "epoch 8's renewal lapsed"
    );
    suite.next_epoch();
}

#[test]
fn a_challenge_passed_every_epoch_neither_slows_nor_restarts_the_warm_up() {
    let mut suite = Suite::new();
    for (epoch, expected) in [(0, 0), (1, 25), (2, 50), (3, 75), (4, 100)] {
        suite.move_to_epoch(epoch);
        suite.confirm(1, 100);
        suite.attest(1);
        assert_eq!(
            suite.node_epoch(1, epoch).score,
            score(expected),
            "epoch {epoch}"
        );
    }
    // A larger capacity confirmed warms up the new units only.
    suite.move_to_epoch(5);
    suite.confirm(1, 200);
    suite.move_to_epoch(7);
    suite.confirm(1, 200);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 7).score, score(150));
    suite.next_epoch();
}

#[test]
fn a_decrease_counts_at_once_and_an_increase_warms_up() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100)]);
    suite.change(1, 40);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 4).score, score(40));
    suite.move_to_epoch(5);
    suite.change(1, 80);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 5).score, score(40));
    suite.move_to_epoch(6);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 6).score, score(50));
    suite.move_to_epoch(8);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 8).score, score(70));
    suite.next_epoch();
}

#[test]
fn declining_a_challenge_zeroes_that_epoch_and_suspends_the_node_until_its_next_pass() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100)]);
    suite.attest(1);
    suite.record_paid(1, 10, 1_000_000_000);
    suite.decline(1);
    assert_eq!(suite.node_epoch(1, 4).score, score(0));
    assert_eq!(suite.epoch(4).total_score, score(0));
    assert!(suite.node(1).capacity.suspended);
    assert_eq!(suite.node(1).effective_capacity, units(0));
    // A confirmed node that stops taking challenges scores nothing until it passes again.
    suite.move_to_epoch(5);
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 5).score, score(0), "suspended");
    // Its next pass ends the suspension at once, warm-up kept (same capacity, still in force).
    suite.pass("oracle-b", 1, 100);
    assert!(!suite.node(1).capacity.suspended);
    assert_eq!(
        suite.node_epoch(1, 5).score,
        score(100),
        "the pass counts again"
    );
    assert_eq!(
        suite.node(1).capacity.target,
        units(100),
        "the capacity stays"
    );
    suite.next_epoch();
    let e4 = suite.epoch(4);
    assert_eq!(e4.capacity_paid, Uint128::zero());
    assert_eq!(
        e4.work_paid,
        Uint128::new(500_000_000),
        "its work still earns"
    );
    let e5 = suite.epoch(5);
    assert_eq!(e5.capacity_paid, e5.reward.unwrap());
    suite.claim(1).unwrap();
    assert_eq!(suite.paid_to(1), Uint128::new(500_000_000));
    assert_eq!(suite.pending(1).locked, e5.capacity_paid);
}

#[test]
fn capacity_rewards_stay_locked_two_epochs_and_work_rewards_are_claimable_at_once() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100)]);
    suite.attest(1);
    suite.record_paid(1, 10, 1_000_000_000);
    suite.next_epoch();
    let capacity = suite.epoch(4).capacity_paid;
    assert_eq!(
        suite.node(1).locked,
        vec![LockedReward {
            unlocks_after: 6,
            amount: capacity
        }]
    );
    suite.claim(1).unwrap();
    assert_eq!(suite.paid_to(1), Uint128::new(500_000_000), "work at once");
    assert_eq!(suite.pending(1).locked, capacity);
    suite.next_epoch(); // epoch 5 closed
    assert_eq!(
        suite.claim(1).unwrap_err(),
        ContractError::NothingToClaim { node_id: 1 }
    );
    suite.next_epoch(); // epoch 6 closed: the lock has passed
    assert_eq!(suite.pending(1).amount, capacity);
    assert_eq!(suite.pending(1).locked, Uint128::zero());
    suite.claim(1).unwrap();
    assert_eq!(suite.paid_to(1), Uint128::new(500_000_000) + capacity);
    assert_eq!(suite.node(1).claimed, suite.paid_to(1));
    suite.assert_books();
}

#[test]
fn a_failed_challenge_zeroes_the_capacity_and_forfeits_the_locked_rewards_to_the_carry() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 100), (2, 100)]);
    for _ in 4..6 {
        suite.attest(1);
        suite.attest(2);
        suite.next_epoch();
    }
    // Epoch 6: node 1 accepts a challenge and fails it.
    suite.attest(1);
    suite.attest(2);
    let locked = suite.pending(1).locked;
    let e4 = suite.epoch(4).capacity_paid;
    let e5 = suite.epoch(5).capacity_paid;
    assert_eq!(locked, e4 / Uint128::new(2) + e5 / Uint128::new(2));
    let before = suite.state();
    suite.fail(1);
    let after = suite.state();
    assert_eq!(after.forfeited, locked);
    assert_eq!(after.carry, before.carry + locked);
    assert_eq!(after.owed, before.owed - locked);
    suite.assert_books();
    let node = suite.node(1);
    assert_eq!(node.forfeited, locked);
    assert!(node.locked.is_empty());
    assert_eq!(node.capacity.target, Decimal::zero());
    assert_eq!(node.capacity.confirmed, None);
    assert_eq!(suite.node_epoch(1, 6).score, score(0));
    assert_eq!(suite.epoch(6).total_score, score(100), "node 2 alone");
    // It scores nothing until confirmed again, and has nothing to claim.
    suite.next_epoch();
    suite.attest(1);
    assert_eq!(suite.node_epoch(1, 7).score, score(0));
    suite.move_to_epoch(9);
    assert_eq!(
        suite.claim(1).unwrap_err(),
        ContractError::NothingToClaim { node_id: 1 }
    );
    // Node 2 lost nothing: its rewards of epochs 4 and 5 unlock as usual.
    suite.claim(2).unwrap();
    let e6 = suite.epoch(6).capacity_paid;
    assert_eq!(
        suite.paid_to(2),
        e4 / Uint128::new(2) + e5 / Uint128::new(2) + e6
    );
    suite.assert_books();
}
