use btt_testing::Harness;
use btt_types::dao::{ConfigResponse, ExecuteMsg, QueryMsg, VotingRules};
use btt_types::units::btt;
use cosmwasm_std::{coins, Decimal};
use cw_multi_test::Executor;
use cw_utils::PaymentError;

use super::suite::{instantiate_msg, Suite, DAY, NATIVE, TIMELOCK, UNBONDING};
use crate::ContractError;

fn update(voting_period_seconds: Option<u64>, rules: Option<VotingRules>) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig(btt_types::dao::ConfigUpdate {
        voting_period_seconds,
        rules,
        ..btt_types::dao::ConfigUpdate::default()
    })
}

fn try_instantiate(
    suite: &mut Suite,
    msg: &btt_types::dao::InstantiateMsg,
    funds: &[cosmwasm_std::Coin],
) -> ContractError {
    let owner = suite.addr("owner");
    suite
        .app
        .instantiate_contract(suite.dao_code_id, owner, msg, funds, "dao-2", None)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap()
}

#[test]
fn the_config_changes_only_by_proposal() {
    let mut suite = Suite::new().with_stakers();
    let msg = update(Some(10 * DAY), None);
    assert_eq!(
        suite.execute("alice", &msg).unwrap_err(),
        ContractError::Unauthorized {
            expected: suite.dao.addr().to_string()
        }
    );
    let change = suite.to_dao(&msg);
    let id = suite.passed(vec![change]);
    suite.advance(TIMELOCK);
    suite.execute_proposal(id).unwrap();
    let config: ConfigResponse = suite.query(&QueryMsg::Config {});
    assert_eq!(config.voting_period_seconds, 10 * DAY);
}

#[test]
fn a_config_proposal_that_breaks_a_rule_fails_to_execute() {
    let mut suite = Suite::new().with_stakers();
    let bad = suite.to_dao(&update(Some(UNBONDING), None));
    let id = suite.passed(vec![bad]);
    suite.advance(TIMELOCK);
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), btt_types::dao::Status::ExecutionFailed);
    let config: ConfigResponse = suite.query(&QueryMsg::Config {});
    assert_eq!(config.voting_period_seconds, super::suite::VOTING_PERIOD);
}

#[test]
fn malformed_configs_are_rejected_at_instantiate() {
    let mut suite = Suite::new();
    let base = instantiate_msg(suite.token.addr(), suite.staking.addr(), None);

    let mut msg = base.clone();
    msg.rules.quorum = Decimal::percent(101);
    assert_eq!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::InvalidRule {
            rule: "quorum",
            value: Decimal::percent(101)
        }
    );
    let mut msg = base.clone();
    msg.rules.threshold = Decimal::zero();
    assert_eq!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::InvalidRule {
            rule: "threshold",
            value: Decimal::zero()
        }
    );
    let mut msg = base.clone();
    msg.voting_period_seconds = UNBONDING;
    assert_eq!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::VotingPeriodNotBelowUnbonding {
            voting_period_seconds: UNBONDING,
            unbonding_seconds: UNBONDING
        }
    );
    let mut msg = base.clone();
    msg.voting_period_seconds = 0;
    assert_eq!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::ZeroVotingPeriod
    );
    let mut msg = base.clone();
    msg.deposit = btt(0);
    assert_eq!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::ZeroDeposit
    );
    let mut msg = base.clone();
    msg.guardian = Some(suite.addr("foundation").to_string());
    assert_eq!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::GuardianWithoutSunset
    );
    msg.guardian_sunset = Some(suite.app.block_info().time);
    assert!(matches!(
        try_instantiate(&mut suite, &msg, &[]),
        ContractError::SunsetInPast { .. }
    ));
    assert_eq!(
        try_instantiate(&mut suite, &base, &coins(1, NATIVE)),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}

#[test]
fn update_config_with_funds_is_rejected() {
    let mut suite = Suite::new();
    let err = suite
        .execute_with_funds("alice", &update(None, None), &coins(1, NATIVE))
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
