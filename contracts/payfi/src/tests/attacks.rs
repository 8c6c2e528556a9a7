//! The attacks the payment rules invite, each run to show it gains nothing.

use btt_testing::Harness;
use btt_types::bps::Bps;
use btt_types::payfi::{Denom, ExecuteMsg, InvoiceStatus, PayfiFees, QueryMsg, RateResponse};
use btt_types::points;
use btt_types::units::btt;
use cosmwasm_std::{Decimal, Uint128};
use cw_multi_test::Executor;

use super::suite::{fees, Suite, HOUR, USDC};
use crate::ContractError;

/// The patient tries to convert `points` to BTT right away.
fn convert(suite: &mut Suite, points: u64) -> bool {
    let points_addr = suite.points.clone();
    suite
        .app
        .execute_contract(
            suite.addr("patient"),
            points_addr,
            &points::ExecuteMsg::Convert { points },
            &[],
        )
        .is_ok()
}

#[test]
fn points_of_a_payment_refunded_before_settling_can_never_be_converted() {
    let mut suite = Suite::new();
    let fund = suite
        .token
        .send_msg(
            &suite.points,
            btt(100_000),
            &points::ReceiveMsg::FundPool {},
        )
        .unwrap();
    suite.app.execute(suite.addr("insurer"), fund).unwrap();
    let start = suite.btt("patient");
    for _ in 0..100 {
        let id = suite
            .invoice(Denom::Btt, btt(10), Some("patient"), Some(1_000))
            .unwrap();
        let p = suite.pay_btt("patient", id, btt(10), btt(10)).unwrap();
        assert!(!convert(&mut suite, 1_000), "nothing to convert yet");
        suite.refund("clinic", p, None).unwrap();
    }
    assert_eq!(
        suite.btt("patient"),
        start,
        "a hundred loops gained nothing"
    );
    assert_eq!(suite.points_of("patient"), 0);
    // A payment that settles earns its points once.
    let id = suite
        .invoice(Denom::Btt, btt(10), Some("patient"), Some(1_000))
        .unwrap();
    suite.pay_btt("patient", id, btt(10), btt(10)).unwrap();
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.points_of("patient"), 1_000);
    assert!(suite.invoice_of(id).points_awarded.is_some());
}

#[test]
fn an_invoice_paid_in_parts_awards_its_points_when_the_last_part_settles() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(50))
        .unwrap();
    suite.pay_btt("patient", id, btt(60), btt(60)).unwrap();
    suite.advance(HOUR / 2);
    suite.pay_btt("patient", id, btt(40), btt(40)).unwrap();
    assert_eq!(suite.invoice_of(id).status, InvoiceStatus::Paid);
    suite.advance(HOUR / 2);
    suite.settle().unwrap();
    assert_eq!(
        suite.points_of("patient"),
        0,
        "the second part is refundable"
    );
    suite.advance(HOUR / 2);
    suite.settle().unwrap();
    assert_eq!(suite.points_of("patient"), 50);
}

#[test]
fn points_on_an_invoice_go_only_to_the_named_patient() {
    let mut suite = Suite::new();
    assert_eq!(
        suite
            .invoice(Denom::Btt, btt(10), None, Some(50))
            .unwrap_err(),
        ContractError::PointsNeedPayer
    );
    let id = suite
        .invoice(Denom::Btt, btt(10), Some("patient"), Some(50))
        .unwrap();
    assert_eq!(
        suite.pay_btt("patient2", id, btt(10), btt(10)).unwrap_err(),
        ContractError::NotInvoicePayer
    );
}

#[test]
fn a_bill_paid_in_124_ubtt_pieces_pays_at_least_the_whole_fee() {
    let mut suite = Suite::new();
    let whole = suite
        .invoice(Denom::Btt, Uint128::new(12_400), None, None)
        .unwrap();
    suite
        .pay_btt("patient", whole, Uint128::new(12_400), Uint128::new(12_400))
        .unwrap();
    let pieces = suite
        .invoice(Denom::Btt, Uint128::new(12_400), None, None)
        .unwrap();
    for _ in 0..100 {
        suite
            .pay_btt("patient", pieces, Uint128::new(124), Uint128::new(124))
            .unwrap();
    }
    let dao = suite.btt("dao");
    suite.advance(HOUR);
    suite
        .execute("anyone", &ExecuteMsg::Settle { limit: Some(1) })
        .unwrap();
    let whole_fee = suite.btt("dao") - dao;
    assert_eq!(whole_fee, Uint128::new(100), "0.8% of 12,400, rounded up");
    let dao = suite.btt("dao");
    for _ in 0..4 {
        suite
            .execute("anyone", &ExecuteMsg::Settle { limit: Some(30) })
            .unwrap();
    }
    let pieces_fee = suite.btt("dao") - dao;
    assert_eq!(
        pieces_fee,
        Uint128::new(100),
        "1 ubtt each: splitting never lowers the fee"
    );
    assert!(pieces_fee >= whole_fee);
}

#[test]
fn fees_outside_the_papers_bands_are_refused() {
    let mut suite = Suite::new();
    let bad = [
        PayfiFees {
            by_priority: vec![Bps(49)],
            ..fees()
        },
        PayfiFees {
            by_priority: vec![Bps(81)],
            ..fees()
        },
        PayfiFees {
            analytics: Bps(1_000),
            ..fees()
        },
        PayfiFees {
            conversion: Bps(1_000),
            ..fees()
        },
    ];
    for f in bad {
        let err = suite
            .execute(
                "owner",
                &ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                    fees: Some(f),
                    ..btt_types::payfi::ConfigUpdate::default()
                }),
            )
            .unwrap_err();
        assert!(matches!(err, ContractError::InvalidConfig { .. }));
    }
}

#[test]
fn a_conversion_uses_the_median_of_fresh_feeder_rates_with_a_quorum() {
    let mut suite = Suite::new();
    let feeders = ["oracle", "feeder-2", "feeder-3"].map(|f| suite.addr(f).to_string());
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                feeders: Some(feeders.to_vec()),
                min_feeders: Some(2),
                ..btt_types::payfi::ConfigUpdate::default()
            }),
        )
        .unwrap();
    let post = |suite: &mut Suite, who: &str, percent: u64| {
        suite
            .execute(
                who,
                &ExecuteMsg::SetRate {
                    pay: USDC.into(),
                    invoice: "btt".into(),
                    rate: Decimal::percent(percent),
                },
            )
            .unwrap();
    };
    post(&mut suite, "oracle", 50);
    let id = suite.invoice(Denom::Btt, btt(10), None, None).unwrap();
    assert!(matches!(
        suite
            .pay_usdc("patient", id, btt(10), 100_000_000)
            .unwrap_err(),
        ContractError::StaleRate {
            fresh_needed: 2,
            ..
        }
    ));
    // A rogue feeder posting 1,000× cannot move the median of three.
    post(&mut suite, "feeder-2", 52);
    post(&mut suite, "feeder-3", 50_000);
    let rate: RateResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.payfi,
            &QueryMsg::Rate {
                pay: USDC.into(),
                invoice: "btt".into(),
            },
        )
        .unwrap();
    assert_eq!(rate.median, Some(Decimal::percent(52)));
    assert_eq!(rate.rates.len(), 3);
}

#[test]
fn a_stake_held_for_a_moment_gives_no_fee_discount() {
    let mut suite = Suite::new();
    suite.stake("patient", btt(100_000));
    let id = suite.invoice(Denom::Btt, btt(1_000), None, None).unwrap();
    let p = suite
        .pay_btt("patient", id, btt(1_000), btt(1_000))
        .unwrap();
    assert_eq!(suite.payment(p).fee, Bps(80), "the full 0.8%");
}
