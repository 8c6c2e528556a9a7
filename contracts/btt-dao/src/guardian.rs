//! The foundation guardian: a veto until a sunset fixed at instantiate.

use btt_types::dao::Status;
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response};

use crate::execution::release_deposit;
use crate::state::{CONFIG, GUARDIAN, PROPOSALS};
use crate::tally::status_at;
use crate::ContractError;

/// `GuardianVeto`: before the sunset, the guardian stops a proposal that is open or passed and
/// not yet executed. The deposit is refunded.
pub fn veto(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let guardian = GUARDIAN
        .load(deps.storage)?
        .ok_or(ContractError::NoGuardian)?;
    ensure!(
        info.sender == guardian.address,
        ContractError::Unauthorized {
            expected: guardian.address.to_string(),
        }
    );
    ensure!(
        env.block.time < guardian.sunset,
        ContractError::GuardianSunset {
            sunset: guardian.sunset,
        }
    );
    let mut proposal = PROPOSALS
        .may_load(deps.storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })?;
    let rules = CONFIG.load(deps.storage)?.rules;
    let status = status_at(&proposal, &rules, env.block.time);
    ensure!(
        matches!(status, Status::Open | Status::Passed),
        ContractError::NotVetoable {
            proposal_id,
            status,
        }
    );
    proposal.status = Status::GuardianVetoed;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    Ok(release_deposit(deps.storage, &proposal, true)?
        .add_attribute("action", "guardian_veto")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("guardian", info.sender))
}
