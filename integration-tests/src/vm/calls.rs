//! How a transaction runs: instantiate, execute and reply calls into the instances, and the
//! depth-first dispatch of the messages they return (wasm, bank, submessages), as wasmd does.

use anyhow::{anyhow, bail, ensure, Context};
use cosmwasm_std::{
    Addr, BankMsg, Binary, Coin, CosmosMsg, Empty, Event, MessageInfo, Reply, ReplyOn, Response,
    SubMsgResponse, SubMsgResult, WasmMsg,
};
use cosmwasm_vm::testing::MockStorage;
use cosmwasm_vm::{call_execute, call_instantiate, call_reply, Backend, Instance, InstanceOptions};

use super::*;

/// A code to instantiate: its wasm, and its id when it was stored first.
pub(super) struct Code<'a> {
    pub(super) wasm: &'a [u8],
    pub(super) id: Option<u64>,
}

/// Who calls, with what message and funds.
pub(super) struct Call<'a> {
    pub(super) sender: &'a Addr,
    pub(super) msg: &'a [u8],
    pub(super) funds: &'a [Coin],
}

impl WasmChain {
    /// Runs one transaction: on success its gas is added to the totals; on failure the bank is
    /// restored (contract storage is not: see the module docs).
    pub(super) fn transaction<T>(
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

    /// Instantiates `code` as the contract labelled `name`, by `sender` with `msg` and `funds`.
    pub(super) fn instantiate_raw(
        &mut self,
        code: Code<'_>,
        name: &str,
        call: Call<'_>,
        report: &mut TxReport,
    ) -> anyhow::Result<(Addr, Outcome)> {
        let Code { wasm, id: code_id } = code;
        let Call { sender, msg, funds } = call;
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
    pub(super) fn instantiate_code(
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
            Code {
                wasm: &wasm,
                id: Some(code_id),
            },
            label,
            Call {
                sender: from,
                msg: msg.as_slice(),
                funds,
            },
            report,
        )
    }

    pub(super) fn execute_raw(
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

    pub(super) fn reply(
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
    pub(super) fn run(
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
    pub(super) fn dispatch(
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
}
