//! The cw20 hook: BTT sent with `Send` pays a mint or a revaluation.

use btt_types::asset::Payment;
use btt_types::rwa_nft::ReceiveMsg;
use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::state::CONFIG;
use crate::{mint, revalue, ContractError};

/// `Receive`: BTT from the BTT token only, exactly the fee of what the hook asks.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let paid = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Mint(msg) => mint::mint(deps, env, paid, msg),
        ReceiveMsg::AcceptRevaluation { token_id } => revalue::accept(deps, env, paid, token_id),
    }
}
