use btt_testing::Harness;
use btt_types::compute::{ExecuteMsg, JobStatus, JobsResponse, QueryMsg, Urgency};
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, DAY, MIN_BOND, NATIVE};
use crate::ContractError;

/// Two a100 nodes (op1, op2) and an urgent job split 600/400 between them, submitted.
fn two_node_job() -> (Suite, u64) {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let n2 = suite.register("op2", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 600), (n2, 400)]);
    (suite, id)
}

#[test]
fn an_accepted_job_pays_70_15_10_5_exactly_and_reports_units() {
    let (mut suite, id) = two_node_job();
    let before: Vec<Uint128> = ["op1", "op2", "devfund", "foundation", "reserve"]
        .iter()
        .map(|w| suite.balance(w))
        .collect();
    suite.accept("clinic", id).unwrap();
    let gained: Vec<u128> = ["op1", "op2", "devfund", "foundation", "reserve"]
        .iter()
        .zip(before)
        .map(|(w, b)| (suite.balance(w) - b).u128())
        .collect();
    // 4,500,000: 15% 675,000; 10% 450,000; 5% 225,000; 70% 3,150,000 split 600/400.
    assert_eq!(
        gained,
        vec![1_890_000, 1_260_000, 675_000, 450_000, 225_000]
    );
    assert_eq!(gained.iter().sum::<u128>(), 4_500_000);
    assert_eq!(suite.job(id).status, JobStatus::Paid);
    assert_eq!(
        suite.escrow_btt(),
        MIN_BOND * Uint128::new(2),
        "only the bonds remain"
    );
    assert_eq!(
        (suite.units_recorded(1), suite.units_recorded(2)),
        (600, 400)
    );
    let err = suite.accept("clinic", id).unwrap_err();
    assert!(
        matches!(
            err,
            ContractError::WrongJobStatus {
                actual: JobStatus::Paid,
                ..
            }
        ),
        "pays once"
    );
}

#[test]
fn a_result_nobody_reviews_is_accepted_when_the_window_ends() {
    let (mut suite, id) = two_node_job();
    let err = suite
        .execute("anyone", &ExecuteMsg::Finalize { job_id: id })
        .unwrap_err();
    assert!(matches!(err, ContractError::ReviewNotOver { .. }));
    suite.advance(DAY);
    suite
        .execute("anyone", &ExecuteMsg::Finalize { job_id: id })
        .unwrap();
    assert_eq!(suite.job(id).status, JobStatus::Paid);
}

#[test]
fn only_the_clinic_assigns_and_accepts_and_only_assigned_operators_submit() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    assert_eq!(
        suite.assign("mallory", id, &[(n1, 1_000)]).unwrap_err(),
        ContractError::NotClinic
    );
    assert_eq!(
        suite.assign("clinic", id, &[(n1, 999)]).unwrap_err(),
        ContractError::UnitsMismatch {
            assigned: 999,
            needed: 1_000
        }
    );
    assert!(matches!(
        suite.assign("clinic", id, &[]).unwrap_err(),
        ContractError::InvalidAssignments { .. }
    ));
    assert_eq!(
        suite.assign("clinic", id, &[(9, 1_000)]).unwrap_err(),
        ContractError::NodeNotFound { node_id: 9 }
    );
    suite.assign("clinic", id, &[(n1, 1_000)]).unwrap();
    assert!(matches!(
        suite.submit("op1", id).unwrap_err(),
        ContractError::WrongJobStatus {
            actual: JobStatus::Offered,
            ..
        }
    ));
    assert_eq!(
        suite.accept_offer("op2", id, n1).unwrap_err(),
        ContractError::NotOperator { node_id: n1 }
    );
    suite.accept_offer("op1", id, n1).unwrap();
    assert_eq!(
        suite.submit("op2", id).unwrap_err(),
        ContractError::NotAssignedOperator
    );
    suite.submit("op1", id).unwrap();
    assert_eq!(
        suite.accept("mallory", id).unwrap_err(),
        ContractError::NotClinic
    );
}

#[test]
fn a_node_of_another_class_cannot_take_the_job() {
    let mut suite = Suite::new();
    let res = suite
        .send(
            "op1",
            MIN_BOND,
            &btt_types::compute::ReceiveMsg::RegisterNode(Suite::node_spec("h100")),
        )
        .unwrap();
    let node: u64 = super::suite::attr(&res, "node_id").parse().unwrap();
    let id = suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    assert!(matches!(
        suite.assign("clinic", id, &[(node, 1_000)]).unwrap_err(),
        ContractError::WrongHardwareClass { .. }
    ));
}

#[test]
fn a_job_not_running_yet_is_cancelled_by_its_clinic_with_a_full_refund() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let before = suite.balance("clinic");
    let id = suite.post("clinic", suite.spec(Urgency::Urgent)).unwrap();
    assert!(matches!(
        suite
            .execute("anyone", &ExecuteMsg::Expire { job_id: id })
            .unwrap_err(),
        ContractError::WrongJobStatus { .. }
    ));
    suite.assign("clinic", id, &[(n1, 1_000)]).unwrap();
    assert_eq!(
        suite
            .execute("mallory", &ExecuteMsg::CancelJob { job_id: id })
            .unwrap_err(),
        ContractError::NotClinic
    );
    suite
        .execute("clinic", &ExecuteMsg::CancelJob { job_id: id })
        .unwrap();
    assert_eq!(suite.balance("clinic"), before);
    assert_eq!(suite.job(id).status, JobStatus::Refunded);
    assert_eq!(suite.escrow_btt(), MIN_BOND);
    assert_eq!(suite.node(n1).bond, MIN_BOND, "nobody is slashed");
}

#[test]
fn an_assigned_job_that_misses_its_deadline_refunds_and_slashes_the_nodes() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let before = suite.balance("clinic");
    let id = suite.post("clinic", suite.spec(Urgency::Urgent)).unwrap();
    let price = suite.job(id).price;
    suite.assign_accepted("clinic", id, &[(n1, 1_000)]);
    assert!(matches!(
        suite
            .execute("anyone", &ExecuteMsg::Expire { job_id: id })
            .unwrap_err(),
        ContractError::NotExpired { .. }
    ));
    suite.advance(2 * DAY);
    assert!(matches!(
        suite.submit("op1", id).unwrap_err(),
        ContractError::DeadlinePassed { .. }
    ));
    suite
        .execute("anyone", &ExecuteMsg::Expire { job_id: id })
        .unwrap();
    assert_eq!(
        suite.balance("clinic"),
        before,
        "exactly what it escrowed comes back, none of the slash"
    );
    let slash = price.multiply_ratio(1u128, 2u128);
    assert_eq!(suite.balance("reserve"), slash, "half the node's part");
    let node = suite.node(n1);
    assert_eq!(
        (node.bond, node.slashed, node.open_jobs),
        (MIN_BOND - slash, slash, 0)
    );
    assert_eq!(suite.escrow_btt(), MIN_BOND - slash);
}

#[test]
fn a_native_job_pays_out_in_its_denom() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let op1 = suite.native("op1");
    let spec = suite.spec(Urgency::Urgent);
    suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::PostJob { spec },
            &coins(2_250_000, NATIVE),
        )
        .unwrap();
    suite.assign_accepted("clinic", 1, &[(n1, 1_000)]);
    suite.submit("op1", 1).unwrap();
    suite.accept("clinic", 1).unwrap();
    assert_eq!(suite.native("op1") - op1, Uint128::new(1_575_000));
    assert_eq!(suite.native("devfund"), Uint128::new(337_500));
    assert_eq!(
        suite
            .app
            .wrap()
            .query_balance(&suite.escrow, NATIVE)
            .unwrap()
            .amount,
        Uint128::zero()
    );
}

#[test]
fn every_job_message_refuses_funds() {
    let (mut suite, id) = two_node_job();
    for msg in [
        ExecuteMsg::AcceptResult { job_id: id },
        ExecuteMsg::Finalize { job_id: id },
        ExecuteMsg::Expire { job_id: id },
        ExecuteMsg::Dispute {
            job_id: id,
            reason: String::new(),
        },
        ExecuteMsg::AssignJob {
            job_id: id,
            assignments: vec![],
        },
        ExecuteMsg::SubmitResult {
            job_id: id,
            result_hash: String::new(),
            result_uri: String::new(),
        },
        ExecuteMsg::AcceptAssignment {
            job_id: id,
            node_id: 1,
        },
        ExecuteMsg::DeclineAssignment {
            job_id: id,
            node_id: 1,
        },
        ExecuteMsg::CancelJob { job_id: id },
    ] {
        let err = suite
            .execute_with_funds("clinic", &msg, &coins(1, NATIVE))
            .unwrap_err();
        assert_eq!(
            err,
            ContractError::Payment(PaymentError::NonPayable {}),
            "{msg:?}"
        );
    }
}

#[test]
fn jobs_are_listed_by_clinic_by_node_and_by_status() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    for _ in 0..3 {
        suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    }
    suite
        .post("clinic2", suite.spec(Urgency::Standard))
        .unwrap();
    suite.assign_accepted("clinic", 2, &[(n1, 1_000)]);
    let q = |suite: &Suite, msg: QueryMsg| -> Vec<u64> {
        let res: JobsResponse = suite
            .app
            .wrap()
            .query_wasm_smart(&suite.escrow, &msg)
            .unwrap();
        res.jobs.iter().map(|j| j.id).collect()
    };
    let clinic = suite.addr("clinic").to_string();
    assert_eq!(
        q(
            &suite,
            QueryMsg::JobsByClinic {
                clinic: clinic.clone(),
                start_after: None,
                limit: None
            }
        ),
        vec![1, 2, 3]
    );
    assert_eq!(
        q(
            &suite,
            QueryMsg::JobsByClinic {
                clinic,
                start_after: Some(1),
                limit: Some(1)
            }
        ),
        vec![2]
    );
    assert_eq!(
        q(
            &suite,
            QueryMsg::JobsByNode {
                node_id: n1,
                start_after: None,
                limit: None
            }
        ),
        vec![2]
    );
    assert_eq!(
        q(
            &suite,
            QueryMsg::JobsByStatus {
                status: JobStatus::Posted,
                start_after: None,
                limit: None
            }
        ),
        vec![1, 3, 4]
    );
    assert_eq!(
        q(
            &suite,
            QueryMsg::JobsByStatus {
                status: JobStatus::Assigned,
                start_after: None,
                limit: None
            }
        ),
        vec![2]
    );
}
