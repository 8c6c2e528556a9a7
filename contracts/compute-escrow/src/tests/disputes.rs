use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::compute::{JobStatus, Resolution};
use cosmwasm_std::Uint128;

use super::suite::{Suite, DAY, MIN_BOND};
use crate::ContractError;

const PRICE: u128 = 4_500_000;

/// A disputed two-node job (600 / 400 units).
fn disputed() -> (Suite, u64, Uint128) {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let n2 = suite.register("op2", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 600), (n2, 400)]);
    suite.dispute("clinic", id).unwrap();
    let clinic = suite.balance("clinic");
    (suite, id, clinic)
}

#[test]
fn a_dispute_resolved_pay_pays_the_nodes() {
    let (mut suite, id, _) = disputed();
    let op1 = suite.balance("op1");
    suite
        .resolve("arbiter", id, Resolution::Pay, vec![])
        .unwrap();
    assert_eq!(suite.balance("op1") - op1, Uint128::new(1_890_000));
    assert_eq!(suite.job(id).status, JobStatus::Paid);
    assert_eq!(suite.node(1).open_disputes, 0);
}

#[test]
fn a_dispute_resolved_refund_returns_the_escrow_and_slashes_the_node_at_fault() {
    let (mut suite, id, clinic) = disputed();
    suite
        .resolve("arbiter", id, Resolution::Refund, vec![2])
        .unwrap();
    assert_eq!(
        suite.balance("clinic") - clinic,
        Uint128::new(PRICE),
        "exactly the escrow back, none of the slash"
    );
    let slash = Uint128::new(PRICE * 4 / 10 / 2);
    assert_eq!(
        suite.balance("reserve"),
        slash,
        "half of node 2's 40% of the price, to the reserve"
    );
    assert_eq!(
        (suite.node(2).bond, suite.node(1).bond),
        (MIN_BOND - slash, MIN_BOND)
    );
    assert_eq!(suite.job(id).status, JobStatus::Refunded);
    assert_eq!(suite.escrow_btt(), MIN_BOND * Uint128::new(2) - slash);
}

#[test]
fn a_dispute_resolved_split_shares_the_escrow_exactly() {
    let (mut suite, id, clinic) = disputed();
    let ops: Vec<Uint128> = ["op1", "op2", "devfund"]
        .iter()
        .map(|w| suite.balance(w))
        .collect();
    suite
        .resolve(
            "arbiter",
            id,
            Resolution::Split {
                clinic_share: Bps(4_000),
            },
            vec![],
        )
        .unwrap();
    let refund = suite.balance("clinic") - clinic;
    assert_eq!(refund, Uint128::new(1_800_000));
    // The other 2,700,000 split 70/15/10/5: nodes 1,134,000 + 756,000, dev fund 405,000.
    let gained: Vec<u128> = ["op1", "op2", "devfund"]
        .iter()
        .zip(ops)
        .map(|(w, b)| (suite.balance(w) - b).u128())
        .collect();
    assert_eq!(gained, vec![1_134_000, 756_000, 405_000]);
    assert_eq!(suite.job(id).status, JobStatus::Split);
    assert_eq!(
        suite.escrow_btt(),
        MIN_BOND * Uint128::new(2),
        "the two bonds"
    );
}

#[test]
fn only_the_arbiter_resolves_and_only_nodes_of_the_job_can_be_at_fault() {
    let (mut suite, id, _) = disputed();
    assert_eq!(
        suite
            .resolve("clinic", id, Resolution::Refund, vec![])
            .unwrap_err(),
        ContractError::NotArbiter
    );
    assert_eq!(
        suite
            .resolve("arbiter", id, Resolution::Refund, vec![7])
            .unwrap_err(),
        ContractError::NodeNotInJob {
            job_id: id,
            node_id: 7
        }
    );
}

#[test]
fn a_dispute_after_the_review_window_is_too_late() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 1_000)]);
    suite.advance(DAY);
    assert!(matches!(
        suite.dispute("clinic", id).unwrap_err(),
        ContractError::ReviewOver { .. }
    ));
    assert_eq!(
        suite.dispute("mallory", id).unwrap_err(),
        ContractError::NotClinic
    );
}
