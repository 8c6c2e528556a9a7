//! Issue 28, item 10: with every pausable contract paused, the DAO's `Deposit` still takes
//! value. The DAO has no circuit breaker (it is the authority that pauses the others, and the
//! guardian's power over it is the veto), and `Deposit` stays open by design: it is a donation
//! that harms nobody. It only credits a labelled fund that a passed proposal alone can spend, it
//! buys no vote, share or claim, and the fee router's development-fund and reserve shares arrive
//! as `Deposit` in the fee payer's own transaction, so refusing it would make every fee payment
//! of the suite fail.

use btt_testing::Harness;
use btt_types::dao::{ExecuteMsg, Fund};
use btt_types::units::btt;

use super::suite::Suite;
use crate::ContractError;

#[test]
fn a_treasury_deposit_buys_its_sender_nothing_and_only_a_proposal_spends_it() {
    let mut suite = Suite::new().with_stakers();
    let power_before = suite.staking_power("carol");
    let carol_before = suite.balance("carol");
    suite
        .deposit_btt("carol", Fund::OperationalReserve, btt(500))
        .unwrap();
    assert_eq!(suite.balance("carol"), carol_before - btt(500));
    let reserve = suite
        .treasury()
        .funds
        .into_iter()
        .find(|f| f.fund == Fund::OperationalReserve && f.denom == "btt")
        .unwrap();
    assert_eq!(reserve.amount, btt(500));
    // No vote weight, and no way to take it back but a passed proposal.
    assert_eq!(suite.staking_power("carol"), power_before);
    let spend = ExecuteMsg::Spend {
        fund: Fund::OperationalReserve,
        recipient: suite.addr("carol").to_string(),
        denom: "btt".into(),
        amount: btt(500),
    };
    assert!(matches!(
        suite.execute("carol", &spend).unwrap_err(),
        ContractError::Unauthorized { .. }
    ));
    assert_eq!(suite.balance("carol"), carol_before - btt(500));
}
