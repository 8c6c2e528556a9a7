//! `btt-dao`: proposals that execute messages, voting by staked power, treasury, and a
//! foundation guardian whose veto ends at a fixed sunset.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, Coin, CosmosMsg, Decimal, QuerierWrapper, StdResult, Timestamp, Uint128,
    WasmMsg,
};
use cw20::Cw20ReceiveMsg;

use crate::token::TokenContract;

/// Longest proposal title, in bytes.
pub const MAX_TITLE_LEN: usize = 128;
/// Longest proposal description, in bytes.
pub const MAX_DESCRIPTION_LEN: usize = 4_096;
/// Most messages one proposal may execute.
pub const MAX_PROPOSAL_MSGS: usize = 16;

/// How votes decide, x/gov style. All three are fractions of 1.
#[cw_serde]
pub struct VotingRules {
    /// Share of the proposal's total power that must vote (Abstain counts), in (0, 1].
    pub quorum: Decimal,
    /// Share of Yes among Yes + No + NoWithVeto needed to pass, in (0, 1]; more than it passes.
    pub threshold: Decimal,
    /// Share of NoWithVeto among all votes that vetoes, in (0, 1]; more than it vetoes.
    pub veto_threshold: Decimal,
}

impl Default for VotingRules {
    /// x/gov's defaults: quorum 33.4%, threshold 50%, veto 33.4%.
    fn default() -> Self {
        Self {
            quorum: Decimal::permille(334),
            threshold: Decimal::percent(50),
            veto_threshold: Decimal::permille(334),
        }
    }
}

/// The foundation guardian and the end of its power.
#[cw_serde]
pub struct Guardian {
    /// Who may veto proposals before they execute.
    pub address: Addr,
    /// From this time on the guardian has no power. Fixed at instantiate; no message changes it.
    pub sunset: Timestamp,
}

#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT cw20: deposits and treasury.
    pub token: String,
    /// btt-staking: voting power snapshots. Its unbonding period must exceed the voting period.
    pub staking: String,
    /// How long a proposal is open for votes, > 0.
    pub voting_period_seconds: u64,
    /// Wait after the vote before a passed proposal may execute.
    pub timelock_seconds: u64,
    /// ubtt a proposer must send with a proposal, > 0.
    pub deposit: Uint128,
    /// Quorum, threshold and veto.
    pub rules: VotingRules,
    /// The foundation guardian's address, if any.
    pub guardian: Option<String>,
    /// When the guardian's power ends; required with `guardian`, must be in the future.
    pub guardian_sunset: Option<Timestamp>,
}

/// A labelled fund of the treasury. Each is kept by denom ("btt" or a native denom).
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord)]
pub enum Fund {
    /// The Ecosystem Development Fund (1,470,000 BTT at genesis).
    EcosystemDevelopment,
    /// The unallocated reserve (2,310,000 BTT at genesis).
    UnallocatedReserve,
    /// The development fund's fee inflows (its shares of every fee stream).
    DevelopmentFees,
    /// The operational reserve's inflows (its shares of every fee stream).
    OperationalReserve,
    /// Deposits held for open or passed proposals (not spendable; returned or kept).
    DepositsHeld,
    /// Deposits kept from vetoed proposals.
    VetoedDeposits,
}

impl Fund {
    /// Every fund, in report order.
    pub const ALL: [Fund; 6] = [
        Fund::EcosystemDevelopment,
        Fund::UnallocatedReserve,
        Fund::DevelopmentFees,
        Fund::OperationalReserve,
        Fund::DepositsHeld,
        Fund::VetoedDeposits,
    ];

    /// The fund's name in storage keys, events and reports.
    pub fn key(self) -> &'static str {
        match self {
            Fund::EcosystemDevelopment => "ecosystem_development",
            Fund::UnallocatedReserve => "unallocated_reserve",
            Fund::DevelopmentFees => "development_fees",
            Fund::OperationalReserve => "operational_reserve",
            Fund::DepositsHeld => "deposits_held",
            Fund::VetoedDeposits => "vetoed_deposits",
        }
    }

    /// True for the funds others pay into with `Deposit`; the deposit funds are the DAO's own.
    pub fn depositable(self) -> bool {
        !matches!(self, Fund::DepositsHeld | Fund::VetoedDeposits)
    }
}

impl std::fmt::Display for Fund {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// One fund's balance in one denom.
#[cw_serde]
pub struct FundBalance {
    /// The fund.
    pub fund: Fund,
    /// "btt" or a native denom.
    pub denom: String,
    /// How much it holds.
    pub amount: Uint128,
}

#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: a [`ReceiveMsg`] hook (a proposal with its deposit, or a labelled
    /// deposit).
    Receive(Cw20ReceiveMsg),
    /// Anyone (the fee router among them): adds the one native coin attached (of a denom
    /// btt-staking streams) to `fund`. Always open, pauses of the suite included: a donation
    /// that buys nothing and that only a passed proposal can spend, and refusing it would make
    /// fee payments fail.
    Deposit {
        /// A depositable fund (not the deposit funds).
        fund: Fund,
    },
    /// The DAO itself, by proposal: pays `amount` of `denom` ("btt" or native) from `fund` to
    /// `recipient`; never more than the fund holds. No funds.
    Spend {
        /// The fund it draws from (not `DepositsHeld`).
        fund: Fund,
        /// Who receives it.
        recipient: String,
        /// "btt" or a native denom.
        denom: String,
        /// How much, > 0.
        amount: Uint128,
    },
    /// Anyone with voting power at the proposal's start height: votes while it is open. A vote
    /// may be changed until voting ends; it always weighs the power at the start height.
    Vote {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
        /// Yes, no, abstain or no with veto.
        vote: VoteOption,
    },
    /// Anyone, after voting ends: records the outcome; refunds the deposit of a rejected
    /// proposal, keeps a vetoed one's in the treasury. A passed one waits for `Execute`.
    Close {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
    },
    /// Anyone, once a passed proposal's timelock is over: runs its messages, all or nothing, and
    /// refunds the deposit. If a message fails the proposal ends `ExecutionFailed` and nothing
    /// it did remains.
    Execute {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
    },
    /// The guardian, before its sunset: vetoes a proposal that has not executed. The deposit is
    /// refunded (the proposer broke no rule).
    GuardianVeto {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
    },
    /// Anyone: makes the DAO accept a cw-ownable ownership transfer that `contract`'s owner
    /// offered it. Gives the DAO power only; never costs it anything.
    AcceptOwnership {
        /// The contract whose ownership is offered to the DAO.
        contract: String,
    },
    /// The DAO itself, by proposal: changes the config. The guardian and its sunset cannot be
    /// changed.
    UpdateConfig(ConfigUpdate),
    /// The DAO itself, internal: the messages of a proposal being executed.
    RunProposal {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
    },
    /// The DAO itself, internal: fails when the treasury no longer covers every labelled fund
    /// (held deposits included), in BTT and every native denom a fund holds.
    AssertDepositsCovered {},
}

/// The hook of a cw20 `Send` of BTT to the DAO.
#[cw_serde]
pub enum ReceiveMsg {
    /// A proposal; the tokens sent must equal the configured deposit.
    Propose {
        /// 1 to 128 bytes.
        title: String,
        /// At most 4,096 bytes.
        description: String,
        /// Executed by the DAO, in order, if the proposal passes. At most 16; may be empty.
        msgs: Vec<CosmosMsg>,
    },
    /// Anyone (the fee router and genesis among them): adds the BTT sent to `fund` (a
    /// depositable one). Always open, like `ExecuteMsg::Deposit`.
    Deposit {
        /// The fund.
        fund: Fund,
    },
}

/// A vote.
#[cw_serde]
#[derive(Copy)]
pub enum VoteOption {
    /// For.
    Yes,
    /// Against.
    No,
    /// Counts for quorum only.
    Abstain,
    /// Against, and vetoes when over the veto threshold.
    NoWithVeto,
}

/// Where a proposal stands.
#[cw_serde]
#[derive(Copy)]
pub enum Status {
    /// Open for votes.
    Open,
    /// Voting ended and it passed; executable after the timelock.
    Passed,
    /// Voting ended without quorum or without enough Yes; deposit refunded.
    Rejected,
    /// NoWithVeto above the veto threshold; deposit kept by the treasury.
    Vetoed,
    /// Vetoed by the guardian before its sunset; deposit refunded.
    GuardianVetoed,
    /// Its messages ran.
    Executed,
    /// A message failed; nothing it did remains.
    ExecutionFailed,
}

/// Votes by option, in voting power.
#[cw_serde]
#[derive(Default)]
pub struct Tally {
    /// Power that voted Yes.
    pub yes: Uint128,
    /// Power that voted No.
    pub no: Uint128,
    /// Power that abstained (counts for quorum only).
    pub abstain: Uint128,
    /// Power that voted NoWithVeto.
    pub no_with_veto: Uint128,
}

/// A proposal.
#[cw_serde]
pub struct Proposal {
    /// Id, from 1.
    pub id: u64,
    /// Who sent the deposit.
    pub proposer: Addr,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// What it executes.
    pub msgs: Vec<CosmosMsg>,
    /// The proposal deposit, ubtt.
    pub deposit: Uint128,
    /// Voting power is read at the start of this block.
    pub start_height: u64,
    /// When it opened.
    pub start_time: Timestamp,
    /// When voting ends.
    pub voting_ends_at: Timestamp,
    /// When it may execute, if it passes.
    pub executable_at: Timestamp,
    /// Total voting power at `start_height`, frozen.
    pub total_power: Uint128,
    /// Votes so far.
    pub tally: Tally,
    /// Status as stored; see the `Proposal` query for the status now.
    pub status: Status,
}

/// The config fields the DAO itself (by proposal) may change; each left out stays as it is.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New voting period; must stay below staking's unbonding period.
    pub voting_period_seconds: Option<u64>,
    /// New timelock.
    pub timelock_seconds: Option<u64>,
    /// New deposit, > 0.
    pub deposit: Option<Uint128>,
    /// New quorum, threshold and veto.
    pub rules: Option<VotingRules>,
}

#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// Token, staking, periods, deposit, rules.
    #[returns(ConfigResponse)]
    Config {},
    /// The guardian and its sunset, and whether it still has power.
    #[returns(GuardianResponse)]
    Guardian {},
    /// A proposal, with its status now (an open proposal whose vote ended shows its outcome).
    #[returns(ProposalResponse)]
    Proposal {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
    },
    /// Proposals by id. Default 10, at most 30 a page.
    #[returns(ProposalsResponse)]
    Proposals {
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// The votes of a proposal by voter address. Default 10, at most 30 a page.
    #[returns(VotesResponse)]
    Votes {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
        /// The last voter of the previous page.
        start_after: Option<String>,
        /// Most entries to return (clamped to the contract's page size).
        limit: Option<u32>,
    },
    /// One voter's vote on a proposal, if any.
    #[returns(Option<VoteInfo>)]
    Vote {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
        /// The voter.
        voter: String,
    },
    /// A proposal's tally against its quorum, threshold and veto.
    #[returns(TallyResponse)]
    Tally {
        /// The proposal's id (the `proposal_id` attribute of `propose`).
        proposal_id: u64,
    },
    /// What the treasury holds: BTT, the listed native denoms, deposits it holds for
    /// proposals, and every labelled fund by denom.
    #[returns(TreasuryResponse)]
    Treasury {
        /// Native denoms to report.
        denoms: Vec<String>,
    },
}

#[cw_serde]
pub struct ConfigResponse {
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
    /// Quorum, threshold and veto.
    pub rules: VotingRules,
}

#[cw_serde]
pub struct GuardianResponse {
    /// The guardian, if one was set.
    pub guardian: Option<Guardian>,
    /// True before the sunset.
    pub active: bool,
}

#[cw_serde]
pub struct ProposalResponse {
    /// The stored proposal.
    pub proposal: Proposal,
    /// Its status now.
    pub status: Status,
}

#[cw_serde]
pub struct ProposalsResponse {
    /// One page, by id.
    pub proposals: Vec<ProposalResponse>,
}

/// One voter's vote.
#[cw_serde]
pub struct VoteInfo {
    /// The voter.
    pub voter: Addr,
    /// Yes, no, abstain or no with veto.
    pub vote: VoteOption,
    /// Its weight: the voter's power at the proposal's start height.
    pub power: Uint128,
}

#[cw_serde]
pub struct VotesResponse {
    /// One page, by voter.
    pub votes: Vec<VoteInfo>,
}

#[cw_serde]
pub struct TallyResponse {
    /// Votes by option.
    pub tally: Tally,
    /// The proposal's frozen total power.
    pub total_power: Uint128,
    /// Power that voted, Abstain included.
    pub turnout: Uint128,
    /// Turnout reaches the quorum.
    pub quorum_reached: bool,
    /// The outcome if voting ended now.
    pub outcome: Status,
}

#[cw_serde]
pub struct TreasuryResponse {
    /// ubtt held, deposits included.
    pub btt: Uint128,
    /// ubtt held for open or passed proposals' deposits.
    pub deposits_held: Uint128,
    /// Native balances of the listed denoms.
    pub native: Vec<Coin>,
    /// Every labelled fund by denom (BTT first, then natives); what the balances hold beyond
    /// them is unlabelled (e.g. slashes beyond a clinic's loss, plain transfers).
    pub funds: Vec<FundBalance>,
}

/// Migrates a deployed btt-dao to this code (same contract name, equal or newer version).
#[cw_serde]
pub struct MigrateMsg {}

/// Typed handle on a deployed btt-dao contract.
#[cw_serde]
pub struct DaoContract(pub Addr);

impl DaoContract {
    /// The contract's address.
    pub fn addr(&self) -> &Addr {
        &self.0
    }

    /// A message executing `msg` on the DAO.
    pub fn call(&self, msg: &ExecuteMsg) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds: vec![],
        }
        .into())
    }

    /// The cw20 `Send` (executed on `token` by the proposer) that makes a proposal.
    pub fn propose_msg(
        &self,
        token: &TokenContract,
        deposit: Uint128,
        title: impl Into<String>,
        description: impl Into<String>,
        msgs: Vec<CosmosMsg>,
    ) -> StdResult<CosmosMsg> {
        token.send_msg(
            &self.0,
            deposit,
            &ReceiveMsg::Propose {
                title: title.into(),
                description: description.into(),
                msgs,
            },
        )
    }

    /// A proposal message paying `amount` of `denom` ("btt" or native) from `fund` to
    /// `recipient` (the DAO executes it on itself).
    pub fn spend_msg(
        &self,
        fund: Fund,
        recipient: impl Into<String>,
        denom: impl Into<String>,
        amount: Uint128,
    ) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&ExecuteMsg::Spend {
                fund,
                recipient: recipient.into(),
                denom: denom.into(),
                amount,
            })?,
            funds: vec![],
        }
        .into())
    }

    /// The treasury: BTT, the native `denoms`, held deposits and every labelled fund.
    pub fn treasury(
        &self,
        querier: &QuerierWrapper,
        denoms: Vec<String>,
    ) -> StdResult<TreasuryResponse> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Treasury { denoms })
    }

    /// The DAO's config.
    pub fn config(&self, querier: &QuerierWrapper) -> StdResult<ConfigResponse> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Config {})
    }

    /// A proposal with its status now.
    pub fn proposal(
        &self,
        querier: &QuerierWrapper,
        proposal_id: u64,
    ) -> StdResult<ProposalResponse> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Proposal { proposal_id })
    }
}
