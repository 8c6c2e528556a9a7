use btt_types::staking::ExecuteMsg;
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE};
use crate::ContractError;

#[test]
fn rewards_are_shared_pro_rata_to_voting_power() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(1_000), 0).unwrap(); // power 1,000
    suite.stake("bob", btt(1_000), 5).unwrap(); // power 2,500
    suite.distribute("owner", btt(700)).unwrap();
    assert_eq!(suite.staker("alice").rewards, btt(200));
    assert_eq!(suite.staker("bob").rewards, btt(500));
    suite.claim_rewards("alice").unwrap();
    assert_eq!(suite.balance("alice"), btt(1_000_000 - 1_000 + 200));
    assert_eq!(
        suite.claim_rewards("alice").unwrap_err(),
        ContractError::NoRewards
    );
}

#[test]
fn a_staker_earns_nothing_from_rewards_paid_before_it_staked() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 0).unwrap();
    suite.distribute("owner", btt(100)).unwrap();
    suite.stake("bob", btt(100), 0).unwrap();
    assert_eq!(suite.staker("bob").rewards, Uint128::zero());
    suite.distribute("owner", btt(100)).unwrap();
    assert_eq!(suite.staker("alice").rewards, btt(150));
    assert_eq!(suite.staker("bob").rewards, btt(50));
}

#[test]
fn rewards_paid_while_nobody_stakes_wait_for_the_first_staker() {
    let mut suite = Suite::new();
    suite.distribute("owner", btt(90)).unwrap();
    assert_eq!(suite.totals().rewards_waiting, btt(90));
    suite.stake("alice", btt(10), 0).unwrap();
    assert_eq!(suite.totals().rewards_waiting, Uint128::zero());
    assert_eq!(suite.staker("alice").rewards, btt(90));
}

#[test]
fn rewards_keep_accruing_across_power_changes_down_to_zero_and_back() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 0).unwrap();
    suite.stake("bob", btt(100), 0).unwrap();
    suite.distribute("owner", btt(10)).unwrap();
    suite.unbond("alice", 1, None).unwrap();
    suite.distribute("owner", btt(10)).unwrap();
    assert_eq!(
        suite.staker("alice").rewards,
        btt(5),
        "earned before unbonding, kept"
    );
    assert_eq!(suite.staker("bob").rewards, btt(15));
    suite.stake("alice", btt(100), 0).unwrap();
    suite.distribute("owner", btt(10)).unwrap();
    assert_eq!(suite.staker("alice").rewards, btt(10));
}

#[test]
fn rewards_from_a_cw20_that_is_not_btt_are_rejected() {
    let mut suite = Suite::new();
    let fake = suite.fake_token();
    let msg = suite.staking.distribute_msg(&fake, btt(1)).unwrap();
    let err = suite.app.execute(suite.addr("owner"), msg).unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::UnknownToken(_)
    ));
}

#[test]
fn claim_rewards_with_funds_is_rejected() {
    let mut suite = Suite::new();
    let err = suite
        .execute_with_funds("alice", &ExecuteMsg::ClaimRewards {}, &coins(1, NATIVE))
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

use cw_multi_test::Executor;
