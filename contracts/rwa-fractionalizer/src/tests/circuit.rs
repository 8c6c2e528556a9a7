//! The circuit breaker: paused, no share is bought, no income deposited and no bid placed;
//! holders still claim their income.

use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::fractionalizer::ExecuteMsg;
use cosmwasm_std::Uint128;

use super::suite::SuiteBuilder;
use crate::ContractError;

#[test]
fn paused_vaults_take_no_purchase_or_income_but_holders_still_claim() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.transfer_shares(v, "clinic", "alice", 250_000);
    suite.approve_shares(v, "clinic", 100_000);
    let l = suite
        .list("clinic", v, 100_000, Uint128::new(10_000))
        .unwrap();
    suite.deposit("clinic", v, 1_000).unwrap();
    let pause = ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "income bug".into(),
    });
    assert_eq!(
        suite.execute("alice", &pause).unwrap_err(),
        ContractError::Circuit(CircuitError::NotPauser)
    );
    suite.execute("owner", &pause).unwrap();
    assert!(matches!(
        suite.buy("bob", l, 1_000).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    assert!(matches!(
        suite.deposit("clinic", v, 1_000).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    suite.claim("alice", v).unwrap();
    assert_eq!(suite.claimable(v, "alice"), 0);
}
