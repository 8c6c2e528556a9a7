//! Milestone approvals by the owner (the DAO after deployment).

use btt_types::ownership::assert_owner_no_funds;
use btt_types::vesting::Curve;
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response};

use crate::state::SCHEDULES;
use crate::ContractError;

/// `ApproveTranche`: marks one tranche approved; it pays once its `not_before` has come.
pub fn approve_tranche(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    schedule_id: u64,
    tranche: u32,
) -> Result<Response, ContractError> {
    assert_owner_no_funds::<ContractError>(deps.storage, &info)?;
    let mut schedule = SCHEDULES
        .may_load(deps.storage, schedule_id)?
        .ok_or(ContractError::ScheduleNotFound { schedule_id })?;
    let Curve::Milestones { tranches } = &mut schedule.curve else {
        return Err(ContractError::NotAMilestoneSchedule { schedule_id });
    };
    let entry = tranches
        .get_mut(tranche as usize)
        .ok_or(ContractError::TrancheNotFound {
            schedule_id,
            tranche,
        })?;
    ensure!(
        entry.approved_at.is_none(),
        ContractError::TrancheAlreadyApproved {
            schedule_id,
            tranche,
        }
    );
    entry.approved_at = Some(env.block.time);
    let (amount, not_before) = (entry.amount, entry.not_before);
    SCHEDULES.save(deps.storage, schedule_id, &schedule)?;

    Ok(Response::new()
        .add_attribute("action", "approve_tranche")
        .add_attribute("schedule_id", schedule_id.to_string())
        .add_attribute("tranche", tranche.to_string())
        .add_attribute("amount", amount)
        .add_attribute("not_before", not_before.seconds().to_string()))
}
