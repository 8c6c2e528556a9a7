use btt_types::pagination::clamp_limit;
use btt_types::vesting::{
    ConfigResponse, Schedule, ScheduleResponse, SchedulesResponse, TotalsResponse, VestingStatus,
};
use cosmwasm_std::{Deps, Env, Order, StdError, StdResult, Timestamp};
use cw_storage_plus::Bound;

use crate::curve;
use crate::state::{BY_BENEFICIARY, SCHEDULES, TOKEN, TOTALS};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    Ok(ConfigResponse {
        token: TOKEN.load(deps.storage)?,
    })
}

fn load_schedule(deps: Deps, schedule_id: u64) -> StdResult<Schedule> {
    SCHEDULES
        .may_load(deps.storage, schedule_id)?
        .ok_or_else(|| StdError::not_found(format!("schedule {schedule_id}")))
}

fn with_status(schedule: Schedule, env: &Env) -> ScheduleResponse {
    let status = curve::status(&schedule, env.block.time);
    ScheduleResponse { schedule, status }
}

pub fn schedule(deps: Deps, env: Env, schedule_id: u64) -> StdResult<ScheduleResponse> {
    Ok(with_status(load_schedule(deps, schedule_id)?, &env))
}

pub fn status(
    deps: Deps,
    env: Env,
    schedule_id: u64,
    at: Option<Timestamp>,
) -> StdResult<VestingStatus> {
    let schedule = load_schedule(deps, schedule_id)?;
    Ok(curve::status(&schedule, at.unwrap_or(env.block.time)))
}

pub fn schedules(
    deps: Deps,
    env: Env,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<SchedulesResponse> {
    let schedules = SCHEDULES
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|item| Ok(with_status(item?.1, &env)))
        .collect::<StdResult<_>>()?;
    Ok(SchedulesResponse { schedules })
}

pub fn schedules_by_beneficiary(
    deps: Deps,
    env: Env,
    beneficiary: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<SchedulesResponse> {
    let beneficiary = deps.api.addr_validate(&beneficiary)?;
    let schedules = BY_BENEFICIARY
        .prefix(&beneficiary)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|id| Ok(with_status(load_schedule(deps, id?)?, &env)))
        .collect::<StdResult<_>>()?;
    Ok(SchedulesResponse { schedules })
}

pub fn totals(deps: Deps) -> StdResult<TotalsResponse> {
    let totals = TOTALS.load(deps.storage)?;
    Ok(TotalsResponse {
        schedule_count: totals.last_id,
        allocated: totals.allocated,
        claimed: totals.claimed,
        outstanding: totals.allocated.checked_sub(totals.claimed)?,
    })
}
