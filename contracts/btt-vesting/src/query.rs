use btt_types::pagination::clamp_limit;
use btt_types::vesting::{
    ConfigResponse, ScheduleResponse, SchedulesResponse, TotalsResponse, VestingStatus,
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

fn load(deps: Deps, env: &Env, schedule_id: u64) -> StdResult<ScheduleResponse> {
    let schedule = SCHEDULES
        .may_load(deps.storage, schedule_id)?
        .ok_or_else(|| StdError::not_found(format!("schedule {schedule_id}")))?;
    let status = curve::status(&schedule, env.block.time);
    Ok(ScheduleResponse { schedule, status })
}

pub fn schedule(deps: Deps, env: Env, schedule_id: u64) -> StdResult<ScheduleResponse> {
    load(deps, &env, schedule_id)
}

pub fn status(
    deps: Deps,
    env: Env,
    schedule_id: u64,
    at: Option<Timestamp>,
) -> StdResult<VestingStatus> {
    let schedule = load(deps, &env, schedule_id)?.schedule;
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
        .map(|item| {
            let (_, schedule) = item?;
            let status = curve::status(&schedule, env.block.time);
            Ok(ScheduleResponse { schedule, status })
        })
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
        .map(|id| load(deps, &env, id?))
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
