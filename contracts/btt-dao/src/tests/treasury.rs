//! The labelled funds: deposits into a named fund, spends that name their fund and cannot
//! overdraw it, and proposals whose raw messages would eat into a fund fail whole.

use btt_testing::Harness;
use btt_types::dao::{ExecuteMsg, Fund, FundBalance, ReceiveMsg, Status};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_multi_test::Executor;

use super::suite::{NoWithVeto, Suite, DEPOSIT, NATIVE, VOTING_PERIOD};
use crate::ContractError;

fn fund(suite: &Suite, fund: Fund, denom: &str) -> Uint128 {
    suite
        .treasury()
        .funds
        .iter()
        .find(|f: &&FundBalance| f.fund == fund && f.denom == denom)
        .map_or(Uint128::zero(), |f| f.amount)
}

fn deposit_btt(
    suite: &mut Suite,
    who: &str,
    f: Fund,
    amount: Uint128,
) -> Result<(), ContractError> {
    let msg = suite
        .token
        .send_msg(suite.dao.addr(), amount, &ReceiveMsg::Deposit { fund: f })
        .unwrap();
    suite
        .app
        .execute(suite.addr(who), msg)
        .map(|_| ())
        .map_err(|e| e.downcast().unwrap())
}

fn spend(suite: &Suite, f: Fund, to: &str, amount: Uint128) -> cosmwasm_std::CosmosMsg {
    suite
        .dao
        .spend_msg(f, suite.addr(to).as_str(), "btt", amount)
        .unwrap()
}

#[test]
fn deposits_label_btt_and_native_funds_and_the_deposit_funds_are_the_daos_own() {
    let mut suite = Suite::new();
    deposit_btt(&mut suite, "alice", Fund::EcosystemDevelopment, btt(500)).unwrap();
    suite
        .execute_with_funds(
            "alice",
            &ExecuteMsg::Deposit {
                fund: Fund::DevelopmentFees,
            },
            &coins(300, NATIVE),
        )
        .unwrap();
    assert_eq!(fund(&suite, Fund::EcosystemDevelopment, "btt"), btt(500));
    assert_eq!(
        fund(&suite, Fund::DevelopmentFees, NATIVE),
        Uint128::new(300)
    );
    assert_eq!(
        deposit_btt(&mut suite, "alice", Fund::DepositsHeld, btt(1)).unwrap_err(),
        ContractError::NotDepositable {
            fund: Fund::DepositsHeld
        }
    );
    assert!(matches!(
        suite
            .execute(
                "alice",
                &ExecuteMsg::Deposit {
                    fund: Fund::OperationalReserve
                }
            )
            .unwrap_err(),
        ContractError::Payment(_)
    ));
}

#[test]
fn a_spend_names_its_fund_and_cannot_overdraw_it() {
    let mut suite = Suite::new().with_stakers();
    deposit_btt(&mut suite, "alice", Fund::EcosystemDevelopment, btt(500)).unwrap();
    // only the DAO itself spends
    let direct = ExecuteMsg::Spend {
        fund: Fund::EcosystemDevelopment,
        recipient: suite.addr("dave").to_string(),
        denom: "btt".into(),
        amount: btt(1),
    };
    assert!(matches!(
        suite.execute("alice", &direct).unwrap_err(),
        ContractError::Unauthorized { .. }
    ));
    // 600 from a fund of 500 fails whole
    let id = suite.passed(vec![spend(
        &suite,
        Fund::EcosystemDevelopment,
        "dave",
        btt(600),
    )]);
    suite.past_timelock();
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), Status::ExecutionFailed);
    assert_eq!(suite.balance("grantee"), Uint128::zero());
    // 200 is paid, and the fund says what is left
    let id = suite.passed(vec![spend(
        &suite,
        Fund::EcosystemDevelopment,
        "grantee",
        btt(200),
    )]);
    suite.past_timelock();
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), Status::Executed);
    assert_eq!(suite.balance("grantee"), btt(200));
    assert_eq!(fund(&suite, Fund::EcosystemDevelopment, "btt"), btt(300));
}

#[test]
fn a_raw_transfer_may_spend_unlabelled_btt_but_never_a_labelled_fund() {
    let mut suite = Suite::new().with_stakers();
    let unlabelled = suite.treasury().btt;
    deposit_btt(&mut suite, "alice", Fund::UnallocatedReserve, btt(500)).unwrap();
    let raw = suite.pay("dave", unlabelled + btt(1));
    let id = suite.passed(vec![raw]);
    suite.past_timelock();
    suite.execute_proposal(id).unwrap();
    assert_eq!(
        suite.status(id),
        Status::ExecutionFailed,
        "it would eat the reserve"
    );
    let raw = suite.pay("dave", btt(10));
    let id = suite.passed(vec![raw]);
    suite.past_timelock();
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), Status::Executed);
    assert_eq!(fund(&suite, Fund::UnallocatedReserve, "btt"), btt(500));
}

#[test]
fn a_vetoed_proposals_deposit_is_kept_as_a_labelled_fund() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    suite.vote("alice", id, NoWithVeto).unwrap();
    suite.advance(VOTING_PERIOD);
    suite.close(id).unwrap();
    assert_eq!(suite.status(id), Status::Vetoed);
    assert_eq!(fund(&suite, Fund::VetoedDeposits, "btt"), DEPOSIT);
    assert_eq!(fund(&suite, Fund::DepositsHeld, "btt"), Uint128::zero());
}
