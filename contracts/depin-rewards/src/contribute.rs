//! Contributions in: work fees and capacity from compute-escrow, attestations from oracles.
//! Each touches one node and one epoch (closing ended epochs on its way, each in constant
//! work), whatever the number of nodes.

use btt_types::depin::{Attestation, CapacityEvent, NodeCapacity, OraclePass};
use cosmwasm_std::{
    ensure, Addr, Decimal, DepsMut, Env, MessageInfo, Response, Storage, Timestamp, Uint128,
};

use crate::epochs::{add_to_carry, catch_up};
use crate::miners::{effective_capacity, settle, slot_mut};
use crate::score::{refresh, rules_for};
use crate::state::{
    Config, NodeState, PoolState, ScoreRules, ATTESTATIONS, CONFIG, EPOCHS, NODES, OPERATORS, POOL,
};
use crate::ContractError;

/// A node about to contribute in the current epoch: ended epochs closed, its last epoch folded.
pub struct Touched {
    pub epoch: u32,
    pub config: Config,
    pub pool: PoolState,
    pub node: NodeState,
}

/// Closes the ended epochs and settles `node_id` (see [`settle`]), under `config` (loaded once
/// by the caller).
pub fn touch(
    storage: &mut dyn Storage,
    config: Config,
    now: Timestamp,
    node_id: u64,
) -> Result<Touched, ContractError> {
    let mut pool = POOL.load(storage)?;
    let epoch = catch_up(storage, &config, &mut pool, now)?;
    let mut node = NODES.may_load(storage, node_id)?.unwrap_or_default();
    settle(
        storage,
        &mut pool,
        &mut node,
        config.payout.lock_epochs,
        config.payout.carry_release_epochs,
    )?;
    Ok(Touched {
        epoch,
        config,
        pool,
        node,
    })
}

impl Touched {
    /// Saves the pool and the node.
    pub fn save(&self, storage: &mut dyn Storage, node_id: u64) -> Result<(), ContractError> {
        POOL.save(storage, &self.pool)?;
        NODES.save(storage, node_id, &self.node)?;
        Ok(())
    }
}

/// A message of compute-escrow about `node_id` run by `operator`: no funds, the escrow only;
/// the operator is recorded and the node touched.
fn from_escrow(
    deps: &mut DepsMut,
    env: &Env,
    info: &MessageInfo,
    node_id: u64,
    operator: &str,
) -> Result<Touched, ContractError> {
    cw_utils::nonpayable(info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        config.escrow.as_ref() == Some(&info.sender),
        ContractError::NotEscrow
    );
    let operator = deps.api.addr_validate(operator)?;
    let t = touch(deps.storage, config, env.block.time, node_id)?;
    OPERATORS.save(deps.storage, node_id, &operator)?;
    Ok(t)
}

/// `RecordUnits`: compute-escrow only; a clinic job's units and protocol fees count in the
/// current epoch's work pool.
pub fn record_units(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    node_id: u64,
    operator: String,
    units: u64,
    fees: Uint128,
) -> Result<Response, ContractError> {
    let mut t = from_escrow(&mut deps, &env, &info, node_id, &operator)?;
    let slot = slot_mut(&mut t.node, t.epoch);
    slot.units = slot.units.saturating_add(units);
    slot.fees = slot.fees.checked_add(fees)?;
    let mut totals = EPOCHS.may_load(deps.storage, t.epoch)?.unwrap_or_default();
    totals.fees = totals.fees.checked_add(fees)?;
    EPOCHS.save(deps.storage, t.epoch, &totals)?;
    t.save(deps.storage, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "record_units")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", t.epoch.to_string())
        .add_attribute("units", units.to_string())
        .add_attribute("fees", fees))
}

/// Records `oracle`'s pass in `epoch` (each appointed oracle's last pass within the confirmation
/// window; at most one per oracle, so at most 10) and returns the epoch of the quorum's oldest
/// pass: the confirmation, once `min_attestations` distinct oracles have passed the node.
fn record_pass(c: &mut NodeCapacity, oracle: &Addr, epoch: u32, rules: &ScoreRules) -> Option<u32> {
    c.passes.retain(|p| {
        p.oracle != *oracle
            && rules.oracles.contains(&p.oracle)
            && epoch <= p.epoch.saturating_add(rules.confirmation_epochs)
    });
    if rules.oracles.contains(oracle) {
        c.passes.push(OraclePass {
            oracle: oracle.clone(),
            epoch,
        });
    }
    let mut epochs: Vec<u32> = c.passes.iter().map(|p| p.epoch).collect();
    epochs.sort_unstable_by(|a, b| b.cmp(a));
    let quorum = (rules.min_attestations as usize).max(1);
    epochs.get(quorum - 1).copied()
}

/// `ReportCapacity`: compute-escrow only. A pass of an oracle's challenge counts toward the
/// confirmation, which needs passes of `min_attestations` distinct appointed oracles in force
/// (new units warm up from the next epoch; a confirmation that had lapsed starts from 0), and
/// ends a suspension; a decline blocks this epoch and suspends the node's capacity score until
/// its next pass; a failure sets the capacity to 0, blocks this epoch and forfeits the node's
/// locked rewards to the carry; a change of bond or GPUs moves what counts (a decrease at
/// once, an increase by warm-up).
pub fn report_capacity(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    node_id: u64,
    operator: String,
    (capacity, event, oracle): (Decimal, CapacityEvent, Option<String>),
) -> Result<Response, ContractError> {
    let oracle = oracle.map(|o| deps.api.addr_validate(&o)).transpose()?;
    let mut t = from_escrow(&mut deps, &env, &info, node_id, &operator)?;
    let (_, rules) = rules_for(deps.storage, t.epoch)?;
    let now = effective_capacity(&t.node.capacity, t.epoch, rules.confirmation_epochs);
    let c = &mut t.node.capacity;
    let mut forfeited = Uint128::zero();
    match event {
        CapacityEvent::Confirmed => {
            let window = rules.confirmation_epochs;
            let lapsed = c
                .confirmed
                .is_none_or(|k| t.epoch > k.saturating_add(window));
            if let Some(oracle) = &oracle {
                c.confirmed = record_pass(c, oracle, t.epoch, &rules);
            }
            if c.confirmed
                .is_some_and(|k| t.epoch <= k.saturating_add(window))
            {
                c.suspended = false;
            }
            // A renewal of the same capacity keeps its warm-up going.
            if lapsed || capacity != c.target {
                c.base = if lapsed {
                    Decimal::zero()
                } else {
                    now.min(capacity)
                };
                c.target = capacity;
                c.since = t.epoch;
            }
        }
        CapacityEvent::Declined => {
            c.blocked = Some(t.epoch);
            c.suspended = true;
            if capacity != c.target {
                c.base = now.min(capacity);
                c.target = capacity;
                c.since = t.epoch;
            }
        }
        CapacityEvent::Failed => {
            c.base = Decimal::zero();
            c.target = Decimal::zero();
            c.since = t.epoch;
            c.confirmed = None;
            c.blocked = Some(t.epoch);
            c.passes.clear();
            c.suspended = false;
            forfeited = t
                .node
                .locked
                .drain(..)
                .try_fold(Uint128::zero(), |sum, l| sum.checked_add(l.amount))?;
        }
        CapacityEvent::Changed if capacity != c.target => {
            c.base = now.min(capacity);
            c.target = capacity;
            c.since = t.epoch;
        }
        CapacityEvent::Changed => {}
    }
    if !forfeited.is_zero() {
        t.node.forfeited = t.node.forfeited.checked_add(forfeited)?;
        t.pool.owed = t.pool.owed.checked_sub(forfeited)?;
        t.pool.forfeited = t.pool.forfeited.checked_add(forfeited)?;
        let from = t.pool.closed_through;
        let epochs = t.config.payout.carry_release_epochs;
        add_to_carry(deps.storage, &mut t.pool, forfeited, from, epochs)?;
    }
    let score = refresh(deps.storage, t.epoch, node_id, &mut t.node, &rules)?;
    t.save(deps.storage, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "report_capacity")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", t.epoch.to_string())
        .add_attribute("event", format!("{event:?}").to_lowercase())
        .add_attribute("capacity", capacity.to_string())
        .add_attribute("forfeited", forfeited)
        .add_attribute("score", score.to_string()))
}

/// `RefreshScore`: anyone recomputes a node's score in the current epoch, under the epoch's
/// score rules (the same for every node of an epoch, so refreshing some nodes and not others
/// changes no share).
pub fn refresh_score(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    epoch: u32,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    ensure!(
        NODES.has(deps.storage, node_id),
        ContractError::NodeNotFound { node_id }
    );
    let config = CONFIG.load(deps.storage)?;
    let mut t = touch(deps.storage, config, env.block.time, node_id)?;
    ensure!(
        epoch == t.epoch,
        ContractError::NotCurrentEpoch {
            epoch,
            current: t.epoch,
        }
    );
    let (_, rules) = rules_for(deps.storage, t.epoch)?;
    let score = refresh(deps.storage, t.epoch, node_id, &mut t.node, &rules)?;
    t.save(deps.storage, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "refresh_score")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("score", score.to_string()))
}

/// `Attest`: an oracle of the current epoch's score rules that is still appointed, for the
/// current epoch, once per node.
pub fn attest(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    epoch: u32,
    node_id: u64,
    attestation: Attestation,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    if env.block.time < config.start {
        return Err(ContractError::EpochNotStarted { epoch, current: 0 });
    }
    let current = crate::epochs::epoch_at(config.start, env.block.time);
    let (_, rules) = rules_for(deps.storage, current)?;
    ensure!(
        config.oracles.contains(&info.sender) && rules.oracles.contains(&info.sender),
        ContractError::NotOracle
    );
    ensure!(
        epoch >= current,
        ContractError::EpochClosed { epoch, current }
    );
    ensure!(
        epoch == current,
        ContractError::EpochNotStarted { epoch, current }
    );
    let invalid = |reason: &str| ContractError::InvalidAttestation {
        reason: reason.into(),
    };
    ensure!(
        attestation.uptime <= Decimal::one(),
        invalid("uptime is at most 1")
    );
    ensure!(
        (attestation.qos_tier as usize) < rules.multipliers.qos.len(),
        invalid("unknown QoS tier")
    );
    if attestation.region.is_empty() || attestation.region.len() > 32 {
        return Err(invalid("region must be 1 to 32 bytes"));
    }
    // Only a node compute-escrow has reported (its operator is known).
    ensure!(
        OPERATORS.has(deps.storage, node_id),
        ContractError::NodeNotFound { node_id }
    );
    let mut t = touch(deps.storage, config, env.block.time, node_id)?;
    let key = (epoch, node_id, &info.sender);
    if ATTESTATIONS.has(deps.storage, key) {
        return Err(ContractError::AlreadyAttested { node_id, epoch });
    }
    ATTESTATIONS.save(deps.storage, key, &attestation)?;
    let score = refresh(deps.storage, epoch, node_id, &mut t.node, &rules)?;
    t.save(deps.storage, node_id)?;
    Ok(Response::new()
        .add_attribute("action", "attest")
        .add_attribute("oracle", info.sender)
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("score", score.to_string()))
}
