//! The ends of a job: payout, refund, and the release of its nodes and escrow.

use btt_types::asset::Asset;
use btt_types::compute::Job;
use btt_types::depin::DepinContract;
use cosmwasm_std::{Addr, Response, Storage, Uint128};

use crate::split::split;
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

/// A response paying `amount` of the job's escrow out, with one attribute per part: fee
/// recipients and the nodes' operators by units (see [`split`]); with `report_units`, each
/// node's units go to depin-rewards with the protocol fees (in ubtt) its part of the job paid,
/// which cap the node's mining reward.
pub fn pay_out(
    storage: &dyn Storage,
    config: &Config,
    job: &Job,
    amount: Uint128,
    report_units: bool,
) -> Result<Response, ContractError> {
    let fees: Vec<(String, Addr, _)> = config
        .fees
        .iter()
        .map(|f| (f.label.clone(), f.recipient.clone(), f.share))
        .collect();
    let units: Vec<(u64, u64)> = job
        .assignments
        .iter()
        .map(|a| (a.node_id, a.units))
        .collect();
    let payout = split(amount, &fees, &units);
    let mut msgs = vec![];
    let mut attrs = vec![];
    for fee in &payout.fees {
        msgs.extend(job.asset.transfer_msg(&fee.recipient, fee.amount)?);
        attrs.push((fee.label.replace(' ', "_"), fee.amount.to_string()));
    }
    for cut in &payout.nodes {
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
    Ok(Response::new().add_messages(msgs).add_attributes(attrs))
}
