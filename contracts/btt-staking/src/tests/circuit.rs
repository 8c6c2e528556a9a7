//! The circuit breaker: paused, no new stake comes in; unbonding and claims go on, and fee
//! deposits are taken but wait for the unpause (see `attacks`).

use btt_testing::Harness;
use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::staking::ExecuteMsg;
use btt_types::units::btt;

use super::suite::Suite;
use crate::ContractError;

fn pause() -> ExecuteMsg {
    ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "staking bug".into(),
    })
}

#[test]
fn paused_staking_takes_no_stake_but_unbonding_claims_and_fees_go_on() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(1_000), 0).unwrap();
    suite.distribute("bob", btt(70)).unwrap();
    assert_eq!(
        suite.execute("mallory", &pause()).unwrap_err(),
        ContractError::Circuit(CircuitError::NotPauser)
    );
    suite.execute("owner", &pause()).unwrap();
    assert!(matches!(
        suite.stake("bob", btt(1_000), 0).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    // fees still arrive (no fee-paying contract can be stopped by a paused staking), and wait
    suite.distribute("bob", btt(70)).unwrap();
    suite.advance(7 * 86_400);
    suite.claim_rewards("alice").unwrap();
    suite.unbond("alice", 1, None).unwrap();
    suite
        .execute("owner", &ExecuteMsg::Circuit(CircuitMsg::Unpause {}))
        .unwrap();
    suite.stake("bob", btt(1_000), 0).unwrap();
}
