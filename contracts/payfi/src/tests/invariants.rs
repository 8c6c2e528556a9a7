//! Property: random invoices, payments, refunds and settlements. The contract always holds
//! exactly the unsettled funds and the whole units of its fee router's carries, and every
//! payment ends settled or refunded exactly once.

use btt_testing::Harness;
use btt_types::payfi::{Denom, PaymentStatus};
use btt_types::units::btt;
use cosmwasm_std::{Decimal, Uint128};
use proptest::prelude::*;

use super::suite::{Suite, HOUR, USDC};

/// The whole units the fee router keeps for its payees, BTT and native.
fn router_held(suite: &Suite) -> (Uint128, Uint128) {
    let rows: Vec<btt_types::fee_router::RoutedTotal> = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.payfi, &btt_types::payfi::QueryMsg::FeesRouted {})
        .unwrap();
    let (mut btt, mut native) = (Uint128::zero(), Uint128::zero());
    for row in rows {
        assert_fewer_than_payees(row.held);
        match row.asset {
            btt_types::asset::Asset::Cw20(_) => btt += row.held,
            btt_types::asset::Asset::Native(_) => native += row.held,
        }
    }
    (btt, native)
}

/// Each stream keeps fewer whole units than it has payees.
fn assert_fewer_than_payees(held: Uint128) {
    assert!(held < Uint128::new(5), "a stream holds {held}");
}

#[derive(Debug, Clone)]
enum Op {
    Invoice(u8),
    PayBtt(u8, u8),
    PayUsdc(u8, u8),
    Refund(u8, u8),
    Settle,
    Wait(u16),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1..100u8).prop_map(Op::Invoice),
        (any::<u8>(), 1..100u8).prop_map(|(i, a)| Op::PayBtt(i, a)),
        (any::<u8>(), 1..100u8).prop_map(|(i, a)| Op::PayUsdc(i, a)),
        (any::<u8>(), 0..100u8).prop_map(|(p, a)| Op::Refund(p, a)),
        Just(Op::Settle),
        (1..1_200u16).prop_map(Op::Wait),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_contract_holds_exactly_the_unsettled_funds(ops in prop::collection::vec(op(), 1..40)) {
        let mut suite = Suite::new();
        suite.set_rate(USDC, "btt", Decimal::percent(50)).unwrap();
        let mut invoices = vec![];
        let mut payments: Vec<u64> = vec![];
        for op in ops {
            match op {
                Op::Invoice(a) => invoices.push(suite.invoice(Denom::Btt, btt(u128::from(a)), Some("patient"), Some(1)).unwrap()),
                Op::PayBtt(i, a) if !invoices.is_empty() => {
                    let id = invoices[i as usize % invoices.len()];
                    if let Ok(p) = suite.pay_btt("patient", id, Uint128::new(u128::from(a) * 10_000), Uint128::new(u128::from(a) * 10_000)) {
                        payments.push(p);
                    }
                }
                Op::PayUsdc(i, a) if !invoices.is_empty() => {
                    let id = invoices[i as usize % invoices.len()];
                    if let Ok(p) = suite.pay_usdc("patient2", id, Uint128::new(u128::from(a) * 10_000), 10_000_000) {
                        payments.push(p);
                    }
                }
                Op::Refund(p, a) if !payments.is_empty() => {
                    let id = payments[p as usize % payments.len()];
                    let amount = if a == 0 { None } else { Some(Uint128::new(u128::from(a))) };
                    let _ = suite.refund("clinic", id, amount);
                }
                Op::Settle => { let _ = suite.settle(); }
                Op::Wait(s) => suite.advance(u64::from(s) * 3),
                _ => {}
            }
            let (mut btt_held, mut usdc_held) = (Uint128::zero(), Uint128::zero());
            for id in &payments {
                let p = suite.payment(*id);
                if p.status == PaymentStatus::Pending {
                    let held = p.principal - p.refunded + p.conversion_fee;
                    match p.asset {
                        btt_types::asset::Asset::Cw20(_) => btt_held += held,
                        btt_types::asset::Asset::Native(_) => usdc_held += held,
                    }
                }
            }
            let (btt_carried, usdc_carried) = router_held(&suite);
            prop_assert_eq!(suite.held_btt(), btt_held + btt_carried);
            prop_assert_eq!(suite.held_usdc(), usdc_held + usdc_carried);
        }
        suite.advance(HOUR);
        while suite.settle().is_ok() {}
        for id in &payments {
            prop_assert_ne!(suite.payment(*id).status, PaymentStatus::Pending);
        }
        let (btt_carried, usdc_carried) = router_held(&suite);
        prop_assert_eq!(suite.held_btt(), btt_carried);
        prop_assert_eq!(suite.held_usdc(), usdc_carried);
    }
}
