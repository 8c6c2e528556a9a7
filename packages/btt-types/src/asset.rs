//! What a payment is made in: the BTT cw20 or a native denom.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{coins, Addr, BankMsg, CosmosMsg, StdResult, Uint128};

use crate::token::TokenContract;

/// A payment asset.
#[cw_serde]
#[derive(Eq, PartialOrd, Ord)]
pub enum Asset {
    /// A cw20 token (BTT) by contract address.
    Cw20(Addr),
    /// A native denom, e.g. "untrn".
    Native(String),
}

impl Asset {
    /// A message paying `amount` of this asset to `recipient`, or `None` for a zero amount.
    pub fn transfer_msg(&self, recipient: &Addr, amount: Uint128) -> StdResult<Option<CosmosMsg>> {
        if amount.is_zero() {
            return Ok(None);
        }
        Ok(Some(match self {
            Asset::Cw20(token) => TokenContract(token.clone()).transfer_msg(recipient, amount)?,
            Asset::Native(denom) => BankMsg::Send {
                to_address: recipient.to_string(),
                amount: coins(amount.u128(), denom),
            }
            .into(),
        }))
    }
}

/// True when every entry is a real native denom: not empty, and not "btt" (the name messages
/// use for the BTT cw20).
pub fn are_native_denoms(denoms: &[String]) -> bool {
    denoms.iter().all(|d| !d.is_empty() && d != "btt")
}

impl std::fmt::Display for Asset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Asset::Cw20(a) => write!(f, "cw20:{a}"),
            Asset::Native(d) => write!(f, "{d}"),
        }
    }
}
