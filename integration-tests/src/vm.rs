//! A chain of real cosmwasm-vm instances: the optimized artifacts, executed by wasmer exactly
//! as a node would, with `WasmMsg::Execute` messages routed between contracts.
//!
//! Scope, stated plainly: each contract keeps its own storage in its instance; messages are
//! executed depth-first like wasmd (no submessage replies, no bank or staking module, no
//! queries between contracts), and a failing call returns an error without rolling back the
//! calls before it, so a test must stop at the first error. That is enough to prove that the
//! artifacts instantiate, execute and call each other, and to measure their gas.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Context};
use cosmwasm_std::{
    Addr, Binary, BlockInfo, ContractInfo, CosmosMsg, Empty, Env, MessageInfo, Response, Timestamp,
    TransactionInfo, WasmMsg,
};
use cosmwasm_vm::testing::{MockApi, MockQuerier, MockStorage};
use cosmwasm_vm::{
    call_execute, call_instantiate, call_query, Backend, Instance, InstanceOptions, Size,
};
use serde::{de::DeserializeOwned, Serialize};

/// Gas limit of one call, in CosmWasm gas (wasmd's default block gas is far lower in SDK gas).
const GAS_LIMIT: u64 = 500_000_000_000_000;
const MEMORY_LIMIT: Size = Size::mebi(32);

type VmInstance = Instance<MockApi, MockStorage, MockQuerier>;

/// The gas of one contract call within a transaction.
#[derive(Debug, Clone)]
pub struct CallGas {
    pub contract: String,
    pub entry_point: &'static str,
    /// CosmWasm gas used by wasm execution and host functions.
    pub gas: u64,
}

/// What a transaction did: the gas of each contract call, depth-first.
#[derive(Debug, Clone, Default)]
pub struct TxReport {
    pub calls: Vec<CallGas>,
}

impl TxReport {
    /// Σ gas of all calls of the transaction.
    pub fn total_gas(&self) -> u64 {
        self.calls.iter().map(|c| c.gas).sum()
    }
}

pub struct WasmChain {
    api: MockApi,
    block: BlockInfo,
    /// Instances by address, and the name they were given.
    contracts: BTreeMap<String, (String, VmInstance)>,
}

impl Default for WasmChain {
    fn default() -> Self {
        Self::new()
    }
}

impl WasmChain {
    pub fn new() -> Self {
        Self {
            api: MockApi::default(),
            block: BlockInfo {
                height: 1,
                time: Timestamp::from_seconds(1_700_000_000),
                chain_id: "btt-vm-1".into(),
            },
            contracts: BTreeMap::new(),
        }
    }

    /// A valid bech32 address for a name.
    pub fn addr(&self, name: &str) -> Addr {
        Addr::unchecked(self.api.addr_make(name))
    }

    pub fn block_time(&self) -> Timestamp {
        self.block.time
    }

    /// Moves the chain forward by `seconds` (and one block).
    pub fn advance(&mut self, seconds: u64) {
        self.block.time = self.block.time.plus_seconds(seconds);
        self.block.height += 1;
    }

    fn env(&self, contract: &str) -> Env {
        Env {
            block: self.block.clone(),
            transaction: Some(TransactionInfo { index: 0 }),
            contract: ContractInfo {
                address: Addr::unchecked(contract),
            },
        }
    }

    /// Compiles `wasm` into a new instance at the address made from `name` and instantiates it.
    pub fn instantiate(
        &mut self,
        wasm: &[u8],
        name: &str,
        sender: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<(Addr, TxReport)> {
        let address = self.addr(name);
        let backend = Backend {
            api: self.api,
            storage: MockStorage::default(),
            querier: MockQuerier::new(&[]),
        };
        let options = InstanceOptions {
            gas_limit: GAS_LIMIT,
        };
        let mut instance = Instance::from_code(wasm, backend, options, Some(MEMORY_LIMIT))
            .with_context(|| format!("loading {name}"))?;
        let info = MessageInfo {
            sender: sender.clone(),
            funds: vec![],
        };
        let env = self.env(address.as_str());
        let before = used(&mut instance);
        let result = call_instantiate::<_, _, _, Empty>(&mut instance, &env, &info, &to_vec(msg)?)
            .map_err(|e| anyhow!("{name} instantiate: vm error: {e}"))?;
        let gas = used(&mut instance) - before;
        let response = result
            .into_result()
            .map_err(|e| anyhow!("{name} instantiate: {e}"))?;
        self.contracts
            .insert(address.to_string(), (name.to_string(), instance));
        let mut report = TxReport::default();
        report.calls.push(CallGas {
            contract: name.into(),
            entry_point: "instantiate",
            gas,
        });
        self.dispatch(&address, response, &mut report)?;
        Ok((address, report))
    }

    /// Executes `msg` on `contract` from `sender`, then every message it emits, depth-first.
    pub fn execute(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<TxReport> {
        let mut report = TxReport::default();
        self.execute_raw(sender, contract, to_vec(msg)?.into(), &mut report)?;
        Ok(report)
    }

    fn execute_raw(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: Binary,
        report: &mut TxReport,
    ) -> anyhow::Result<()> {
        let env = self.env(contract.as_str());
        let (name, instance) = self
            .contracts
            .get_mut(contract.as_str())
            .ok_or_else(|| anyhow!("no contract at {contract}"))?;
        let info = MessageInfo {
            sender: sender.clone(),
            funds: vec![],
        };
        let before = used(instance);
        let result = call_execute::<_, _, _, Empty>(instance, &env, &info, msg.as_slice())
            .map_err(|e| anyhow!("{name} execute: vm error: {e}"))?;
        let gas = used(instance) - before;
        let name = name.clone();
        let response = result
            .into_result()
            .map_err(|e| anyhow!("{name} execute: {e}"))?;
        report.calls.push(CallGas {
            contract: name,
            entry_point: "execute",
            gas,
        });
        self.dispatch(contract, response, report)
    }

    fn dispatch(
        &mut self,
        from: &Addr,
        response: Response<Empty>,
        report: &mut TxReport,
    ) -> anyhow::Result<()> {
        for sub in response.messages {
            if sub.reply_on != cosmwasm_std::ReplyOn::Never {
                bail!("submessage replies are not routed by this harness");
            }
            match sub.msg {
                CosmosMsg::Wasm(WasmMsg::Execute {
                    contract_addr,
                    msg,
                    funds,
                }) => {
                    if !funds.is_empty() {
                        bail!("native funds are not routed by this harness");
                    }
                    self.execute_raw(from, &Addr::unchecked(contract_addr), msg, report)?;
                }
                other => bail!("message not routed by this harness: {other:?}"),
            }
        }
        Ok(())
    }

    /// A smart query of `contract`.
    pub fn query<T: DeserializeOwned>(
        &mut self,
        contract: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<T> {
        let env = self.env(contract.as_str());
        let (name, instance) = self
            .contracts
            .get_mut(contract.as_str())
            .ok_or_else(|| anyhow!("no contract at {contract}"))?;
        let bin = call_query(instance, &env, &to_vec(msg)?)
            .map_err(|e| anyhow!("{name} query: vm error: {e}"))?
            .into_result()
            .map_err(|e| anyhow!("{name} query: {e}"))?;
        Ok(serde_json::from_slice(bin.as_slice())?)
    }
}

fn used(instance: &mut VmInstance) -> u64 {
    let report = instance.create_gas_report();
    report.used_internally + report.used_externally
}

fn to_vec(msg: &impl Serialize) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json::to_vec(msg)?)
}
