//! Challenges (issue 29): real escrowed jobs with a committed answer, offered to one node,
//! judged on chain. An oracle's pass confirms capacity; a failure refunds the poster and slashes
//! the bond behind the capacity tested; a decline costs an oracle's epoch, a bounty nothing.
//! Op1's node runs 8 a100 GPUs (weight 1.0): 8 capacity units declared. A challenge's work is
//! 1,000 a100 units: 2 BTT, 1.4 BTT of it to the node.

use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::compute::{
    Challenge, ConfigResponse, ConfigUpdate, ExecuteMsg, JobStatus, QueryMsg, ReceiveMsg, Urgency,
};
use btt_types::depin::EPOCH_SECONDS;
use btt_types::units::btt;
use cosmwasm_std::{coin, coins, Decimal, Uint128};
use cw_utils::PaymentError;

use super::suite::{attr, units, Suite, DAY, MIN_BOND, NATIVE};
use crate::challenges::commitment_of;
use crate::ContractError;

/// 2 BTT: the price of a challenge's work.
const PRICE: Uint128 = Uint128::new(2_000_000);

/// Op1's node bonded `bond`, confirmed at 8 units by the oracle in epoch 0 and attested in
/// epoch 1, whose warming capacity (a quarter of what its bond covers) earned a capacity reward;
/// now in epoch 2, with that reward locked. Returns the node and the reward.
fn node_with_locked_rewards(suite: &mut Suite, bond: Uint128) -> (u64, Uint128) {
    suite.fund_mining();
    let node = suite.register("op1", bond).unwrap();
    suite.confirm("op1", node, 8);
    suite.advance(EPOCH_SECONDS);
    suite.attest(1, node);
    suite.advance(EPOCH_SECONDS);
    suite.close_epochs();
    let locked = suite.pending(node).locked;
    assert!(!locked.is_zero(), "epoch 1's capacity reward is locked");
    (node, locked)
}

#[test]
fn an_oracles_challenge_passed_confirms_capacity_and_pays_the_node_70_percent() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let (oracle, op1, devfund) = (
        suite.balance("oracle"),
        suite.balance("op1"),
        suite.balance("devfund"),
    );
    let id = suite.challenge("oracle", node, 8, "the answer");
    let job = suite.job(id);
    assert_eq!(
        (job.status, job.price, job.clinic),
        (JobStatus::Offered, PRICE, suite.addr("oracle"))
    );
    assert_eq!(
        job.challenge,
        Some(Challenge {
            capacity: units(8),
            commitment: commitment_of("the answer"),
            by_oracle: true,
        })
    );
    assert_eq!(suite.node(node).open_jobs, 0, "an offer binds nothing");
    suite.accept_challenge("op1", id).unwrap();
    assert_eq!(suite.node(node).open_jobs, 1);
    let res = suite.answer("op1", id, "the answer").unwrap();

    assert_eq!(suite.reported(&res), Some(("confirmed".into(), units(8))));
    let job = suite.job(id);
    assert_eq!(job.status, JobStatus::Paid);
    assert_eq!(job.result.unwrap().hash, "the answer");
    assert_eq!(oracle - suite.balance("oracle"), PRICE);
    assert_eq!(suite.balance("op1") - op1, Uint128::new(1_400_000), "70%");
    assert_eq!(suite.balance("devfund") - devfund, Uint128::new(300_000));
    let n = suite.node(node);
    assert_eq!(
        (n.verified_capacity, n.counted_capacity, n.open_jobs),
        (units(8), units(8), 0)
    );
    let d = suite.depin_node(node);
    assert_eq!(
        (d.capacity.target, d.capacity.confirmed),
        (units(8), Some(0))
    );
    assert_eq!(
        d.effective_capacity,
        Decimal::zero(),
        "new capacity warms up from the next epoch"
    );
    let slot = suite.node_epoch(node, 0);
    assert_eq!(
        (slot.units, slot.fees),
        (0, Uint128::zero()),
        "challenge fees are never work"
    );
    assert_eq!(suite.depin_epoch(0).work_fees, Uint128::zero());
    assert_eq!(suite.escrow_btt(), btt(1_200), "the bond only");
    assert_eq!(suite.totals().escrow_btt, Uint128::zero());
}

#[test]
fn a_wrong_answer_fails_at_once_refunds_the_poster_and_slashes_the_capacity_tested() {
    let mut suite = Suite::new();
    let (node, locked) = node_with_locked_rewards(&mut suite, btt(1_200));
    let (oracle, reserve) = (suite.balance("oracle"), suite.balance("reserve"));
    let id = suite.challenge("oracle", node, 4, "42");
    suite.accept_challenge("op1", id).unwrap();
    let res = suite.answer("op1", id, "41").unwrap();

    assert_eq!(
        suite.reported(&res),
        Some(("failed".into(), Decimal::zero()))
    );
    assert_eq!(suite.job(id).status, JobStatus::Refunded);
    assert_eq!(
        suite.balance("oracle"),
        oracle,
        "the poster gets back exactly its escrow"
    );
    assert_eq!(
        suite.balance("reserve") - reserve,
        btt(600),
        "150 BTT for each of the 4 units tested, to the reserve"
    );
    let n = suite.node(node);
    assert_eq!(
        (n.bond, n.slashed, n.verified_capacity, n.counted_capacity),
        (btt(600), btt(600), Decimal::zero(), Decimal::zero())
    );
    let d = suite.depin_node(node);
    assert_eq!(
        (d.capacity.target, d.capacity.confirmed, d.capacity.blocked),
        (Decimal::zero(), None, Some(2))
    );
    assert!(d.locked.is_empty());
    assert_eq!(d.forfeited, locked, "its locked rewards are forfeited");
    assert_eq!(suite.depin_state().forfeited, locked);
    assert_eq!(suite.escrow_btt(), btt(600));
    assert_eq!(suite.totals().bonds, btt(600));
    assert!(matches!(
        suite.answer("op1", id, "42").unwrap_err(),
        ContractError::WrongJobStatus {
            actual: JobStatus::Refunded,
            ..
        }
    ));
}

#[test]
fn a_missed_deadline_fails_at_expire_and_the_slash_is_capped_by_the_bond() {
    let mut suite = Suite::new();
    let (node, locked) = node_with_locked_rewards(&mut suite, MIN_BOND);
    let (oracle, reserve) = (suite.balance("oracle"), suite.balance("reserve"));
    let id = suite.challenge("oracle", node, 8, "42");
    suite.accept_challenge("op1", id).unwrap();
    let deadline = suite.job(id).deadline.unwrap();
    assert_eq!(
        suite.expire(id).unwrap_err(),
        ContractError::NotExpired {
            job_id: id,
            deadline
        }
    );
    suite.advance(2 * DAY);
    assert_eq!(
        suite.answer("op1", id, "42").unwrap_err(),
        ContractError::DeadlinePassed {
            job_id: id,
            deadline
        },
        "a right answer after the deadline changes nothing"
    );
    let res = suite.expire(id).unwrap();

    assert_eq!(
        suite.reported(&res),
        Some(("failed".into(), Decimal::zero()))
    );
    assert_eq!(suite.balance("oracle"), oracle);
    assert_eq!(
        suite.balance("reserve") - reserve,
        MIN_BOND,
        "150 BTT × 8 units is 1,200 BTT: capped by the 600 BTT bond"
    );
    let n = suite.node(node);
    assert_eq!(
        (n.bond, n.verified_capacity, n.open_jobs),
        (Uint128::zero(), Decimal::zero(), 0)
    );
    let d = suite.depin_node(node);
    assert_eq!((d.forfeited, d.capacity.blocked), (locked, Some(2)));
    let next = suite.challenge("oracle", node, 1, "42");
    assert_eq!(
        suite.accept_challenge("op1", next).unwrap_err(),
        ContractError::BondBelowMinimum {
            node_id: node,
            bond: Uint128::zero(),
            min: MIN_BOND
        },
        "an unbonded node cannot stake what it no longer has"
    );
}

#[test]
fn an_oracles_challenge_declined_is_refunded_and_suspends_the_node_until_its_next_pass() {
    let mut suite = Suite::new();
    suite.fund_mining();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    suite.advance(EPOCH_SECONDS);
    suite.attest(1, node);
    assert!(!suite.node_epoch(node, 1).score.is_zero(), "it scores");
    let oracle = suite.balance("oracle");
    let id = suite.challenge("oracle", node, 8, "42");
    let res = suite.decline("op1", id).unwrap();

    assert_eq!(suite.reported(&res), Some(("declined".into(), units(8))));
    assert_eq!(suite.job(id).status, JobStatus::Refunded);
    assert_eq!(suite.balance("oracle"), oracle, "refunded exactly");
    let n = suite.node(node);
    assert_eq!(
        (n.bond, n.verified_capacity, n.counted_capacity, n.open_jobs),
        (btt(1_200), units(8), units(8), 0),
        "the bond and the confirmed capacity are untouched"
    );
    let d = suite.depin_node(node);
    assert_eq!((d.capacity.blocked, d.capacity.target), (Some(1), units(8)));
    assert_eq!(
        suite.node_epoch(node, 1).score,
        cosmwasm_std::Decimal256::zero()
    );

    suite.advance(EPOCH_SECONDS);
    suite.attest(2, node);
    assert_eq!(
        suite.depin_epoch(1).capacity_paid,
        Uint128::zero(),
        "epoch 1 paid it no capacity reward"
    );
    assert_eq!(suite.pending(node).locked, Uint128::zero());
    assert!(
        suite.node_epoch(node, 2).score.is_zero(),
        "suspended until its next pass"
    );
    let next = suite.challenge("oracle", node, 8, "43");
    suite.accept_challenge("op1", next).unwrap();
    suite.answer("op1", next, "43").unwrap();
    assert!(
        !suite.node_epoch(node, 2).score.is_zero(),
        "its next pass scores it again"
    );
}

#[test]
fn an_oracles_challenge_left_to_lapse_is_refunded_and_blocks_the_epoch_like_a_decline() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    let oracle = suite.balance("oracle");
    let id = suite.challenge("oracle", node, 8, "42");
    let lapses_at = suite.job(id).offered_at.unwrap().plus_seconds(DAY);
    assert_eq!(
        suite.lapse(id).unwrap_err(),
        ContractError::OfferOpen {
            job_id: id,
            lapses_at
        }
    );
    suite.advance(DAY);
    assert_eq!(
        suite.accept_challenge("op1", id).unwrap_err(),
        ContractError::OfferLapsed {
            job_id: id,
            lapsed_at: lapses_at
        }
    );
    let res = suite.lapse(id).unwrap();

    assert_eq!(suite.reported(&res), Some(("declined".into(), units(8))));
    assert_eq!(suite.job(id).status, JobStatus::Refunded);
    assert_eq!(suite.balance("oracle"), oracle);
    assert_eq!(suite.node(node).bond, btt(1_200));
    assert_eq!(suite.depin_node(node).capacity.blocked, Some(0));
}

#[test]
fn a_bounty_declined_or_left_to_lapse_costs_the_node_nothing() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    let mallory = suite.balance("mallory");
    let id = suite.challenge("mallory", node, 8, "42");
    assert!(!suite.job(id).challenge.unwrap().by_oracle, "a bounty");
    let res = suite.decline("op1", id).unwrap();
    assert_eq!(suite.reported(&res), None, "nothing reported");
    let id = suite.challenge("mallory", node, 8, "42");
    suite.advance(DAY);
    let res = suite.lapse(id).unwrap();
    assert_eq!(suite.reported(&res), None);

    assert_eq!(suite.balance("mallory"), mallory, "refunded exactly, twice");
    let n = suite.node(node);
    assert_eq!(
        (n.bond, n.verified_capacity, n.counted_capacity),
        (btt(1_200), units(8), units(8))
    );
    let d = suite.depin_node(node);
    assert_eq!((d.capacity.blocked, d.capacity.target), (None, units(8)));
}

#[test]
fn a_bounty_passed_pays_the_node_but_confirms_no_capacity() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let before = suite.balance("op1");
    // Op1 posts a bounty to its own node with an answer it knows.
    let id = suite.challenge("op1", node, 8, "known to the poster");
    suite.accept_challenge("op1", id).unwrap();
    let res = suite.answer("op1", id, "known to the poster").unwrap();

    assert_eq!(suite.job(id).status, JobStatus::Paid);
    assert_eq!(suite.reported(&res), None, "nothing reported to depin");
    let n = suite.node(node);
    assert_eq!(
        (n.verified_capacity, n.counted_capacity),
        (Decimal::zero(), Decimal::zero()),
        "a bounty confirms nothing"
    );
    assert_eq!(
        before - suite.balance("op1"),
        Uint128::new(600_000),
        "the self-challenge cost the 30% protocol part"
    );
    let slot = suite.node_epoch(node, 0);
    assert_eq!((slot.units, slot.fees), (0, Uint128::zero()));
    assert_eq!(suite.depin_epoch(0).work_fees, Uint128::zero());
}

#[test]
fn capacity_counts_at_most_what_the_bond_covers_and_follows_it() {
    let mut suite = Suite::new();
    let node = suite.register("op1", MIN_BOND).unwrap();
    let res = suite.confirm("op1", node, 8);
    assert_eq!(
        suite.reported(&res),
        Some(("confirmed".into(), units(4))),
        "600 BTT covers 4 of the 8 units verified"
    );
    let n = suite.node(node);
    assert_eq!(
        (n.verified_capacity, n.counted_capacity),
        (units(8), units(4))
    );
    assert_eq!(suite.depin_node(node).capacity.target, units(4));

    let res = suite.top_up("op1", node, btt(300));
    assert_eq!(suite.reported(&res), Some(("changed".into(), units(6))));
    let res = suite.top_up("op1", node, btt(600));
    assert_eq!(
        suite.reported(&res),
        Some(("changed".into(), units(8))),
        "1,500 BTT covers more than the 8 units declared"
    );
    let res = suite.top_up("op1", node, btt(150));
    assert_eq!(
        suite.reported(&res),
        None,
        "nothing changed: nothing reported"
    );
    assert_eq!(suite.depin_node(node).capacity.target, units(8));

    // A missed 1,200 BTT job slashes 600 BTT: 1,050 BTT covers 7 units.
    let mut spec = suite.spec(Urgency::Standard);
    spec.data_gb = 119_800;
    let job = suite.post("clinic", spec).unwrap();
    assert_eq!(suite.job(job).price, btt(1_200));
    suite.assign_accepted("clinic", job, &[(node, 1_000)]);
    suite.advance(2 * DAY);
    let res = suite.expire(job).unwrap();
    assert_eq!(suite.node(node).bond, btt(1_050));
    assert_eq!(suite.reported(&res), Some(("changed".into(), units(7))));
    assert_eq!(suite.depin_node(node).capacity.target, units(7));

    let pause = |paused| ExecuteMsg::PauseNode {
        node_id: node,
        paused,
    };
    let res = suite.execute("op1", &pause(true)).unwrap();
    assert_eq!(
        suite.reported(&res),
        Some(("changed".into(), Decimal::zero()))
    );
    let res = suite.execute("op1", &pause(false)).unwrap();
    assert_eq!(suite.reported(&res), Some(("changed".into(), units(7))));
    let fewer_gpus = ExecuteMsg::UpdateNode {
        node_id: node,
        gpu_count: Some(4),
        region: None,
        energy_rating: None,
        endpoint: None,
    };
    let res = suite.execute("op1", &fewer_gpus).unwrap();
    assert_eq!(suite.reported(&res), Some(("changed".into(), units(4))));
    assert_eq!(suite.node(node).verified_capacity, units(4));
    let res = suite
        .execute("op1", &ExecuteMsg::RetireNode { node_id: node })
        .unwrap();
    assert_eq!(
        suite.reported(&res),
        Some(("changed".into(), Decimal::zero()))
    );
    assert_eq!(suite.depin_node(node).capacity.target, Decimal::zero());
    assert_eq!(suite.node(node).counted_capacity, Decimal::zero());
}

#[test]
fn a_high_end_gpu_counts_two_and_a_half_units() {
    let mut suite = Suite::new();
    let res = suite
        .send(
            "op2",
            btt(3_000),
            &ReceiveMsg::RegisterNode(Suite::node_spec("h100")),
        )
        .unwrap();
    let node: u64 = attr(&res, "node_id").parse().unwrap();
    let mut spec = suite.challenge_spec(node, 21, "42");
    spec.job.hardware_class = "h100".into();
    assert!(
        matches!(
            suite.post_challenge("oracle", spec.clone()).unwrap_err(),
            ContractError::InvalidChallenge { .. }
        ),
        "8 h100 GPUs declare 20 units"
    );
    spec.capacity = units(20);
    let id = suite.post_challenge("oracle", spec).unwrap();
    suite.accept_challenge("op2", id).unwrap();
    suite.answer("op2", id, "42").unwrap();
    let n = suite.node(node);
    assert_eq!(
        (n.verified_capacity, n.counted_capacity),
        (units(20), units(20)),
        "3,000 BTT covers 20 units at 150 BTT"
    );
}

#[test]
fn a_challenge_goes_to_an_active_node_of_its_class_within_its_declared_capacity() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let spec = suite.challenge_spec(99, 1, "42");
    assert_eq!(
        suite.post_challenge("oracle", spec).unwrap_err(),
        ContractError::NodeNotFound { node_id: 99 }
    );
    let mut spec = suite.challenge_spec(node, 1, "42");
    spec.job.hardware_class = "h100".into();
    assert_eq!(
        suite.post_challenge("oracle", spec).unwrap_err(),
        ContractError::WrongHardwareClass {
            node_id: node,
            class: "a100".into(),
            needed: "h100".into()
        }
    );
    for capacity in [Decimal::zero(), Decimal::percent(801)] {
        let mut spec = suite.challenge_spec(node, 1, "42");
        spec.capacity = capacity;
        assert!(
            matches!(
                suite.post_challenge("oracle", spec).unwrap_err(),
                ContractError::InvalidChallenge { .. }
            ),
            "capacity {capacity}: more than 0, at most the 8 units declared"
        );
    }
    suite
        .execute(
            "op1",
            &ExecuteMsg::PauseNode {
                node_id: node,
                paused: true,
            },
        )
        .unwrap();
    let spec = suite.challenge_spec(node, 1, "42");
    assert_eq!(
        suite.post_challenge("oracle", spec).unwrap_err(),
        ContractError::NodeNotActive { node_id: node }
    );
}

#[test]
fn a_challenge_commits_to_a_lowercase_hex_sha256() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let good = commitment_of("42");
    assert_eq!(good.len(), 64);
    for commitment in [
        good[..63].to_string(),
        format!("{good}0"),
        good.to_uppercase(),
        format!("g{}", &good[1..]),
        String::new(),
    ] {
        let mut spec = suite.challenge_spec(node, 1, "42");
        spec.commitment = commitment.clone();
        assert!(
            matches!(
                suite.post_challenge("oracle", spec).unwrap_err(),
                ContractError::InvalidChallenge { .. }
            ),
            "{commitment:?}"
        );
    }
    let spec = suite.challenge_spec(node, 1, "42");
    suite.post_challenge("oracle", spec).unwrap();
}

#[test]
fn a_challenge_is_paid_exactly_its_quote_while_the_circuit_is_closed() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    for paid in [PRICE - Uint128::one(), PRICE + Uint128::one()] {
        let spec = suite.challenge_spec(node, 1, "42");
        assert_eq!(
            suite
                .post_challenge_paying("oracle", spec, paid)
                .unwrap_err(),
            ContractError::Paid(PaidError::WrongAmount {
                expected: PRICE,
                got: paid
            })
        );
    }
    let spec = suite.challenge_spec(node, 1, "42");
    let native = suite
        .quote(&spec.job, Some("oracle"), Some(NATIVE))
        .unwrap()
        .price;
    assert_eq!(native, Uint128::new(1_000_000), "1 untrn = 2 ubtt");
    let post = ExecuteMsg::PostChallenge { spec };
    suite
        .app
        .sudo(cw_multi_test::SudoMsg::Bank(
            cw_multi_test::BankSudo::Mint {
                to_address: suite.addr("oracle").to_string(),
                amount: vec![coin(10_000_000, "uatom")],
            },
        ))
        .unwrap();
    assert_eq!(
        suite
            .execute_with_funds("oracle", &post, &coins(1_000_000, "uatom"))
            .unwrap_err(),
        ContractError::UnsupportedDenom {
            denom: "uatom".into()
        }
    );
    assert_eq!(
        suite.execute("oracle", &post).unwrap_err(),
        ContractError::Payment(PaymentError::NoFunds {})
    );
    assert!(matches!(
        suite
            .execute_with_funds("oracle", &post, &coins(999_999, NATIVE))
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount { .. })
    ));
    let res = suite
        .execute_with_funds("oracle", &post, &coins(1_000_000, NATIVE))
        .unwrap();
    assert_eq!(attr(&res, "by_oracle"), "true");

    suite
        .execute(
            "owner",
            &ExecuteMsg::Circuit(CircuitMsg::Pause {
                reason: "challenge bug".into(),
            }),
        )
        .unwrap();
    let spec = suite.challenge_spec(node, 1, "42");
    assert!(matches!(
        suite.post_challenge("oracle", spec).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
}

#[test]
fn a_challenge_is_offered_to_its_node_only_and_answered_by_its_operator() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let other = suite.register("op2", btt(1_200)).unwrap();
    let id = suite.challenge("oracle", node, 8, "42");
    assert_eq!(
        suite.assign("oracle", id, &[(other, 1_000)]).unwrap_err(),
        ContractError::InvalidChallenge {
            reason: "a challenge is offered to its node only".into()
        }
    );
    assert_eq!(
        suite.accept_offer("op2", id, other).unwrap_err(),
        ContractError::NotOffered {
            job_id: id,
            node_id: other
        }
    );
    assert_eq!(
        suite.accept_challenge("op2", id).unwrap_err(),
        ContractError::NotOperator { node_id: node }
    );
    assert_eq!(
        suite.decline("op2", id).unwrap_err(),
        ContractError::NotOperator { node_id: node }
    );
    suite.accept_challenge("op1", id).unwrap();
    assert_eq!(
        suite.answer("op2", id, "42").unwrap_err(),
        ContractError::NotAssignedOperator
    );
    assert!(matches!(
        suite.answer("op1", id, &"x".repeat(257)).unwrap_err(),
        ContractError::TooLong { .. }
    ));
    assert_eq!(suite.job(id).status, JobStatus::Assigned, "still running");
    suite.answer("op1", id, "42").unwrap();
    assert_eq!(suite.node(node).verified_capacity, units(8));
}

#[test]
fn confirming_the_same_capacity_every_epoch_does_not_slow_its_warm_up() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    for _ in 0..4 {
        suite.confirm("op1", node, 8);
        suite.advance(EPOCH_SECONDS);
    }
    suite.confirm("op1", node, 8);
    assert_eq!(
        suite.depin_node(node).effective_capacity,
        units(8),
        "25/50/75/100%: in full 4 epochs after the first confirmation, oracles challenging every epoch"
    );
}

#[test]
fn the_bond_per_capacity_unit_and_the_class_weights_are_bounded() {
    let mut suite = Suite::new();
    let update = |u: ConfigUpdate| ExecuteMsg::UpdateConfig(Box::new(u));
    let bond = |v| ConfigUpdate {
        bond_per_capacity_unit: Some(v),
        ..ConfigUpdate::default()
    };
    assert!(matches!(
        suite
            .execute("owner", &update(bond(Uint128::zero())))
            .unwrap_err(),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        suite.execute("mallory", &update(bond(btt(1)))).unwrap_err(),
        ContractError::Ownership(_)
    ));
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.escrow, &QueryMsg::Config {})
        .unwrap();
    let weighted = |weight| {
        let mut classes = config.hardware_classes.clone();
        classes[1].capacity_weight = weight;
        ConfigUpdate {
            hardware_classes: Some(classes),
            ..ConfigUpdate::default()
        }
    };
    for weight in [Decimal::zero(), Decimal::percent(10_001)] {
        assert!(
            matches!(
                suite
                    .execute("owner", &update(weighted(weight)))
                    .unwrap_err(),
                ContractError::InvalidConfig { .. }
            ),
            "weight {weight}: above 0, at most 100"
        );
    }
    suite
        .execute("owner", &update(weighted(Decimal::percent(10_000))))
        .unwrap();
    suite.execute("owner", &update(bond(btt(300)))).unwrap();
    let config: ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.escrow, &QueryMsg::Config {})
        .unwrap();
    assert_eq!(
        (
            config.bond_per_capacity_unit,
            config.hardware_classes[1].capacity_weight
        ),
        (btt(300), units(100))
    );
}

#[test]
fn a_challenge_paid_in_a_native_denom_is_refunded_in_it_and_the_slash_is_in_btt() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let spec = suite.challenge_spec(node, 2, "42");
    let price = suite
        .quote(&spec.job, Some("oracle"), Some(NATIVE))
        .unwrap()
        .price;
    let (untrn, reserve) = (suite.native("oracle"), suite.balance("reserve"));
    let res = suite
        .execute_with_funds(
            "oracle",
            &ExecuteMsg::PostChallenge { spec },
            &coins(price.u128(), NATIVE),
        )
        .unwrap();
    let id: u64 = attr(&res, "job_id").parse().unwrap();
    assert_eq!(
        suite.totals().escrow_btt,
        Uint128::zero(),
        "no BTT escrowed"
    );
    suite.accept_challenge("op1", id).unwrap();
    suite.answer("op1", id, "24").unwrap();
    assert_eq!(suite.native("oracle"), untrn, "refunded exactly, in untrn");
    assert_eq!(suite.balance("reserve") - reserve, btt(300), "150 BTT × 2");
    assert_eq!(suite.node(node).bond, btt(900));
    assert_eq!(suite.escrow_btt(), btt(900));
}

#[test]
fn a_paused_circuit_lets_challenges_already_paid_for_settle() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let (declined, passed) = (
        suite.challenge("oracle", node, 8, "42"),
        suite.challenge("oracle", node, 8, "42"),
    );
    let expired = suite.challenge("oracle", node, 1, "42");
    suite
        .execute(
            "owner",
            &ExecuteMsg::Circuit(CircuitMsg::Pause {
                reason: "challenge bug".into(),
            }),
        )
        .unwrap();
    let oracle = suite.balance("oracle");
    suite.decline("op1", declined).unwrap();
    assert_eq!(
        suite.balance("oracle") - oracle,
        PRICE,
        "a refund is an exit"
    );
    suite.accept_challenge("op1", passed).unwrap();
    suite.answer("op1", passed, "42").unwrap();
    assert_eq!(suite.node(node).verified_capacity, units(8));
    suite.accept_challenge("op1", expired).unwrap();
    suite.advance(2 * DAY);
    suite.expire(expired).unwrap();
    assert_eq!(suite.node(node).bond, btt(1_050), "the slash goes through");
}

#[test]
fn anyone_recounts_a_nodes_capacity_after_the_dao_raises_the_bond_per_unit() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    assert_eq!(suite.node(node).counted_capacity, units(8));
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(Box::new(btt_types::compute::ConfigUpdate {
                bond_per_capacity_unit: Some(btt(300)),
                ..Default::default()
            })),
        )
        .unwrap();
    let recount = ExecuteMsg::RecountCapacity { node_id: node };
    assert!(matches!(
        suite
            .execute_with_funds("oracle", &recount, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(_)
    ));
    assert_eq!(
        suite
            .execute("anyone", &ExecuteMsg::RecountCapacity { node_id: 99 })
            .unwrap_err(),
        ContractError::NodeNotFound { node_id: 99 }
    );
    let res = suite.execute("anyone", &recount).unwrap();
    assert_eq!(attr(&res, "reported"), "true");
    assert_eq!(suite.node(node).counted_capacity, units(4));
    assert_eq!(suite.depin_node(node).capacity.target, units(4));
    // Nothing changed since: nothing to report.
    let again = suite.execute("anyone", &recount).unwrap();
    assert_eq!(attr(&again, "reported"), "false");
}
