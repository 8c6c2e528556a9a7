use btt_testing::Harness;
use btt_types::dao::{ExecuteMsg, QueryMsg, Status, VoteInfo, VotesResponse};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw_utils::PaymentError;

use super::suite::{Abstain, No, NoWithVeto, Suite, Yes, NATIVE, VOTING_PERIOD};
use crate::ContractError;

#[test]
fn power_staked_after_a_proposal_starts_counts_zero_in_it() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    // Same block, after the proposal.
    suite.stake("dave", btt(1_000_000));
    let start_height = suite.proposal(id).proposal.start_height;
    assert_eq!(
        suite.vote("dave", id, Yes).unwrap_err(),
        ContractError::NoPowerAtHeight {
            voter: suite.addr("dave"),
            height: start_height
        }
    );
    suite.next_block();
    assert!(matches!(
        suite.vote("dave", id, Yes).unwrap_err(),
        ContractError::NoPowerAtHeight { .. }
    ));
    assert_eq!(
        suite.tally(id).total_power,
        btt(900),
        "total power frozen at creation"
    );
}

#[test]
fn unbonding_during_a_vote_does_not_change_a_cast_vote_or_the_total() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    suite.vote("alice", id, Yes).unwrap();
    suite.next_block();
    suite.unbond_all("alice");
    suite.next_block();
    let tally = suite.tally(id);
    assert_eq!(tally.tally.yes, btt(400));
    assert_eq!(tally.total_power, btt(900));
    // Alice can still change her vote: it weighs her power at the start height.
    suite.vote("alice", id, No).unwrap();
    let tally = suite.tally(id).tally;
    assert_eq!((tally.yes, tally.no), (Uint128::zero(), btt(400)));
}

#[test]
fn a_changed_vote_moves_its_weight_and_counts_once() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    suite.vote("bob", id, NoWithVeto).unwrap();
    suite.vote("bob", id, Abstain).unwrap();
    let tally = suite.tally(id);
    assert_eq!(
        (tally.tally.no_with_veto, tally.tally.abstain, tally.turnout),
        (Uint128::zero(), btt(300), btt(300))
    );
    let vote: Option<VoteInfo> = suite.query(&QueryMsg::Vote {
        proposal_id: id,
        voter: suite.addr("bob").to_string(),
    });
    assert_eq!(vote.unwrap().vote, Abstain);
}

#[test]
fn votes_are_listed_by_voter_a_page_at_a_time() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    for who in ["alice", "bob", "carol"] {
        suite.vote(who, id, Yes).unwrap();
    }
    let first: VotesResponse = suite.query(&QueryMsg::Votes {
        proposal_id: id,
        start_after: None,
        limit: Some(2),
    });
    assert_eq!(first.votes.len(), 2);
    let rest: VotesResponse = suite.query(&QueryMsg::Votes {
        proposal_id: id,
        start_after: Some(first.votes[1].voter.to_string()),
        limit: Some(1_000),
    });
    assert_eq!(rest.votes.len(), 1);
    let total: Uint128 = first.votes.iter().chain(&rest.votes).map(|v| v.power).sum();
    assert_eq!(total, btt(900));
}

#[test]
fn votes_after_the_end_or_on_unknown_proposals_are_rejected() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    assert_eq!(
        suite.vote("alice", 9, Yes).unwrap_err(),
        ContractError::ProposalNotFound { proposal_id: 9 }
    );
    suite.advance(VOTING_PERIOD);
    assert_eq!(
        suite.vote("alice", id, Yes).unwrap_err(),
        ContractError::VotingClosed { proposal_id: id }
    );
}

#[test]
fn a_vote_with_funds_is_rejected() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    let err = suite
        .execute_with_funds(
            "alice",
            &ExecuteMsg::Vote {
                proposal_id: id,
                vote: Yes,
            },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn without_quorum_a_proposal_is_rejected_and_the_deposit_refunded() {
    let mut suite = Suite::new().with_stakers();
    let before = suite.balance("alice");
    let id = suite.propose("alice", vec![]).unwrap();
    suite.vote("carol", id, Yes).unwrap(); // 200 of 900 = 22%
    assert_eq!(
        suite.close(id).unwrap_err(),
        ContractError::VotingNotEnded {
            proposal_id: id,
            ends_at: suite.proposal(id).proposal.voting_ends_at
        }
    );
    suite.advance(VOTING_PERIOD);
    assert!(!suite.tally(id).quorum_reached);
    suite.close(id).unwrap();
    assert_eq!(suite.status(id), Status::Rejected);
    assert_eq!(suite.balance("alice"), before);
    assert_eq!(suite.treasury().deposits_held, Uint128::zero());
    assert_eq!(
        suite.close(id).unwrap_err(),
        ContractError::VotingClosed { proposal_id: id }
    );
}

#[test]
fn no_with_veto_over_the_threshold_vetoes_and_the_treasury_keeps_the_deposit() {
    let mut suite = Suite::new().with_stakers();
    let treasury = suite.treasury().btt;
    let id = suite.propose("alice", vec![]).unwrap();
    suite.vote("alice", id, Yes).unwrap();
    suite.vote("bob", id, NoWithVeto).unwrap();
    suite.vote("carol", id, NoWithVeto).unwrap(); // 500 of 900 vetoes
    suite.advance(VOTING_PERIOD);
    suite.close(id).unwrap();
    assert_eq!(suite.status(id), Status::Vetoed);
    let after = suite.treasury();
    assert_eq!(after.btt, treasury + super::suite::DEPOSIT);
    assert_eq!(after.deposits_held, Uint128::zero());
}
