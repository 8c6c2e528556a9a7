use btt_testing::Harness;
use btt_types::dao::{self, VotingRules};
use btt_types::staking::{ExecuteMsg, FeeTier, LockTier};
use btt_types::units::btt;
use cosmwasm_std::{coins, Decimal};
use cw_multi_test::{ContractWrapper, Executor};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;

use super::suite::{instantiate_msg, Suite, DAY, NATIVE, UNBONDING};
use crate::ContractError;

fn update(
    lock_tiers: Option<Vec<LockTier>>,
    unbonding_seconds: Option<u64>,
    fee_tiers: Option<Vec<FeeTier>>,
) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig(btt_types::staking::ConfigUpdate {
        lock_tiers,
        unbonding_seconds,
        fee_tiers,
        ..btt_types::staking::ConfigUpdate::default()
    })
}

fn tier(name: &str, lock_seconds: u64, multiplier: Decimal) -> LockTier {
    LockTier {
        name: name.into(),
        lock_seconds,
        multiplier,
    }
}

#[test]
fn a_multiplier_below_one_is_rejected() {
    let mut suite = Suite::new();
    let err = suite
        .execute(
            "owner",
            &update(
                Some(vec![tier("cheap", 0, Decimal::percent(99))]),
                None,
                None,
            ),
        )
        .unwrap_err();
    assert_eq!(
        err,
        ContractError::InvalidMultiplier {
            name: "cheap".into(),
            multiplier: Decimal::percent(99)
        }
    );
}

#[test]
fn malformed_tiers_are_rejected() {
    let mut suite = Suite::new();
    let one = Decimal::one();
    for (tiers, expected) in [
        (vec![], ContractError::LockTierCount { max: 10 }),
        (
            vec![tier("a", 5, one), tier("b", 5, one)],
            ContractError::LockTiersOutOfOrder,
        ),
        (
            vec![tier("a", 0, one), tier("a", 5, one)],
            ContractError::InvalidTierName,
        ),
        (
            vec![tier("a", 0, Decimal::percent(1_001))],
            ContractError::InvalidMultiplier {
                name: "a".into(),
                multiplier: Decimal::percent(1_001),
            },
        ),
    ] {
        assert_eq!(
            suite
                .execute("owner", &update(Some(tiers), None, None))
                .unwrap_err(),
            expected
        );
    }
    let unordered = vec![
        FeeTier {
            min_stake: btt(10),
            discount: btt_types::Bps(10),
            priority: 1,
        },
        FeeTier {
            min_stake: btt(10),
            discount: btt_types::Bps(20),
            priority: 2,
        },
    ];
    assert_eq!(
        suite
            .execute("owner", &update(None, None, Some(unordered)))
            .unwrap_err(),
        ContractError::InvalidFeeTiers
    );
    assert_eq!(
        suite
            .execute("owner", &update(None, Some(0), None))
            .unwrap_err(),
        ContractError::ZeroUnbonding
    );
}

#[test]
fn new_tiers_apply_to_new_stakes_only() {
    let mut suite = Suite::new();
    suite.stake("alice", btt(100), 5).unwrap();
    suite
        .execute(
            "owner",
            &update(Some(vec![tier("flat", 0, Decimal::one())]), None, None),
        )
        .unwrap();
    assert_eq!(suite.power("alice", None), btt(250));
    suite.stake("alice", btt(100), 0).unwrap();
    assert_eq!(suite.power("alice", None), btt(350));
    assert_eq!(
        suite.stake("alice", btt(1), 5).unwrap_err(),
        ContractError::TierNotFound { tier: 5 }
    );
}

#[test]
fn only_the_owner_updates_the_config_and_without_funds() {
    let mut suite = Suite::new();
    let msg = update(None, Some(30 * DAY), None);
    assert_eq!(
        suite.execute("alice", &msg).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        suite
            .execute_with_funds("owner", &msg, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    suite.execute("owner", &msg).unwrap();
    assert_eq!(
        suite
            .staking
            .config(&suite.app.wrap())
            .unwrap()
            .unbonding_seconds,
        30 * DAY
    );
}

#[test]
fn unbonding_must_exceed_the_daos_voting_period() {
    let mut suite = Suite::new();
    let dao_code = suite.app.store_code(Box::new(
        ContractWrapper::new(
            btt_dao::contract::execute,
            btt_dao::contract::instantiate,
            btt_dao::contract::query,
        )
        .with_reply(btt_dao::contract::reply),
    ));
    let dao = suite
        .app
        .instantiate_contract(
            dao_code,
            suite.addr("owner"),
            &dao::InstantiateMsg {
                token: suite.token.addr().to_string(),
                staking: suite.staking.addr().to_string(),
                voting_period_seconds: 7 * DAY,
                timelock_seconds: DAY,
                deposit: btt(1_000),
                rules: VotingRules::default(),
                guardian: None,
                guardian_sunset: None,
            },
            &[],
            "dao",
            None,
        )
        .unwrap();
    let set_dao = ExecuteMsg::UpdateConfig(btt_types::staking::ConfigUpdate {
        dao: Some(dao.to_string()),
        ..btt_types::staking::ConfigUpdate::default()
    });
    suite.execute("owner", &set_dao).unwrap();
    assert_eq!(
        suite
            .execute("owner", &update(None, Some(7 * DAY), None))
            .unwrap_err(),
        ContractError::UnbondingNotAboveVotingPeriod {
            unbonding_seconds: 7 * DAY,
            voting_period_seconds: 7 * DAY
        }
    );
    suite
        .execute("owner", &update(None, Some(7 * DAY + 1), None))
        .unwrap();

    // At instantiate too, when the DAO is named.
    let mut msg = instantiate_msg(suite.token.addr());
    msg.dao = Some(dao.to_string());
    msg.unbonding_seconds = DAY;
    let err = suite
        .app
        .instantiate_contract(
            suite.staking_code_id,
            suite.addr("owner"),
            &msg,
            &[],
            "staking-2",
            None,
        )
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::UnbondingNotAboveVotingPeriod { .. }
    ));
    let _ = UNBONDING;
}

fn reward_update(denoms: Option<Vec<&str>>, period: Option<u64>) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig(btt_types::staking::ConfigUpdate {
        reward_denoms: denoms.map(|d| d.into_iter().map(String::from).collect()),
        reward_period_seconds: period,
        ..btt_types::staking::ConfigUpdate::default()
    })
}

#[test]
fn reward_denoms_only_grow_and_the_period_stays_in_its_bounds() {
    let mut suite = Suite::new();
    suite
        .execute("owner", &reward_update(Some(vec![NATIVE, "uusdc"]), None))
        .unwrap();
    for bad in [
        vec!["uusdc"],
        vec![],
        vec![NATIVE, "uusdc", "uusdc"],
        vec![NATIVE, "uusdc", "btt"],
        vec![NATIVE, "uusdc", "a", "b", "c", "d"],
    ] {
        assert_eq!(
            suite
                .execute("owner", &reward_update(Some(bad.clone()), None))
                .unwrap_err(),
            ContractError::InvalidRewardDenoms { max: 5 },
            "{bad:?}"
        );
    }
    for bad in [DAY - 1, 90 * DAY + 1] {
        assert!(matches!(
            suite
                .execute("owner", &reward_update(None, Some(bad)))
                .unwrap_err(),
            ContractError::InvalidRewardPeriod { .. }
        ));
    }
    suite
        .execute("owner", &reward_update(None, Some(DAY)))
        .unwrap();
    assert_eq!(
        suite
            .execute("alice", &reward_update(None, Some(DAY)))
            .unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
}
