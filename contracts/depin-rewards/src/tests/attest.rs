//! Who may report what: work and capacity from compute-escrow only, attestations from the
//! appointed oracles for the current epoch, once each; no funds anywhere.

use btt_testing::Harness;
use btt_types::compute::EnergyRating;
use btt_types::depin::{Attestation, CapacityEvent, ExecuteMsg};
use cosmwasm_std::{coins, Decimal, Uint128};
use cw_utils::PaymentError;

use super::suite::{score, units, Suite, NATIVE};
use crate::ContractError;

#[test]
fn work_and_capacity_come_only_from_compute_escrow() {
    let mut suite = Suite::new();
    assert_eq!(
        suite
            .record_by("mallory", 1, 5, Uint128::new(1_000))
            .unwrap_err(),
        ContractError::NotEscrow
    );
    for event in [
        CapacityEvent::Confirmed,
        CapacityEvent::Declined,
        CapacityEvent::Failed,
        CapacityEvent::Changed,
    ] {
        assert_eq!(
            suite.report_by("op1", 1, units(100), event).unwrap_err(),
            ContractError::NotEscrow
        );
    }
    assert_eq!(suite.epoch(0).work_fees, Uint128::zero());
    suite.record_paid(1, 5, 1_000);
    assert_eq!(suite.node_epoch(1, 0).units, 5);
    assert_eq!(suite.epoch(0).work_fees, Uint128::new(1_000));
    suite.confirm(1, 100);
    assert_eq!(suite.node(1).capacity.target, units(100));
    assert_eq!(suite.node(1).operator, suite.addr("op1"));
}

#[test]
fn escrow_reports_carry_no_funds() {
    let mut suite = Suite::new();
    let operator = suite.addr("op1").to_string();
    for msg in [
        ExecuteMsg::RecordUnits {
            node_id: 1,
            operator: operator.clone(),
            units: 5,
            fees: Uint128::new(1_000),
        },
        ExecuteMsg::ReportCapacity {
            node_id: 1,
            operator,
            capacity: units(100),
            event: CapacityEvent::Confirmed,
            oracle: None,
        },
    ] {
        assert_eq!(
            suite
                .execute_with_funds("escrow", &msg, &coins(1, NATIVE))
                .unwrap_err(),
            ContractError::Payment(PaymentError::NonPayable {})
        );
    }
}

#[test]
fn only_appointed_oracles_attest() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.attest_one("mallory", 0, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
    assert_eq!(
        suite.attest_one("escrow", 0, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
}

#[test]
fn an_attestation_for_a_closed_or_future_epoch_is_rejected() {
    let mut suite = Suite::new();
    suite.move_to_epoch(3);
    suite.confirm(1, 10);
    assert_eq!(
        suite.attest_one("oracle-a", 2, 1, 100).unwrap_err(),
        ContractError::EpochClosed {
            epoch: 2,
            current: 3
        }
    );
    assert_eq!(
        suite.attest_one("oracle-a", 4, 1, 100).unwrap_err(),
        ContractError::EpochNotStarted {
            epoch: 4,
            current: 3
        }
    );
    suite.attest_one("oracle-a", 3, 1, 100).unwrap();
}

#[test]
fn one_attestation_per_node_per_epoch_per_oracle() {
    let mut suite = Suite::new();
    suite.confirm(1, 10);
    suite.attest_one("oracle-a", 0, 1, 100).unwrap();
    assert_eq!(
        suite.attest_one("oracle-a", 0, 1, 90).unwrap_err(),
        ContractError::AlreadyAttested {
            node_id: 1,
            epoch: 0
        }
    );
    suite.attest_one("oracle-b", 0, 1, 90).unwrap();
    assert_eq!(suite.node_epoch(1, 0).attestations, 2);
}

#[test]
fn malformed_attestations_are_rejected() {
    let mut suite = Suite::new();
    let bad = |uptime: u64, qos_tier: u8, region: &str| ExecuteMsg::Attest {
        epoch: 0,
        node_id: 1,
        attestation: Attestation {
            uptime: Decimal::percent(uptime),
            qos_tier,
            region: region.into(),
            energy: EnergyRating::A,
        },
    };
    let long = "x".repeat(33);
    for msg in [
        bad(101, 0, "eu"),
        bad(100, 5, "eu"),
        bad(100, 0, ""),
        bad(100, 0, &long),
    ] {
        assert!(matches!(
            suite.execute("oracle-a", &msg).unwrap_err(),
            ContractError::InvalidAttestation { .. }
        ));
    }
    let err = suite
        .execute_with_funds("oracle-a", &bad(100, 0, "eu"), &coins(1, NATIVE))
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn the_score_is_capacity_times_the_median_of_the_oracles_factors() {
    let mut suite = Suite::new();
    suite.warm(&[(1, 1_000)]);
    for (oracle, uptime) in [("oracle-a", 50), ("oracle-b", 100), ("oracle-c", 80)] {
        suite.attest_one(oracle, 4, 1, uptime).unwrap();
    }
    // 1,000 × median(0.5, 1.0, 0.8) × QoS 1.0 × region 1.0 × energy C 1.0
    assert_eq!(suite.node_epoch(1, 4).score, score(800));
    assert_eq!(suite.epoch(4).total_score, score(800));
    // One oracle alone is below the quorum of two: no score.
    suite.move_to_epoch(5);
    suite.attest_one("oracle-a", 5, 1, 100).unwrap();
    assert_eq!(suite.node_epoch(1, 5).score, score(0));
    // Below the 50% uptime floor: no score.
    suite.attest_one("oracle-b", 5, 1, 40).unwrap();
    suite.attest_one("oracle-c", 5, 1, 30).unwrap();
    assert_eq!(suite.node_epoch(1, 5).score, score(0));
}

#[test]
fn refresh_score_is_for_known_nodes_in_the_current_epoch_and_without_funds() {
    let mut suite = Suite::new();
    let refresh = |epoch, node_id| ExecuteMsg::RefreshScore { epoch, node_id };
    assert_eq!(
        suite.execute("anyone", &refresh(0, 7)).unwrap_err(),
        ContractError::NodeNotFound { node_id: 7 }
    );
    suite.confirm(1, 100);
    suite.move_to_epoch(2);
    assert_eq!(
        suite.execute("anyone", &refresh(1, 1)).unwrap_err(),
        ContractError::NotCurrentEpoch {
            epoch: 1,
            current: 2
        }
    );
    assert_eq!(
        suite.execute("anyone", &refresh(3, 1)).unwrap_err(),
        ContractError::NotCurrentEpoch {
            epoch: 3,
            current: 2
        }
    );
    assert_eq!(
        suite
            .execute_with_funds("oracle-a", &refresh(2, 1), &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.execute("anyone", &refresh(2, 1)).unwrap();
}
