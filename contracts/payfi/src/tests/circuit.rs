//! The circuit breaker: paused, no invoice is issued and nothing is paid; what is already paid
//! still settles or is refunded.

use btt_testing::Harness;
use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::payfi::{Denom, ExecuteMsg};
use btt_types::units::btt;

use super::suite::{Suite, HOUR};
use crate::ContractError;

#[test]
fn paused_payfi_takes_no_payment_but_settles_and_refunds_what_it_holds() {
    let mut suite = Suite::new();
    let id = suite.invoice(Denom::Btt, btt(100), None, None).unwrap();
    suite.pay_btt("patient", id, btt(40), btt(40)).unwrap();
    let second = suite.pay_btt("patient", id, btt(30), btt(30)).unwrap();
    let pause = ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "rate oracle".into(),
    });
    assert_eq!(
        suite.execute("patient", &pause).unwrap_err(),
        ContractError::Circuit(CircuitError::NotPauser)
    );
    suite.execute("owner", &pause).unwrap();
    assert!(matches!(
        suite.pay_btt("patient", id, btt(30), btt(30)).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    assert!(matches!(
        suite.invoice(Denom::Btt, btt(1), None, None).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    suite.refund("clinic", second, None).unwrap();
    suite.advance(HOUR);
    suite.settle().unwrap();
    assert_eq!(suite.held_btt(), cosmwasm_std::Uint128::zero());
}
