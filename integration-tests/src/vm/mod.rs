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

use anyhow::{anyhow, bail, ensure, Context};
use cosmwasm_std::{
    Addr, BankMsg, Binary, BlockInfo, Coin, ContractInfo, CosmosMsg, Empty, Env, Event,
    MessageInfo, Reply, ReplyOn, Response, SubMsgResponse, SubMsgResult, Timestamp,
    TransactionInfo, Uint128, WasmMsg,
};
use cosmwasm_vm::testing::{MockApi, MockStorage};
use cosmwasm_vm::{
    call_execute, call_instantiate, call_query, call_reply, Backend, Instance, InstanceOptions,
    Size,
};
use serde::{de::DeserializeOwned, Serialize};

mod cw20;
mod events;
mod interfaces;
mod query;
mod report;

pub use cw20::Cw20OnChain;
pub use query::ChainQuerier;
pub use report::{print_gas, CallGas, ChainStats, TxReport};

use events::{call_events, transfer_event, Outcome};
use query::OutsideQuerier;

/// Gas limit of one call, in CosmWasm gas.
const GAS_LIMIT: u64 = 500_000_000_000_000;
const MEMORY_LIMIT: Size = Size::mebi(32);

type VmInstance = Instance<MockApi, MockStorage, ChainQuerier>;

/// A contract on the chain; `instance` is `None` while it runs (so nested calls never alias it).
struct Slot {
    name: String,
    instance: Option<VmInstance>,
    /// Its wasm admin, as the chain records it.
    admin: Option<Addr>,
}

/// What the chain and every contract's querier share.
struct Registry {
    block: BlockInfo,
    contracts: BTreeMap<String, Slot>,
    /// Stored codes by code id, for contracts that instantiate others.
    codes: BTreeMap<u64, Vec<u8>>,
    /// Native balances: address → denom → amount.
    bank: BTreeMap<String, BTreeMap<String, Uint128>>,
}

impl Registry {
    fn balance(&self, who: &str, denom: &str) -> Uint128 {
        self.bank
            .get(who)
            .and_then(|coins| coins.get(denom))
            .copied()
            .unwrap_or_default()
    }

    /// Moves `coins` from `from` to `to` (`None`: burns them).
    fn transfer(&mut self, from: &str, to: Option<&str>, coins: &[Coin]) -> anyhow::Result<()> {
        for coin in coins {
            let have = self.balance(from, &coin.denom);
            ensure!(
                have >= coin.amount,
                "{from} has {have}{denom}, needs {}{denom}",
                coin.amount,
                denom = coin.denom
            );
            self.bank
                .entry(from.to_string())
                .or_default()
                .insert(coin.denom.clone(), have - coin.amount);
            if let Some(to) = to {
                self.credit(to, coin)?;
            }
        }
        Ok(())
    }

    fn credit(&mut self, who: &str, coin: &Coin) -> anyhow::Result<()> {
        let entry = self
            .bank
            .entry(who.to_string())
            .or_default()
            .entry(coin.denom.clone())
            .or_default();
        *entry = entry.checked_add(coin.amount)?;
        Ok(())
    }
}

type Shared = Rc<RefCell<Registry>>;

fn env_for(block: &BlockInfo, contract: &str) -> Env {
    Env {
        block: block.clone(),
        transaction: Some(TransactionInfo { index: 0 }),
        contract: ContractInfo {
            address: Addr::unchecked(contract),
        },
    }
}

/// Takes a contract's instance out of the registry for the length of a call.
fn take(shared: &Shared, address: &str) -> anyhow::Result<(String, VmInstance, Env)> {
    let mut registry = shared.borrow_mut();
    let env = env_for(&registry.block, address);
    let slot = registry
        .contracts
        .get_mut(address)
        .ok_or_else(|| anyhow!("no contract at {address}"))?;
    let instance = slot
        .instance
        .take()
        .ok_or_else(|| anyhow!("{} is already running (re-entrant call)", slot.name))?;
    Ok((slot.name.clone(), instance, env))
}

fn put_back(shared: &Shared, address: &str, instance: VmInstance) {
    if let Some(slot) = shared.borrow_mut().contracts.get_mut(address) {
        slot.instance = Some(instance);
    }
}

fn used(instance: &mut VmInstance) -> u64 {
    let report = instance.create_gas_report();
    report.used_internally + report.used_externally
}

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

    /// Runs one transaction: on success its gas is added to the totals; on failure the bank is
    /// restored (contract storage is not: see the module docs).
    fn transaction<T>(
        &mut self,
        run: impl FnOnce(&mut Self, &mut TxReport) -> anyhow::Result<T>,
    ) -> anyhow::Result<(T, TxReport)> {
        let bank = self.shared.borrow().bank.clone();
        let mut report = TxReport::default();
        match run(self, &mut report) {
            Ok(done) => {
                self.stats.txs += 1;
                self.stats.calls += report.calls.len() as u64;
                self.stats.gas += report.total_gas();
                Ok((done, report))
            }
            Err(e) => {
                self.shared.borrow_mut().bank = bank;
                Err(e)
            }
        }
    }

    /// Stores `wasm` as a code that contracts may instantiate; returns its code id.
    pub fn store_code(&mut self, wasm: &[u8]) -> u64 {
        let mut registry = self.shared.borrow_mut();
        let id = registry.codes.len() as u64 + 1;
        registry.codes.insert(id, wasm.to_vec());
        id
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
            chain.instantiate_raw(wasm, None, name, sender, &msg, &[], report)
        })?;
        Ok((address, report))
    }

    #[allow(clippy::too_many_arguments)]
    fn instantiate_raw(
        &mut self,
        wasm: &[u8],
        code_id: Option<u64>,
        name: &str,
        sender: &Addr,
        msg: &[u8],
        funds: &[Coin],
        report: &mut TxReport,
    ) -> anyhow::Result<(Addr, Outcome)> {
        let address = self.addr(name);
        ensure!(
            !self
                .shared
                .borrow()
                .contracts
                .contains_key(address.as_str()),
            "a contract labelled {name} exists already"
        );
        let backend = Backend {
            api: self.api,
            storage: MockStorage::default(),
            querier: ChainQuerier(self.shared.clone()),
        };
        let options = InstanceOptions {
            gas_limit: GAS_LIMIT,
        };
        let mut instance = Instance::from_code(wasm, backend, options, Some(MEMORY_LIMIT))
            .with_context(|| format!("loading {name}"))?;
        self.shared
            .borrow_mut()
            .transfer(sender.as_str(), Some(address.as_str()), funds)?;
        let env = env_for(&self.shared.borrow().block, address.as_str());
        let info = MessageInfo {
            sender: sender.clone(),
            funds: funds.to_vec(),
        };
        let before = used(&mut instance);
        let result = call_instantiate::<_, _, _, Empty>(&mut instance, &env, &info, msg)
            .map_err(|e| anyhow!("{name} instantiate: vm error: {e}"))?;
        let gas = used(&mut instance) - before;
        self.shared.borrow_mut().contracts.insert(
            address.to_string(),
            Slot {
                name: name.into(),
                instance: Some(instance),
                admin: None,
            },
        );
        let response = result
            .into_result()
            .map_err(|e| anyhow!("{name} instantiate: {e}"))?;
        report.calls.push(CallGas {
            contract: name.into(),
            entry_point: "instantiate",
            gas,
        });
        let code_id = code_id.map(|id| id.to_string()).unwrap_or_default();
        let events = call_events("instantiate", &address, &[("code_id", code_id)], &response);
        let outcome = self.dispatch(&address, response, events, report)?;
        Ok((address, outcome))
    }

    /// `WasmMsg::Instantiate` from `from`: the new contract is named after its label.
    fn instantiate_code(
        &mut self,
        from: &Addr,
        code_id: u64,
        label: &str,
        msg: &Binary,
        funds: &[Coin],
        report: &mut TxReport,
    ) -> anyhow::Result<(Addr, Outcome)> {
        let wasm = self
            .shared
            .borrow()
            .codes
            .get(&code_id)
            .cloned()
            .ok_or_else(|| anyhow!("no code {code_id}"))?;
        self.instantiate_raw(
            &wasm,
            Some(code_id),
            label,
            from,
            msg.as_slice(),
            funds,
            report,
        )
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

    fn execute_raw(
        &mut self,
        sender: &Addr,
        contract: &Addr,
        msg: Binary,
        funds: &[Coin],
        report: &mut TxReport,
    ) -> anyhow::Result<Outcome> {
        let (name, mut instance, env) = take(&self.shared, contract.as_str())?;
        let paid =
            self.shared
                .borrow_mut()
                .transfer(sender.as_str(), Some(contract.as_str()), funds);
        if let Err(e) = paid {
            put_back(&self.shared, contract.as_str(), instance);
            return Err(e.context(format!("funds for {name}")));
        }
        let info = MessageInfo {
            sender: sender.clone(),
            funds: funds.to_vec(),
        };
        let before = used(&mut instance);
        let result = call_execute::<_, _, _, Empty>(&mut instance, &env, &info, msg.as_slice());
        let gas = used(&mut instance) - before;
        put_back(&self.shared, contract.as_str(), instance);
        let response = result
            .map_err(|e| anyhow!("{name} execute: vm error: {e}"))?
            .into_result()
            .map_err(|e| anyhow!("{name} execute: {e}"))?;
        report.calls.push(CallGas {
            contract: name,
            entry_point: "execute",
            gas,
        });
        let events = call_events("execute", contract, &[], &response);
        self.dispatch(contract, response, events, report)
    }

    fn reply(
        &mut self,
        contract: &Addr,
        reply: Reply,
        report: &mut TxReport,
    ) -> anyhow::Result<Outcome> {
        let (name, mut instance, env) = take(&self.shared, contract.as_str())?;
        let before = used(&mut instance);
        let result = call_reply::<_, _, _, Empty>(&mut instance, &env, &reply);
        let gas = used(&mut instance) - before;
        put_back(&self.shared, contract.as_str(), instance);
        let response = result
            .map_err(|e| anyhow!("{name} reply: vm error: {e}"))?
            .into_result()
            .map_err(|e| anyhow!("{name} reply: {e}"))?;
        report.calls.push(CallGas {
            contract: name,
            entry_point: "reply",
            gas,
        });
        let events = call_events("reply", contract, &[], &response);
        self.dispatch(contract, response, events, report)
    }

    /// Runs one message signed by `from` (a user or a contract).
    fn run(
        &mut self,
        from: &Addr,
        msg: CosmosMsg,
        report: &mut TxReport,
    ) -> anyhow::Result<Outcome> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) => self.execute_raw(from, &Addr::unchecked(contract_addr), msg, &funds, report),
            CosmosMsg::Wasm(WasmMsg::Instantiate {
                code_id,
                msg,
                funds,
                label,
                ..
            }) => Ok(self
                .instantiate_code(from, code_id, &label, &msg, &funds, report)?
                .1),
            CosmosMsg::Bank(BankMsg::Send { to_address, amount }) => {
                self.shared
                    .borrow_mut()
                    .transfer(from.as_str(), Some(&to_address), &amount)?;
                Ok(Outcome {
                    events: vec![transfer_event(from.as_str(), &to_address, &amount)],
                    data: None,
                })
            }
            CosmosMsg::Bank(BankMsg::Burn { amount }) => {
                self.shared
                    .borrow_mut()
                    .transfer(from.as_str(), None, &amount)?;
                Ok(Outcome::default())
            }
            other => bail!("message not routed by this harness: {other:?}"),
        }
    }

    /// Runs the messages of `response` (from `from`) after the call's own `events`; a reply's
    /// data replaces the call's, as in wasmd.
    fn dispatch(
        &mut self,
        from: &Addr,
        response: Response<Empty>,
        events: Vec<Event>,
        report: &mut TxReport,
    ) -> anyhow::Result<Outcome> {
        let mut outcome = Outcome {
            events,
            data: response.data,
        };
        for sub in response.messages {
            let result = self.run(from, sub.msg, report);
            let result = match (sub.reply_on, result) {
                (ReplyOn::Never, result) | (ReplyOn::Error, result @ Ok(_)) => {
                    outcome.events.extend(result?.events);
                    continue;
                }
                (ReplyOn::Success, Err(e)) => return Err(e),
                (_, Ok(done)) => {
                    outcome.events.extend(done.events.clone());
                    #[allow(deprecated)]
                    SubMsgResult::Ok(SubMsgResponse {
                        events: done.events,
                        data: done.data,
                        msg_responses: vec![],
                    })
                }
                (_, Err(e)) => SubMsgResult::Err(e.to_string()),
            };
            let reply = Reply {
                id: sub.id,
                payload: sub.payload,
                gas_used: 0,
                result,
            };
            let replied = self.reply(from, reply, report)?;
            outcome.events.extend(replied.events);
            if replied.data.is_some() {
                outcome.data = replied.data;
            }
        }
        Ok(outcome)
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
