//! Challenges: real escrowed jobs that verify a node's declared capacity (DESIGN §3 "Mining
//! emission", "Verified capacity").
//!
//! - An oracle of depin-rewards, or anyone as a bounty, posts one to a node with the SHA-256 of
//!   the answer, paying the job's quoted price; it is offered to that node alone.
//! - The node may decline it (or let the offer lapse): the poster is refunded; for an oracle's
//!   challenge the node loses that epoch's capacity reward, for a bounty nothing.
//! - Once accepted it is judged on chain, with no vote: the answer submitted before the
//!   deadline hashes to the commitment, or the challenge fails (a wrong answer at once, no
//!   answer at the deadline through `Expire`).
//! - Passed: the price pays out like a job (70% to the node, the protocol part routed), never
//!   counted as work fees; the challenge of an oracle (still appointed when it is judged)
//!   confirms the capacity it tested (a bounty's poster may know the answer, so it confirms
//!   nothing).
//! - Failed: the poster gets back exactly its escrow; for an oracle's challenge the node loses
//!   the bond behind the capacity tested (`bond_per_capacity_unit` per unit, capped by its bond)
//!   to the reserve, its verified capacity and, in depin-rewards, its locked rewards. A failed
//!   bounty costs the node nothing (its poster's commitment is unchecked: it must not be a way
//!   to slash a competitor); a bounty is an offer of paid work, nothing more.

use btt_types::asset::Payment;
pub use btt_types::compute::commitment_of;
use btt_types::compute::{
    Assignment, Challenge, ChallengeSpec, Job, JobResult, JobStatus, Node, NodeStatus,
};
use btt_types::depin::{CapacityEvent, ConfigResponse as DepinConfig, QueryMsg as DepinQuery};
use btt_types::token::TokenContract;
use cosmwasm_std::{
    ensure, Addr, Decimal, DepsMut, Env, MessageInfo, QuerierWrapper, Response, Storage, Uint128,
};

use crate::jobs::escrow_new_job;
use crate::nodes::{declared_capacity, report_capacity, report_capacity_of};
use crate::settle::{close_escrow, pay_out, release_nodes};
use crate::state::{jobs, Config, CONFIG, JOBS_BY_NODE, NODES, TOTALS};
use crate::ContractError;

/// Whether `who` is an oracle of depin-rewards now.
fn is_oracle(querier: &QuerierWrapper, config: &Config, who: &Addr) -> bool {
    config.depin.as_ref().is_some_and(|depin| {
        querier
            .query_wasm_smart::<DepinConfig>(depin, &DepinQuery::Config {})
            .is_ok_and(|c| c.oracles.contains(who))
    })
}

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidChallenge {
        reason: reason.into(),
    }
}

/// `PostChallenge` (BTT hook or one native coin): to an active node of the job's class, for at
/// most its declared capacity; the job is escrowed as a clinic's is ([`escrow_new_job`]).
pub fn post(
    mut deps: DepsMut,
    env: Env,
    paid: Payment,
    spec: ChallengeSpec,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let node = NODES
        .may_load(deps.storage, spec.node_id)?
        .ok_or(ContractError::NodeNotFound {
            node_id: spec.node_id,
        })?;
    ensure!(
        node.status == NodeStatus::Active,
        ContractError::NodeNotActive { node_id: node.id }
    );
    ensure!(
        spec.job.hardware_class == node.spec.hardware_class,
        ContractError::WrongHardwareClass {
            node_id: node.id,
            class: node.spec.hardware_class,
            needed: spec.job.hardware_class,
        }
    );
    ensure!(
        !spec.capacity.is_zero() && spec.capacity <= declared_capacity(&config, &node)?,
        invalid("it tests more than 0 and at most the node's declared capacity")
    );
    ensure!(
        spec.commitment.len() == 64
            && spec
                .commitment
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        invalid("the commitment is a lowercase hex SHA-256 (64 characters)")
    );
    let by_oracle = is_oracle(&deps.querier, &config, &paid.sender);
    let units = spec.job.compute_units;
    let mut job = escrow_new_job(&mut deps, &env, paid, spec.job)?;
    job.assignments = vec![Assignment {
        node_id: node.id,
        units,
    }];
    job.offered_at = Some(env.block.time);
    job.status = JobStatus::Offered;
    job.challenge = Some(Challenge {
        capacity: spec.capacity,
        commitment: spec.commitment,
        by_oracle,
    });
    JOBS_BY_NODE.save(deps.storage, (node.id, job.id), &())?;
    jobs().save(deps.storage, job.id, &job)?;
    Ok(Response::new()
        .add_attribute("action", "post_challenge")
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("node_id", node.id.to_string())
        .add_attribute("poster", &job.clinic)
        .add_attribute("by_oracle", by_oracle.to_string())
        .add_attribute("capacity", spec.capacity.to_string())
        .add_attribute("price", job.price))
}

/// The challenge of a job that is one.
pub fn of(job: &Job) -> Option<&Challenge> {
    job.challenge.as_ref()
}

/// Whether the job is a challenge posted by an oracle that is still one now: a removed
/// oracle's challenge confirms and blocks nothing.
fn by_oracle_now(querier: &QuerierWrapper, config: &Config, job: &Job) -> bool {
    of(job).is_some_and(|c| c.by_oracle) && is_oracle(querier, config, &job.clinic)
}

/// A challenge declined by its node, or whose offer lapsed: the poster is refunded; a
/// challenge of an oracle still appointed blocks the node's capacity reward for the epoch.
pub fn decline(deps: DepsMut, mut job: Job, action: &str) -> Result<Response, ContractError> {
    let storage = deps.storage;
    let config = CONFIG.load(storage)?;
    let by_oracle = by_oracle_now(&deps.querier, &config, &job);
    release_nodes(storage, &job.accepted, false)?;
    let mut res = refund(storage, &mut job)?;
    if by_oracle {
        if let Some(a) = job.assignments.first() {
            let mut node = NODES.load(storage, a.node_id)?;
            let oracle = Some(&job.clinic);
            let event = CapacityEvent::Declined;
            res = res.add_messages(report_capacity_of(&config, &mut node, event, oracle)?);
            NODES.save(storage, a.node_id, &node)?;
        }
    }
    Ok(res
        .add_attribute("action", action)
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("by_oracle", by_oracle.to_string()))
}

/// Refunds the poster exactly its escrow; the job is settled.
fn refund(storage: &mut dyn Storage, job: &mut Job) -> Result<Response, ContractError> {
    close_escrow(storage, job)?;
    for a in &job.assignments {
        JOBS_BY_NODE.remove(storage, (a.node_id, job.id));
    }
    job.status = JobStatus::Refunded;
    jobs().save(storage, job.id, job)?;
    Ok(Response::new()
        .add_messages(job.asset.transfer_msg(&job.clinic, job.price)?)
        .add_attribute("refund", job.price))
}

/// Judges a submitted answer: passed or failed at once.
pub fn judge(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    mut job: Job,
    answer: String,
) -> Result<Response, ContractError> {
    let challenge = of(&job)
        .cloned()
        .ok_or(ContractError::NotAChallenge { job_id: job.id })?;
    ensure!(
        answer.len() <= 256,
        ContractError::TooLong {
            field: "result_hash",
            max: 256,
        }
    );
    if commitment_of(&answer) != challenge.commitment {
        return fail(deps, job, "challenge_failed");
    }
    let config = CONFIG.load(deps.storage)?;
    let confirms = by_oracle_now(&deps.querier, &config, &job);
    let mut res = pay_out(deps.storage, &config, &job, job.price, false)?;
    release_nodes(deps.storage, &job.accepted, false)?;
    close_escrow(deps.storage, &job)?;
    if confirms {
        for node_id in &job.accepted {
            let mut node = NODES.load(deps.storage, *node_id)?;
            node.verified_capacity = challenge.capacity.min(declared_capacity(&config, &node)?);
            let oracle = Some(&job.clinic);
            let event = CapacityEvent::Confirmed;
            res = res.add_messages(report_capacity_of(&config, &mut node, event, oracle)?);
            NODES.save(deps.storage, *node_id, &node)?;
        }
    }
    job.result = Some(JobResult {
        hash: answer,
        uri: String::new(),
        submitted_at: env.block.time,
        submitted_by: info.sender,
    });
    job.status = JobStatus::Paid;
    jobs().save(deps.storage, job.id, &job)?;
    Ok(res
        .add_attribute("action", "challenge_passed")
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("confirmed", confirms.to_string()))
}

/// What a failed challenge slashes from `node`: `bond_per_capacity_unit` per unit tested,
/// rounded up, capped by its bond.
pub fn slash_amount(config: &Config, challenge: &Challenge, node: &Node) -> Uint128 {
    let per_unit = Decimal::from_ratio(config.bond_per_capacity_unit, 1u128);
    let owed = challenge
        .capacity
        .checked_mul(per_unit)
        .map_or(node.bond, |d| d.to_uint_ceil());
    owed.min(node.bond)
}

/// A failed challenge (a wrong answer, or no answer by the deadline): the poster is refunded
/// exactly its escrow. For the challenge of an oracle still appointed, the node loses the bond
/// behind the capacity tested to the reserve and its verified capacity, and depin-rewards
/// forfeits its locked rewards. A failed bounty costs the node nothing more: its poster's
/// commitment is unchecked (it may match no work at all), so it must not be a way to slash a
/// competitor.
pub fn fail(deps: DepsMut, mut job: Job, action: &str) -> Result<Response, ContractError> {
    let challenge = of(&job)
        .cloned()
        .ok_or(ContractError::NotAChallenge { job_id: job.id })?;
    let config = CONFIG.load(deps.storage)?;
    let slashes = by_oracle_now(&deps.querier, &config, &job);
    let storage = deps.storage;
    release_nodes(storage, &job.accepted, false)?;
    let mut res = refund(storage, &mut job)?;
    let mut total = Uint128::zero();
    for node_id in job.accepted.iter().filter(|_| slashes) {
        let mut node = NODES.load(storage, *node_id)?;
        let amount = slash_amount(&config, &challenge, &node);
        node.bond = node.bond.checked_sub(amount)?;
        node.slashed = node.slashed.checked_add(amount)?;
        node.verified_capacity = Decimal::zero();
        res = res
            .add_messages(report_capacity(&config, &mut node, CapacityEvent::Failed)?)
            .add_attribute(format!("slashed_node_{node_id}"), amount);
        NODES.save(storage, *node_id, &node)?;
        total = total.checked_add(amount)?;
    }
    TOTALS.update(storage, |mut t| -> Result<_, ContractError> {
        t.bonds = t.bonds.checked_sub(total)?;
        Ok(t)
    })?;
    if !total.is_zero() {
        res = res.add_message(TokenContract(config.token).transfer_msg(&config.reserve, total)?);
    }
    Ok(res
        .add_attribute("action", action)
        .add_attribute("job_id", job.id.to_string())
        .add_attribute("slash_to_reserve", total))
}
