//! The attacks the marketplace rules invite, each run to show the attacker gains nothing.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::compute::{ExecuteMsg, JobStatus, ReceiveMsg, Resolution, Urgency};
use btt_types::depin::{self, EPOCH_SECONDS};
use btt_types::units::btt;
use cosmwasm_std::{Decimal, Uint128};
use cw_multi_test::Executor;

use super::suite::{attr, units, Suite, DAY, MIN_BOND};
use crate::ContractError;

#[test]
fn a_clinic_cannot_take_a_bond_by_assigning_a_node_and_expiring_the_job() {
    let mut suite = Suite::new();
    let victim = suite.register("op1", btt(10_000)).unwrap();
    let mallory = suite.balance("mallory");
    for _ in 0..5 {
        let mut spec = suite.spec(Urgency::Standard);
        spec.run_seconds = 3_660;
        let id = suite.post("mallory", spec).unwrap();
        suite.assign("mallory", id, &[(victim, 1_000)]).unwrap();
        suite.advance(3_661);
        assert!(matches!(
            suite
                .execute("mallory", &ExecuteMsg::Expire { job_id: id })
                .unwrap_err(),
            ContractError::WrongJobStatus {
                actual: JobStatus::Offered,
                ..
            }
        ));
        suite
            .execute("mallory", &ExecuteMsg::CancelJob { job_id: id })
            .unwrap();
    }
    println!(
        "five assign-and-expire loops: victim bond {} ubtt",
        suite.node(victim).bond
    );
    assert_eq!(suite.node(victim).bond, btt(10_000), "the bond is whole");
    assert_eq!(
        suite.balance("mallory"),
        mallory,
        "the attacker gained nothing"
    );
}

#[test]
fn an_offer_with_a_far_off_deadline_does_not_lock_a_bond() {
    let mut suite = Suite::new();
    let victim = suite.register("op1", MIN_BOND).unwrap();
    let mut spec = suite.spec(Urgency::Standard);
    spec.run_seconds = 30 * 86_400;
    let id = suite.post("mallory", spec).unwrap();
    suite.assign("mallory", id, &[(victim, 1_000)]).unwrap();
    assert_eq!(suite.node(victim).open_jobs, 0, "an offer binds nothing");
    suite
        .execute("op1", &ExecuteMsg::RetireNode { node_id: victim })
        .unwrap();
    suite.advance(7 * 86_400);
    suite
        .execute("op1", &ExecuteMsg::WithdrawBond { node_id: victim })
        .unwrap();
    assert_eq!(suite.node(victim).bond, Uint128::zero());
}

#[test]
fn an_operator_declines_an_offer_and_the_job_is_posted_again() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let n2 = suite.register("op2", MIN_BOND).unwrap();
    let id = suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    suite.assign("clinic", id, &[(n1, 500), (n2, 500)]).unwrap();
    suite.accept_offer("op1", id, n1).unwrap();
    assert_eq!(suite.node(n1).open_jobs, 1);
    assert_eq!(
        suite.accept_offer("op1", id, n1).unwrap_err(),
        ContractError::AlreadyAccepted {
            job_id: id,
            node_id: n1
        }
    );
    assert_eq!(
        suite
            .execute(
                "op1",
                &ExecuteMsg::DeclineAssignment {
                    job_id: id,
                    node_id: n2
                }
            )
            .unwrap_err(),
        ContractError::NotOperator { node_id: n2 }
    );
    suite
        .execute(
            "op2",
            &ExecuteMsg::DeclineAssignment {
                job_id: id,
                node_id: n2,
            },
        )
        .unwrap();
    let job = suite.job(id);
    assert_eq!(job.status, JobStatus::Posted);
    assert!(job.assignments.is_empty() && job.accepted.is_empty());
    assert_eq!(suite.node(n1).open_jobs, 0, "the accepted node is released");
    assert_eq!(
        suite.accept_offer("op1", id, n1).unwrap_err(),
        ContractError::WrongJobStatus {
            job_id: id,
            expected: "offered",
            actual: JobStatus::Posted
        }
    );
}

#[test]
fn a_node_below_the_minimum_bond_takes_no_job_until_it_tops_up() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let n2 = suite.register("op2", MIN_BOND).unwrap();
    let mut short = suite.spec(Urgency::Urgent);
    short.run_seconds = 2 * 3_600;
    let id = suite.post("clinic", short).unwrap();
    let waiting = suite.post("clinic2", suite.spec(Urgency::Urgent)).unwrap();
    suite.assign("clinic2", waiting, &[(n1, 1_000)]).unwrap();
    assert_eq!(
        suite.accept_offer("op2", waiting, n2).unwrap_err(),
        ContractError::NotOffered {
            job_id: waiting,
            node_id: n2
        }
    );
    suite.assign_accepted("clinic", id, &[(n1, 1_000)]);
    suite.advance(3 * 3_600);
    suite
        .execute("anyone", &ExecuteMsg::Expire { job_id: id })
        .unwrap();
    let bond = MIN_BOND - Uint128::new(2_250_000);
    assert_eq!(suite.node(n1).bond, bond, "half the 4.5 BTT job slashed");
    assert_eq!(
        suite.accept_offer("op1", waiting, n1).unwrap_err(),
        ContractError::BondBelowMinimum {
            node_id: n1,
            bond,
            min: MIN_BOND
        },
        "an offer made while fully bonded cannot be taken once the bond fell"
    );
    let id = suite.post("clinic", suite.spec(Urgency::Urgent)).unwrap();
    assert_eq!(
        suite.assign("clinic", id, &[(n1, 1_000)]).unwrap_err(),
        ContractError::BondBelowMinimum {
            node_id: n1,
            bond,
            min: MIN_BOND
        }
    );
    suite
        .send(
            "op1",
            btt(100),
            &btt_types::compute::ReceiveMsg::TopUpBond { node_id: n1 },
        )
        .unwrap();
    suite.assign_accepted("clinic", id, &[(n1, 1_000)]);
}

/// `clinic` posts a job of `units` to `node` run by `operator`, which completes; returns the
/// price.
fn completed_job(
    suite: &mut Suite,
    clinic: &str,
    operator: &str,
    node: u64,
    units: u64,
    data_gb: u64,
) -> Uint128 {
    let mut spec = suite.spec(Urgency::Standard);
    spec.compute_units = units;
    spec.data_gb = data_gb;
    spec.run_seconds = 30 * 86_400;
    let id = suite.post(clinic, spec).unwrap();
    suite.assign_accepted(clinic, id, &[(node, units)]);
    suite.submit(operator, id).unwrap();
    suite.accept(clinic, id).unwrap();
    suite.job(id).price
}

fn close_and_claim(suite: &mut Suite, operator: &str, node_id: u64) -> Uint128 {
    suite.close_epochs();
    suite.claim_mining(operator, node_id).unwrap()
}

#[test]
fn self_paid_jobs_never_mine_more_than_their_fees() {
    let mut suite = Suite::new();
    suite.fund_mining();
    // op1 runs a node and pays jobs to it from two addresses it controls (op1 and mallory).
    let own = suite.register("op1", MIN_BOND).unwrap();
    let honest = suite.register("op2", MIN_BOND).unwrap();
    let wealth = |s: &Suite| s.balance("op1") + s.balance("mallory");
    let start = wealth(&suite);
    let mut prices = Uint128::zero();
    for (i, payer) in ["mallory", "op1", "mallory", "op1"].iter().enumerate() {
        prices += completed_job(&mut suite, payer, "op1", own, 200_000 + i as u64, 0);
    }
    let honest_price = completed_job(&mut suite, "clinic", "op2", honest, 1_000, 0);
    suite.attest(0, own);
    suite.attest(0, honest);
    suite.advance(EPOCH_SECONDS);
    let mined = close_and_claim(&mut suite, "op1", own);
    let protocol_fees = prices - prices.multiply_ratio(7u128, 10u128);
    println!(
        "self-dealing: jobs {prices} ubtt, protocol fees {protocol_fees}, mined {mined}, wealth {} -> {}",
        start,
        wealth(&suite)
    );
    assert!(mined > Uint128::zero(), "it mines");
    assert!(
        mined <= protocol_fees.multiply_ratio(1u128, 2u128),
        "at most half the fees its jobs paid"
    );
    assert!(
        wealth(&suite) < start,
        "self-dealing ends poorer: {} vs {}",
        wealth(&suite),
        start
    );
    let honest_mined = suite.claim_mining("op2", honest).unwrap();
    assert!(
        honest_mined
            <= (honest_price - honest_price.multiply_ratio(7u128, 10u128))
                .multiply_ratio(1u128, 2u128)
    );
    let state = suite.depin_state();
    assert_eq!(
        state.scheduled,
        state.paid + state.owed + state.carry,
        "what the cap holds back is carried, never lost"
    );
}

/// What each of epochs `0..=last` releases from the carry when none before `last` pays
/// anything: every unused budget is released in `epochs` equal parts from the next close, the
/// remainder of the division with the first part.
fn linear_releases(last: u32, epochs: u32) -> Vec<Uint128> {
    let mut carried: Vec<(u32, Uint128)> = vec![];
    let mut releases = vec![];
    for e in 0..=last {
        let released: Uint128 = carried
            .iter()
            .filter(|(from, _)| *from <= e && e < from + epochs)
            .map(|(from, amount)| {
                let part = *amount / Uint128::from(epochs);
                if *from == e {
                    *amount - part * Uint128::from(epochs - 1)
                } else {
                    part
                }
            })
            .sum();
        releases.push(released);
        carried.push((e + 1, depin::epoch_emission(e) + released));
    }
    releases
}

#[test]
fn the_first_node_after_empty_epochs_does_not_take_the_carry_as_a_lump() {
    let mut suite = Suite::new();
    suite.fund_mining();
    let node = suite.register("op1", MIN_BOND).unwrap();
    suite.advance(10 * EPOCH_SECONDS);
    let epoch = 10;
    // A job whose fees (50% of 30% of 300,002 BTT = 45,000 BTT) are large enough that the fee
    // cap `β` does not bind: the work pool cap `ω` does.
    completed_job(&mut suite, "clinic", "op1", node, 1_000, 30_000_000);
    suite.attest(epoch, node);
    suite.advance(EPOCH_SECONDS);
    suite.close_epochs();
    let e = suite.depin_epoch(epoch);
    let rules = depin::PayoutRules::suggested();
    let released = linear_releases(epoch, rules.carry_release_epochs)[epoch as usize];
    let carried = depin::cumulative_emission(epoch - 1);
    assert_eq!(e.released, released, "a 26th of each epoch's carry");
    assert!(
        released < carried.multiply_ratio(1u128, 20u128),
        "{released} of the {carried} ubtt carried is no lump"
    );
    let budget = depin::epoch_emission(epoch) + released;
    assert_eq!(e.reward, Some(budget));
    let mined = suite.claim_mining("op1", node).unwrap();
    println!(
        "after 10 empty epochs the first scorer gets {mined} ubtt (budget {budget} = emission {} + release {released}; {carried} carried)",
        depin::epoch_emission(epoch)
    );
    let cap = rules.work_pool_cap.of(budget);
    assert_eq!(mined, e.work_paid, "its work reward, no capacity reward");
    assert!(
        mined <= cap && cap - mined <= Uint128::one(),
        "the work pool pays at most ω of the budget: {mined} vs {cap}"
    );
    assert_eq!(
        e.capacity_paid,
        Uint128::zero(),
        "no verified capacity, no capacity reward"
    );
    let state = suite.depin_state();
    assert_eq!(
        state.carry,
        carried - released + (budget - e.work_paid),
        "the rest of the ten empty epochs waits, with what epoch 10 left"
    );
    assert_eq!(
        state.scheduled,
        state.paid + state.owed + state.carry,
        "scheduled = paid + owed + carried"
    );
}

// --- Failed jobs pay nobody on them (issue 28, items 1-3) ---------------------------------------

/// A 3,000 BTT job (1,000 a100 units and 299,800 GB) of "mallory" offered half to the victim
/// (op1) and half to mallory's own second address (op3), each bonded 10,000 BTT.
fn sybil_job(suite: &mut Suite) -> (u64, u64, u64) {
    let victim = suite.register("op1", btt(10_000)).unwrap();
    let sybil = suite.register("op3", btt(10_000)).unwrap();
    let mut spec = suite.spec(Urgency::Standard);
    spec.data_gb = 299_800;
    let id = suite.post("mallory", spec).unwrap();
    assert_eq!(suite.job(id).price, btt(3_000));
    suite
        .assign("mallory", id, &[(victim, 500), (sybil, 500)])
        .unwrap();
    (id, victim, sybil)
}

/// [`sybil_job`] accepted by both nodes, submitted by the victim and disputed by mallory; with
/// mallory's wealth before it posted.
fn sybil_job_disputed(suite: &mut Suite) -> (u64, u64, u64, Uint128) {
    let (id, victim, sybil) = sybil_job(suite);
    let before = mallory_wealth(suite, sybil) + btt(3_000);
    suite.accept_offer("op1", id, victim).unwrap();
    suite.accept_offer("op3", id, sybil).unwrap();
    suite.submit("op1", id).unwrap();
    suite.dispute("mallory", id).unwrap();
    (id, victim, sybil, before)
}

/// What one owner holds across the clinic address and its node: both wallets and the bond.
fn mallory_wealth(suite: &Suite, sybil: u64) -> Uint128 {
    suite.balance("mallory") + suite.balance("op3") + suite.node(sybil).bond
}

#[test]
fn a_clinic_with_a_sybil_co_node_gains_nothing_when_its_job_expires() {
    let mut suite = Suite::new();
    let (id, victim, sybil) = sybil_job(&mut suite);
    let before = mallory_wealth(&suite, sybil) + btt(3_000);
    let (clinic, reserve) = (suite.balance("mallory"), suite.balance("reserve"));
    suite.accept_offer("op1", id, victim).unwrap();
    suite.accept_offer("op3", id, sybil).unwrap();
    suite.advance(2 * DAY);
    let res = suite
        .execute("anyone", &ExecuteMsg::Expire { job_id: id })
        .unwrap();
    assert_eq!(super::suite::attr(&res, "escrow"), btt(3_000).to_string());
    assert_eq!(
        suite.balance("mallory") - clinic,
        btt(3_000),
        "the clinic gets back exactly what it escrowed, no slash"
    );
    let slash = btt(750);
    assert_eq!(
        suite.balance("reserve") - reserve,
        slash + slash,
        "both slashes, half of each node's 1,500 BTT part, go to the reserve"
    );
    let after = mallory_wealth(&suite, sybil);
    println!(
        "sybil co-node: mallory {} -> {} ubtt (was +1,000 BTT before the fix)",
        before, after
    );
    assert_eq!(
        after,
        before - slash,
        "the owner of clinic and node is poorer"
    );
    assert_eq!(suite.node(victim).bond, btt(10_000) - slash);
}

#[test]
fn a_victim_that_delivers_loses_nothing_to_a_withholding_sybil() {
    let mut suite = Suite::new();
    let (id, victim, sybil) = sybil_job(&mut suite);
    let before = mallory_wealth(&suite, sybil) + btt(3_000);
    suite.accept_offer("op1", id, victim).unwrap();
    suite.accept_offer("op3", id, sybil).unwrap();
    let op1 = suite.balance("op1");
    suite.submit("op1", id).unwrap();
    suite.dispute("mallory", id).unwrap();
    suite
        .resolve("arbiter", id, Resolution::Pay, vec![sybil])
        .unwrap();
    assert_eq!(suite.node(victim).bond, btt(10_000), "nothing slashed");
    assert_eq!(suite.balance("op1") - op1, btt(1_050), "35% of 3,000 BTT");
    assert!(mallory_wealth(&suite, sybil) < before - btt(1_000));
}

#[test]
fn accepting_last_cannot_hold_a_victim_past_the_offer_window() {
    let mut suite = Suite::new();
    let (id, victim, sybil) = sybil_job(&mut suite);
    let before = mallory_wealth(&suite, sybil) + btt(3_000);
    suite.accept_offer("op1", id, victim).unwrap();
    assert_eq!(suite.node(victim).open_jobs, 1);
    assert_eq!(
        suite
            .execute("anyone", &ExecuteMsg::LapseOffer { job_id: id })
            .unwrap_err(),
        ContractError::OfferOpen {
            job_id: id,
            lapses_at: suite.job(id).offered_at.unwrap().plus_seconds(DAY),
        }
    );
    suite.advance(20 * DAY);
    assert!(matches!(
        suite.accept_offer("op3", id, sybil).unwrap_err(),
        ContractError::OfferLapsed { job_id, .. } if job_id == id
    ));
    let res = suite
        .execute("op1", &ExecuteMsg::LapseOffer { job_id: id })
        .unwrap();
    assert_eq!(super::suite::attr(&res, "released_nodes"), "1");
    let job = suite.job(id);
    assert_eq!(
        (job.status, job.accepted.len(), job.offered_at),
        (JobStatus::Posted, 0, None)
    );
    assert_eq!(
        (suite.node(victim).open_jobs, suite.node(victim).bond),
        (0, btt(10_000)),
        "the victim is free, its bond whole"
    );
    suite
        .execute("op1", &ExecuteMsg::RetireNode { node_id: victim })
        .unwrap();
    suite
        .execute("mallory", &ExecuteMsg::CancelJob { job_id: id })
        .unwrap();
    assert_eq!(
        mallory_wealth(&suite, sybil),
        before,
        "and mallory gained nothing"
    );
}

#[test]
fn a_refund_with_both_nodes_at_fault_pays_the_clinic_its_escrow_only() {
    let mut suite = Suite::new();
    let (id, victim, sybil, before) = sybil_job_disputed(&mut suite);
    let (clinic, reserve) = (suite.balance("mallory"), suite.balance("reserve"));
    suite
        .resolve("arbiter", id, Resolution::Refund, vec![victim, sybil])
        .unwrap();
    assert_eq!(suite.balance("mallory") - clinic, btt(3_000));
    assert_eq!(suite.balance("reserve") - reserve, btt(1_500));
    assert_eq!(mallory_wealth(&suite, sybil), before - btt(750));
}

#[test]
fn a_split_with_both_nodes_at_fault_leaves_the_clinic_and_its_node_poorer() {
    let mut suite = Suite::new();
    let (id, victim, sybil, before) = sybil_job_disputed(&mut suite);
    suite
        .resolve(
            "arbiter",
            id,
            Resolution::Split {
                clinic_share: Bps(5_000),
            },
            vec![victim, sybil],
        )
        .unwrap();
    let after = mallory_wealth(&suite, sybil);
    println!("50% split, both at fault: mallory {before} -> {after} ubtt (was +25 BTT)");
    assert!(
        after < before,
        "half the escrow back plus its node's pay is less"
    );
}

#[test]
fn a_slash_is_half_the_nodes_part_of_the_price_capped_by_its_bond() {
    let mut suite = Suite::new();
    let small = suite.register("op1", MIN_BOND).unwrap();
    let big = suite.register("op2", MIN_BOND).unwrap();
    let mut spec = suite.spec(Urgency::Standard);
    spec.data_gb = 999_800; // 10,000 BTT
    let id = suite.post("clinic", spec).unwrap();
    suite.assign_accepted("clinic", id, &[(small, 100), (big, 900)]);
    suite.advance(3 * DAY);
    suite
        .execute("anyone", &ExecuteMsg::Expire { job_id: id })
        .unwrap();
    assert_eq!(
        suite.node(small).slashed,
        btt(500),
        "half of 10% of the price"
    );
    assert_eq!(
        suite.node(big).slashed,
        MIN_BOND,
        "half of 90% is 4,500 BTT: capped by the 600 BTT bond"
    );
}

#[test]
fn lapse_offer_refuses_funds_and_jobs_that_are_not_offered() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    assert!(matches!(
        suite
            .execute("anyone", &ExecuteMsg::LapseOffer { job_id: id })
            .unwrap_err(),
        ContractError::WrongJobStatus {
            actual: JobStatus::Posted,
            ..
        }
    ));
    suite.assign("clinic", id, &[(n1, 1_000)]).unwrap();
    suite.advance(DAY);
    let err = suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::LapseOffer { job_id: id },
            &cosmwasm_std::coins(1, super::suite::NATIVE),
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
    assert_eq!(
        suite
            .execute("anyone", &ExecuteMsg::LapseOffer { job_id: 99 })
            .unwrap_err(),
        ContractError::JobNotFound { job_id: 99 }
    );
    suite
        .execute("anyone", &ExecuteMsg::LapseOffer { job_id: id })
        .unwrap();
    suite.assign("clinic", id, &[(n1, 1_000)]).unwrap();
    suite.accept_offer("op1", id, n1).unwrap();
    assert_eq!(
        suite.job(id).status,
        JobStatus::Assigned,
        "a new offer opens a new window"
    );
}

#[test]
fn the_offer_window_is_validated_and_changed_by_the_owner_only() {
    let mut suite = Suite::new();
    let update = |secs| {
        ExecuteMsg::UpdateConfig(Box::new(btt_types::compute::ConfigUpdate {
            offer_seconds: Some(secs),
            ..Default::default()
        }))
    };
    assert!(matches!(
        suite.execute("owner", &update(59)).unwrap_err(),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        suite.execute("owner", &update(31 * DAY)).unwrap_err(),
        ContractError::InvalidConfig { .. }
    ));
    assert!(matches!(
        suite.execute("mallory", &update(3_600)).unwrap_err(),
        ContractError::Ownership(_)
    ));
    suite.execute("owner", &update(3_600)).unwrap();
    let config: btt_types::compute::ConfigResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.escrow, &btt_types::compute::QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.offer_seconds, 3_600);
}

// --- Capacity and challenges (issue 29) ---------------------------------------------------------

/// 2 BTT: the price of a challenge's work.
const PRICE: Uint128 = Uint128::new(2_000_000);

/// Mallory's node, run from its second address op3: 10 a100 GPUs it does not have, bonded
/// 1,500 BTT (150 BTT for each of the 10 units it declares).
fn fake_capacity_node(suite: &mut Suite) -> u64 {
    let mut spec = Suite::node_spec("a100");
    spec.gpu_count = 10;
    let res = suite
        .send("op3", btt(1_500), &ReceiveMsg::RegisterNode(spec))
        .unwrap();
    attr(&res, "node_id").parse().unwrap()
}

/// What mallory holds across her addresses and her node's bond.
fn fake_owner_wealth(suite: &Suite, node: u64) -> Uint128 {
    suite.balance("mallory") + suite.balance("op3") + suite.node(node).bond
}

#[test]
fn fake_capacity_declining_every_oracle_challenge_earns_no_capacity_reward() {
    let mut suite = Suite::new();
    suite.fund_mining();
    let honest = suite.register("op2", btt(1_200)).unwrap();
    let fake = fake_capacity_node(&mut suite);
    let before = fake_owner_wealth(&suite, fake);
    let oracle = suite.balance("oracle");
    for epoch in 0..4 {
        suite.confirm("op2", honest, 8);
        let id = suite.challenge("oracle", fake, 10, "needs 10 GPUs");
        suite.decline("op3", id).unwrap();
        suite.attest(epoch, honest);
        suite.attest(epoch, fake);
        assert_eq!(suite.depin_node(fake).capacity.blocked, Some(epoch));
        suite.advance(EPOCH_SECONDS);
    }
    suite.advance(3 * EPOCH_SECONDS);
    suite.close_epochs();
    let honest_mined = suite.claim_mining("op2", honest).unwrap();
    let pending = suite.pending(fake);
    println!(
        "fake capacity, declining 4 oracle challenges: mined {} + {} locked; the honest node {honest_mined}",
        pending.amount, pending.locked
    );
    assert!(honest_mined > Uint128::zero(), "verified capacity mines");
    assert_eq!(
        (pending.amount, pending.locked),
        (Uint128::zero(), Uint128::zero()),
        "the fake node earned nothing"
    );
    assert_eq!(
        suite.claim_mining("op3", fake).unwrap_err(),
        depin_rewards::ContractError::NothingToClaim { node_id: fake }
    );
    assert_eq!(suite.depin_node(fake).capacity.target, Decimal::zero());
    assert_eq!(
        fake_owner_wealth(&suite, fake),
        before,
        "no richer: its bond is whole, but it earned nothing"
    );
    assert_eq!(
        oracle - suite.balance("oracle"),
        PRICE * Uint128::new(4),
        "the oracle paid for the honest passes only: every declined challenge came back"
    );
}

#[test]
fn fake_capacity_accepting_and_failing_loses_1500_btt_of_bond_to_the_reserve() {
    let mut suite = Suite::new();
    let fake = fake_capacity_node(&mut suite);
    let before = fake_owner_wealth(&suite, fake);
    let (oracle, reserve) = (suite.balance("oracle"), suite.balance("reserve"));
    let id = suite.challenge("oracle", fake, 10, "needs 10 GPUs");
    suite.accept_challenge("op3", id).unwrap();
    suite.answer("op3", id, "a guess").unwrap();
    let after = fake_owner_wealth(&suite, fake);
    println!("fake capacity, accepting and failing: mallory {before} -> {after} ubtt");
    assert_eq!(before - after, btt(1_500), "150 BTT × 10 units");
    assert_eq!(suite.balance("reserve") - reserve, btt(1_500));
    assert_eq!(suite.balance("oracle"), oracle, "the poster lost nothing");
    let node = suite.node(fake);
    assert_eq!(
        (node.bond, node.verified_capacity),
        (Uint128::zero(), Decimal::zero())
    );
}

#[test]
fn challenge_griefing_a_node_can_always_decline_and_keeps_its_bond() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    let (mallory, op1) = (suite.balance("mallory"), suite.balance("op1"));
    // Bounties whose commitments no work can meet: the node declines each, or lets it lapse.
    for i in 0..5 {
        let id = suite.challenge("mallory", node, 8, &format!("no work yields this {i}"));
        suite.decline("op1", id).unwrap();
    }
    let id = suite.challenge("mallory", node, 8, "no work yields this");
    suite.advance(DAY);
    suite.lapse(id).unwrap();
    // An oracle's challenge declined costs the epoch's capacity reward, never the bond.
    let id = suite.challenge("oracle", node, 8, "42");
    suite.decline("op1", id).unwrap();
    let n = suite.node(node);
    assert_eq!(
        (n.bond, n.verified_capacity, n.open_jobs),
        (btt(1_200), units(8), 0)
    );
    assert_eq!(
        suite.balance("mallory"),
        mallory,
        "the griefer is no richer"
    );

    // An offered challenge binds nothing: the node retires and takes its whole bond back.
    let id = suite.challenge("mallory", node, 8, "no work yields this");
    suite
        .execute("op1", &ExecuteMsg::RetireNode { node_id: node })
        .unwrap();
    suite.advance(7 * DAY);
    suite
        .execute("op1", &ExecuteMsg::WithdrawBond { node_id: node })
        .unwrap();
    assert_eq!(
        suite.balance("op1") - op1,
        btt(1_200),
        "the victim lost nothing"
    );
    suite
        .execute("mallory", &ExecuteMsg::CancelJob { job_id: id })
        .unwrap();
    assert_eq!(suite.balance("mallory"), mallory);
}

#[test]
fn challenge_fees_never_count_as_work_so_self_paid_challenges_mine_nothing() {
    let mut suite = Suite::new();
    suite.fund_mining();
    let node = fake_capacity_node(&mut suite);
    let before = fake_owner_wealth(&suite, node);
    for i in 0..5 {
        let answer = format!("known to mallory {i}");
        let id = suite.challenge("mallory", node, 10, &answer);
        suite.accept_challenge("op3", id).unwrap();
        suite.answer("op3", id, &answer).unwrap();
    }
    let slot = suite.node_epoch(node, 0);
    assert_eq!((slot.units, slot.fees), (0, Uint128::zero()));
    suite.advance(4 * EPOCH_SECONDS);
    suite.close_epochs();
    let epoch = suite.depin_epoch(0);
    assert_eq!(
        (epoch.work_fees, epoch.work_paid, epoch.capacity_paid),
        (Uint128::zero(), Uint128::zero(), Uint128::zero())
    );
    assert_eq!(
        suite.claim_mining("op3", node).unwrap_err(),
        depin_rewards::ContractError::NodeNotFound { node_id: node },
        "depin-rewards never heard of it: no work recorded, no capacity reported"
    );
    let after = fake_owner_wealth(&suite, node);
    println!("five self-paid challenges: mallory {before} -> {after} ubtt");
    assert_eq!(
        before - after,
        PRICE.multiply_ratio(3u128, 10u128) * Uint128::new(5),
        "it lost the 30% protocol part of each and mined nothing"
    );
    assert_eq!(suite.node(node).verified_capacity, Decimal::zero());
}

/// The DAO replaces the oracle with "oracle2" (say, because it leaked answers to nodes).
fn remove_the_oracle(suite: &mut Suite) {
    let owner = suite.addr("owner");
    let depin = suite.depin.clone();
    let oracle2 = suite.addr("oracle2").to_string();
    suite
        .app
        .execute_contract(
            owner,
            depin,
            &depin::ExecuteMsg::UpdateConfig(depin::ConfigUpdate {
                oracles: Some(vec![oracle2]),
                ..depin::ConfigUpdate::default()
            }),
            &[],
        )
        .unwrap();
}

#[test]
fn stale_inputs_a_challenge_of_an_oracle_removed_before_it_is_passed_confirms_nothing() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    let id = suite.challenge("oracle", node, 8, "leaked to the node");
    assert!(suite.job(id).challenge.unwrap().by_oracle);
    remove_the_oracle(&mut suite);
    suite.accept_challenge("op1", id).unwrap();
    let res = suite.answer("op1", id, "leaked to the node").unwrap();
    assert_eq!(suite.job(id).status, JobStatus::Paid, "the work is paid");
    assert_eq!(
        suite.node(node).verified_capacity,
        Decimal::zero(),
        "a removed oracle's challenge confirms nothing"
    );
    assert_eq!(suite.reported(&res), None);
}

#[test]
fn stale_inputs_a_challenge_of_an_oracle_removed_before_it_is_declined_blocks_nothing() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    let id = suite.challenge("oracle", node, 8, "42");
    remove_the_oracle(&mut suite);
    let res = suite.decline("op1", id).unwrap();
    assert_eq!(suite.reported(&res), None);
    assert_eq!(suite.depin_node(node).capacity.blocked, None);
}

#[test]
fn a_bounty_with_a_commitment_no_work_matches_cannot_slash_a_competitor() {
    let mut suite = Suite::new();
    let node = suite.register("op1", btt(1_200)).unwrap();
    suite.confirm("op1", node, 8);
    let bond = suite.node(node).bond;
    // A competitor posts bounties whose commitment no work produces; the victim accepts both.
    let mallory = suite.balance("mallory");
    let wrong = suite.challenge("mallory", node, 8, "an answer nobody can compute");
    let missed = suite.challenge("mallory", node, 8, "another one");
    suite.accept_challenge("op1", wrong).unwrap();
    suite
        .answer("op1", wrong, "what the work computed")
        .unwrap();
    suite.accept_challenge("op1", missed).unwrap();
    suite.advance(2 * DAY);
    suite.expire(missed).unwrap();
    // The competitor gets exactly its escrow back; the victim keeps its bond and capacity.
    assert_eq!(suite.balance("mallory"), mallory);
    let n = suite.node(node);
    assert_eq!(
        (n.bond, n.verified_capacity, n.counted_capacity),
        (bond, units(8), units(8))
    );
    assert_eq!(suite.depin_node(node).capacity.target, units(8));
    assert_eq!(suite.depin_node(node).forfeited, Uint128::zero());
}
