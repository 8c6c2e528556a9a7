//! Points reserved on a paid payfi invoice: who may reserve, release, settle and deliver them,
//! and what a pause does to them.

use btt_testing::Harness;
use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::points::{ExecuteMsg, QueryMsg, Reservation};
use cosmwasm_std::coins;
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE};
use crate::ContractError;

fn pause(suite: &mut Suite) {
    suite
        .execute(
            "owner",
            &ExecuteMsg::Circuit(CircuitMsg::Pause {
                reason: "ledger bug".into(),
            }),
        )
        .unwrap();
}

#[test]
fn only_payfi_reserves_releases_and_settles_and_without_funds() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    let reserve = ExecuteMsg::ReservePoints {
        invoice_id: 1,
        provider: suite.addr("clinic").to_string(),
        patient: suite.addr("patient").to_string(),
        category: "preventive visit".into(),
        points: 100,
    };
    for msg in [
        reserve.clone(),
        ExecuteMsg::ReleasePoints { invoice_id: 1 },
        ExecuteMsg::SettlePoints { invoice_id: 1 },
    ] {
        assert_eq!(
            suite.execute("clinic", &msg).unwrap_err(),
            match msg {
                ExecuteMsg::ReservePoints { .. } => ContractError::NotPayfi,
                _ => ContractError::NoReservation { invoice_id: 1 },
            }
        );
    }
    assert_eq!(
        suite
            .execute_with_funds("clinic", &reserve, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.reserve(1, "clinic", "patient", 100).unwrap();
    assert_eq!(
        suite.reserve(1, "clinic", "patient", 100).unwrap_err(),
        ContractError::AlreadyReserved { invoice_id: 1 }
    );
    // Another address cannot settle or release payfi's reservation.
    for msg in [
        ExecuteMsg::ReleasePoints { invoice_id: 1 },
        ExecuteMsg::SettlePoints { invoice_id: 1 },
    ] {
        assert_eq!(
            suite.execute("patient", &msg).unwrap_err(),
            ContractError::NotPayfi
        );
    }
    assert_eq!(
        suite.reserve(2, "clinic", "patient", 0).unwrap_err(),
        ContractError::ZeroPoints
    );
    assert_eq!(
        suite.reserve(2, "nobody", "patient", 1).unwrap_err(),
        ContractError::NotSubscribed {
            provider: suite.addr("nobody").to_string()
        }
    );
    let r: Option<Reservation> = suite.query(&QueryMsg::Reservation { invoice_id: 1 });
    let r = r.unwrap();
    assert_eq!((r.points, r.settled), (100, false));
    suite.settle_points(1).unwrap();
    assert_eq!(suite.points_of("patient"), 100);
    assert_eq!(
        suite.settle_points(1).unwrap_err(),
        ContractError::NoReservation { invoice_id: 1 }
    );
}

#[test]
fn a_paused_contract_reserves_nothing_but_settles_into_pending_and_releases() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 2, None).unwrap();
    for id in 1..=5 {
        suite
            .reserve(id, "clinic", &format!("patient-{id}"), 100)
            .unwrap();
    }
    pause(&mut suite);
    assert!(matches!(
        suite.reserve(9, "clinic", "patient", 100).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    suite
        .execute("payfi", &ExecuteMsg::ReleasePoints { invoice_id: 5 })
        .unwrap();
    for id in 1..=4 {
        suite.settle_points(id).unwrap();
    }
    // A settled reservation is owed: it cannot be released any more.
    assert_eq!(
        suite
            .execute("payfi", &ExecuteMsg::ReleasePoints { invoice_id: 1 })
            .unwrap_err(),
        ContractError::ReservationSettled { invoice_id: 1 }
    );
    assert_eq!(
        suite.settle_points(1).unwrap_err(),
        ContractError::ReservationSettled { invoice_id: 1 }
    );
    // Visible, page by page.
    assert_eq!(suite.pending_ids(None, 3), vec![1, 2, 3]);
    assert_eq!(suite.pending_ids(Some(3), 3), vec![4]);
    assert_eq!(suite.points_of("patient-1"), 0);
    suite
        .execute("owner", &ExecuteMsg::Circuit(CircuitMsg::Unpause {}))
        .unwrap();
    assert_eq!(
        suite
            .execute_with_funds(
                "patient",
                &ExecuteMsg::DeliverPending { limit: None },
                &coins(1, NATIVE)
            )
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    // Bounded: two at a time.
    suite
        .execute("anyone", &ExecuteMsg::DeliverPending { limit: Some(2) })
        .unwrap();
    assert_eq!(suite.pending_ids(None, 30), vec![3, 4]);
    suite
        .execute("anyone", &ExecuteMsg::DeliverPending { limit: Some(2) })
        .unwrap();
    for id in 1..=4 {
        assert_eq!(suite.points_of(&format!("patient-{id}")), 100);
    }
    assert_eq!(suite.points_of("patient-5"), 0, "released, never owed");
    assert_eq!(suite.provider("clinic").provider.points_awarded, 400);
}

#[test]
fn release_and_settle_take_no_funds() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.reserve(1, "clinic", "patient", 100).unwrap();
    for msg in [
        ExecuteMsg::ReleasePoints { invoice_id: 1 },
        ExecuteMsg::SettlePoints { invoice_id: 1 },
    ] {
        assert_eq!(
            suite
                .execute_with_funds("patient", &msg, &coins(1, NATIVE))
                .unwrap_err(),
            ContractError::Payment(PaymentError::NonPayable {})
        );
    }
}

#[test]
fn each_award_is_convertible_against_its_provider_only() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 0, None).unwrap();
    suite.subscribe("clinic2", 0, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 300)
        .unwrap();
    suite.reserve(1, "clinic2", "patient", 200).unwrap();
    let from = |suite: &Suite, provider: &str| -> u64 {
        suite.query(&QueryMsg::ConvertibleFrom {
            patient: suite.addr("patient").to_string(),
            provider: suite.addr(provider).to_string(),
        })
    };
    assert_eq!((from(&suite, "clinic"), from(&suite, "clinic2")), (300, 0));
    suite.settle_points(1).unwrap();
    assert_eq!(from(&suite, "clinic2"), 200);
    assert_eq!(
        suite
            .convert_from("patient", Some("clinic2"), 201)
            .unwrap_err(),
        ContractError::NotFromSource {
            available: 200,
            requested: 201
        }
    );
    suite.convert_from("patient", Some("clinic2"), 200).unwrap();
    suite.convert("patient", 300).unwrap();
    assert_eq!(suite.points_of("patient"), 0);
    assert_eq!((from(&suite, "clinic"), from(&suite, "clinic2")), (0, 0));
}
