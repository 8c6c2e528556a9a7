//! How payments arrive: the cw20 hooks (BTT for purchases, income, bids and premium listings, or
//! shares of a vault coming back for redemption) and one native coin of an accepted denom.

use btt_types::asset::{Asset, Payment};
use btt_types::fractionalizer::ReceiveMsg;
use btt_types::token::UnknownToken;
use cosmwasm_std::{from_json, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;

use crate::state::{BY_SHARES, CONFIG};
use crate::{buyout, income, market, ContractError};

/// cw20 hooks: BTT payments, or shares of a vault coming back for redemption. The sending
/// token is checked before the hook is read.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    let shares_of = if info.sender == config.token {
        None
    } else {
        let vault_id = BY_SHARES
            .may_load(deps.storage, &info.sender)?
            .ok_or_else(|| UnknownToken {
                expected: config.token.clone(),
                got: info.sender.clone(),
            })?;
        Some(vault_id)
    };
    let sender = deps.api.addr_validate(&wrapper.sender)?;
    let btt = || Payment {
        sender: sender.clone(),
        asset: Asset::Cw20(config.token.clone()),
        amount: wrapper.amount,
    };
    let msg: ReceiveMsg = from_json(&wrapper.msg)?;
    let wrong_hook = || ContractError::WrongHook {
        token: info.sender.to_string(),
    };
    match (shares_of, msg) {
        (None, ReceiveMsg::Buy { listing_id, shares }) => {
            market::buy(deps, listing_id, shares, btt())
        }
        (None, ReceiveMsg::DepositIncome { vault_id }) => income::deposit(deps, vault_id, btt()),
        (None, ReceiveMsg::Bid { vault_id }) => buyout::bid(deps, env, vault_id, btt()),
        (None, ReceiveMsg::Feature { vault_id }) => market::feature(deps, env, vault_id, btt()),
        (Some(vault_id), ReceiveMsg::Redeem {}) => {
            buyout::redeem(deps, vault_id, sender, wrapper.amount)
        }
        (Some(vault_id), ReceiveMsg::RedeemNft {}) => {
            buyout::redeem_nft(deps, env, vault_id, sender, wrapper.amount)
        }
        _ => Err(wrong_hook()),
    }
}

/// Exactly one native coin of an accepted denom.
pub fn native(deps: &DepsMut, info: &MessageInfo) -> Result<Payment, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    Payment::native(info, &config.native_denoms)
}
