use btt_testing::Harness;
use btt_types::compute::{ExecuteMsg, NodeStatus, ReceiveMsg, Urgency};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, DAY, MIN_BOND, NATIVE};
use crate::ContractError;

#[test]
fn a_bond_below_the_minimum_is_rejected() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.register("op1", btt(599)).unwrap_err(),
        ContractError::BondTooSmall {
            min: MIN_BOND,
            got: btt(599)
        }
    );
}

#[test]
fn bad_node_specs_are_rejected() {
    let mut suite = Suite::new();
    let mut spec = Suite::node_spec("tpu");
    assert!(matches!(
        suite
            .send("op1", MIN_BOND, &ReceiveMsg::RegisterNode(spec.clone()))
            .unwrap_err(),
        ContractError::UnknownHardwareClass { .. }
    ));
    spec = Suite::node_spec("a100");
    spec.gpu_count = 0;
    assert!(matches!(
        suite
            .send("op1", MIN_BOND, &ReceiveMsg::RegisterNode(spec))
            .unwrap_err(),
        ContractError::InvalidNode { .. }
    ));
}

#[test]
fn a_retired_node_withdraws_its_bond_after_the_delay_and_with_no_open_job() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    suite
        .send("op1", btt(500), &ReceiveMsg::TopUpBond { node_id: n1 })
        .unwrap();
    let id = suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    suite.assign_accepted("clinic", id, &[(n1, 1_000)]);
    assert_eq!(
        suite
            .execute("op2", &ExecuteMsg::RetireNode { node_id: n1 })
            .unwrap_err(),
        ContractError::NotOperator { node_id: n1 }
    );
    suite
        .execute("op1", &ExecuteMsg::RetireNode { node_id: n1 })
        .unwrap();
    assert!(matches!(suite.node(n1).status, NodeStatus::Retired { .. }));
    let err = suite
        .execute("op1", &ExecuteMsg::WithdrawBond { node_id: n1 })
        .unwrap_err();
    assert!(matches!(err, ContractError::BondUnbonding { .. }));
    suite.advance(7 * DAY);
    let err = suite
        .execute("op1", &ExecuteMsg::WithdrawBond { node_id: n1 })
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::BondLocked {
            node_id: n1,
            open_jobs: 1,
            open_disputes: 0
        }
    );
    suite
        .execute("anyone", &ExecuteMsg::Expire { job_id: id })
        .unwrap();
    let before = suite.balance("op1");
    suite
        .execute("op1", &ExecuteMsg::WithdrawBond { node_id: n1 })
        .unwrap();
    assert_eq!(
        suite.balance("op1") - before,
        btt(1_100) - Uint128::new(1_250_000),
        "600 + 500 less half the missed 2.5 BTT job"
    );
    assert_eq!(suite.node(n1).status, NodeStatus::Withdrawn);
    assert_eq!(suite.totals().bonds, Uint128::zero());
}

#[test]
fn a_paused_node_takes_no_new_job_until_resumed() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    suite
        .execute(
            "op1",
            &ExecuteMsg::PauseNode {
                node_id: n1,
                paused: true,
            },
        )
        .unwrap();
    let id = suite.post("clinic", suite.spec(Urgency::Standard)).unwrap();
    assert_eq!(
        suite.assign("clinic", id, &[(n1, 1_000)]).unwrap_err(),
        ContractError::NodeNotActive { node_id: n1 }
    );
    suite
        .execute(
            "op1",
            &ExecuteMsg::PauseNode {
                node_id: n1,
                paused: false,
            },
        )
        .unwrap();
    suite.assign("clinic", id, &[(n1, 1_000)]).unwrap();
}

#[test]
fn only_the_operator_updates_a_node_and_without_funds() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let update = ExecuteMsg::UpdateNode {
        node_id: n1,
        gpu_count: Some(16),
        region: None,
        energy_rating: None,
        endpoint: None,
    };
    assert_eq!(
        suite.execute("op2", &update).unwrap_err(),
        ContractError::NotOperator { node_id: n1 }
    );
    assert_eq!(
        suite
            .execute_with_funds("op1", &update, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.execute("op1", &update).unwrap();
    assert_eq!(suite.node(n1).spec.gpu_count, 16);
}
