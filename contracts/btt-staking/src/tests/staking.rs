use btt_testing::Harness;
use btt_types::staking::{ExecuteMsg, ReceiveMsg};
use btt_types::token::UnknownToken;
use btt_types::units::{btt, MONTH_SECONDS};
use cosmwasm_std::{coins, to_json_binary, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_utils::PaymentError;

use super::suite::{Suite, NATIVE, UNBONDING};
use crate::ContractError;

#[test]
fn voting_power_is_stake_times_the_lock_multiplier() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(1_000), 0).unwrap();
    suite.stake("alice", btt(1_000), 3).unwrap();
    suite.stake("bob", btt(400), 5).unwrap();
    assert_eq!(suite.power("alice", None), btt(1_000 + 1_500));
    assert_eq!(suite.power("bob", None), btt(1_000));
    assert_eq!(suite.total_power(None), btt(3_500));
    let stakes = suite.stakes("alice").stakes;
    assert_eq!(stakes.len(), 2);
    assert_eq!(stakes[1].tier, "12 months");
    assert_eq!(suite.staker("alice").staked, btt(2_000));
    assert_eq!(suite.balance("alice"), btt(998_000));
}

#[test]
fn power_is_readable_at_any_past_height() {
    let mut suite = Suite::new();
    let h0 = suite.height();
    suite.stake("alice", btt(100), 4).unwrap();
    suite.advance(10);
    let h1 = suite.height();
    suite.stake("alice", btt(100), 0).unwrap();
    suite.advance(10);
    // The snapshot of a height is the state at the start of that block.
    assert_eq!(suite.power("alice", Some(h0)), Uint128::zero());
    assert_eq!(suite.power("alice", Some(h1)), btt(200));
    assert_eq!(suite.power("alice", Some(suite.height())), btt(300));
    assert_eq!(suite.total_power(Some(h1)), btt(200));
}

#[test]
fn a_stake_from_a_cw20_that_is_not_btt_is_rejected() {
    let mut suite = Suite::new();
    let fake = suite.fake_token();
    let err = suite.stake_with(&fake, "alice", btt(10)).unwrap_err();
    assert_eq!(
        err,
        ContractError::UnknownToken(UnknownToken {
            expected: suite.token.addr().clone(),
            got: fake.addr().clone()
        })
    );
}

#[test]
fn a_receive_with_native_funds_is_rejected() {
    let mut suite = Suite::new();
    let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: suite.addr("alice").to_string(),
        amount: btt(1),
        msg: to_json_binary(&ReceiveMsg::Stake { tier: 0 }).unwrap(),
    });
    let err = suite
        .execute_with_funds("alice", &msg, &coins(1, NATIVE))
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn an_unknown_tier_is_rejected() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.stake("alice", btt(1), 6).unwrap_err(),
        ContractError::TierNotFound { tier: 6 }
    );
}

#[test]
fn locked_stake_cannot_unbond_until_the_lock_ends() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 1).unwrap();
    let err = suite.unbond("alice", 1, None).unwrap_err();
    assert!(matches!(
        err,
        ContractError::StillLocked { stake_id: 1, .. }
    ));
    suite.advance(3 * MONTH_SECONDS);
    suite.unbond("alice", 1, None).unwrap();
    assert_eq!(suite.power("alice", None), Uint128::zero());
}

#[test]
fn unbonding_removes_power_at_once_and_pays_after_the_period() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 0).unwrap();
    suite.unbond("alice", 1, Some(btt(40))).unwrap();
    assert_eq!(suite.power("alice", None), btt(60));
    assert_eq!(suite.staker("alice").unbonding, btt(40));
    assert_eq!(
        suite.claim_unbonded("alice", None).unwrap_err(),
        ContractError::NothingToClaim
    );
    suite.advance(UNBONDING - 1);
    assert_eq!(
        suite.claim_unbonded("alice", None).unwrap_err(),
        ContractError::NothingToClaim
    );
    suite.advance(1);
    suite.claim_unbonded("alice", None).unwrap();
    assert_eq!(suite.balance("alice"), btt(1_000_000 - 60));
    assert_eq!(suite.totals().unbonding, Uint128::zero());
}

#[test]
fn bad_unbonds_are_rejected_with_clear_errors() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 0).unwrap();
    assert_eq!(
        suite.unbond("alice", 1, Some(btt(101))).unwrap_err(),
        ContractError::InsufficientStake {
            stake_id: 1,
            staked: btt(100),
            requested: btt(101)
        }
    );
    assert_eq!(
        suite.unbond("alice", 1, Some(Uint128::zero())).unwrap_err(),
        ContractError::ZeroAmount
    );
    assert_eq!(
        suite.unbond("alice", 2, None).unwrap_err(),
        ContractError::StakeNotFound { stake_id: 2 }
    );
    // Another staker cannot touch alice's stake: ids are per staker.
    assert_eq!(
        suite.unbond("mallory", 1, None).unwrap_err(),
        ContractError::StakeNotFound { stake_id: 1 }
    );
    let err = suite
        .execute_with_funds(
            "alice",
            &ExecuteMsg::Unbond {
                stake_id: 1,
                amount: None,
            },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn claims_of_matured_unbondings_are_bounded_by_the_callers_limit() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(35), 0).unwrap();
    for _ in 0..35 {
        suite.unbond("alice", 1, Some(btt(1))).unwrap();
    }
    suite.advance(UNBONDING);
    let before = suite.balance("alice");
    suite.claim_unbonded("alice", Some(1_000)).unwrap();
    assert_eq!(
        suite.balance("alice") - before,
        btt(30),
        "at most 30 a call"
    );
    suite.claim_unbonded("alice", None).unwrap();
    assert_eq!(suite.balance("alice") - before, btt(35));
    assert!(suite.unbondings("alice", None).unbondings.is_empty());
}

#[test]
fn claim_unbonded_with_funds_is_rejected() {
    let mut suite = Suite::new();
    let err = suite
        .execute_with_funds(
            "alice",
            &ExecuteMsg::ClaimUnbonded { limit: None },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
