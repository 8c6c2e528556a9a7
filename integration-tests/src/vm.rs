//! A chain of real cosmwasm-vm instances: the optimized artifacts, executed by wasmer exactly
//! as a node would, with `WasmMsg::Execute` and `WasmMsg::Instantiate` messages (of codes stored
//! with `store_code`), submessage replies and smart queries routed between contracts, and the gas
//! of every call recorded.
//!
//! Scope, stated plainly: each contract keeps its own storage in its instance; messages run
//! depth-first like wasmd; queries other than wasm smart queries (bank, staking, raw) are not
//! served; native funds are not moved; and nothing is rolled back on failure: a failing
//! message without a reply fails the whole call (the test must stop there), and a failing
//! submessage with a reply keeps whatever its sub-calls did before failing. That is enough to
//! prove that the artifacts instantiate, execute, query and call each other, and to measure gas.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use anyhow::{anyhow, bail, Context};
use cosmwasm_std::{
    Addr, Binary, BlockInfo, ContractInfo, ContractResult, CosmosMsg, Empty, Env, Event,
    MessageInfo, QueryRequest, Reply, ReplyOn, Response, SubMsgResponse, SubMsgResult, SystemError,
    SystemResult, Timestamp, TransactionInfo, WasmMsg, WasmQuery,
};
use cosmwasm_vm::testing::{MockApi, MockStorage};
use cosmwasm_vm::{
    call_execute, call_instantiate, call_query, call_reply, Backend, BackendResult, GasInfo,
    Instance, InstanceOptions, Querier, Size,
};
use serde::{de::DeserializeOwned, Serialize};

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

/// Serves a contract's wasm smart queries from the other instances. The gas the queried
/// contract spends is charged to the caller, as on chain.
#[derive(Clone)]
pub struct ChainQuerier(Shared);

impl Querier for ChainQuerier {
    fn query_raw(
        &self,
        request: &[u8],
        _gas_limit: u64,
    ) -> BackendResult<SystemResult<ContractResult<Binary>>> {
        let request: QueryRequest<Empty> = match serde_json::from_slice(request) {
            Ok(r) => r,
            Err(e) => {
                let err = SystemError::InvalidRequest {
                    error: e.to_string(),
                    request: request.into(),
                };
                return (Ok(SystemResult::Err(err)), GasInfo::free());
            }
        };
        let QueryRequest::Wasm(WasmQuery::Smart { contract_addr, msg }) = request else {
            let err = SystemError::UnsupportedRequest {
                kind: "only wasm smart queries are served".into(),
            };
            return (Ok(SystemResult::Err(err)), GasInfo::free());
        };
        let Ok((_, mut instance, env)) = take(&self.0, &contract_addr) else {
            let err = SystemError::NoSuchContract {
                addr: contract_addr,
            };
            return (Ok(SystemResult::Err(err)), GasInfo::free());
        };
        let before = used(&mut instance);
        let result = call_query(&mut instance, &env, msg.as_slice());
        let gas = GasInfo::with_externally_used(used(&mut instance) - before);
        put_back(&self.0, &contract_addr, instance);
        match result {
            Ok(answer) => (Ok(SystemResult::Ok(answer)), gas),
            Err(e) => (
                Ok(SystemResult::Ok(ContractResult::Err(e.to_string()))),
                gas,
            ),
        }
    }
}

/// The gas of one contract call within a transaction.
#[derive(Debug, Clone)]
pub struct CallGas {
    pub contract: String,
    pub entry_point: &'static str,
    /// CosmWasm gas used by wasm execution, host functions and the queries it made.
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

/// Prints a transaction's total gas and the gas of each of its calls.
pub fn print_gas(step: &str, report: &TxReport) {
    let calls: Vec<String> = report
        .calls
        .iter()
        .map(|c| format!("{}.{} {}", c.contract, c.entry_point, c.gas))
        .collect();
    println!(
        "gas {step:<22} {:>12}  ({})",
        report.total_gas(),
        calls.join(" + ")
    );
}

pub struct WasmChain {
    api: MockApi,
    shared: Shared,
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
        Self {
            api: MockApi::default(),
            shared: Rc::new(RefCell::new(Registry {
                block,
                contracts: BTreeMap::new(),
                codes: BTreeMap::new(),
            })),
        }
    }

    /// A valid bech32 address for a name.
    pub fn addr(&self, name: &str) -> Addr {
        Addr::unchecked(self.api.addr_make(name))
    }

    pub fn block_time(&self) -> Timestamp {
        self.shared.borrow().block.time
    }

    pub fn block_height(&self) -> u64 {
        self.shared.borrow().block.height
    }

    /// Moves the chain forward by `seconds` and one block.
    pub fn advance(&mut self, seconds: u64) {
        let mut registry = self.shared.borrow_mut();
        registry.block.time = registry.block.time.plus_seconds(seconds);
        registry.block.height += 1;
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
        let mut report = TxReport::default();
        let address = self.instantiate_raw(wasm, name, sender, &to_vec(msg)?, &mut report)?;
        Ok((address, report))
    }

    fn instantiate_raw(
        &mut self,
        wasm: &[u8],
        name: &str,
        sender: &Addr,
        msg: &[u8],
        report: &mut TxReport,
    ) -> anyhow::Result<Addr> {
        let address = self.addr(name);
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
        let env = env_for(&self.shared.borrow().block, address.as_str());
        let info = MessageInfo {
            sender: sender.clone(),
            funds: vec![],
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
        self.dispatch(&address, response, report)?;
        Ok(address)
    }

    /// `WasmMsg::Instantiate` from a contract: the new contract is named after its label.
    fn instantiate_code(
        &mut self,
        from: &Addr,
        code_id: u64,
        label: &str,
        msg: &Binary,
        report: &mut TxReport,
    ) -> anyhow::Result<Vec<Event>> {
        let wasm = self
            .shared
            .borrow()
            .codes
            .get(&code_id)
            .cloned()
            .ok_or_else(|| anyhow!("no code {code_id}"))?;
        let address = self.instantiate_raw(&wasm, label, from, msg.as_slice(), report)?;
        Ok(vec![
            Event::new("instantiate").add_attribute("_contract_address", address.as_str())
        ])
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
        let (name, mut instance, env) = take(&self.shared, contract.as_str())?;
        let info = MessageInfo {
            sender: sender.clone(),
            funds: vec![],
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
        self.dispatch(contract, response, report)
    }

    fn reply(
        &mut self,
        contract: &Addr,
        reply: Reply,
        report: &mut TxReport,
    ) -> anyhow::Result<()> {
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
        self.dispatch(contract, response, report)
    }

    fn dispatch(
        &mut self,
        from: &Addr,
        response: Response<Empty>,
        report: &mut TxReport,
    ) -> anyhow::Result<()> {
        for sub in response.messages {
            let result = match sub.msg {
                CosmosMsg::Wasm(WasmMsg::Execute {
                    contract_addr,
                    msg,
                    funds,
                }) => {
                    if !funds.is_empty() {
                        bail!("native funds are not moved by this harness");
                    }
                    self.execute_raw(from, &Addr::unchecked(contract_addr), msg, report)
                        .map(|()| vec![])
                }
                CosmosMsg::Wasm(WasmMsg::Instantiate {
                    code_id,
                    msg,
                    funds,
                    label,
                    ..
                }) => {
                    if !funds.is_empty() {
                        bail!("native funds are not moved by this harness");
                    }
                    self.instantiate_code(from, code_id, &label, &msg, report)
                }
                other => bail!("message not routed by this harness: {other:?}"),
            };
            let result = match (sub.reply_on, result) {
                (ReplyOn::Never, result) => {
                    result?;
                    continue;
                }
                (ReplyOn::Error, Ok(_)) => continue,
                (ReplyOn::Success, Err(e)) => return Err(e),
                (_, Ok(events)) =>
                {
                    #[allow(deprecated)]
                    SubMsgResult::Ok(SubMsgResponse {
                        events,
                        data: None,
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
            self.reply(from, reply, report)?;
        }
        Ok(())
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
        let wasm = self
            .shared
            .borrow()
            .codes
            .get(&code_id)
            .cloned()
            .ok_or_else(|| anyhow!("no code {code_id}"))?;
        let mut report = TxReport::default();
        let address = self.instantiate_raw(&wasm, label, sender, msg, &mut report)?;
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
        let mut report = TxReport::default();
        self.execute_raw(sender, contract, msg, &mut report)?;
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
    pub fn query_json(&mut self, contract: &Addr, msg: &[u8]) -> anyhow::Result<Binary> {
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
        &mut self,
        contract: &Addr,
        msg: &impl Serialize,
    ) -> anyhow::Result<T> {
        let (name, mut instance, env) = take(&self.shared, contract.as_str())?;
        let result = call_query(&mut instance, &env, &to_vec(msg)?);
        put_back(&self.shared, contract.as_str(), instance);
        let bin = result
            .map_err(|e| anyhow!("{name} query: vm error: {e}"))?
            .into_result()
            .map_err(|e| anyhow!("{name} query: {e}"))?;
        Ok(serde_json::from_slice(bin.as_slice())?)
    }
}

fn to_vec(msg: &impl Serialize) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json::to_vec(msg)?)
}

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
    pub fn balance(
        &self,
        chain: &mut WasmChain,
        who: &Addr,
    ) -> anyhow::Result<cosmwasm_std::Uint128> {
        let res: cw20::BalanceResponse = chain.query(
            &self.0,
            &cw20::Cw20QueryMsg::Balance {
                address: who.to_string(),
            },
        )?;
        Ok(res.balance)
    }
}
