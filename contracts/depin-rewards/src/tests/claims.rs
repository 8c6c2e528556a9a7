//! Closing, claiming, the schedule and the payout rules' bounds.

use btt_types::bps::Bps;
use btt_types::depin::{
    epoch_emission, ConfigUpdate, ExecuteMsg, NodesResponse, PayoutRules, QueryMsg,
    ScheduleResponse, MINING_POOL,
};
use cosmwasm_std::{coins, Decimal, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE};
use crate::ContractError;

#[test]
fn only_the_nodes_operator_claims_something_and_without_funds() {
    let mut suite = Suite::new();
    suite.record_paid(1, 10, 1_000_000_000);
    assert_eq!(
        suite.claim(1).unwrap_err(),
        ContractError::NothingToClaim { node_id: 1 },
        "its epoch is still open"
    );
    suite.next_epoch();
    assert_eq!(
        suite.claim_as("op2", 1).unwrap_err(),
        ContractError::NotOperator { node_id: 1 }
    );
    assert_eq!(
        suite.claim_as("op1", 9).unwrap_err(),
        ContractError::NodeNotFound { node_id: 9 }
    );
    let claim = ExecuteMsg::Claim {
        node_id: 1,
        limit: None,
    };
    assert_eq!(
        suite
            .execute_with_funds("op1", &claim, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.claim(1).unwrap();
    assert_eq!(suite.paid_to(1), Uint128::new(500_000_000));
    assert_eq!(
        suite.claim(1).unwrap_err(),
        ContractError::NothingToClaim { node_id: 1 }
    );
    assert_eq!(suite.state().paid, Uint128::new(500_000_000));
    suite.assert_books();
}

#[test]
fn closing_needs_an_ended_epoch_takes_no_funds_and_at_most_30_a_call() {
    let mut suite = Suite::new();
    assert_eq!(suite.close().unwrap_err(), ContractError::NoEpochToClose);
    assert_eq!(
        suite
            .execute_with_funds(
                "oracle-a",
                &ExecuteMsg::CloseEpochs { limit: None },
                &coins(1, NATIVE)
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.move_to_epoch(40);
    suite
        .execute("anyone", &ExecuteMsg::CloseEpochs { limit: Some(1_000) })
        .unwrap();
    assert_eq!(suite.state().closed_through, 30, "at most 30 a call");
    suite.assert_books();
    suite.close().unwrap();
    assert_eq!(suite.state().closed_through, 40);
    assert_eq!(suite.close().unwrap_err(), ContractError::NoEpochToClose);
    suite.assert_books();
}

#[test]
fn a_report_closes_the_ended_epochs_on_its_way_within_ten_years() {
    let mut suite = Suite::new();
    suite.move_to_epoch(10);
    suite.record_paid(1, 10, 1_000);
    assert_eq!(suite.state().closed_through, 10);
    suite.assert_books();
    suite.move_to_epoch(540);
    assert_eq!(
        suite
            .record_by("escrow", 1, 10, Uint128::new(1_000))
            .unwrap_err(),
        ContractError::EpochsBehind {
            closed_through: 530,
            current: 540
        }
    );
    // An exit is never refused for epochs behind.
    suite.claim(1).unwrap();
    assert_eq!(suite.state().closed_through, 530);
    suite.close().unwrap();
    suite.record_paid(1, 10, 1_000);
    suite.assert_books();
}

#[test]
fn the_nodes_query_lists_every_node_with_its_capacity() {
    let mut suite = Suite::new();
    suite.confirm(1, 100);
    suite.record_paid(2, 10, 1_000);
    suite.confirm(3, 50);
    let page: NodesResponse = suite.query(&QueryMsg::Nodes {
        start_after: Some(1),
        limit: None,
    });
    let ids: Vec<u64> = page.nodes.iter().map(|n| n.node_id).collect();
    assert_eq!(ids, [2, 3]);
    assert_eq!(
        page.nodes[1].capacity.target,
        Decimal::from_ratio(50u128, 1u128)
    );
    assert_eq!(page.nodes[1].capacity.confirmed, Some(0));
}

#[test]
fn the_schedule_query_pages_per_epoch_and_cumulative_emission() {
    let suite = Suite::new();
    let first: ScheduleResponse = suite.query(&QueryMsg::Schedule {
        start_after: None,
        limit: Some(2),
    });
    assert_eq!(
        first.epochs[1].cumulative,
        epoch_emission(0) * Uint128::new(2)
    );
    let last: ScheduleResponse = suite.query(&QueryMsg::Schedule {
        start_after: Some(414),
        limit: None,
    });
    assert_eq!(last.epochs.len(), 1);
    assert_eq!(last.epochs[0].cumulative, MINING_POOL);
    assert_eq!(suite.state().funded, MINING_POOL);
}

#[test]
fn every_payout_rule_outside_its_bounds_is_refused() {
    let mut suite = Suite::new();
    let s = PayoutRules::suggested;
    let refused = [
        PayoutRules {
            min_attestations: 0,
            ..s()
        },
        PayoutRules {
            min_attestations: 11,
            ..s()
        },
        PayoutRules {
            fee_cap: Bps(10_000),
            ..s()
        },
        PayoutRules {
            work_pool_cap: Bps(10_001),
            ..s()
        },
        PayoutRules {
            baseline_score: Decimal::zero(),
            ..s()
        },
        PayoutRules {
            carry_release_epochs: 0,
            ..s()
        },
        PayoutRules {
            carry_release_epochs: 105,
            ..s()
        },
        PayoutRules {
            lock_epochs: 9,
            ..s()
        },
        PayoutRules {
            confirmation_epochs: 0,
            ..s()
        },
        PayoutRules {
            confirmation_epochs: 53,
            ..s()
        },
        PayoutRules {
            uptime_floor: Decimal::percent(101),
            ..s()
        },
    ];
    for bad in refused {
        let err = suite
            .update_config(ConfigUpdate {
                payout: Some(bad.clone()),
                ..ConfigUpdate::default()
            })
            .unwrap_err();
        assert!(
            matches!(err, ContractError::InvalidConfig { .. }),
            "{bad:?}: {err:?}"
        );
    }
    // The edges themselves are allowed.
    let edges = PayoutRules {
        min_attestations: 10,
        fee_cap: Bps(9_999),
        work_pool_cap: Bps::FULL,
        baseline_score: Decimal::percent(1),
        carry_release_epochs: 104,
        lock_epochs: 8,
        confirmation_epochs: 52,
        uptime_floor: Decimal::one(),
    };
    suite.set_payout(edges.clone());
    let config: btt_types::depin::ConfigResponse = suite.query(&QueryMsg::Config {});
    assert_eq!(config.payout, edges);
}

#[test]
fn the_payout_rules_are_the_daos_to_change_without_funds() {
    let mut suite = Suite::new();
    let update = ExecuteMsg::UpdateConfig(ConfigUpdate {
        payout: Some(PayoutRules {
            fee_cap: Bps(9_000),
            ..PayoutRules::suggested()
        }),
        ..ConfigUpdate::default()
    });
    assert_eq!(
        suite.execute("op1", &update).unwrap_err(),
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner)
    );
    assert_eq!(
        suite
            .execute_with_funds("owner", &update, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    let config: btt_types::depin::ConfigResponse = suite.query(&QueryMsg::Config {});
    assert_eq!(config.payout, PayoutRules::suggested());
}

#[test]
fn a_node_compute_escrow_never_reported_cannot_be_attested_nor_break_the_nodes_query() {
    let mut suite = Suite::new();
    suite.confirm(1, 100);
    // An oracle attests node 2 before compute-escrow has reported anything about it.
    let epoch = suite.state().current_epoch;
    assert_eq!(
        suite.attest_one("oracle-a", epoch, 2, 90).unwrap_err(),
        ContractError::NodeNotFound { node_id: 2 }
    );
    let page: Result<NodesResponse, _> = suite.app.wrap().query_wasm_smart(
        &suite.depin,
        &QueryMsg::Nodes {
            start_after: None,
            limit: None,
        },
    );
    let ids: Vec<u64> = page.unwrap().nodes.iter().map(|n| n.node_id).collect();
    assert_eq!(ids[0], 1);
}
