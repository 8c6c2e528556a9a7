//! The ends of a job: payout, refund, and the release of its nodes and escrow.

use btt_types::asset::Asset;
use btt_types::compute::Job;
use btt_types::depin::DepinContract;
use btt_types::fee_router::{FeeAsset, FeeStream};
use cosmwasm_std::{Response, Storage, Uint128};

use crate::split::node_cuts;
use crate::state::{Config, NODES, TOTALS};
use crate::ContractError;

/// The job's escrow leaves the contract's books (its BTT part).
pub fn close_escrow(storage: &mut dyn Storage, job: &Job) -> Result<(), ContractError> {
    if let Asset::Cw20(_) = job.asset {
        TOTALS.update(storage, |mut t| -> Result<_, ContractError> {
            t.escrow_btt = t.escrow_btt.checked_sub(job.price)?;
            Ok(t)
        })?;
    }
    Ok(())
}

/// Nodes that accepted a job are no longer tied to it (and to its dispute, when `disputed`).
pub fn release_nodes(
    storage: &mut dyn Storage,
    node_ids: &[u64],
    disputed: bool,
) -> Result<(), ContractError> {
    for node_id in node_ids {
        let mut node = NODES.load(storage, *node_id)?;
        node.open_jobs = node.open_jobs.saturating_sub(1);
        if disputed {
            node.open_disputes = node.open_disputes.saturating_sub(1);
        }
        NODES.save(storage, *node_id, &node)?;
    }
    Ok(())
}

/// A response paying `amount` of the job's escrow out: the protocol part through the fee
/// router (a `fee_routed` event), the rest to the nodes' operators by units (see
/// [`crate::split`]), one attribute per node; with `report_units`, each node's units go to
/// depin-rewards with the protocol fees (in ubtt) its part of the job paid, which cap the node's
/// mining reward.
pub fn pay_out(
    storage: &mut dyn Storage,
    config: &Config,
    job: &Job,
    amount: Uint128,
    report_units: bool,
) -> Result<Response, ContractError> {
    let fee = FeeAsset {
        asset: &job.asset,
        token: &config.token,
        burnable: true,
    };
    let routed = config
        .fee_routing
        .route_part(storage, FeeStream::Compute, &fee, amount)?;
    let units: Vec<(u64, u64)> = job
        .assignments
        .iter()
        .map(|a| (a.node_id, a.units))
        .collect();
    let contributors = amount.checked_sub(routed.protocol)?;
    let mut msgs = routed.msgs;
    let mut attrs = vec![];
    for cut in node_cuts(contributors, &units) {
        let node = NODES.load(storage, cut.node_id)?;
        msgs.extend(job.asset.transfer_msg(&node.operator, cut.amount)?);
        attrs.push((format!("node_{}", cut.node_id), cut.amount.to_string()));
    }
    if let (true, Some(depin)) = (report_units, &config.depin) {
        let protocol_ubtt = job
            .price_ubtt
            .checked_sub(config.contributors.of(job.price_ubtt))?;
        let total_units: u64 = job.assignments.iter().map(|a| a.units).sum();
        for a in &job.assignments {
            let node = NODES.load(storage, a.node_id)?;
            let fees = protocol_ubtt.multiply_ratio(a.units, total_units.max(1));
            msgs.push(DepinContract(depin.clone()).record_units_msg(
                a.node_id,
                &node.operator,
                a.units,
                fees,
            )?);
        }
    }
    Ok(Response::new()
        .add_messages(msgs)
        .add_attributes(attrs)
        .add_event(routed.event))
}
