use btt_types::asset::Asset;
use btt_types::compute::{
    ConfigResponse, Job, JobSpec, JobStatus, JobsResponse, Node, NodesResponse, QuoteResponse,
    TotalsResponse,
};
use btt_types::pagination::{clamp_limit, page};
use cosmwasm_std::{Deps, Order, StdError, StdResult};
use cw_storage_plus::Bound;

use crate::pricing;
use crate::state::{jobs, CONFIG, JOBS_BY_NODE, NODES, TOTALS};

pub fn config(deps: Deps) -> StdResult<ConfigResponse> {
    let c = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        token: c.token,
        staking: c.staking,
        depin: c.depin,
        arbiter: c.arbiter,
        hardware_classes: c.hardware_classes,
        urgency: c.urgency,
        price_per_gb: c.price_per_gb,
        native_rates: c.native_rates,
        contributors: c.contributors,
        fee_routing: c.fee_routing,
        min_bond: c.min_bond,
        bond_per_capacity_unit: c.bond_per_capacity_unit,
        slash: c.slash,
        reserve: c.reserve,
        run_window: c.run_window,
        bond_unbonding_seconds: c.bond_unbonding_seconds,
        offer_seconds: c.offer_seconds,
    })
}

pub fn quote(
    deps: Deps,
    spec: JobSpec,
    clinic: Option<String>,
    denom: Option<String>,
) -> StdResult<QuoteResponse> {
    let config = CONFIG.load(deps.storage)?;
    let clinic = clinic.map(|c| deps.api.addr_validate(&c)).transpose()?;
    let asset = denom.map_or_else(|| Asset::Cw20(config.token.clone()), Asset::Native);
    pricing::quote(&deps.querier, &config, &spec, clinic.as_ref(), &asset)
        .map_err(|e| StdError::generic_err(e.to_string()))
}

pub fn node(deps: Deps, node_id: u64) -> StdResult<Node> {
    NODES.load(deps.storage, node_id)
}

pub fn nodes(deps: Deps, start_after: Option<u64>, limit: Option<u32>) -> StdResult<NodesResponse> {
    let nodes = page(
        NODES.range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        ),
        limit,
    )?;
    Ok(NodesResponse { nodes })
}

pub fn job(deps: Deps, job_id: u64) -> StdResult<Job> {
    jobs().load(deps.storage, job_id)
}

pub fn jobs_by_clinic(
    deps: Deps,
    clinic: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<JobsResponse> {
    let clinic = deps.api.addr_validate(&clinic)?;
    let jobs = page(
        jobs().idx.clinic.prefix(clinic).range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        ),
        limit,
    )?;
    Ok(JobsResponse { jobs })
}

pub fn jobs_by_status(
    deps: Deps,
    status: JobStatus,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<JobsResponse> {
    let jobs = page(
        jobs().idx.status.prefix(status.code()).range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        ),
        limit,
    )?;
    Ok(JobsResponse { jobs })
}

pub fn jobs_by_node(
    deps: Deps,
    node_id: u64,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<JobsResponse> {
    let jobs = JOBS_BY_NODE
        .prefix(node_id)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(clamp_limit(limit))
        .map(|id| jobs().load(deps.storage, id?))
        .collect::<StdResult<_>>()?;
    Ok(JobsResponse { jobs })
}

pub fn totals(deps: Deps) -> StdResult<TotalsResponse> {
    let t = TOTALS.load(deps.storage)?;
    Ok(TotalsResponse {
        bonds: t.bonds,
        escrow_btt: t.escrow_btt,
        nodes: t.last_node_id,
        jobs: t.last_job_id,
    })
}
