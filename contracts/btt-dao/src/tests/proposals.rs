use btt_testing::Harness;
use btt_types::dao::{
    ExecuteMsg, ProposalsResponse, QueryMsg, ReceiveMsg, Status, MAX_PROPOSAL_MSGS,
};
use btt_types::token::UnknownToken;
use btt_types::units::btt;
use cosmwasm_std::{coins, to_json_binary};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use cw_utils::PaymentError;

use super::suite::{Suite, DEPOSIT, NATIVE, VOTING_PERIOD};
use crate::ContractError;

#[test]
fn a_proposal_takes_the_deposit_and_freezes_total_power() {
    let mut suite = Suite::new().with_stakers();
    let before = suite.balance("dave");
    let id = suite.propose("dave", vec![]).unwrap();
    assert_eq!(suite.balance("dave"), before - DEPOSIT);
    let p = suite.proposal(id);
    assert_eq!(p.status, Status::Open);
    assert_eq!(p.proposal.total_power, btt(900));
    assert_eq!(p.proposal.start_height, suite.app.block_info().height);
    assert_eq!(
        p.proposal.voting_ends_at,
        suite.app.block_info().time.plus_seconds(VOTING_PERIOD)
    );
    assert_eq!(suite.treasury().deposits_held, DEPOSIT);
}

#[test]
fn a_wrong_deposit_is_rejected() {
    let mut suite = Suite::new().with_stakers();
    for deposit in [DEPOSIT - btt(1), DEPOSIT + btt(1)] {
        assert_eq!(
            suite
                .propose_with("alice", deposit, "t", vec![])
                .unwrap_err(),
            ContractError::WrongDeposit {
                expected: DEPOSIT,
                sent: deposit
            }
        );
    }
}

#[test]
fn a_proposal_hook_from_a_cw20_that_is_not_btt_is_rejected() {
    let mut suite = Suite::new().with_stakers();
    let owner = suite.addr("owner");
    let fake = suite
        .app
        .instantiate_contract(
            suite.token_code_id,
            owner.clone(),
            &btt_types::token::InstantiateMsg {
                name: "Fake".into(),
                symbol: "FAKE".into(),
                initial_balances: vec![cw20::Cw20Coin {
                    address: owner.to_string(),
                    amount: btt_types::units::TOTAL_SUPPLY,
                }],
                marketing: None,
            },
            &[],
            "fake",
            None,
        )
        .unwrap();
    let msg = suite
        .dao
        .propose_msg(
            &btt_types::token::TokenContract(fake.clone()),
            DEPOSIT,
            "t",
            "d",
            vec![],
        )
        .unwrap();
    let err = suite
        .app
        .execute(owner, msg)
        .unwrap_err()
        .downcast::<ContractError>()
        .unwrap();
    assert_eq!(
        err,
        ContractError::UnknownToken(UnknownToken {
            expected: suite.token.addr().clone(),
            got: fake
        })
    );
}

#[test]
fn a_receive_with_native_funds_is_rejected() {
    let mut suite = Suite::new().with_stakers();
    let hook = ReceiveMsg::Propose {
        title: "t".into(),
        description: String::new(),
        msgs: vec![],
    };
    let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: suite.addr("alice").to_string(),
        amount: DEPOSIT,
        msg: to_json_binary(&hook).unwrap(),
    });
    let err = suite
        .execute_with_funds("alice", &msg, &coins(1, NATIVE))
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn malformed_proposals_are_rejected() {
    let mut suite = Suite::new().with_stakers();
    assert_eq!(
        suite
            .propose_with("alice", DEPOSIT, "", vec![])
            .unwrap_err(),
        ContractError::InvalidTitle { max: 128 }
    );
    let long = "x".repeat(129);
    assert_eq!(
        suite
            .propose_with("alice", DEPOSIT, &long, vec![])
            .unwrap_err(),
        ContractError::InvalidTitle { max: 128 }
    );
    let msgs = vec![suite.pay("dave", btt(1)); MAX_PROPOSAL_MSGS + 1];
    assert_eq!(
        suite.propose("alice", msgs).unwrap_err(),
        ContractError::TooManyMessages {
            max: MAX_PROPOSAL_MSGS
        }
    );
}

#[test]
fn nobody_can_propose_before_anyone_stakes() {
    let mut suite = Suite::new();
    assert_eq!(
        suite.propose("alice", vec![]).unwrap_err(),
        ContractError::NoVotingPower
    );
}

#[test]
fn proposals_are_listed_a_page_at_a_time_with_their_status_now() {
    let mut suite = Suite::new().with_stakers();
    for _ in 0..35 {
        suite.propose("alice", vec![]).unwrap();
    }
    let page: ProposalsResponse = suite.query(&QueryMsg::Proposals {
        start_after: None,
        limit: Some(1_000),
    });
    assert_eq!(page.proposals.len(), 30);
    let rest: ProposalsResponse = suite.query(&QueryMsg::Proposals {
        start_after: Some(30),
        limit: None,
    });
    assert_eq!(
        rest.proposals
            .iter()
            .map(|p| p.proposal.id)
            .collect::<Vec<_>>(),
        vec![31, 32, 33, 34, 35]
    );
    suite.advance(VOTING_PERIOD);
    let after: ProposalsResponse = suite.query(&QueryMsg::Proposals {
        start_after: Some(34),
        limit: None,
    });
    assert_eq!(after.proposals[0].status, Status::Rejected);
    assert_eq!(
        after.proposals[0].proposal.status,
        Status::Open,
        "stored status until closed"
    );
}
