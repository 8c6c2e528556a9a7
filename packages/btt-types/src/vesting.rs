//! `btt-vesting`: non-revocable vesting schedules funded in BTT.
//!
//! Two kinds of schedule exist: a delay followed by linear release (the six institution rows of
//! the allocation table) and milestone tranches that the owner (the DAO, after deployment)
//! approves one by one (the Technical Development Foundation).

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, QuerierWrapper, StdResult, Timestamp, Uint128, WasmMsg,
};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{cw_ownable_execute, cw_ownable_query};

use crate::token::TokenContract;

/// Most schedules one funding `Send` may create.
pub const MAX_SCHEDULES_PER_FUNDING: usize = 30;
/// Most tranches one milestone schedule may have (48 monthly tranches fit).
pub const MAX_TRANCHES: usize = 48;
/// Longest category label, in bytes.
pub const MAX_CATEGORY_LEN: usize = 64;

/// Instantiates the vesting contract. No funds.
#[cw_serde]
pub struct InstantiateMsg {
    /// The BTT cw20 contract; the only token this contract accepts.
    pub token: String,
    /// Who creates schedules and approves milestone tranches; the sender when omitted. Handed to
    /// the DAO after deployment (two-step, `UpdateOwnership`).
    pub owner: Option<String>,
}

#[cw_ownable_execute]
#[cw_serde]
pub enum ExecuteMsg {
    /// The BTT token only: funding. The cw20 `sender` must be the owner and the hook must be a
    /// [`ReceiveMsg`] whose schedule amounts add up to exactly the tokens sent.
    Receive(Cw20ReceiveMsg),
    /// The schedule's beneficiary: pays out everything vested and not yet claimed. No funds.
    Claim {
        /// The schedule to claim from.
        schedule_id: u64,
    },
    /// The owner: approves one tranche of a milestone schedule. It becomes claimable once its
    /// `not_before` time has come. Approvals cannot be withdrawn. No funds.
    ApproveTranche {
        /// A milestone schedule.
        schedule_id: u64,
        /// Index of the tranche in the schedule, from 0.
        tranche: u32,
    },
}

/// The hook of a cw20 `Send` to this contract.
#[cw_serde]
pub enum ReceiveMsg {
    /// Creates the schedules, funded by the tokens sent (Σ amounts = tokens sent).
    CreateSchedules {
        /// 1 to 30 schedules.
        schedules: Vec<NewSchedule>,
    },
}

/// A schedule to create.
#[cw_serde]
pub struct NewSchedule {
    /// Who may claim; fixed for the life of the schedule.
    pub beneficiary: String,
    /// Label for reports, e.g. "BitHive" (1 to 64 bytes).
    pub category: String,
    /// Total tokens of the schedule, > 0. For milestones, the tranche amounts must add up to it.
    pub amount: Uint128,
    /// How the tokens are released.
    pub curve: CurveSpec,
}

/// How a new schedule releases its tokens.
#[cw_serde]
pub enum CurveSpec {
    /// Nothing before `start + delay_seconds`; then linear over `linear_seconds` (> 0), so all is
    /// vested at `start + delay_seconds + linear_seconds`.
    DelayedLinear {
        /// Month 0 of the schedule (may be in the past).
        start: Timestamp,
        /// Nothing vests during the delay.
        delay_seconds: u64,
        /// Length of the linear release, > 0.
        linear_seconds: u64,
    },
    /// Tranches in strictly increasing `not_before` order, each amount > 0, at most 48.
    Milestones {
        /// The tranches, in time order.
        tranches: Vec<TrancheSpec>,
    },
}

/// A tranche of a new milestone schedule.
#[cw_serde]
pub struct TrancheSpec {
    /// Tokens of the tranche, > 0.
    pub amount: Uint128,
    /// Earliest time the tranche can be claimed (once approved).
    pub not_before: Timestamp,
}

/// A stored schedule.
#[cw_serde]
pub struct Schedule {
    /// Id, from 1, in order of creation.
    pub id: u64,
    /// The only address that may claim.
    pub beneficiary: Addr,
    /// Label for reports, e.g. "BitHive (founding institution)".
    pub category: String,
    /// Total tokens of the schedule.
    pub total: Uint128,
    /// Tokens paid out so far.
    pub claimed: Uint128,
    /// How the tokens are released.
    pub curve: Curve,
}

/// A stored release curve.
#[cw_serde]
pub enum Curve {
    /// Nothing before `start + delay_seconds`, then linear over `linear_seconds`.
    DelayedLinear {
        /// Month 0 of the schedule.
        start: Timestamp,
        /// Nothing vests during the delay.
        delay_seconds: u64,
        /// Length of the linear release.
        linear_seconds: u64,
    },
    /// Tranches in increasing `not_before` order; each pays once approved and due.
    Milestones {
        /// The tranches, in time order.
        tranches: Vec<Tranche>,
    },
}

/// A stored milestone tranche.
#[cw_serde]
pub struct Tranche {
    /// Tokens of the tranche.
    pub amount: Uint128,
    /// Earliest time it pays (once approved).
    pub not_before: Timestamp,
    /// When the owner approved it; `None` while unapproved.
    pub approved_at: Option<Timestamp>,
}

#[cw_ownable_query]
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The token this contract accepts.
    #[returns(ConfigResponse)]
    Config {},
    /// One schedule and its status now.
    #[returns(ScheduleResponse)]
    Schedule {
        /// The schedule's id.
        schedule_id: u64,
    },
    /// Vested, claimed, claimable and locked amounts of one schedule at `at` (now when omitted).
    #[returns(VestingStatus)]
    Status {
        /// The schedule's id.
        schedule_id: u64,
        /// Any time, past or future; now when omitted.
        at: Option<Timestamp>,
    },
    /// All schedules by id, with their status now. Default 10, at most 30 a page.
    #[returns(SchedulesResponse)]
    Schedules {
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// The schedules of one beneficiary by id, with their status now. Default 10, at most 30.
    #[returns(SchedulesResponse)]
    SchedulesByBeneficiary {
        /// The beneficiary's address.
        beneficiary: String,
        /// The last id of the previous page.
        start_after: Option<u64>,
        /// Page size: default 10, at most 30.
        limit: Option<u32>,
    },
    /// Totals over all schedules.
    #[returns(TotalsResponse)]
    Totals {},
}

#[cw_serde]
pub struct ConfigResponse {
    /// The BTT token, the only cw20 accepted.
    pub token: Addr,
}

/// Where a schedule stands at a time. Always `locked + claimable + claimed = total`.
#[cw_serde]
pub struct VestingStatus {
    /// The time the status is for.
    pub at: Timestamp,
    /// Total tokens of the schedule.
    pub total: Uint128,
    /// Released by the curve by `at`.
    pub vested: Uint128,
    /// Paid out (as of now).
    pub claimed: Uint128,
    /// Vested and not yet paid out.
    pub claimable: Uint128,
    /// Not yet released.
    pub locked: Uint128,
}

#[cw_serde]
pub struct ScheduleResponse {
    /// The stored schedule.
    pub schedule: Schedule,
    /// Its status at the current block time.
    pub status: VestingStatus,
}

#[cw_serde]
pub struct SchedulesResponse {
    /// One page, in increasing id order.
    pub schedules: Vec<ScheduleResponse>,
}

#[cw_serde]
pub struct TotalsResponse {
    /// Schedules ever created (ids run 1..=schedule_count).
    pub schedule_count: u64,
    /// Σ totals of all schedules ever created.
    pub allocated: Uint128,
    /// Σ paid out.
    pub claimed: Uint128,
    /// Tokens the contract must still hold: allocated − claimed.
    pub outstanding: Uint128,
}

/// Migrates a deployed btt-vesting to this code (same contract name, equal or newer version).
#[cw_serde]
pub struct MigrateMsg {}

/// Typed handle on a deployed btt-vesting contract.
#[cw_serde]
pub struct VestingContract(pub Addr);

impl VestingContract {
    /// The contract's address.
    pub fn addr(&self) -> &Addr {
        &self.0
    }

    fn call(&self, msg: &ExecuteMsg) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds: vec![],
        }
        .into())
    }

    /// The cw20 `Send` (executed on `token` by the owner) that funds `schedules`; `amount` must
    /// equal their total.
    pub fn fund_msg(
        &self,
        token: &TokenContract,
        amount: Uint128,
        schedules: Vec<NewSchedule>,
    ) -> StdResult<CosmosMsg> {
        token.send_msg(&self.0, amount, &ReceiveMsg::CreateSchedules { schedules })
    }

    /// The beneficiary's claim on `schedule_id`.
    pub fn claim_msg(&self, schedule_id: u64) -> StdResult<CosmosMsg> {
        self.call(&ExecuteMsg::Claim { schedule_id })
    }

    /// The owner's approval of tranche `tranche` of `schedule_id`.
    pub fn approve_tranche_msg(&self, schedule_id: u64, tranche: u32) -> StdResult<CosmosMsg> {
        self.call(&ExecuteMsg::ApproveTranche {
            schedule_id,
            tranche,
        })
    }

    /// One schedule with its status now.
    pub fn schedule(
        &self,
        querier: &QuerierWrapper,
        schedule_id: u64,
    ) -> StdResult<ScheduleResponse> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Schedule { schedule_id })
    }

    /// A schedule's status at `at` (now when `None`).
    pub fn status(
        &self,
        querier: &QuerierWrapper,
        schedule_id: u64,
        at: Option<Timestamp>,
    ) -> StdResult<VestingStatus> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Status { schedule_id, at })
    }

    /// Totals over all schedules.
    pub fn totals(&self, querier: &QuerierWrapper) -> StdResult<TotalsResponse> {
        querier.query_wasm_smart(&self.0, &QueryMsg::Totals {})
    }
}
