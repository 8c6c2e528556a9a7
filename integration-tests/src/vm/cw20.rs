//! A cw20 (BTT) on the chain, for tests.

use cosmwasm_std::Addr;
use serde::Serialize;

use super::{TxReport, WasmChain};

/// BTT (any cw20) on a [`WasmChain`].
pub struct Cw20OnChain(pub Addr);

impl Cw20OnChain {
    /// `from` sends `amount` to `contract` with the hook `msg`.
    pub fn send(
        &self,
        chain: &mut WasmChain,
        from: &Addr,
        contract: &Addr,
        amount: cosmwasm_std::Uint128,
        msg: &impl Serialize,
    ) -> anyhow::Result<TxReport> {
        let send = cw20::Cw20ExecuteMsg::Send {
            contract: contract.to_string(),
            amount,
            msg: cosmwasm_std::to_json_binary(msg)?,
        };
        chain.execute(from, &self.0, &send)
    }

    /// The balance of `who`.
    pub fn balance(&self, chain: &WasmChain, who: &Addr) -> anyhow::Result<cosmwasm_std::Uint128> {
        let res: cw20::BalanceResponse = chain.query(
            &self.0,
            &cw20::Cw20QueryMsg::Balance {
                address: who.to_string(),
            },
        )?;
        Ok(res.balance)
    }
}
