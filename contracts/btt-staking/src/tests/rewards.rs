use btt_testing::Harness;
use btt_types::staking::{ExecuteMsg, BTT_REWARDS};
use btt_types::units::btt;
use cosmwasm_std::{coin, coins, Uint128};
use cw_multi_test::Executor;
use cw_utils::PaymentError;

use super::suite::{Suite, DAY, NATIVE, REWARD_PERIOD};
use crate::ContractError;

/// `a` and `b` differ by at most one unit (rounding of the stream).
fn close(a: Uint128, b: Uint128) -> bool {
    a.max(b) - a.min(b) <= Uint128::one()
}

#[test]
fn rewards_stream_over_the_period_pro_rata_to_voting_power() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(1_000), 0).unwrap(); // power 1,000
    suite.stake("bob", btt(1_000), 5).unwrap(); // power 2,500
    suite.distribute("owner", btt(700)).unwrap();
    assert_eq!(
        suite.btt_rewards("alice"),
        Uint128::zero(),
        "nothing at once"
    );
    suite.advance(DAY);
    assert!(close(suite.btt_rewards("alice"), Uint128::new(28_571_428)));
    suite.advance(REWARD_PERIOD);
    assert!(close(suite.btt_rewards("alice"), btt(200)));
    assert!(close(suite.btt_rewards("bob"), btt(500)));
    let before = suite.balance("alice");
    suite.claim_rewards("alice").unwrap();
    assert!(close(suite.balance("alice") - before, btt(200)));
    assert_eq!(
        suite.claim_rewards("alice").unwrap_err(),
        ContractError::NoRewards
    );
}

#[test]
fn a_stake_made_just_before_a_deposit_earns_only_its_time_share() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(1_000), 0).unwrap();
    suite.distribute("owner", btt(700)).unwrap();
    suite.advance(6 * DAY);
    // The sniper stakes as much as alice for the last day of the stream.
    suite.stake("bob", btt(1_000), 0).unwrap();
    suite.advance(DAY);
    assert!(
        close(suite.btt_rewards("bob"), btt(50)),
        "half of one day's 100"
    );
    assert!(close(suite.btt_rewards("alice"), btt(650)));
    suite.advance(30 * DAY);
    assert!(
        close(suite.btt_rewards("bob"), btt(50)),
        "the stream has ended"
    );
}

#[test]
fn rewards_sent_while_nobody_stakes_wait_and_stream_from_the_first_stake() {
    let mut suite = Suite::new();
    suite.distribute("owner", btt(70)).unwrap();
    suite.advance(3 * DAY);
    let waiting = &suite.totals().rewards[0];
    assert!(
        close(waiting.waiting, btt(30)),
        "three days streamed to nobody"
    );
    suite.stake("alice", btt(10), 0).unwrap();
    assert_eq!(
        suite.btt_rewards("alice"),
        Uint128::zero(),
        "no lump to the first staker"
    );
    suite.advance(DAY);
    assert!(
        close(suite.btt_rewards("alice"), btt(10)),
        "70 over a new 7 days"
    );
    suite.advance(REWARD_PERIOD);
    assert!(close(suite.btt_rewards("alice"), btt(70)));
    assert_eq!(suite.totals().rewards[0].waiting, Uint128::zero());
}

#[test]
fn btt_and_a_native_denom_are_claimed_in_one_message() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 0).unwrap();
    suite.distribute("owner", btt(70)).unwrap();
    suite
        .distribute_native("erin", &coins(700, NATIVE))
        .unwrap();
    suite.advance(REWARD_PERIOD);
    let native_before = suite
        .app
        .wrap()
        .query_balance(suite.addr("alice"), NATIVE)
        .unwrap()
        .amount;
    let btt_before = suite.balance("alice");
    let res = suite.claim_rewards("alice").unwrap();
    assert!(close(suite.balance("alice") - btt_before, btt(70)));
    let native_after = suite
        .app
        .wrap()
        .query_balance(suite.addr("alice"), NATIVE)
        .unwrap()
        .amount;
    assert!(close(native_after - native_before, Uint128::new(700)));
    assert!(res
        .events
        .iter()
        .any(|e| e.attributes.iter().any(|a| a.key == "amount_untrn")));
    let totals = suite.totals();
    assert_eq!(
        totals
            .rewards
            .iter()
            .map(|r| r.denom.as_str())
            .collect::<Vec<_>>(),
        vec![BTT_REWARDS, NATIVE]
    );
}

#[test]
fn native_rewards_need_exactly_one_coin_of_a_reward_denom() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.distribute_native("erin", &[]).unwrap_err(),
        ContractError::Payment(PaymentError::NoFunds {})
    );
    assert_eq!(
        suite
            .distribute_native("erin", &[coin(1, NATIVE), coin(1, "uatom")])
            .unwrap_err(),
        ContractError::Payment(PaymentError::MultipleDenoms {})
    );
    assert_eq!(
        suite
            .distribute_native("erin", &coins(1, "uatom"))
            .unwrap_err(),
        ContractError::NotARewardDenom {
            denom: "uatom".into()
        }
    );
}

#[test]
fn rewards_keep_accruing_across_power_changes_down_to_zero_and_back() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 0).unwrap();
    suite.stake("bob", btt(100), 0).unwrap();
    suite.distribute("owner", btt(14)).unwrap();
    suite.advance(REWARD_PERIOD / 2);
    suite.unbond("alice", 1, None).unwrap();
    suite.advance(REWARD_PERIOD / 2);
    assert!(
        close(suite.btt_rewards("alice"), btt(35) / Uint128::new(10)),
        "earned before unbonding, kept"
    );
    assert!(close(suite.btt_rewards("bob"), btt(105) / Uint128::new(10)));
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
