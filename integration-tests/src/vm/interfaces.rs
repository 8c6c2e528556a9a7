//! The chain as cw-multi-test's `Executor` and as the main job's `EconomyChain`, so the main
//! job's scenarios run on the optimized artifacts unchanged.

use cosmwasm_std::{Addr, BlockInfo, CosmosMsg, Empty, QuerierWrapper};
use cw_multi_test::{AppResponse, Executor};

use super::WasmChain;

impl Executor<Empty> for WasmChain {
    /// One transaction: a wasm execute (with funds) or instantiate, or a bank send, signed by
    /// `sender`; returns its events and data like cw-multi-test.
    fn execute(&mut self, sender: Addr, msg: CosmosMsg) -> anyhow::Result<AppResponse> {
        let (outcome, _) = self.transaction(|chain, report| chain.run(&sender, msg, report))?;
        Ok(AppResponse {
            events: outcome.events,
            data: outcome.data,
            ..AppResponse::default()
        })
    }
}

impl btt_deploy::chain::EconomyChain for WasmChain {
    fn addr_make(&self, name: &str) -> Addr {
        self.addr(name)
    }

    fn wrap(&self) -> QuerierWrapper<'_, Empty> {
        QuerierWrapper::new(&self.querier)
    }

    fn block_info(&self) -> BlockInfo {
        self.shared.borrow().block.clone()
    }

    fn update_block<F: Fn(&mut BlockInfo)>(&mut self, action: F) {
        action(&mut self.shared.borrow_mut().block);
    }
}

impl btt_economy::living::world::Faucet for WasmChain {
    fn fund(&mut self, who: &Addr, coins: &[cosmwasm_std::Coin]) -> anyhow::Result<()> {
        WasmChain::fund(self, who, coins)
    }
}
