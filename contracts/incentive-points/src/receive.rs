//! The cw20 hook: BTT sent with `Send` pays a subscription, a partner's registration or an
//! insurer's share of savings, or funds a partner or the Community Incentives pool.

use btt_types::asset::Payment;
use btt_types::points::ReceiveMsg;
use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::state::CONFIG;
use crate::{insurers, providers, spend, ContractError};

/// `Receive`: BTT from the BTT token only.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let paid = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Subscribe {
            tier,
            referrer,
            seats,
        } => providers::subscribe(deps, env, paid, tier, referrer, seats),
        ReceiveMsg::PaySavingsShare { savings, memo } => {
            insurers::pay_savings_share(deps, paid, savings, memo)
        }
        ReceiveMsg::RegisterPartner { name } => spend::register_partner(deps, paid, name),
        ReceiveMsg::FundPartner {} => spend::fund_partner(deps, paid.sender, paid.amount),
        ReceiveMsg::FundPool {} => spend::fund_pool(deps, paid.amount),
    }
}
