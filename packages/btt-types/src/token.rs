//! `btt-token`: the fixed-supply BTT cw20.
//!
//! The wire format is the cw20 standard, without `Mint` and `UpdateMinter`: the whole supply is
//! minted at instantiate and nobody can ever mint again.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    ensure, to_json_binary, Addr, Api, Binary, CosmosMsg, MessageInfo, QuerierWrapper, StdError,
    StdResult, Uint128, WasmMsg,
};
use cw20::Cw20ReceiveMsg;
use cw20::{
    BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, Expiration, Logo, TokenInfoResponse,
};
pub use cw20_base::msg::InstantiateMarketingInfo;
/// Queries are exactly cw20-base's: balances, token info, allowances, accounts, marketing, logo
/// (and `Minter`, which always answers `null`).
pub use cw20_base::msg::QueryMsg;
use cw_utils::PaymentError;
use thiserror::Error;

/// Instantiates BTT with its whole, fixed supply. Anyone may instantiate; no funds.
#[cw_serde]
pub struct InstantiateMsg {
    /// Token name shown by wallets and explorers, e.g. "BTT Healthcare Token".
    pub name: String,
    /// Ticker, 3-12 characters of letters and '-', e.g. "BTT".
    pub symbol: String,
    /// Who receives the supply. The amounts must add up to exactly 21,000,000 BTT
    /// (21,000,000,000,000 ubtt), each must be non-zero and each address appear once.
    pub initial_balances: Vec<Cw20Coin>,
    /// Project, description, marketing address and logo shown by wallets. Optional.
    pub marketing: Option<InstantiateMarketingInfo>,
}

/// Every BTT transaction. None of them accepts native funds.
#[cw_serde]
pub enum ExecuteMsg {
    /// Any holder: moves `amount` (> 0) of the caller's BTT to `recipient`.
    Transfer {
        /// Who receives it (any address).
        recipient: String,
        /// ubtt, > 0.
        amount: Uint128,
    },
    /// Any holder: destroys `amount` (> 0) of the caller's BTT, lowering the total supply.
    Burn {
        /// ubtt, > 0.
        amount: Uint128,
    },
    /// Any holder: moves `amount` (> 0) to the contract `contract` and calls its
    /// `Receive(Cw20ReceiveMsg)` with `msg`.
    Send {
        /// A contract with a cw20 `Receive` entry.
        contract: String,
        /// ubtt, > 0.
        amount: Uint128,
        /// The hook passed to the receiver.
        msg: Binary,
    },
    /// Any holder: lets `spender` move up to `amount` more of the caller's BTT, until `expires`.
    IncreaseAllowance {
        /// Who may spend.
        spender: String,
        /// ubtt added to the allowance.
        amount: Uint128,
        /// When the allowance lapses; never when omitted.
        expires: Option<Expiration>,
    },
    /// Any holder: lowers the allowance of `spender` by `amount` (to zero at most).
    DecreaseAllowance {
        /// Who may spend.
        spender: String,
        /// ubtt removed from the allowance.
        amount: Uint128,
        /// A new expiry, if any.
        expires: Option<Expiration>,
    },
    /// A spender with allowance: moves `amount` (> 0) of `owner`'s BTT to `recipient`.
    TransferFrom {
        /// The holder whose allowance is spent.
        owner: String,
        /// Who receives it (any address).
        recipient: String,
        /// ubtt, > 0.
        amount: Uint128,
    },
    /// A spender with allowance: sends `amount` (> 0) of `owner`'s BTT to `contract` with `msg`.
    SendFrom {
        /// The holder whose allowance is spent.
        owner: String,
        /// A contract with a cw20 `Receive` entry.
        contract: String,
        /// ubtt, > 0.
        amount: Uint128,
        /// The hook passed to the receiver.
        msg: Binary,
    },
    /// A spender with allowance: burns `amount` (> 0) of `owner`'s BTT.
    BurnFrom {
        /// The holder whose allowance is spent.
        owner: String,
        /// ubtt, > 0.
        amount: Uint128,
    },
    /// The marketing address: updates project, description or the marketing address itself
    /// (an empty string clears a field).
    UpdateMarketing {
        /// Project URL.
        project: Option<String>,
        /// Free text.
        description: Option<String>,
        /// The new marketing address.
        marketing: Option<String>,
    },
    /// The marketing address: uploads a logo (URL, or embedded SVG/PNG of at most 5 KB).
    UploadLogo(Logo),
}

impl ExecuteMsg {
    /// The amount of BTT a message moves or burns, where it moves any.
    pub fn moved_amount(&self) -> Option<Uint128> {
        match self {
            ExecuteMsg::Transfer { amount, .. }
            | ExecuteMsg::Burn { amount }
            | ExecuteMsg::Send { amount, .. }
            | ExecuteMsg::TransferFrom { amount, .. }
            | ExecuteMsg::SendFrom { amount, .. }
            | ExecuteMsg::BurnFrom { amount, .. } => Some(*amount),
            _ => None,
        }
    }
}

/// A cw20 hook came from a token other than the one a contract accepts.
#[derive(Error, Debug, PartialEq)]
#[error("only the BTT token {expected} is accepted, not {got}")]
pub struct UnknownToken {
    /// The token the contract accepts.
    pub expected: Addr,
    /// The contract that called `Receive`.
    pub got: Addr,
}

/// The guard of every `Receive(Cw20ReceiveMsg)`: no native funds attached, the caller is
/// `token`, and the cw20 `sender` is a valid address, which it returns.
pub fn hook_sender<E>(
    api: &dyn Api,
    info: &MessageInfo,
    token: &Addr,
    wrapper: &Cw20ReceiveMsg,
) -> Result<Addr, E>
where
    E: From<UnknownToken> + From<StdError> + From<PaymentError>,
{
    cw_utils::nonpayable(info)?;
    ensure!(
        info.sender == token,
        UnknownToken {
            expected: token.clone(),
            got: info.sender.clone(),
        }
    );
    Ok(api.addr_validate(&wrapper.sender)?)
}

/// Migrates a deployed btt-token to this code (same contract name, equal or newer version).
#[cw_serde]
pub struct MigrateMsg {}

/// Typed handle on a deployed BTT (or any cw20) contract.
#[cw_serde]
pub struct TokenContract(pub Addr);

impl TokenContract {
    /// The token's address.
    pub fn addr(&self) -> &Addr {
        &self.0
    }

    fn call(&self, msg: &Cw20ExecuteMsg) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(msg)?,
            funds: vec![],
        }
        .into())
    }

    /// A message moving `amount` of the sender's tokens to `recipient`.
    pub fn transfer_msg(
        &self,
        recipient: impl Into<String>,
        amount: Uint128,
    ) -> StdResult<CosmosMsg> {
        self.call(&Cw20ExecuteMsg::Transfer {
            recipient: recipient.into(),
            amount,
        })
    }

    /// A message sending `amount` to `contract` with the hook `msg` (serialised to JSON).
    pub fn send_msg(
        &self,
        contract: impl Into<String>,
        amount: Uint128,
        msg: &impl serde::Serialize,
    ) -> StdResult<CosmosMsg> {
        self.call(&Cw20ExecuteMsg::Send {
            contract: contract.into(),
            amount,
            msg: to_json_binary(msg)?,
        })
    }

    /// A message burning `amount` of the sender's tokens.
    pub fn burn_msg(&self, amount: Uint128) -> StdResult<CosmosMsg> {
        self.call(&Cw20ExecuteMsg::Burn { amount })
    }

    /// The balance of `address`.
    pub fn balance(
        &self,
        querier: &QuerierWrapper,
        address: impl Into<String>,
    ) -> StdResult<Uint128> {
        let res: BalanceResponse = querier.query_wasm_smart(
            &self.0,
            &Cw20QueryMsg::Balance {
                address: address.into(),
            },
        )?;
        Ok(res.balance)
    }

    /// Name, symbol, decimals and total supply.
    pub fn token_info(&self, querier: &QuerierWrapper) -> StdResult<TokenInfoResponse> {
        querier.query_wasm_smart(&self.0, &Cw20QueryMsg::TokenInfo {})
    }
}
