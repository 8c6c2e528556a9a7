//! What the deployment routine needs from a chain, so one routine deploys to the embedded
//! cw-multi-test chain, prints a dry run for a network, or (with a signer) broadcasts there.

use anyhow::Context;
use cosmwasm_std::{Addr, CosmosMsg};
use serde::{de::DeserializeOwned, Serialize};

/// A chain the suite is deployed on. Every transaction is signed by the deployer.
pub trait DeployChain {
    /// The chain id (written to the manifest).
    fn chain_id(&self) -> String;
    /// Who signs every deployment transaction.
    fn deployer(&self) -> Addr;
    /// Uploads `contract`'s code (`artifacts/<contract>.wasm` on a real chain); returns its code
    /// id and the SHA-256 of the code, where known.
    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)>;
    /// Instantiates `code_id` with the JSON `msg`; returns the new contract's address.
    fn instantiate(
        &mut self,
        code_id: u64,
        label: &str,
        msg: serde_json::Value,
        admin: Option<String>,
    ) -> anyhow::Result<Addr>;
    /// Runs one message signed by the deployer; `what` says what it is for.
    fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()>;
    /// A smart query, or `None` where the chain cannot answer (a dry run).
    fn query(
        &self,
        contract: &Addr,
        msg: serde_json::Value,
    ) -> anyhow::Result<Option<serde_json::Value>>;
    /// The wasm admin of `contract` (`Some(None)`: it has none), or `None` where the chain
    /// cannot answer (a dry run).
    fn contract_admin(&self, contract: &Addr) -> anyhow::Result<Option<Option<String>>>;
    /// The SHA-256 the chain holds for code `code_id`, or `None` where the chain cannot answer
    /// (a dry run); an error when the chain has no such code.
    fn code_checksum(&self, code_id: u64) -> anyhow::Result<Option<String>>;
}

/// The value of the attribute `key` a contract put in a transaction's `wasm` events (an id the
/// contract assigned, an amount it paid).
pub fn wasm_attr(res: &cw_multi_test::AppResponse, key: &str) -> anyhow::Result<String> {
    event_attr(res, "wasm", key)
}

/// The first `key` attribute of the contract event `ty` ("wasm" for `add_attribute`,
/// "wasm-fee_routed" for the fee router's event) in `res`.
pub fn event_attr(res: &cw_multi_test::AppResponse, ty: &str, key: &str) -> anyhow::Result<String> {
    res.events
        .iter()
        .filter(|e| e.ty == ty)
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
        .with_context(|| format!("no {key} attribute in a {ty} event"))
}

/// `instantiate` with a typed message.
pub fn instantiate<C: DeployChain>(
    chain: &mut C,
    code_id: u64,
    label: &str,
    msg: &impl Serialize,
    admin: Option<String>,
) -> anyhow::Result<Addr> {
    let json = serde_json::to_value(msg)?;
    chain
        .instantiate(code_id, label, json, admin)
        .with_context(|| format!("instantiating {label}"))
}

/// `execute` of a typed message on `contract`, no funds.
pub fn execute<C: DeployChain>(
    chain: &mut C,
    contract: &Addr,
    msg: &impl Serialize,
    what: &str,
) -> anyhow::Result<()> {
    let msg = cosmwasm_std::WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: cosmwasm_std::to_json_binary(msg)?,
        funds: vec![],
    };
    chain
        .execute(msg.into(), what)
        .with_context(|| what.to_string())
}

/// `query` with typed message and answer.
pub fn query<C: DeployChain, T: DeserializeOwned>(
    chain: &C,
    contract: &Addr,
    msg: &impl Serialize,
) -> anyhow::Result<Option<T>> {
    match chain.query(contract, serde_json::to_value(msg)?)? {
        Some(v) => Ok(Some(serde_json::from_value(v)?)),
        None => Ok(None),
    }
}

/// A chain the economy runs on, as its users see it: signed messages, queries, the block clock
/// and addresses. The embedded cw-multi-test [`App`](cw_multi_test::App) is one; the optimized
/// artifacts in cosmwasm-vm (`btt_integration_tests::vm::WasmChain`) are another. Every
/// scenario of the main job is written against this trait, so the same year runs on both.
pub trait EconomyChain: cw_multi_test::Executor<cosmwasm_std::Empty> {
    /// The address a test or the main job uses for the actor `name`.
    fn addr_make(&self, name: &str) -> Addr;
    /// Queries at the current block.
    fn wrap(&self) -> cosmwasm_std::QuerierWrapper<'_, cosmwasm_std::Empty>;
    /// The current block.
    fn block_info(&self) -> cosmwasm_std::BlockInfo;
    /// Moves the clock (height and time) by `action`.
    fn update_block<F: Fn(&mut cosmwasm_std::BlockInfo)>(&mut self, action: F);
}

/// The embedded cw-multi-test chain over the storage `S` (the default `MockStorage`, or the
/// fuzzer's snapshotting storage).
pub type AppOn<S> =
    cw_multi_test::App<cw_multi_test::BankKeeper, cosmwasm_std::testing::MockApi, S>;

impl<S: cosmwasm_std::Storage> EconomyChain for AppOn<S> {
    fn addr_make(&self, name: &str) -> Addr {
        self.api().addr_make(name)
    }

    fn wrap(&self) -> cosmwasm_std::QuerierWrapper<'_, cosmwasm_std::Empty> {
        AppOn::<S>::wrap(self)
    }

    fn block_info(&self) -> cosmwasm_std::BlockInfo {
        AppOn::<S>::block_info(self)
    }

    fn update_block<F: Fn(&mut cosmwasm_std::BlockInfo)>(&mut self, action: F) {
        AppOn::<S>::update_block(self, action)
    }
}
