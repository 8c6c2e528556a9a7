//! The job lifecycle: posted → assigned → submitted → accepted / auto-accepted → paid;
//! expired → refunded.

use btt_types::asset::{Asset, PaidError, Payment};
use btt_types::compute::{
    Assignment, Job, JobResult, JobSpec, JobStatus, Node, NodeStatus, MAX_NODES_PER_JOB,
};
use btt_types::math::Checked;
use cosmwasm_std::{ensure, Addr, DepsMut, Env, MessageInfo, Response, Storage, Timestamp};

use crate::challenges;
use crate::nodes::{load_operated, slash_nodes};
use crate::pricing::{check_schedule, quote_with_ubtt};
use crate::settle::{close_escrow, pay_out, release_nodes};
use crate::state::{jobs, Config, CONFIG, JOBS_BY_NODE, NODES, TOTALS};
use crate::ContractError;

/// Loads a job.
pub fn load(storage: &dyn Storage, job_id: u64) -> Result<Job, ContractError> {
    jobs()
        .may_load(storage, job_id)?
        .ok_or(ContractError::JobNotFound { job_id })
}

fn expect(job: &Job, status: JobStatus, expected: &'static str) -> Result<(), ContractError> {
    ensure!(
        job.status == status,
        ContractError::WrongJobStatus {
            job_id: job.id,
            expected,
            actual: job.status,
        }
    );
    Ok(())
}

/// A job not running yet: posted, or offered and waiting for acceptance.
fn expect_not_running(job: &Job) -> Result<(), ContractError> {
    ensure!(
        matches!(job.status, JobStatus::Posted | JobStatus::Offered),
        ContractError::WrongJobStatus {
            job_id: job.id,
            expected: "posted or offered",
            actual: job.status,
        }
    );
    Ok(())
}

fn only_clinic(job: &Job, who: &Addr) -> Result<(), ContractError> {
    ensure!(job.clinic == *who, ContractError::NotClinic);
    Ok(())
}

/// Takes `paid` as the escrow of a new job of `spec` (a clinic's job or a challenge): the
/// circuit is open, the schedule valid, `paid` exactly the quote in its asset; the job gets the
/// next id and the contract's books hold its BTT. Returns it posted, not saved yet.
pub fn escrow_new_job(
    deps: &mut DepsMut,
    env: &Env,
    paid: Payment,
    spec: JobSpec,
) -> Result<Job, ContractError> {
    let Payment {
        sender: clinic,
        asset,
        amount: paid,
    } = paid;
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let (quoted, price_ubtt) =
        quote_with_ubtt(&deps.querier, &config, &spec, Some(&clinic), &asset)?;
    check_schedule(&config, &spec)?;
    ensure!(
        paid == quoted.price,
        PaidError::WrongAmount {
            expected: quoted.price,
            got: paid,
        }
    );
    let mut totals = TOTALS.load(deps.storage)?;
    totals.last_job_id = totals.last_job_id.add_checked(1)?;
    if let Asset::Cw20(_) = asset {
        totals.escrow_btt = totals.escrow_btt.checked_add(paid)?;
    }
    TOTALS.save(deps.storage, &totals)?;
    Ok(Job {
        id: totals.last_job_id,
        clinic,
        spec,
        asset,
        price: paid,
        price_ubtt,
        discount: quoted.discount,
        assignments: vec![],
        accepted: vec![],
        offered_at: None,
        deadline: None,
        result: None,
        status: JobStatus::Posted,
        posted_at: env.block.time,
        challenge: None,
    })
}

/// `PostJob` (BTT hook or one native coin): `paid` must be exactly the quote in its asset.
pub fn post(
    mut deps: DepsMut,
    env: Env,
    paid: Payment,
    spec: JobSpec,
) -> Result<Response, ContractError> {
    let job = escrow_new_job(&mut deps, &env, paid, spec)?;
    jobs().save(deps.storage, job.id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "post_job")
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("clinic", &job.clinic)
        .add_attribute("price", job.price)
        .add_attribute("asset", job.asset.to_string())
        .add_attribute("discount_bps", job.discount.0.to_string()))
}

/// A node that may take new work: active and bonded at least the minimum.
fn check_can_work(config: &Config, node: &Node) -> Result<(), ContractError> {
    ensure!(
        node.status == NodeStatus::Active,
        ContractError::NodeNotActive { node_id: node.id }
    );
    ensure!(
        node.bond >= config.min_bond,
        ContractError::BondBelowMinimum {
            node_id: node.id,
            bond: node.bond,
            min: config.min_bond,
        }
    );
    Ok(())
}

/// Withdraws a job's offer: accepted nodes are released, the by-node index forgets it.
fn withdraw_offer(storage: &mut dyn Storage, job: &mut Job) -> Result<(), ContractError> {
    release_nodes(storage, &job.accepted, false)?;
    for a in &job.assignments {
        JOBS_BY_NODE.remove(storage, (a.node_id, job.id));
    }
    job.assignments.clear();
    job.accepted.clear();
    Ok(())
}

/// `AssignJob`: the clinic offers the job's units to active nodes of its class. Nothing binds
/// them until each operator accepts.
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
    expect_not_running(&job)?;
    ensure!(
        job.challenge.is_none(),
        ContractError::InvalidChallenge {
            reason: "a challenge is offered to its node only".into(),
        }
    );
    let distinct = assignments
        .iter()
        .enumerate()
        .all(|(i, a)| a.units > 0 && !assignments[..i].iter().any(|b| b.node_id == a.node_id));
    ensure!(
        !assignments.is_empty() && assignments.len() <= MAX_NODES_PER_JOB && distinct,
        ContractError::InvalidAssignments {
            max: MAX_NODES_PER_JOB,
        }
    );
    let assigned = assignments
        .iter()
        .try_fold(0u64, |sum, a| sum.checked_add(a.units))
        .unwrap_or(u64::MAX);
    ensure!(
        assigned == job.spec.compute_units,
        ContractError::UnitsMismatch {
            assigned,
            needed: job.spec.compute_units,
        }
    );
    let config = CONFIG.load(deps.storage)?;
    withdraw_offer(deps.storage, &mut job)?;
    for a in &assignments {
        let node = NODES
            .may_load(deps.storage, a.node_id)?
            .ok_or(ContractError::NodeNotFound { node_id: a.node_id })?;
        check_can_work(&config, &node)?;
        ensure!(
            node.spec.hardware_class == job.spec.hardware_class,
            ContractError::WrongHardwareClass {
                node_id: a.node_id,
                class: node.spec.hardware_class,
                needed: job.spec.hardware_class,
            }
        );
        JOBS_BY_NODE.save(deps.storage, (a.node_id, job_id), &())?;
    }
    job.assignments = assignments;
    job.status = JobStatus::Offered;
    job.offered_at = Some(env.block.time);
    jobs().save(deps.storage, job_id, &job)?;
    let lapses_at = offer_lapses_at(&config, &job);
    Ok(Response::new()
        .add_attribute("action", "assign_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("nodes", job.assignments.len().to_string())
        .add_attribute("offer_lapses_at", lapses_at.seconds().to_string()))
}

/// When `job`'s current offer lapses unless every node has accepted it (an offer made by code
/// before offers lapsed counts from the job's posting).
pub fn offer_lapses_at(config: &Config, job: &Job) -> Timestamp {
    job.offered_at
        .unwrap_or(job.posted_at)
        .plus_seconds(config.offer_seconds)
}

/// Loads an offered job and the caller's node in its offer.
fn load_offer(
    storage: &dyn Storage,
    job_id: u64,
    node_id: u64,
    who: &Addr,
) -> Result<(Job, Node), ContractError> {
    let job = load(storage, job_id)?;
    expect(&job, JobStatus::Offered, "offered")?;
    ensure!(
        job.assignments.iter().any(|a| a.node_id == node_id),
        ContractError::NotOffered { job_id, node_id }
    );
    let node = load_operated(storage, node_id, who)?;
    Ok((job, node))
}

/// `AcceptAssignment`: the operator binds its node (and bond) to the job. The last acceptance
/// starts the run window.
pub fn accept_assignment(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let (mut job, mut node) = load_offer(deps.storage, job_id, node_id, &info.sender)?;
    ensure!(
        !job.accepted.contains(&node_id),
        ContractError::AlreadyAccepted { job_id, node_id }
    );
    let config = CONFIG.load(deps.storage)?;
    let lapsed_at = offer_lapses_at(&config, &job);
    ensure!(
        env.block.time < lapsed_at,
        ContractError::OfferLapsed { job_id, lapsed_at }
    );
    check_can_work(&config, &node)?;
    node.open_jobs = node
        .open_jobs
        .checked_add(1)
        .ok_or(ContractError::Overflow(cosmwasm_std::OverflowError::new(
            cosmwasm_std::OverflowOperation::Add,
        )))?;
    NODES.save(deps.storage, node_id, &node)?;
    job.accepted.push(node_id);
    let mut res = Response::new()
        .add_attribute("action", "accept_assignment")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("node_id", node_id.to_string());
    if job.accepted.len() == job.assignments.len() {
        let deadline = env.block.time.plus_seconds(job.spec.run_seconds);
        job.deadline = Some(deadline);
        job.status = JobStatus::Assigned;
        res = res.add_attribute("deadline", deadline.seconds().to_string());
    }
    jobs().save(deps.storage, job_id, &job)?;
    Ok(res)
}

/// `DeclineAssignment`: the operator refuses; the whole offer is withdrawn and the job is
/// posted again.
pub fn decline_assignment(
    deps: DepsMut,
    info: MessageInfo,
    job_id: u64,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let (mut job, _) = load_offer(deps.storage, job_id, node_id, &info.sender)?;
    if job.challenge.is_some() {
        let res = challenges::decline(deps, job, "decline_challenge")?;
        return Ok(res.add_attribute("node_id", node_id.to_string()));
    }
    withdraw_offer(deps.storage, &mut job)?;
    job.status = JobStatus::Posted;
    job.offered_at = None;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "decline_assignment")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("node_id", node_id.to_string()))
}

/// `LapseOffer`: anyone, once an offer has waited its window without every node accepting;
/// the nodes that accepted are released and the job is posted again. No node is held by
/// another node's timing.
pub fn lapse_offer(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    expect(&job, JobStatus::Offered, "offered")?;
    let lapses_at = offer_lapses_at(&CONFIG.load(deps.storage)?, &job);
    ensure!(
        env.block.time >= lapses_at,
        ContractError::OfferOpen { job_id, lapses_at }
    );
    if job.challenge.is_some() {
        return challenges::decline(deps, job, "lapse_challenge");
    }
    let released = job.accepted.len();
    withdraw_offer(deps.storage, &mut job)?;
    job.status = JobStatus::Posted;
    job.offered_at = None;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "lapse_offer")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("released_nodes", released.to_string()))
}

/// `CancelJob`: the clinic takes back a job that is not running yet; nobody is slashed.
pub fn cancel(deps: DepsMut, info: MessageInfo, job_id: u64) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    only_clinic(&job, &info.sender)?;
    expect_not_running(&job)?;
    withdraw_offer(deps.storage, &mut job)?;
    close_escrow(deps.storage, &job)?;
    job.status = JobStatus::Refunded;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(Response::new()
        .add_messages(job.asset.transfer_msg(&job.clinic, job.price)?)
        .add_attribute("action", "cancel_job")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("refund", job.price))
}

/// The deadline of a running job.
pub fn deadline(job: &Job) -> Result<Timestamp, ContractError> {
    job.deadline.ok_or(ContractError::WrongJobStatus {
        job_id: job.id,
        expected: "running",
        actual: job.status,
    })
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
    let deadline = deadline(&job)?;
    ensure!(
        env.block.time < deadline,
        ContractError::DeadlinePassed { job_id, deadline }
    );
    let mut is_operator = false;
    for node_id in &job.accepted {
        is_operator |= NODES.load(deps.storage, *node_id)?.operator == info.sender;
    }
    ensure!(is_operator, ContractError::NotAssignedOperator);
    if job.challenge.is_some() {
        return challenges::judge(deps, env, info, job, result_hash);
    }
    ensure!(
        result_hash.len() <= 64,
        ContractError::TooLong {
            field: "result_hash",
            max: 64,
        }
    );
    ensure!(
        result_uri.len() <= 256,
        ContractError::TooLong {
            field: "result_uri",
            max: 256,
        }
    );
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
    job.result
        .as_ref()
        .map_or(job.deadline.unwrap_or(job.posted_at), |r| {
            r.submitted_at.plus_seconds(job.spec.review_seconds)
        })
}

/// Pays a submitted job out in full.
fn complete(deps: DepsMut, mut job: Job, action: &str) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let payout = pay_out(deps.storage, &config, &job, job.price, true)?;
    release_nodes(deps.storage, &job.accepted, false)?;
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
    ensure!(
        env.block.time >= ends_at,
        ContractError::ReviewNotOver { job_id, ends_at }
    );
    complete(deps, job, "finalize")
}

/// `Expire`: after the deadline of a running job with no result, the clinic is refunded exactly
/// what it escrowed and the nodes, which accepted it and missed the deadline, are slashed to the
/// reserve: nobody on the job ends richer than if it had succeeded.
pub fn expire(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    job_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut job = load(deps.storage, job_id)?;
    expect(&job, JobStatus::Assigned, "running without a result")?;
    let deadline = deadline(&job)?;
    ensure!(
        env.block.time >= deadline,
        ContractError::NotExpired { job_id, deadline }
    );
    if job.challenge.is_some() {
        return challenges::fail(deps, job, "expire_challenge");
    }
    let config = CONFIG.load(deps.storage)?;
    let mut res = Response::new()
        .add_attribute("action", "expire")
        .add_attribute("job_id", job_id.to_string())
        .add_attribute("clinic", &job.clinic)
        .add_attribute("escrow", job.price)
        .add_attribute("refund", job.price)
        .add_messages(job.asset.transfer_msg(&job.clinic, job.price)?);
    let slashed = slash_nodes(deps.storage, &config, &job, &job.accepted)?;
    res = res
        .add_submessages(slashed.messages)
        .add_attributes(slashed.attributes);
    release_nodes(deps.storage, &job.accepted, false)?;
    close_escrow(deps.storage, &job)?;
    job.status = JobStatus::Refunded;
    jobs().save(deps.storage, job_id, &job)?;
    Ok(res)
}
