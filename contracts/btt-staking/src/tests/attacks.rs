//! Issue 28's attacks on staking rewards: the first staker after an empty period (item 4) and a
//! reward deposit into paused staking (item 10), with what an attacker tries around them.
//! Carol is the attacker, alice the honest staker; amounts in ubtt.

use btt_testing::Harness;
use btt_types::staking::{ConfigUpdate, ExecuteMsg, MAX_MIN_REWARD_POWER};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;

use super::suite::{Suite, DAY, NATIVE, REWARD_PERIOD, SUGGESTED_MIN_REWARD_POWER};
use crate::ContractError;

/// `a` is within `by` ubtt of `b`.
fn near(a: Uint128, b: Uint128, by: u128) -> bool {
    a.max(b) - a.min(b) <= Uint128::new(by)
}

/// Genesis staking (100,000 BTT of minimum reward power) after 7,000 BTT of rewards streamed
/// to nobody over a whole period: they all wait.
fn seven_thousand_waiting() -> Suite {
    let mut suite = Suite::with_min_reward_power(SUGGESTED_MIN_REWARD_POWER);
    assert_eq!(suite.config().min_reward_power, btt(100_000));
    suite.distribute("owner", btt(7_000)).unwrap();
    suite.advance(REWARD_PERIOD);
    assert!(near(suite.btt_waiting(), btt(7_000), 1));
    suite
}

#[test]
fn a_first_staker_after_an_empty_period_earns_its_share_not_the_waiting_pile() {
    let mut suite = seven_thousand_waiting();
    // Carol stakes 1 BTT first, alice 100,000 BTT a day later.
    suite.stake("carol", btt(1), 0).unwrap();
    suite.advance(DAY);
    assert_eq!(suite.btt_rewards("carol"), Uint128::zero());
    suite.stake("alice", btt(100_000), 0).unwrap();
    suite.advance(REWARD_PERIOD);
    // Before: carol collected 1,000.06 BTT and alice 5,999.94. Now the 7,000 stream from the
    // moment the total reached the minimum, pro rata: 7,000 × 1 / 100,001 to carol.
    let carol = suite.btt_rewards("carol");
    let alice = suite.btt_rewards("alice");
    assert!(near(carol, Uint128::new(69_999), 1), "carol {carol}");
    assert!(near(alice, Uint128::new(6_999_930_000), 2), "alice {alice}");
    assert!(btt(7_000) - carol - alice <= Uint128::new(2));
    // What 1 BTT earns in an ordinary stream of 7,000 BTT among 100,001 BTT of power.
    let before = suite.balance("carol");
    suite.claim_rewards("carol").unwrap();
    assert_eq!(suite.balance("carol") - before, carol);
    assert!(suite.btt_waiting() <= Uint128::one());
}

#[test]
fn a_dust_deposit_below_the_minimum_releases_only_the_stakers_share_of_the_pile() {
    let mut suite = seven_thousand_waiting();
    suite.stake("carol", btt(1), 0).unwrap();
    // Carol restarts the stream with 1 ubtt while she alone stakes.
    suite.distribute("carol", Uint128::one()).unwrap();
    suite.advance(REWARD_PERIOD);
    // 7,000 BTT streamed over the week; her 1 BTT of a 100,000 BTT minimum releases 0.07 BTT
    // of it, and the rest waits again.
    let carol = suite.btt_rewards("carol");
    assert!(near(carol, Uint128::new(70_000), 1), "carol {carol}");
    assert!(near(suite.btt_waiting(), btt(7_000) - carol, 2));
    // The pile streams to alice and carol pro rata once alice brings the total to the minimum.
    suite.stake("alice", btt(100_000), 0).unwrap();
    suite.advance(REWARD_PERIOD);
    let alice = suite.btt_rewards("alice");
    assert!(alice > btt(6_999), "alice {alice}");
    let carol_total = suite.btt_rewards("carol");
    assert!(carol_total < Uint128::new(140_000), "carol {carol_total}");
    // Less than 1 ubtt a staker and restart is left over.
    assert!(btt(7_000) + Uint128::one() - alice - carol_total <= Uint128::new(4));
}

#[test]
fn only_crossing_up_to_the_minimum_restreams_so_a_stake_does_not_stretch_the_period() {
    let mut suite = Suite::with_min_reward_power(SUGGESTED_MIN_REWARD_POWER);
    suite.stake("alice", btt(100_000), 0).unwrap();
    suite.distribute("owner", btt(700)).unwrap();
    let ends_at = suite.totals().rewards[0].ends_at;
    suite.advance(3 * DAY);
    suite.stake("carol", btt(10), 0).unwrap();
    suite.stake("bob", btt(1_000), 0).unwrap();
    assert_eq!(suite.totals().rewards[0].ends_at, ends_at);
    assert_eq!(suite.btt_waiting(), Uint128::zero());
}

#[test]
fn falling_below_the_minimum_sends_the_unreleased_part_to_waiting() {
    let mut suite = Suite::with_min_reward_power(SUGGESTED_MIN_REWARD_POWER);
    suite.stake("alice", btt(50_000), 0).unwrap();
    suite.distribute("owner", btt(700)).unwrap();
    suite.advance(REWARD_PERIOD);
    // Half the minimum: half of the 700 is alice's, the other half waits.
    assert!(near(suite.btt_rewards("alice"), btt(350), 1));
    assert!(near(suite.btt_waiting(), btt(350), 1));
    // Reaching the minimum streams the 350 again, to everyone staked from then on.
    suite.stake("bob", btt(50_000), 0).unwrap();
    suite.advance(REWARD_PERIOD);
    assert!(near(suite.btt_rewards("alice"), btt(525), 2));
    assert!(near(suite.btt_rewards("bob"), btt(175), 2));
}

#[test]
fn a_new_minimum_applies_from_now_never_to_time_already_streamed() {
    let mut suite = Suite::with_min_reward_power(SUGGESTED_MIN_REWARD_POWER);
    suite.stake("carol", btt(1), 0).unwrap();
    suite.distribute("owner", btt(700)).unwrap();
    suite.advance(REWARD_PERIOD / 2);
    // 350 streamed; carol's 1 BTT of the 100,000 minimum released 3,500 ubtt of it.
    let update = ExecuteMsg::UpdateConfig(ConfigUpdate {
        min_reward_power: Some(Uint128::one()),
        ..ConfigUpdate::default()
    });
    suite.execute("owner", &update).unwrap();
    assert!(near(suite.btt_rewards("carol"), Uint128::new(3_500), 1));
    assert_eq!(suite.config().min_reward_power, Uint128::one());
    // The total now reaches the new minimum: what waited and what was left stream again.
    suite.advance(REWARD_PERIOD);
    assert!(near(suite.btt_rewards("carol"), btt(700), 2));
}

#[test]
fn the_minimum_reward_power_is_the_owners_to_set_within_its_bounds() {
    let mut suite = Suite::new();
    let set = |power: u128| {
        ExecuteMsg::UpdateConfig(ConfigUpdate {
            min_reward_power: Some(Uint128::new(power)),
            ..ConfigUpdate::default()
        })
    };
    for bad in [0, MAX_MIN_REWARD_POWER.u128() + 1] {
        assert_eq!(
            suite.execute("owner", &set(bad)).unwrap_err(),
            ContractError::InvalidMinRewardPower {
                power: Uint128::new(bad),
                max: MAX_MIN_REWARD_POWER,
            }
        );
    }
    assert_eq!(
        suite.execute("carol", &set(5)).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        suite
            .execute_with_funds("owner", &set(5), &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.execute("owner", &set(5)).unwrap();
    assert_eq!(suite.config().min_reward_power, Uint128::new(5));
}

#[test]
fn instantiate_refuses_a_minimum_reward_power_of_zero() {
    use cw_multi_test::Executor;
    let mut suite = Suite::new();
    let msg = btt_types::staking::InstantiateMsg {
        min_reward_power: Uint128::zero(),
        ..super::suite::instantiate_msg(suite.token.addr())
    };
    let owner = suite.addr("owner");
    let code = suite.staking_code_id;
    let err = suite
        .app
        .instantiate_contract(code, owner, &msg, &[], "staking", None)
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::InvalidMinRewardPower {
            power: Uint128::zero(),
            max: MAX_MIN_REWARD_POWER,
        }
    );
}

#[test]
fn a_reward_deposit_into_paused_staking_starts_no_stream_and_streams_from_the_unpause() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(1_000), 0).unwrap();
    suite.distribute("owner", btt(70)).unwrap();
    suite.advance(DAY);
    suite.pause();
    // A fee delivery (the cw20 hook, as the fee router sends BTT) and a native one are taken,
    // so no fee payer's transaction fails, but neither starts a stream on frozen staking.
    let res = suite.distribute("bob", btt(700)).unwrap();
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "waits_for_unpause" && a.value == "true")));
    suite
        .distribute_native("erin", &coins(700, NATIVE))
        .unwrap();
    assert!(near(suite.btt_waiting(), btt(700), 0));
    // The stream begun before the pause runs on: alice earned it.
    suite.advance(REWARD_PERIOD);
    assert!(near(suite.btt_rewards("alice"), btt(70), 1));
    assert_eq!(suite.rewards_in("alice", NATIVE), Uint128::zero());
    // A new stake is refused, so nobody could buy into the parked 700 while paused.
    assert!(matches!(
        suite.stake("carol", btt(1_000), 0).unwrap_err(),
        ContractError::Circuit(_)
    ));
    // From the unpause they stream over a full period, to whoever stakes then.
    suite.unpause();
    assert_eq!(suite.btt_waiting(), Uint128::zero());
    suite.stake("carol", btt(1_000), 0).unwrap();
    suite.advance(REWARD_PERIOD);
    assert!(near(suite.btt_rewards("alice"), btt(70 + 350), 2));
    assert!(near(suite.btt_rewards("carol"), btt(350), 2));
    assert!(near(
        suite.rewards_in("carol", NATIVE),
        Uint128::new(350),
        1
    ));
}
