//! A chain of real cosmwasm-vm instances: the optimized artifacts, executed by wasmer exactly
//! as a node would, with `WasmMsg::Execute` and `WasmMsg::Instantiate` messages (of codes stored
//! with `store_code`), bank sends, submessage replies and queries routed between contracts, the
//! events of every call collected as wasmd emits them, and the gas of every call recorded.
//!
//! It is a [`cw_multi_test::Executor`] and a [`btt_deploy::chain::EconomyChain`], so the main
//! job's scenarios (the whole year) run on it unchanged.
//!
//! Scope, stated plainly: each contract keeps its own storage in its instance; a bank module
//! keeps native balances (funds attached to messages, `BankMsg::Send`/`Burn`, balance queries);
//! messages run depth-first like wasmd; staking, distribution, IBC and raw queries are not
//! served; and contract storage is not rolled back on failure (the bank is): a failing message
//! without a reply fails the whole transaction (the caller must stop there), and a failing
//! submessage with a reply keeps whatever its sub-calls wrote before failing.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use anyhow::{anyhow, bail};
use cosmwasm_std::{Addr, Binary, BlockInfo, Coin, Timestamp, Uint128};
use cosmwasm_vm::testing::{MockApi, MockStorage};
use cosmwasm_vm::{call_query, Instance, Size};
use serde::{de::DeserializeOwned, Serialize};

mod calls;
mod cw20;
mod events;
mod interfaces;
mod query;
mod registry;
mod report;

pub use cw20::Cw20OnChain;
pub use query::ChainQuerier;
pub use report::{print_gas, CallGas, ChainStats, TxReport};

use events::{call_events, transfer_event, Outcome};
use query::OutsideQuerier;
use registry::*;

/// Gas limit of one call, in CosmWasm gas.
const GAS_LIMIT: u64 = 500_000_000_000_000;
const MEMORY_LIMIT: Size = Size::mebi(32);

type VmInstance = Instance<MockApi, MockStorage, ChainQuerier>;

pub struct WasmChain {
    api: MockApi,
    shared: Shared,
    querier: OutsideQuerier,
    stats: ChainStats,
}

impl Default for WasmChain {
    fn default() -> Self {
        Self::new()
    }
}

impl WasmChain {
    pub fn new() -> Self {
        let block = BlockInfo {
            height: 1,
            time: Timestamp::from_seconds(1_700_000_000),
            chain_id: "btt-vm-1".into(),
        };
        let shared = Rc::new(RefCell::new(Registry {
            block,
            contracts: BTreeMap::new(),
            codes: BTreeMap::new(),
            bank: BTreeMap::new(),
        }));
        Self {
            api: MockApi::default(),
            querier: OutsideQuerier(shared.clone()),
            shared,
            stats: ChainStats::default(),
        }
    }

    /// A valid bech32 address for a name.
    pub fn addr(&self, name: &str) -> Addr {
        Addr::unchecked(self.api.addr_make(name))
    }

    pub fn block_time(&self) -> Timestamp {
        self.shared.borrow().block.time
    }

    /// Moves the chain forward by `seconds` and one block.
    pub fn advance(&mut self, seconds: u64) {
        let mut registry = self.shared.borrow_mut();
        registry.block.time = registry.block.time.plus_seconds(seconds);
        registry.block.height += 1;
    }

    /// Totals over every transaction so far.
    pub fn stats(&self) -> ChainStats {
        self.stats
    }

    /// Mints native `coins` to `who` (the genesis of a test chain).
    pub fn fund(&mut self, who: &Addr, coins: &[Coin]) -> anyhow::Result<()> {
        let mut registry = self.shared.borrow_mut();
        for coin in coins {
            registry.credit(who.as_str(), coin)?;
        }
        Ok(())
    }

    /// The native balance of `who` in `denom`.
    pub fn balance(&self, who: &Addr, denom: &str) -> Uint128 {
        self.shared.borrow().balance(who.as_str(), denom)
    }

    /// Stores `wasm` as a code that contracts may instantiate; returns its code id.
    pub fn store_code(&mut self, wasm: &[u8]) -> u64 {
        let mut registry = self.shared.borrow_mut();
        let id = registry.codes.len() as u64 + 1;
        registry.codes.insert(id, wasm.to_vec());
        id
    }

    /// The SHA-256 of stored code `code_id`, as wasmd reports it.
    pub fn code_checksum(&self, code_id: u64) -> anyhow::Result<String> {
        let registry = self.shared.borrow();
        let wasm = registry
            .codes
            .get(&code_id)
            .ok_or_else(|| anyhow::anyhow!("no code {code_id}"))?;
        Ok(cosmwasm_std::Checksum::generate(wasm).to_hex())
    }

    /// Compiles `wasm` into a new instance at the address made from `name` and instantiates it.
    pub fn instantiate(
        &mut self,
        wasm: &[u8],
        name: &str,
        sender: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<(Addr, TxReport)> {
        let msg = to_vec(msg)?;
        let ((address, _), report) = self.transaction(|chain, report| {
            chain.instantiate_raw(
                calls::Code { wasm, id: None },
                name,
                calls::Call {
                    sender,
                    msg: &msg,
                    funds: &[],
                },
                report,
            )
        })?;
        Ok((address, report))
    }

    /// Executes `msg` on `contract` from `sender`, then every message it emits, depth-first;
    /// returns the gas of each call. (`Executor::execute` is the same with events and data.)
    pub fn execute(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<TxReport> {
        self.execute_json(sender, contract, to_vec(msg)?.into())
    }

    /// As [`WasmChain::execute`], with `funds` attached.
    pub fn execute_with_funds(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: &impl Serialize,
        funds: &[Coin],
    ) -> anyhow::Result<TxReport> {
        let msg: Binary = to_vec(msg)?.into();
        let (_, report) = self
            .transaction(|chain, report| chain.execute_raw(sender, contract, msg, funds, report))?;
        Ok(report)
    }

    /// Instantiates stored code `code_id` from `sender` with the JSON `msg`; the contract is
    /// named after `label` and gets `admin` as its wasm admin.
    pub fn instantiate_stored(
        &mut self,
        sender: &Addr,
        code_id: u64,
        label: &str,
        msg: &[u8],
        admin: Option<Addr>,
    ) -> anyhow::Result<(Addr, TxReport)> {
        let ((address, _), report) = self.transaction(|chain, report| {
            chain.instantiate_code(sender, code_id, label, &msg.into(), &[], report)
        })?;
        if let Some(slot) = self.shared.borrow_mut().contracts.get_mut(address.as_str()) {
            slot.admin = admin;
        }
        Ok((address, report))
    }

    /// Executes the JSON `msg` on `contract` from `sender`, then every message it emits.
    pub fn execute_json(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: Binary,
    ) -> anyhow::Result<TxReport> {
        let (_, report) = self
            .transaction(|chain, report| chain.execute_raw(sender, contract, msg, &[], report))?;
        Ok(report)
    }

    /// `MsgUpdateAdmin`: only the current admin may hand the contract to `admin`.
    pub fn update_admin(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        admin: &Addr,
    ) -> anyhow::Result<()> {
        let mut registry = self.shared.borrow_mut();
        let slot = registry
            .contracts
            .get_mut(contract.as_str())
            .ok_or_else(|| anyhow!("no contract {contract}"))?;
        if slot.admin.as_ref() != Some(sender) {
            bail!("{sender} is not the admin of {}", slot.name);
        }
        slot.admin = Some(admin.clone());
        Ok(())
    }

    /// The wasm admin of `contract`.
    pub fn admin_of(&self, contract: &Addr) -> Option<Addr> {
        self.shared
            .borrow()
            .contracts
            .get(contract.as_str())
            .and_then(|s| s.admin.clone())
    }

    /// A smart query of `contract` with a JSON answer.
    pub fn query_json(&self, contract: &Addr, msg: &[u8]) -> anyhow::Result<Binary> {
        let (name, mut instance, env) = take(&self.shared, contract.as_str())?;
        let result = call_query(&mut instance, &env, msg);
        put_back(&self.shared, contract.as_str(), instance);
        result
            .map_err(|e| anyhow!("{name} query: vm error: {e}"))?
            .into_result()
            .map_err(|e| anyhow!("{name} query: {e}"))
    }

    /// A smart query of `contract`.
    pub fn query<T: DeserializeOwned>(
        &self,
        contract: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<T> {
        let bin = self.query_json(contract, &to_vec(msg)?)?;
        Ok(serde_json::from_slice(bin.as_slice())?)
    }
}

fn to_vec(msg: &impl Serialize) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json::to_vec(msg)?)
}
