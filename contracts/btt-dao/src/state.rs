use btt_types::dao::{Guardian, Proposal, VoteOption, VotingRules};
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Uint128};
use cw_storage_plus::{Item, Map};

#[cw_serde]
pub struct Config {
    /// The BTT token.
    pub token: Addr,
    /// btt-staking, whose tiers set fee discounts and which streams the stakers' share.
    pub staking: Addr,
    /// Voting period, seconds.
    pub voting_period_seconds: u64,
    /// Timelock, seconds.
    pub timelock_seconds: u64,
    /// Proposal deposit, ubtt.
    pub deposit: Uint128,
    /// Quorum, threshold, veto.
    pub rules: VotingRules,
}

/// The config; changed only by the DAO itself.
pub const CONFIG: Item<Config> = Item::new("config");

/// The guardian and its sunset, written once at instantiate and never again.
pub const GUARDIAN: Item<Option<Guardian>> = Item::new("guardian");

/// Every proposal, by id.
pub const PROPOSALS: Map<u64, Proposal> = Map::new("proposals");

/// The last proposal id given out (0 before the first).
pub const LAST_PROPOSAL_ID: Item<u64> = Item::new("last_proposal_id");

/// A cast vote and its weight.
#[cw_serde]
pub struct Ballot {
    /// Yes, no, abstain or no with veto.
    pub vote: VoteOption,
    /// The voter's power at the proposal's start height.
    pub power: Uint128,
}

/// Votes by proposal and voter.
pub const BALLOTS: Map<(u64, &Addr), Ballot> = Map::new("ballots");

/// ubtt held for deposits of proposals that are open or passed and not yet executed.
pub const DEPOSITS_HELD: Item<Uint128> = Item::new("deposits_held");
