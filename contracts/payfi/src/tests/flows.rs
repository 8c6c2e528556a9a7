use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::payfi::{Denom, ExecuteMsg, InvoiceStatus, PaymentStatus};
use btt_types::units::btt;
use cosmwasm_std::{coins, Decimal, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, HOUR, USDC};
use crate::ContractError;

#[test]
fn a_payment_settles_to_the_provider_less_the_fee_after_the_window() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(1_000), Some("patient"), None)
        .unwrap();
    let payment = suite
        .pay_btt("patient", id, btt(1_000), btt(1_000))
        .unwrap();
    assert_eq!(suite.invoice_of(id).status, InvoiceStatus::Paid);
    assert_eq!(suite.held_btt(), btt(1_000));
    assert_eq!(suite.settle().unwrap_err(), ContractError::NothingToSettle);
    let (clinic, dao) = (suite.btt("clinic"), suite.btt("dao"));
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(
        suite.btt("clinic") - clinic,
        btt(992),
        "0.8% without a staking tier"
    );
    assert_eq!(suite.btt("dao") - dao, btt(8));
    assert_eq!(suite.payment(payment).status, PaymentStatus::Settled);
    assert_eq!(suite.held_btt(), Uint128::zero());
}

#[test]
fn the_better_staking_tier_of_payer_and_provider_sets_the_fee_and_analytics_adds_a_quarter() {
    let mut suite = Suite::new();
    suite.stake("patient", btt(100_000));
    suite.advance(btt_testing::TEST_TIER_AGE_SECONDS);
    let id = suite.invoice(Denom::Btt, btt(1_000), None, None).unwrap();
    let p = suite
        .pay_btt("patient", id, btt(1_000), btt(1_000))
        .unwrap();
    assert_eq!(suite.payment(p).fee.0, 50, "priority 3: 0.5%");
    let msg = ExecuteMsg::IssueInvoice(btt_types::payfi::NewInvoice {
        payer: None,
        denom: Denom::Btt,
        amount: btt(1_000),
        due: suite.now().plus_seconds(86_400),
        memo_hash: String::new(),
        points: None,
        analytics: true,
    });
    suite.execute("clinic", &msg).unwrap();
    let p2 = suite
        .pay_btt("patient2", 2, btt(1_000), btt(1_000))
        .unwrap();
    assert_eq!(suite.payment(p2).fee.0, 105, "0.8% + 0.25% analytics");
    let clinic = suite.btt("clinic");
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(
        suite.btt("clinic") - clinic,
        btt(995) + Uint128::new(989_500_000)
    );
    let analytics: btt_types::payfi::AnalyticsResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.payfi,
            &btt_types::payfi::QueryMsg::ProviderAnalytics {
                provider: suite.addr("clinic").to_string(),
            },
        )
        .unwrap();
    assert_eq!(
        (analytics.volumes[0].volume, analytics.volumes[0].count),
        (btt(1_000), 1)
    );
}

#[test]
fn an_invoice_in_usdc_is_paid_in_btt_at_the_oracle_rate_within_the_max_spend() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(
            Denom::Native(USDC.into()),
            Uint128::new(1_000_000_000),
            None,
            None,
        )
        .unwrap();
    assert_eq!(
        suite
            .pay_btt("patient", id, Uint128::new(1_000_000_000), btt(600))
            .unwrap_err(),
        ContractError::NoRate {
            pay: "btt".into(),
            invoice: USDC.into()
        }
    );
    suite
        .set_rate("btt", USDC, Decimal::from_ratio(2u128, 1u128))
        .unwrap();
    // 1,000 USDC = 500 BTT at 2 uusdc a ubtt, plus 0.75% = 503.75 BTT.
    assert_eq!(
        suite
            .pay_btt("patient", id, Uint128::new(1_000_000_000), btt(500))
            .unwrap_err(),
        ContractError::MaxSpendExceeded {
            spend: Uint128::new(503_750_000),
            max: btt(500)
        }
    );
    let before = suite.btt("patient");
    let p = suite
        .pay_btt("patient", id, Uint128::new(1_000_000_000), btt(600))
        .unwrap();
    assert_eq!(
        before - suite.btt("patient"),
        Uint128::new(503_750_000),
        "the change came back"
    );
    let payment = suite.payment(p);
    assert_eq!(
        (payment.principal, payment.conversion_fee),
        (btt(500), Uint128::new(3_750_000))
    );
    let (clinic, dao) = (suite.btt("clinic"), suite.btt("dao"));
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.btt("clinic") - clinic, btt(496), "500 less 0.8%");
    assert_eq!(suite.btt("dao") - dao, btt(4) + Uint128::new(3_750_000));
}

#[test]
fn a_stale_rate_is_rejected() {
    let mut suite = Suite::new();
    let id = suite.invoice(Denom::Btt, btt(10), None, None).unwrap();
    suite.set_rate(USDC, "btt", Decimal::percent(50)).unwrap();
    suite.advance(601);
    let err = suite
        .pay_usdc("patient", id, btt(10), 100_000_000)
        .unwrap_err();
    assert!(matches!(err, ContractError::StaleRate { .. }));
    suite.set_rate(USDC, "btt", Decimal::percent(50)).unwrap();
    let before = suite.usdc("patient");
    suite.pay_usdc("patient", id, btt(10), 100_000_000).unwrap();
    assert_eq!(
        before - suite.usdc("patient"),
        Uint128::new(20_150_000),
        "the rest of the max spend came back"
    );
    assert_eq!(
        suite.held_usdc(),
        Uint128::new(20_150_000),
        "20 USDC + 0.75%"
    );
}

#[test]
fn a_refund_inside_the_window_returns_the_funds_and_no_points_were_awarded() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), Some(50))
        .unwrap();
    let before = suite.btt("patient");
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    assert_eq!(
        suite.points_of("patient"),
        0,
        "points wait for the payment to settle"
    );
    assert_eq!(
        suite.refund("mallory", p, None).unwrap_err(),
        ContractError::NotProvider
    );
    suite.refund("clinic", p, Some(btt(40))).unwrap();
    assert_eq!(suite.invoice_of(id).status, InvoiceStatus::Open);
    assert_eq!(suite.points_of("patient"), 0);
    suite.refund("clinic", p, None).unwrap();
    assert_eq!(suite.btt("patient"), before);
    assert_eq!(suite.payment(p).status, PaymentStatus::Refunded);
    assert_eq!(suite.invoice_of(id).paid, Uint128::zero());
    assert_eq!(suite.held_btt(), Uint128::zero());
    assert_eq!(suite.settle().unwrap_err(), ContractError::NothingToSettle);
}

#[test]
fn after_the_window_a_refund_is_rejected_and_the_provider_is_paid() {
    let mut suite = Suite::new();
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    let p = suite.pay_btt("patient", id, btt(100), btt(100)).unwrap();
    suite.advance(HOUR);
    assert!(matches!(
        suite.refund("clinic", p, None).unwrap_err(),
        ContractError::WindowClosed { .. }
    ));
    suite.settle().unwrap();
    assert!(matches!(
        suite.refund("clinic", p, None).unwrap_err(),
        ContractError::PaymentNotPending { .. }
    ));
}

#[test]
fn invoices_are_paid_in_parts_never_beyond_their_amount_and_only_by_the_named_payer() {
    let mut suite = Suite::new();
    let id = suite
        .invoice(Denom::Btt, btt(100), Some("patient"), None)
        .unwrap();
    assert_eq!(
        suite.pay_btt("patient2", id, btt(10), btt(10)).unwrap_err(),
        ContractError::NotInvoicePayer
    );
    suite.pay_btt("patient", id, btt(60), btt(60)).unwrap();
    assert_eq!(
        suite.pay_btt("patient", id, btt(41), btt(41)).unwrap_err(),
        ContractError::Overpay {
            open: btt(40),
            amount: btt(41)
        }
    );
    assert_eq!(
        suite.pay_btt("patient", id, btt(40), btt(39)).unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: btt(40),
            got: btt(39)
        })
    );
    assert_eq!(
        suite
            .pay_btt("patient", id, Uint128::zero(), btt(1))
            .unwrap_err(),
        ContractError::ZeroAmount
    );
    suite.pay_btt("patient", id, btt(40), btt(40)).unwrap();
    assert!(matches!(
        suite.pay_btt("patient", id, btt(1), btt(1)).unwrap_err(),
        ContractError::InvoiceNotOpen { .. }
    ));
}

#[test]
fn a_cancelled_invoice_cannot_be_paid() {
    let mut suite = Suite::new();
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    assert_eq!(
        suite
            .execute("patient", &ExecuteMsg::CancelInvoice { invoice_id: id })
            .unwrap_err(),
        ContractError::NotProvider
    );
    suite
        .execute("clinic", &ExecuteMsg::CancelInvoice { invoice_id: id })
        .unwrap();
    assert!(matches!(
        suite
            .pay_btt("patient", id, btt(100), btt(100))
            .unwrap_err(),
        ContractError::InvoiceNotOpen { .. }
    ));
    let id2 = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    suite.pay_btt("patient", id2, btt(1), btt(1)).unwrap();
    assert_eq!(
        suite
            .execute("clinic", &ExecuteMsg::CancelInvoice { invoice_id: id2 })
            .unwrap_err(),
        ContractError::AlreadyPaid { invoice_id: id2 }
    );
}

#[test]
fn bad_invoices_and_denoms_get_clear_errors() {
    let mut suite = Suite::new();
    assert_eq!(
        suite
            .invoice(Denom::Btt, Uint128::zero(), None, None)
            .unwrap_err(),
        ContractError::ZeroAmount
    );
    assert_eq!(
        suite
            .invoice(Denom::Native("uatom".into()), btt(1), None, None)
            .unwrap_err(),
        ContractError::Paid(PaidError::UnknownDenom {
            denom: "uatom".into()
        })
    );
    assert_eq!(
        suite
            .invoice(Denom::Btt, btt(1), None, Some(0))
            .unwrap_err(),
        ContractError::InvalidPoints
    );
    let id = suite.invoice(Denom::Btt, btt(1), None, None).unwrap();
    // Paying a BTT invoice in USDC needs a fresh rate (the suite's feeders posted one for the
    // clinic's subscription, ten minutes ago).
    assert!(matches!(
        suite
            .pay_usdc("patient", id, btt(1), 10_000_000)
            .unwrap_err(),
        ContractError::StaleRate { .. }
    ));
    assert_eq!(
        suite.set_rate("btt", "uatom", Decimal::one()).unwrap_err(),
        ContractError::Paid(PaidError::UnknownDenom {
            denom: "uatom".into()
        })
    );
    let err = suite
        .execute(
            "patient",
            &ExecuteMsg::SetRate {
                pay: USDC.into(),
                invoice: "btt".into(),
                rate: Decimal::one(),
            },
        )
        .unwrap_err();
    assert_eq!(err, ContractError::NotFeeder);
}

#[test]
fn messages_without_payment_refuse_funds() {
    let mut suite = Suite::new();
    for msg in [
        ExecuteMsg::Settle { limit: None },
        ExecuteMsg::Refund {
            payment_id: 1,
            amount: None,
        },
        ExecuteMsg::CancelInvoice { invoice_id: 1 },
        ExecuteMsg::SetRate {
            pay: USDC.into(),
            invoice: "btt".into(),
            rate: Decimal::one(),
        },
    ] {
        let err = suite
            .execute_with_funds("patient", &msg, &coins(1, USDC))
            .unwrap_err();
        assert_eq!(
            err,
            ContractError::Payment(PaymentError::NonPayable {}),
            "{msg:?}"
        );
    }
}

#[test]
fn settlement_is_bounded_by_the_callers_limit() {
    let mut suite = Suite::new();
    for _ in 0..35 {
        let id = suite.invoice(Denom::Btt, btt(1), None, None).unwrap();
        suite.pay_btt("patient", id, btt(1), btt(1)).unwrap();
    }
    suite.advance(HOUR);
    let res = suite
        .execute("anyone", &ExecuteMsg::Settle { limit: Some(1_000) })
        .unwrap();
    assert_eq!(super::suite::attr(&res, "payments"), "30");
    suite.settle().unwrap();
    assert_eq!(suite.held_btt(), Uint128::zero());
}

#[test]
fn pending_settlements_page_through_every_payment_soonest_first_even_past_a_refunded_cursor() {
    let mut suite = Suite::new();
    let mut paid = vec![];
    for round in 0..2 {
        for _ in 0..7 {
            let id = suite.invoice(Denom::Btt, btt(1), None, None).unwrap();
            paid.push(suite.pay_btt("patient", id, btt(1), btt(1)).unwrap());
        }
        if round == 0 {
            suite.advance(60);
        }
    }
    // Soonest first, so the first round's payments lead; pages of 3 list each payment once.
    let (mut listed, mut cursor) = (vec![], None);
    loop {
        let page = suite.pending_page(cursor, 3).unwrap();
        let Some(last) = page.last().copied() else {
            break;
        };
        assert!(page.len() <= 3);
        listed.extend(page);
        cursor = Some(last);
    }
    assert_eq!(listed, paid);
    // A cursor that has left the queue (refunded) still marks its place in it.
    suite.refund("clinic", paid[4], None).unwrap();
    assert_eq!(
        suite.pending_page(Some(paid[4]), 3).unwrap(),
        paid[5..8].to_vec()
    );
    assert!(suite.pending_page(Some(999), 3).is_err(), "no payment 999");
}
