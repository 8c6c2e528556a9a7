//! Disputes: the clinic disputes a result within the review window; the DAO's arbiter pays,
//! refunds or splits, and slashes nodes at fault (to the reserve: the clinic gets back at most
//! what it escrowed, so a dispute never pays it more than the job cost).

use btt_types::compute::{JobStatus, Resolution};
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response};

use crate::jobs::{load, review_ends};
use crate::nodes::slash_nodes;
use crate::settle::{close_escrow, pay_out, release_nodes};
use crate::state::{jobs, CONFIG, NODES};
use crate::ContractError;

/// `Dispute`: the clinic, on a submitted job, before the review window ends.
pub fn dispute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
    reason: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    ensure!(job.clinic == info.sender, ContractError::NotClinic);
    ensure!(
        job.status == JobStatus::Submitted,
        ContractError::WrongJobStatus {
            job_id,
            expected: "submitted",
            actual: job.status,
        }
    );
    let ended_at = review_ends(&job);
    ensure!(
        env.block.time < ended_at,
        ContractError::ReviewOver { job_id, ended_at }
    );
    ensure!(
        reason.len() <= 256,
        ContractError::TooLong {
            field: "reason",
            max: 256,
        }
    );
    for node_id in &job.accepted {
        let mut node = NODES.load(deps.storage, *node_id)?;
        node.open_disputes = node.open_disputes.saturating_add(1);
        NODES.save(deps.storage, *node_id, &node)?;
    }
    job.status = JobStatus::Disputed;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "dispute")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("reason", reason))
}

/// `Resolve`: the arbiter settles a disputed job.
pub fn resolve(
    deps: DepsMut,
    info: MessageInfo,
    job_id: u64,
    resolution: Resolution,
    at_fault: Vec<u64>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(info.sender == config.arbiter, ContractError::NotArbiter);
    let mut job = load(deps.storage, job_id)?;
    ensure!(
        job.status == JobStatus::Disputed,
        ContractError::WrongJobStatus {
            job_id,
            expected: "disputed",
            actual: job.status,
        }
    );
    for (i, node_id) in at_fault.iter().enumerate() {
        if !job.accepted.contains(node_id) || at_fault[..i].contains(node_id) {
            return Err(ContractError::NodeNotInJob {
                job_id,
                node_id: *node_id,
            });
        }
    }
    let mut res = Response::new()
        .add_attribute("action", "resolve")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("clinic", &job.clinic)
        .add_attribute("escrow", job.price);
    let (refund, status) = match resolution {
        Resolution::Pay => (cosmwasm_std::Uint128::zero(), JobStatus::Paid),
        Resolution::Refund => (job.price, JobStatus::Refunded),
        Resolution::Split { clinic_share } => {
            ensure!(
                clinic_share.is_valid(),
                ContractError::InvalidConfig {
                    reason: "a clinic share is at most 100%".into(),
                }
            );
            (clinic_share.of(job.price), JobStatus::Split)
        }
    };
    let paid = job.price.checked_sub(refund)?;
    if !paid.is_zero() {
        let payout = pay_out(deps.storage, &config, &job, paid, status == JobStatus::Paid)?;
        res = res
            .add_submessages(payout.messages)
            .add_attributes(payout.attributes)
            .add_events(payout.events);
    }
    res = res
        .add_messages(job.asset.transfer_msg(&job.clinic, refund)?)
        .add_attribute("refund", refund);
    let slashed = slash_nodes(deps.storage, &config, &job, &at_fault)?;
    res = res
        .add_submessages(slashed.messages)
        .add_attributes(slashed.attributes);
    release_nodes(deps.storage, &job.accepted, true)?;
    close_escrow(deps.storage, &job)?;
    job.status = status;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(res.add_attribute("status", format!("{status:?}")))
}
