use btt_testing::Harness;
use btt_types::compute::EnergyRating;
use btt_types::depin::{Attestation, ExecuteMsg};
use cosmwasm_std::{coins, Decimal, Decimal256};
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE};
use crate::ContractError;

#[test]
fn units_come_only_from_compute_escrow() {
    let mut suite = Suite::new();
    let operator = suite.addr("op1").to_string();
    let err = suite
        .execute(
            "mallory",
            &ExecuteMsg::RecordUnits {
                node_id: 1,
                operator,
                units: 5,
                fees: cosmwasm_std::Uint128::zero(),
            },
        )
        .unwrap_err();
    assert_eq!(err, ContractError::NotEscrow);
    suite.record(1, "op1", 5).unwrap();
    assert_eq!(suite.node_epoch(1, 0).units, 5);
}

#[test]
fn only_appointed_oracles_attest() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.attest("mallory", 0, 1, 100).unwrap_err(),
        ContractError::NotOracle
    );
}

#[test]
fn an_attestation_for_a_closed_or_future_epoch_is_rejected() {
    let mut suite = Suite::new();
    suite.move_to_epoch(3);
    assert_eq!(
        suite.attest("oracle-a", 2, 1, 100).unwrap_err(),
        ContractError::EpochClosed {
            epoch: 2,
            current: 3
        }
    );
    assert_eq!(
        suite.attest("oracle-a", 4, 1, 100).unwrap_err(),
        ContractError::EpochNotStarted {
            epoch: 4,
            current: 3
        }
    );
    suite.attest("oracle-a", 3, 1, 100).unwrap();
}

#[test]
fn one_attestation_per_node_per_epoch_per_oracle() {
    let mut suite = Suite::new();
    suite.attest("oracle-a", 0, 1, 100).unwrap();
    assert_eq!(
        suite.attest("oracle-a", 0, 1, 90).unwrap_err(),
        ContractError::AlreadyAttested {
            node_id: 1,
            epoch: 0
        }
    );
    suite.attest("oracle-b", 0, 1, 90).unwrap();
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
    for msg in [bad(101, 0, "eu"), bad(100, 5, "eu"), bad(100, 0, "")] {
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
fn the_score_takes_the_median_of_three_oracles() {
    let mut suite = Suite::new();
    suite.record(1, "op1", 1_000).unwrap();
    for (oracle, uptime) in [("oracle-a", 50), ("oracle-b", 100), ("oracle-c", 80)] {
        suite.attest(oracle, 0, 1, uptime).unwrap();
    }
    // 1,000 × median(0.5, 1.0, 0.8) × QoS 1.0 × region 1.0 × energy C 1.0
    assert_eq!(
        suite.node_epoch(1, 0).score,
        Decimal256::from_ratio(800u128, 1u128)
    );
    assert_eq!(
        suite.epoch(0).total_score,
        Decimal256::from_ratio(800u128, 1u128)
    );
    // Units arriving after the attestations raise the score too.
    suite.record(1, "op1", 1_000).unwrap();
    assert_eq!(
        suite.epoch(0).total_score,
        Decimal256::from_ratio(1_600u128, 1u128)
    );
}
