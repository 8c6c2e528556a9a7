//! Funding: a cw20 `Send` of BTT by the owner creates schedules.

use btt_types::asset::Payment;
use btt_types::math::Checked;
use btt_types::vesting::{
    NewSchedule, ReceiveMsg, Schedule, MAX_CATEGORY_LEN, MAX_SCHEDULES_PER_FUNDING,
};
use cosmwasm_std::{ensure, from_json, Addr, DepsMut, MessageInfo, Response, StdError, Uint128};
use cw20::Cw20ReceiveMsg;

use crate::curve;
use crate::state::{BY_BENEFICIARY, SCHEDULES, TOKEN, TOTALS};
use crate::ContractError;

/// `Receive`: only the BTT token may call, only the owner's tokens fund schedules.
pub fn receive(
    deps: DepsMut,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = TOKEN.load(deps.storage)?;
    let Payment {
        sender: funder,
        amount,
        ..
    } = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    cw_ownable::assert_owner(deps.storage, &funder)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::CreateSchedules { schedules } => {
            create_schedules(deps, funder, amount, schedules)
        }
    }
}

fn create_schedules(
    deps: DepsMut,
    funder: Addr,
    sent: Uint128,
    schedules: Vec<NewSchedule>,
) -> Result<Response, ContractError> {
    ensure!(!schedules.is_empty(), ContractError::NoSchedules);
    ensure!(
        schedules.len() <= MAX_SCHEDULES_PER_FUNDING,
        ContractError::TooManySchedules {
            max: MAX_SCHEDULES_PER_FUNDING,
            got: schedules.len(),
        }
    );
    let scheduled = schedules
        .iter()
        .try_fold(Uint128::zero(), |sum, s| sum.checked_add(s.amount))
        .map_err(StdError::from)?;
    ensure!(
        scheduled == sent,
        ContractError::AmountMismatch { sent, scheduled }
    );

    let mut totals = TOTALS.load(deps.storage)?;
    let first_id = totals.last_id.add_checked(1)?;
    for new in schedules {
        if new.category.is_empty() || new.category.len() > MAX_CATEGORY_LEN {
            return Err(ContractError::InvalidCategory {
                max: MAX_CATEGORY_LEN,
            });
        }
        let beneficiary = deps.api.addr_validate(&new.beneficiary)?;
        let curve = curve::validate(new.amount, new.curve)?;
        totals.last_id = totals.last_id.add_checked(1)?;
        let schedule = Schedule {
            id: totals.last_id,
            beneficiary,
            category: new.category,
            total: new.amount,
            claimed: Uint128::zero(),
            curve,
        };
        SCHEDULES.save(deps.storage, schedule.id, &schedule)?;
        BY_BENEFICIARY.save(deps.storage, (&schedule.beneficiary, schedule.id), &())?;
    }
    totals.allocated = totals.allocated.checked_add(sent).map_err(StdError::from)?;
    TOTALS.save(deps.storage, &totals)?;

    Ok(Response::new()
        .add_attribute("action", "create_schedules")
        .add_attribute("funder", funder)
        .add_attribute("amount", sent)
        .add_attribute("first_schedule_id", first_id.to_string())
        .add_attribute("last_schedule_id", totals.last_id.to_string()))
}
