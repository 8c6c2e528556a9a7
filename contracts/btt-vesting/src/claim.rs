//! Claims: the beneficiary takes what has vested and is not yet claimed.

use btt_types::token::TokenContract;
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response, StdError};

use crate::curve;
use crate::state::{SCHEDULES, TOKEN, TOTALS};
use crate::ContractError;

/// `Claim`: constant work whatever the number of schedules or beneficiaries.
pub fn claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    schedule_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut schedule = SCHEDULES
        .may_load(deps.storage, schedule_id)?
        .ok_or(ContractError::ScheduleNotFound { schedule_id })?;
    ensure!(
        info.sender == schedule.beneficiary,
        ContractError::NotBeneficiary { schedule_id }
    );
    let now = env.block.time;
    let amount = curve::status(&schedule, now).claimable;
    ensure!(
        !amount.is_zero(),
        ContractError::NothingToClaim {
            schedule_id,
            at: now,
        }
    );
    schedule.claimed = schedule
        .claimed
        .checked_add(amount)
        .map_err(StdError::from)?;
    SCHEDULES.save(deps.storage, schedule_id, &schedule)?;
    TOTALS.update(deps.storage, |mut totals| -> Result<_, ContractError> {
        totals.claimed = totals.claimed.checked_add(amount).map_err(StdError::from)?;
        Ok(totals)
    })?;

    let token = TokenContract(TOKEN.load(deps.storage)?);
    Ok(Response::new()
        .add_message(token.transfer_msg(&schedule.beneficiary, amount)?)
        .add_attribute("action", "claim")
        .add_attribute("schedule_id", schedule_id.to_string())
        .add_attribute("beneficiary", &schedule.beneficiary)
        .add_attribute("amount", amount)
        .add_attribute("claimed_total", schedule.claimed))
}
