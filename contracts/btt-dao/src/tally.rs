//! The outcome of a vote, x/gov style.

use btt_types::dao::{Proposal, Status, Tally, VotingRules};
use cosmwasm_std::{Decimal, Timestamp, Uint128};

/// Power that voted, Abstain included. (Voting power is at most the staked supply times the
/// largest lock multiplier, far inside 128 bits, so the sum never saturates.)
pub fn turnout(tally: &Tally) -> Uint128 {
    tally
        .yes
        .saturating_add(tally.no)
        .saturating_add(tally.abstain)
        .saturating_add(tally.no_with_veto)
}

/// True when `part / whole` is at least `share` (false for an empty whole).
fn reaches(part: Uint128, whole: Uint128, share: Decimal) -> bool {
    !whole.is_zero() && Decimal::from_ratio(part, whole) >= share
}

/// True when `part / whole` is more than `share` (false for an empty whole).
fn exceeds(part: Uint128, whole: Uint128, share: Decimal) -> bool {
    !whole.is_zero() && Decimal::from_ratio(part, whole) > share
}

/// Quorum reached: turnout is at least `quorum` of the frozen total power.
pub fn quorum_reached(tally: &Tally, total_power: Uint128, rules: &VotingRules) -> bool {
    reaches(turnout(tally), total_power, rules.quorum)
}

/// The outcome if voting ended now: without quorum, Rejected; NoWithVeto above the veto share
/// of all votes, Vetoed; Yes above the threshold of the non-abstaining votes, Passed;
/// otherwise Rejected.
pub fn outcome(tally: &Tally, total_power: Uint128, rules: &VotingRules) -> Status {
    if !quorum_reached(tally, total_power, rules) {
        return Status::Rejected;
    }
    if exceeds(tally.no_with_veto, turnout(tally), rules.veto_threshold) {
        return Status::Vetoed;
    }
    let deciding = tally
        .yes
        .saturating_add(tally.no)
        .saturating_add(tally.no_with_veto);
    if exceeds(tally.yes, deciding, rules.threshold) {
        Status::Passed
    } else {
        Status::Rejected
    }
}

/// A proposal's status at `now`: an open proposal whose vote has ended shows its outcome.
pub fn status_at(proposal: &Proposal, rules: &VotingRules, now: Timestamp) -> Status {
    match proposal.status {
        Status::Open if now >= proposal.voting_ends_at => {
            outcome(&proposal.tally, proposal.total_power, rules)
        }
        status => status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(yes: u128, no: u128, abstain: u128, veto: u128) -> Tally {
        Tally {
            yes: Uint128::new(yes),
            no: Uint128::new(no),
            abstain: Uint128::new(abstain),
            no_with_veto: Uint128::new(veto),
        }
    }

    const TOTAL: Uint128 = Uint128::new(1_000);

    #[test]
    fn without_quorum_a_proposal_is_rejected() {
        let rules = VotingRules::default();
        assert_eq!(
            outcome(&tally(333, 0, 0, 0), TOTAL, &rules),
            Status::Rejected
        );
        assert_eq!(outcome(&tally(334, 0, 0, 0), TOTAL, &rules), Status::Passed);
    }

    #[test]
    fn abstain_counts_for_quorum_not_for_the_threshold() {
        let rules = VotingRules::default();
        assert_eq!(outcome(&tally(1, 0, 400, 0), TOTAL, &rules), Status::Passed);
        assert_eq!(
            outcome(&tally(0, 0, 400, 0), TOTAL, &rules),
            Status::Rejected
        );
    }

    #[test]
    fn exactly_half_yes_does_not_pass() {
        let rules = VotingRules::default();
        assert_eq!(
            outcome(&tally(200, 200, 0, 0), TOTAL, &rules),
            Status::Rejected
        );
        assert_eq!(
            outcome(&tally(201, 200, 0, 0), TOTAL, &rules),
            Status::Passed
        );
    }

    #[test]
    fn veto_above_its_share_of_all_votes_vetoes() {
        let rules = VotingRules::default();
        // 334 of 1,000 votes = 33.4%: not above.
        assert_eq!(
            outcome(&tally(666, 0, 0, 334), TOTAL, &rules),
            Status::Passed
        );
        assert_eq!(
            outcome(&tally(665, 0, 0, 335), TOTAL, &rules),
            Status::Vetoed
        );
    }

    #[test]
    fn no_power_means_no_quorum() {
        let rules = VotingRules::default();
        assert_eq!(
            outcome(&tally(0, 0, 0, 0), Uint128::zero(), &rules),
            Status::Rejected
        );
    }
}
