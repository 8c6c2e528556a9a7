//! The cw20 hook: BTT sent with `Send` bonds a node, tops up its bond, or pays for a job.

use btt_types::asset::Payment;
use btt_types::compute::ReceiveMsg;
use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::state::CONFIG;
use crate::{challenges, jobs, nodes, ContractError};

/// `Receive`: BTT from the BTT token bonds a node, tops up a bond, or pays for a job.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let paid = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::RegisterNode(spec) => nodes::register(deps, paid.sender, paid.amount, spec),
        ReceiveMsg::TopUpBond { node_id } => nodes::top_up(deps, paid.sender, paid.amount, node_id),
        ReceiveMsg::PostJob(spec) => jobs::post(deps, env, paid, spec),
        ReceiveMsg::PostChallenge(spec) => challenges::post(deps, env, paid, spec),
    }
}
