//! The node registry: register with a bond, update, pause, retire, withdraw, slash.

use btt_types::compute::{EnergyRating, Job, Node, NodeSpec, NodeStatus};
use btt_types::depin::{CapacityEvent, DepinContract};
use btt_types::math::Checked;
use btt_types::token::TokenContract;
use cosmwasm_std::{
    ensure, Addr, CosmosMsg, Decimal, DepsMut, Env, MessageInfo, Response, StdError, StdResult,
    Storage, Uint128,
};

use crate::state::{Config, CONFIG, NODES, TOTALS};
use crate::ContractError;

fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), ContractError> {
    ensure!(value.len() <= max, ContractError::TooLong { field, max });
    Ok(())
}

fn check_spec(config: &Config, spec: &NodeSpec) -> Result<(), ContractError> {
    if !config
        .hardware_classes
        .iter()
        .any(|c| c.name == spec.hardware_class)
    {
        return Err(ContractError::UnknownHardwareClass {
            class: spec.hardware_class.clone(),
        });
    }
    ensure!(
        spec.gpu_count != 0,
        ContractError::InvalidNode {
            reason: "a node needs at least one GPU".into(),
        }
    );
    ensure!(
        !spec.region.is_empty(),
        ContractError::InvalidNode {
            reason: "a node needs a region".into(),
        }
    );
    check_text("region", &spec.region, 32)?;
    check_text("endpoint", &spec.endpoint, 256)
}

/// The capacity units a node declares: its GPUs × its class's capacity weight.
pub fn declared_capacity(config: &Config, node: &Node) -> StdResult<Decimal> {
    let weight = config
        .hardware_classes
        .iter()
        .find(|c| c.name == node.spec.hardware_class)
        .map_or(Decimal::one(), |c| c.capacity_weight);
    Decimal::from_ratio(node.spec.gpu_count, 1u128)
        .checked_mul(weight)
        .map_err(|e| StdError::generic_err(e.to_string()))
}

/// The capacity units that count for mining: the verified ones, at most the declared ones and
/// what the bond covers, and none unless the node is active.
pub fn counted_capacity(config: &Config, node: &Node) -> StdResult<Decimal> {
    if node.status != NodeStatus::Active || config.bond_per_capacity_unit.is_zero() {
        return Ok(Decimal::zero());
    }
    let covered = Decimal::checked_from_ratio(node.bond, config.bond_per_capacity_unit)
        .map_err(|e| StdError::generic_err(e.to_string()))?;
    Ok(node
        .verified_capacity
        .min(declared_capacity(config, node)?)
        .min(covered))
}

/// Recounts the node's capacity and, when it changed (or for a challenge's outcome, with the
/// oracle whose challenge it was), tells depin-rewards. The node is saved by the caller.
pub fn report_capacity(
    config: &Config,
    node: &mut Node,
    event: CapacityEvent,
) -> StdResult<Option<CosmosMsg>> {
    report_capacity_of(config, node, event, None)
}

/// [`report_capacity`] of a challenge's outcome, naming its oracle.
pub fn report_capacity_of(
    config: &Config,
    node: &mut Node,
    event: CapacityEvent,
    oracle: Option<&Addr>,
) -> StdResult<Option<CosmosMsg>> {
    let counted = counted_capacity(config, node)?;
    if matches!(event, CapacityEvent::Changed) && counted == node.counted_capacity {
        return Ok(None);
    }
    node.counted_capacity = counted;
    config
        .depin
        .as_ref()
        .map(|d| {
            DepinContract(d.clone()).report_capacity_msg(
                node.id,
                &node.operator,
                counted,
                event,
                oracle,
            )
        })
        .transpose()
}

/// Loads a node and checks the caller is its operator.
pub fn load_operated(
    storage: &dyn Storage,
    node_id: u64,
    who: &Addr,
) -> Result<Node, ContractError> {
    let node = NODES
        .may_load(storage, node_id)?
        .ok_or(ContractError::NodeNotFound { node_id })?;
    ensure!(
        node.operator == *who,
        ContractError::NotOperator { node_id }
    );
    Ok(node)
}

/// `RegisterNode` hook: `bond` BTT from `operator`.
pub fn register(
    deps: DepsMut,
    operator: Addr,
    bond: Uint128,
    spec: NodeSpec,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    check_spec(&config, &spec)?;
    ensure!(
        bond >= config.min_bond,
        ContractError::BondTooSmall {
            min: config.min_bond,
            got: bond,
        }
    );
    let mut totals = TOTALS.load(deps.storage)?;
    totals.last_node_id = totals.last_node_id.add_checked(1)?;
    totals.bonds = totals.bonds.checked_add(bond)?;
    TOTALS.save(deps.storage, &totals)?;
    let node = Node {
        id: totals.last_node_id,
        operator,
        spec,
        bond,
        status: NodeStatus::Active,
        open_jobs: 0,
        open_disputes: 0,
        slashed: Uint128::zero(),
        verified_capacity: Decimal::zero(),
        counted_capacity: Decimal::zero(),
    };
    NODES.save(deps.storage, node.id, &node)?;
    Ok(Response::new()
        .add_attribute("action", "register_node")
        .add_attribute("node_id", node.id.to_string())
        .add_attribute("operator", &node.operator)
        .add_attribute("bond", bond))
}

/// `TopUpBond` hook.
pub fn top_up(
    deps: DepsMut,
    operator: Addr,
    amount: Uint128,
    node_id: u64,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let mut node = load_operated(deps.storage, node_id, &operator)?;
    if matches!(
        node.status,
        NodeStatus::Retired { .. } | NodeStatus::Withdrawn
    ) {
        return Err(ContractError::NodeRetired { node_id });
    }
    node.bond = node.bond.checked_add(amount)?;
    let report = report_capacity(
        &CONFIG.load(deps.storage)?,
        &mut node,
        CapacityEvent::Changed,
    )?;
    NODES.save(deps.storage, node_id, &node)?;
    TOTALS.update(deps.storage, |mut t| -> Result<_, ContractError> {
        t.bonds = t.bonds.checked_add(amount)?;
        Ok(t)
    })?;
    Ok(Response::new()
        .add_messages(report)
        .add_attribute("action", "top_up_bond")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("amount", amount))
}

/// `UpdateNode`.
pub fn update(
    deps: DepsMut,
    info: MessageInfo,
    node_id: u64,
    gpu_count: Option<u32>,
    region: Option<String>,
    energy_rating: Option<EnergyRating>,
    endpoint: Option<String>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut node = load_operated(deps.storage, node_id, &info.sender)?;
    if let Some(v) = gpu_count {
        node.spec.gpu_count = v;
    }
    if let Some(v) = region {
        node.spec.region = v;
    }
    if let Some(v) = energy_rating {
        node.spec.energy_rating = v;
    }
    if let Some(v) = endpoint {
        node.spec.endpoint = v;
    }
    let config = CONFIG.load(deps.storage)?;
    check_spec(&config, &node.spec)?;
    node.verified_capacity = node
        .verified_capacity
        .min(declared_capacity(&config, &node)?);
    let report = report_capacity(&config, &mut node, CapacityEvent::Changed)?;
    NODES.save(deps.storage, node_id, &node)?;
    Ok(Response::new()
        .add_messages(report)
        .add_attribute("action", "update_node")
        .add_attribute("node_id", node_id.to_string()))
}

/// `RecountCapacity`: anyone recounts a node's capacity under the current config (the DAO may
/// have raised the bond per unit or lowered a class weight): what counts is reported to
/// depin-rewards when it changed.
pub fn recount(deps: DepsMut, info: MessageInfo, node_id: u64) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut node = NODES
        .may_load(deps.storage, node_id)?
        .ok_or(ContractError::NodeNotFound { node_id })?;
    let config = CONFIG.load(deps.storage)?;
    node.verified_capacity = node
        .verified_capacity
        .min(declared_capacity(&config, &node)?);
    let report = report_capacity(&config, &mut node, CapacityEvent::Changed)?;
    NODES.save(deps.storage, node_id, &node)?;
    Ok(Response::new()
        .add_attribute("action", "recount_capacity")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("reported", report.is_some().to_string())
        .add_attribute("counted_capacity", node.counted_capacity.to_string())
        .add_messages(report))
}

/// `PauseNode`.
pub fn pause(
    deps: DepsMut,
    info: MessageInfo,
    node_id: u64,
    paused: bool,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut node = load_operated(deps.storage, node_id, &info.sender)?;
    node.status = match node.status {
        NodeStatus::Active | NodeStatus::Paused if paused => NodeStatus::Paused,
        NodeStatus::Active | NodeStatus::Paused => NodeStatus::Active,
        _ => return Err(ContractError::NodeRetired { node_id }),
    };
    let report = report_capacity(
        &CONFIG.load(deps.storage)?,
        &mut node,
        CapacityEvent::Changed,
    )?;
    NODES.save(deps.storage, node_id, &node)?;
    Ok(Response::new()
        .add_messages(report)
        .add_attribute("action", "pause_node")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("paused", paused.to_string()))
}

/// `RetireNode`: no new jobs; the bond unbonds.
pub fn retire(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut node = load_operated(deps.storage, node_id, &info.sender)?;
    if matches!(
        node.status,
        NodeStatus::Retired { .. } | NodeStatus::Withdrawn
    ) {
        return Err(ContractError::NodeRetired { node_id });
    }
    let config = CONFIG.load(deps.storage)?;
    let withdrawable_at = env.block.time.plus_seconds(config.bond_unbonding_seconds);
    node.status = NodeStatus::Retired { withdrawable_at };
    let report = report_capacity(&config, &mut node, CapacityEvent::Changed)?;
    NODES.save(deps.storage, node_id, &node)?;
    Ok(Response::new()
        .add_messages(report)
        .add_attribute("action", "retire_node")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("withdrawable_at", withdrawable_at.seconds().to_string()))
}

/// `WithdrawBond`: after the delay, with no open job or dispute.
pub fn withdraw(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    node_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut node = load_operated(deps.storage, node_id, &info.sender)?;
    let NodeStatus::Retired { withdrawable_at } = node.status else {
        return Err(ContractError::NodeNotActive { node_id });
    };
    ensure!(
        env.block.time >= withdrawable_at,
        ContractError::BondUnbonding {
            node_id,
            at: withdrawable_at,
        }
    );
    if node.open_jobs > 0 || node.open_disputes > 0 {
        return Err(ContractError::BondLocked {
            node_id,
            open_jobs: node.open_jobs,
            open_disputes: node.open_disputes,
        });
    }
    let amount = node.bond;
    node.bond = Uint128::zero();
    node.status = NodeStatus::Withdrawn;
    NODES.save(deps.storage, node_id, &node)?;
    TOTALS.update(deps.storage, |mut t| -> Result<_, ContractError> {
        t.bonds = t.bonds.checked_sub(amount)?;
        Ok(t)
    })?;
    let token = TokenContract(CONFIG.load(deps.storage)?.token);
    let mut res = Response::new()
        .add_attribute("action", "withdraw_bond")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("amount", amount);
    if !amount.is_zero() {
        res = res.add_message(token.transfer_msg(&node.operator, amount)?);
    }
    Ok(res)
}

/// What `node_id` is slashed for `job`: the configured share of its part of the job's price in
/// ubtt (by the units it supplies), rounded up, capped by its bond.
pub fn slash_amount(config: &Config, job: &Job, node_id: u64, bond: Uint128) -> Uint128 {
    let total_units: u64 = job.assignments.iter().map(|a| a.units).sum();
    let units = job
        .assignments
        .iter()
        .find(|a| a.node_id == node_id)
        .map_or(0, |a| a.units);
    let part = job.price_ubtt.multiply_ratio(units, total_units.max(1));
    config.slash.of_ceil(part).min(bond)
}

/// Slashes each of `node_ids` for `job` (see [`slash_amount`]). Every slash goes to the
/// operational reserve, never to a party of the job: the clinic is refunded exactly what it
/// escrowed by the caller, so no party (the clinic, a node, or several addresses of one owner)
/// ends richer from a failure.
pub fn slash_nodes(
    storage: &mut dyn Storage,
    config: &Config,
    job: &Job,
    node_ids: &[u64],
) -> Result<Response, ContractError> {
    let token = TokenContract(config.token.clone());
    let mut total = Uint128::zero();
    let mut res = Response::new();
    for node_id in node_ids {
        let mut node = NODES
            .may_load(storage, *node_id)?
            .ok_or(ContractError::NodeNotFound { node_id: *node_id })?;
        let amount = slash_amount(config, job, *node_id, node.bond);
        node.bond = node.bond.checked_sub(amount)?;
        node.slashed = node.slashed.checked_add(amount)?;
        let report = report_capacity(config, &mut node, CapacityEvent::Changed)?;
        NODES.save(storage, *node_id, &node)?;
        total = total.checked_add(amount)?;
        res = res
            .add_messages(report)
            .add_attribute(format!("slashed_node_{node_id}"), amount);
    }
    TOTALS.update(storage, |mut t| -> Result<_, ContractError> {
        t.bonds = t.bonds.checked_sub(total)?;
        Ok(t)
    })?;
    if !total.is_zero() {
        res = res.add_message(token.transfer_msg(&config.reserve, total)?);
    }
    Ok(res.add_attribute("slash_to_reserve", total))
}
