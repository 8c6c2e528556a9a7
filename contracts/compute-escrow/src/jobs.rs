//! The job lifecycle: posted → assigned → submitted → accepted / auto-accepted → paid;
//! expired → refunded.

use btt_types::asset::Asset;
use btt_types::compute::{
    Assignment, Job, JobResult, JobSpec, JobStatus, NodeStatus, MAX_NODES_PER_JOB,
};
use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Storage, Uint128};

use crate::nodes::slash;
use crate::pricing::{check_schedule, quote};
use crate::settle::{close_escrow, pay_out, release_nodes};
use crate::state::{jobs, CONFIG, JOBS_BY_NODE, NODES, TOTALS};
use crate::ContractError;

/// Loads a job.
pub fn load(storage: &dyn Storage, job_id: u64) -> Result<Job, ContractError> {
    jobs()
        .may_load(storage, job_id)?
        .ok_or(ContractError::JobNotFound { job_id })
}

fn expect(job: &Job, status: JobStatus, expected: &'static str) -> Result<(), ContractError> {
    if job.status != status {
        return Err(ContractError::WrongJobStatus {
            job_id: job.id,
            expected,
            actual: job.status,
        });
    }
    Ok(())
}

fn only_clinic(job: &Job, who: &Addr) -> Result<(), ContractError> {
    if job.clinic != *who {
        return Err(ContractError::NotClinic);
    }
    Ok(())
}

/// `PostJob` (BTT hook or native): `paid` of `asset` must be exactly the quote.
pub fn post(
    deps: DepsMut,
    env: Env,
    clinic: Addr,
    asset: Asset,
    paid: Uint128,
    spec: JobSpec,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    check_schedule(&spec, env.block.time)?;
    let quoted = quote(&deps.querier, &config, &spec, Some(&clinic), &asset)?;
    if paid != quoted.price {
        return Err(ContractError::WrongPayment {
            expected: quoted.price,
            sent: paid,
        });
    }
    let mut totals = TOTALS.load(deps.storage)?;
    totals.last_job_id += 1;
    if let Asset::Cw20(_) = asset {
        totals.escrow_btt = totals.escrow_btt.checked_add(paid)?;
    }
    TOTALS.save(deps.storage, &totals)?;
    let job = Job {
        id: totals.last_job_id,
        clinic,
        spec,
        asset,
        price: paid,
        discount: quoted.discount,
        assignments: vec![],
        result: None,
        status: JobStatus::Posted,
        posted_at: env.block.time,
    };
    jobs().save(deps.storage, job.id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "post_job")
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("clinic", &job.clinic)
        .add_attribute("price", paid)
        .add_attribute("asset", job.asset.to_string())
        .add_attribute("discount_bps", quoted.discount.0.to_string()))
}

/// `PostJob` paid in a native denom: exactly one coin.
pub fn post_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spec: JobSpec,
) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info)?;
    post(
        deps,
        env,
        info.sender,
        Asset::Native(coin.denom),
        coin.amount,
        spec,
    )
}

/// `AssignJob`: the clinic splits the job's units across active nodes of its class.
pub fn assign(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
    assignments: Vec<Assignment>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    only_clinic(&job, &info.sender)?;
    expect(&job, JobStatus::Posted, "posted")?;
    if env.block.time >= job.spec.deadline {
        return Err(ContractError::DeadlinePassed {
            job_id,
            deadline: job.spec.deadline,
        });
    }
    let distinct = assignments
        .iter()
        .enumerate()
        .all(|(i, a)| a.units > 0 && !assignments[..i].iter().any(|b| b.node_id == a.node_id));
    if assignments.is_empty() || assignments.len() > MAX_NODES_PER_JOB || !distinct {
        return Err(ContractError::InvalidAssignments {
            max: MAX_NODES_PER_JOB,
        });
    }
    let assigned: u64 = assignments.iter().map(|a| a.units).sum();
    if assigned != job.spec.compute_units {
        return Err(ContractError::UnitsMismatch {
            assigned,
            needed: job.spec.compute_units,
        });
    }
    for a in &assignments {
        let mut node = NODES
            .may_load(deps.storage, a.node_id)?
            .ok_or(ContractError::NodeNotFound { node_id: a.node_id })?;
        if node.status != NodeStatus::Active {
            return Err(ContractError::NodeNotActive { node_id: a.node_id });
        }
        if node.spec.hardware_class != job.spec.hardware_class {
            return Err(ContractError::WrongHardwareClass {
                node_id: a.node_id,
                class: node.spec.hardware_class,
                needed: job.spec.hardware_class,
            });
        }
        node.open_jobs += 1;
        NODES.save(deps.storage, a.node_id, &node)?;
        JOBS_BY_NODE.save(deps.storage, (a.node_id, job_id), &())?;
    }
    job.assignments = assignments;
    job.status = JobStatus::Assigned;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "assign_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("nodes", job.assignments.len().to_string()))
}

/// `SubmitResult`: an operator of an assigned node, before the deadline.
pub fn submit(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
    result_hash: String,
    result_uri: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    expect(&job, JobStatus::Assigned, "assigned")?;
    if env.block.time >= job.spec.deadline {
        return Err(ContractError::DeadlinePassed {
            job_id,
            deadline: job.spec.deadline,
        });
    }
    let mut is_operator = false;
    for a in &job.assignments {
        is_operator |= NODES.load(deps.storage, a.node_id)?.operator == info.sender;
    }
    if !is_operator {
        return Err(ContractError::NotAssignedOperator);
    }
    if result_hash.len() > 64 {
        return Err(ContractError::TooLong {
            field: "result_hash",
            max: 64,
        });
    }
    if result_uri.len() > 256 {
        return Err(ContractError::TooLong {
            field: "result_uri",
            max: 256,
        });
    }
    job.result = Some(JobResult {
        hash: result_hash,
        uri: result_uri,
        submitted_at: env.block.time,
        submitted_by: info.sender,
    });
    job.status = JobStatus::Submitted;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "submit_result")
        .add_attribute("job_id", job_id.to_string()))
}

/// When the review window of a submitted job ends.
pub fn review_ends(job: &Job) -> cosmwasm_std::Timestamp {
    job.result.as_ref().map_or(job.spec.deadline, |r| {
        r.submitted_at.plus_seconds(job.spec.review_seconds)
    })
}

/// Pays a submitted job out in full.
fn complete(deps: DepsMut, mut job: Job, action: &str) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let payout = pay_out(deps.storage, &config, &job, job.price, true)?;
    release_nodes(deps.storage, &job, false)?;
    close_escrow(deps.storage, &job)?;
    job.status = JobStatus::Paid;
    jobs().save(deps.storage, job.id, &job)?;
    Ok(payout
        .add_attribute("action", action)
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("price", job.price))
}

/// `AcceptResult`: the clinic accepts; the job pays out.
pub fn accept(deps: DepsMut, info: MessageInfo, job_id: u64) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let job = load(deps.storage, job_id)?;
    only_clinic(&job, &info.sender)?;
    expect(&job, JobStatus::Submitted, "submitted")?;
    complete(deps, job, "accept_result")
}

/// `Finalize`: after the review window, anyone completes the job.
pub fn finalize(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let job = load(deps.storage, job_id)?;
    expect(&job, JobStatus::Submitted, "submitted")?;
    let ends_at = review_ends(&job);
    if env.block.time < ends_at {
        return Err(ContractError::ReviewNotOver { job_id, ends_at });
    }
    complete(deps, job, "finalize")
}

/// `Expire`: after the deadline of a job with no result, the clinic is refunded and assigned
/// nodes, which missed the deadline, are slashed to the clinic.
pub fn expire(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    if !matches!(job.status, JobStatus::Posted | JobStatus::Assigned) {
        return Err(ContractError::WrongJobStatus {
            job_id,
            expected: "posted or assigned",
            actual: job.status,
        });
    }
    if env.block.time < job.spec.deadline {
        return Err(ContractError::NotExpired {
            job_id,
            deadline: job.spec.deadline,
        });
    }
    let config = CONFIG.load(deps.storage)?;
    let mut res = Response::new()
        .add_attribute("action", "expire")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("refund", job.price);
    res = res.add_messages(job.asset.transfer_msg(&job.clinic, job.price)?);
    for a in &job.assignments {
        let (amount, msg) = slash(deps.storage, &config, a.node_id, &job.clinic)?;
        res = res
            .add_messages(msg)
            .add_attribute(format!("slashed_node_{}", a.node_id), amount);
    }
    release_nodes(deps.storage, &job, false)?;
    close_escrow(deps.storage, &job)?;
    job.status = JobStatus::Refunded;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(res)
}
