use btt_testing::Harness;
use btt_types::dao::{ExecuteMsg, Status};
use btt_types::staking;
use btt_types::units::btt;
use cosmwasm_std::{coins, to_json_binary, Uint128, WasmMsg};
use cw_multi_test::Executor;
use cw_ownable::{Action, Ownership};
use cw_utils::PaymentError;

use super::suite::{Suite, Yes, DEPOSIT, NATIVE, TIMELOCK, TREASURY};
use crate::ContractError;

#[test]
fn a_passed_proposal_executes_after_the_timelock_and_spends_the_treasury() {
    let mut suite = Suite::new().with_stakers();
    let pay = suite.pay("dave", btt(5_000));
    let id = suite.passed(vec![pay]);
    let err = suite.execute_proposal(id).unwrap_err();
    assert!(matches!(err, ContractError::TimelockNotOver { .. }));
    suite.advance(TIMELOCK);
    let alice = suite.balance("alice");
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), Status::Executed);
    assert_eq!(suite.balance("dave"), btt(1_005_000));
    assert_eq!(suite.balance("alice"), alice + DEPOSIT, "deposit refunded");
    assert_eq!(suite.treasury().btt, TREASURY - btt(5_000));
    assert_eq!(
        suite.execute_proposal(id).unwrap_err(),
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Executed
        }
    );
}

#[test]
fn a_proposal_whose_message_fails_ends_execution_failed_with_the_treasury_untouched() {
    let mut suite = Suite::new().with_stakers();
    let msgs = vec![
        suite.pay("dave", btt(10)),
        suite.pay("dave", btt(10_000_000)),
    ];
    let id = suite.passed(msgs);
    suite.advance(TIMELOCK);
    let alice = suite.balance("alice");
    let res = suite.execute_proposal(id).unwrap();
    assert!(res
        .events
        .iter()
        .any(|e| e.attributes.iter().any(|a| a.value == "execution_failed")));
    assert_eq!(suite.status(id), Status::ExecutionFailed);
    assert_eq!(
        suite.balance("dave"),
        btt(1_000_000),
        "the first transfer was undone too"
    );
    assert_eq!(suite.treasury().btt, TREASURY);
    assert_eq!(suite.balance("alice"), alice + DEPOSIT);
}

#[test]
fn a_proposal_cannot_spend_deposits_held_for_other_proposals() {
    let mut suite = Suite::new().with_stakers();
    let drain = suite.pay("dave", TREASURY + DEPOSIT);
    let id = suite.propose("alice", vec![drain]).unwrap();
    suite.vote("alice", id, Yes).unwrap();
    suite.vote("bob", id, Yes).unwrap();
    let other = suite.propose("bob", vec![]).unwrap();
    suite.advance(super::suite::VOTING_PERIOD + TIMELOCK);
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), Status::ExecutionFailed);
    assert_eq!(
        suite.treasury().deposits_held,
        DEPOSIT,
        "bob's deposit is still held"
    );
    assert_eq!(suite.status(other), Status::Rejected);
}

#[test]
fn a_rejected_or_open_proposal_cannot_execute() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    assert_eq!(
        suite.execute_proposal(id).unwrap_err(),
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Open
        }
    );
    suite.past_timelock();
    assert_eq!(
        suite.execute_proposal(id).unwrap_err(),
        ContractError::NotPassed {
            proposal_id: id,
            status: Status::Rejected
        }
    );
}

#[test]
fn a_proposal_migrates_a_contract_the_dao_administers() {
    let mut suite = Suite::new().with_stakers();
    let new_code = suite.app.store_code(super::suite::staking_code());
    let migrate = WasmMsg::Migrate {
        contract_addr: suite.staking.addr().to_string(),
        new_code_id: new_code,
        msg: to_json_binary(&staking::MigrateMsg {}).unwrap(),
    };
    let id = suite.passed(vec![migrate.into()]);
    suite.advance(TIMELOCK);
    suite.execute_proposal(id).unwrap();
    assert_eq!(suite.status(id), Status::Executed);
    let info = suite
        .app
        .wrap()
        .query_wasm_contract_info(suite.staking.addr())
        .unwrap();
    assert_eq!(info.code_id, new_code);
    assert_eq!(info.admin, Some(suite.dao.addr().clone()));
    assert_eq!(
        suite
            .staking
            .total_power_at(&suite.app.wrap(), suite.app.block_info().height)
            .unwrap(),
        btt(900)
    );
}

#[test]
fn anyone_makes_the_dao_accept_ownership_offered_to_it() {
    let mut suite = Suite::new();
    let offer = staking::ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
        new_owner: suite.dao.addr().to_string(),
        expiry: None,
    });
    suite
        .app
        .execute_contract(
            suite.addr("owner"),
            suite.staking.addr().clone(),
            &offer,
            &[],
        )
        .unwrap();
    suite
        .execute(
            "anyone",
            &ExecuteMsg::AcceptOwnership {
                contract: suite.staking.addr().to_string(),
            },
        )
        .unwrap();
    let ownership: Ownership<cosmwasm_std::Addr> = suite
        .app
        .wrap()
        .query_wasm_smart(suite.staking.addr(), &staking::QueryMsg::Ownership {})
        .unwrap();
    assert_eq!(ownership.owner, Some(suite.dao.addr().clone()));
    let err = suite
        .execute_with_funds(
            "alice",
            &ExecuteMsg::AcceptOwnership {
                contract: suite.staking.addr().to_string(),
            },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn internal_messages_are_for_the_dao_alone() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    let expected = ContractError::Unauthorized {
        expected: suite.dao.addr().to_string(),
    };
    assert_eq!(
        suite
            .execute("alice", &ExecuteMsg::RunProposal { proposal_id: id })
            .unwrap_err(),
        expected
    );
    assert_eq!(
        suite
            .execute("alice", &ExecuteMsg::AssertDepositsCovered {})
            .unwrap_err(),
        expected
    );
    let _ = Uint128::zero();
}
