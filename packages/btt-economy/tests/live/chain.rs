//! The local wasmd node as an [`EconomyChain`]: every message is signed by the test account of
//! its sender and broadcast with cw-orch's Daemon; queries go to the node over gRPC; moving the
//! clock waits until the chain's own block time has passed the target. So the main job's
//! scenarios, written against `EconomyChain`, run here unchanged where their waits are short.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use btt_deploy::chain::EconomyChain;
use btt_deploy::daemon::TxGas;
use btt_deploy::localnet::LocalAccounts;
use cosmwasm_std::{
    to_json_binary, Addr, BankQuery, Binary, BlockInfo, ContractResult, CosmosMsg, Empty,
    QuerierResult, QueryRequest, SystemError, SystemResult, WasmMsg, WasmQuery,
};
use cw_multi_test::{AppResponse, Executor};
use cw_orch::daemon::Daemon;
use cw_orch::environment::IndexResponse;
use cw_orch::prelude::*;

/// cw20-base as built for the gas report (`artifacts/reference/`), for a transfer beside ours.
pub struct Cw20Reference;

impl Uploadable for Cw20Reference {
    fn wasm(_chain: &ChainInfoOwned) -> WasmPath {
        let path = btt_deploy::dryrun::artifacts_dir().join("reference/cw20_reference.wasm");
        WasmPath::new(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// The local chain, signed by its test accounts.
pub struct LiveChain {
    base: Daemon,
    accounts: LocalAccounts,
    wallets: RefCell<BTreeMap<String, Daemon>>,
    names: BTreeMap<String, String>,
    /// Contract names by address, to label the gas records.
    pub labels: BTreeMap<String, String>,
    /// Every transaction sent.
    pub txs: Vec<TxGas>,
    gas_price: f64,
    /// The gas price as the network file writes it, with its denom.
    pub gas_price_text: String,
}

impl LiveChain {
    /// Connects to `network` as the local `deployer`.
    pub fn connect(network: &btt_deploy::networks::Network) -> anyhow::Result<Self> {
        let accounts = LocalAccounts::load()?;
        let info = btt_deploy::daemon::chain_info(network)?;
        let base = Daemon::builder(info.clone())
            .mnemonic(accounts.get("deployer")?.mnemonic.clone())
            .is_test(true)
            .build()
            .with_context(|| {
                format!(
                    "no node at {} (scripts/live-test.sh starts one)",
                    network.grpc
                )
            })?;
        let names = accounts
            .0
            .iter()
            .map(|a| (a.address.clone(), a.name.clone()))
            .collect();
        Ok(Self {
            base,
            accounts,
            wallets: RefCell::new(BTreeMap::new()),
            names,
            labels: BTreeMap::new(),
            txs: vec![],
            gas_price: info.gas_price,
            gas_price_text: format!("{}{}", network.gas_price, network.fee_denom),
        })
    }

    /// The daemon signing as `sender` (built once per account).
    fn wallet(&self, sender: &Addr) -> anyhow::Result<Daemon> {
        let name = self
            .names
            .get(sender.as_str())
            .with_context(|| format!("{sender} is not a local test account"))?;
        if let Some(d) = self.wallets.borrow().get(name) {
            return Ok(d.clone());
        }
        let d = self
            .base
            .rebuild()
            .mnemonic(self.accounts.get(name)?.mnemonic.clone())
            .build()?;
        self.wallets.borrow_mut().insert(name.clone(), d.clone());
        Ok(d)
    }

    fn record(&mut self, sender: &Addr, what: String, res: &cw_orch::daemon::CosmTxResponse) {
        let signer = self.names.get(sender.as_str()).cloned().unwrap_or_default();
        self.txs
            .push(TxGas::of(&signer, &what, res, self.gas_price));
    }

    fn label(&self, contract: &str) -> String {
        self.labels
            .get(contract)
            .cloned()
            .unwrap_or_else(|| contract.chars().take(14).collect())
    }

    /// The deployer uploads cw20-base and instantiates it with `msg`; returns its address.
    pub fn deploy_cw20_base(&mut self, msg: &serde_json::Value) -> anyhow::Result<Addr> {
        let deployer = self.base.sender_addr();
        let res = self.base.upload(&Cw20Reference)?;
        let code_id = res.uploaded_code_id()?;
        self.record(&deployer, "store cw20-base (reference)".into(), &res);
        let res = self
            .base
            .instantiate(code_id, msg, Some("cw20-base"), None, &[])?;
        self.record(&deployer, "instantiate cw20-base (reference)".into(), &res);
        let address = res.instantiated_contract_address()?;
        self.labels.insert(address.to_string(), "cw20-base".into());
        Ok(address)
    }

    /// What `msg` is, for the gas records: "btt-token send → stake", "compute-escrow
    /// accept_result", "bank send".
    fn describe(&self, msg: &CosmosMsg) -> String {
        let CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr, msg, ..
        }) = msg
        else {
            return "bank send".into();
        };
        let json: serde_json::Value = serde_json::from_slice(msg.as_slice()).unwrap_or_default();
        let first_key =
            |v: &serde_json::Value| v.as_object().and_then(|o| o.keys().next().cloned());
        let key = first_key(&json).unwrap_or_default();
        // A cw20 send names its hook too.
        let hook = json
            .get("send")
            .and_then(|s| s.get("msg"))
            .and_then(|m| m.as_str())
            .and_then(|b| Binary::from_base64(b).ok())
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|h| first_key(&h));
        match hook {
            Some(h) => format!("{} {key} → {h}", self.label(contract_addr)),
            None => format!("{} {key}", self.label(contract_addr)),
        }
    }

    /// The latest block, from the node.
    pub fn latest_block(&self) -> anyhow::Result<BlockInfo> {
        Ok(self.base.block_info()?)
    }

    fn answer(&self, request: QueryRequest<Empty>) -> anyhow::Result<Binary> {
        let wasm = self.base.wasm_querier();
        Ok(match request {
            QueryRequest::Wasm(WasmQuery::Smart { contract_addr, msg }) => {
                let msg: serde_json::Value = serde_json::from_slice(msg.as_slice())?;
                let answer: serde_json::Value =
                    wasm.smart_query(&Addr::unchecked(contract_addr), &msg)?;
                to_json_binary(&answer)?
            }
            QueryRequest::Wasm(WasmQuery::Raw { contract_addr, key }) => {
                Binary::new(wasm.raw_query(&Addr::unchecked(contract_addr), key.to_vec())?)
            }
            QueryRequest::Wasm(WasmQuery::ContractInfo { contract_addr }) => {
                to_json_binary(&wasm.contract_info(&Addr::unchecked(contract_addr))?)?
            }
            QueryRequest::Bank(BankQuery::Balance { address, denom }) => {
                let coin = self
                    .base
                    .bank_querier()
                    .balance(&Addr::unchecked(address), Some(denom))?;
                let amount = coin.into_iter().next().context("no balance")?;
                to_json_binary(&cosmwasm_std::BalanceResponse::new(amount))?
            }
            other => bail!("the live chain does not answer {other:?}"),
        })
    }
}

impl cosmwasm_std::Querier for LiveChain {
    fn raw_query(&self, bin_request: &[u8]) -> QuerierResult {
        let request: QueryRequest<Empty> = match serde_json::from_slice(bin_request) {
            Ok(r) => r,
            Err(e) => {
                return SystemResult::Err(SystemError::InvalidRequest {
                    error: e.to_string(),
                    request: bin_request.to_vec().into(),
                })
            }
        };
        match self.answer(request) {
            Ok(bin) => SystemResult::Ok(ContractResult::Ok(bin)),
            Err(e) => SystemResult::Ok(ContractResult::Err(format!("{e:#}"))),
        }
    }
}

impl Executor<Empty> for LiveChain {
    fn execute(&mut self, sender: Addr, msg: CosmosMsg<Empty>) -> anyhow::Result<AppResponse> {
        let d = self.wallet(&sender)?;
        let what = self.describe(&msg);
        let res = btt_deploy::daemon::broadcast(&d, msg)?;
        self.record(&sender, what, &res);
        Ok(AppResponse {
            events: res.events(),
            data: None,
            msg_responses: vec![],
        })
    }
}

impl EconomyChain for LiveChain {
    fn addr_make(&self, name: &str) -> Addr {
        match self.accounts.get(name) {
            Ok(a) => Addr::unchecked(&a.address),
            Err(e) => panic!("{e:#}"),
        }
    }

    fn wrap(&self) -> cosmwasm_std::QuerierWrapper<'_, Empty> {
        cosmwasm_std::QuerierWrapper::new(self)
    }

    fn block_info(&self) -> BlockInfo {
        self.latest_block().expect("the node's latest block")
    }

    /// Waits until the chain's block time and height reach what `action` makes of the latest
    /// block.
    fn update_block<F: Fn(&mut BlockInfo)>(&mut self, action: F) {
        let mut target = self.block_info();
        action(&mut target);
        let started = Instant::now();
        loop {
            let now = self.block_info();
            if now.time >= target.time && now.height >= target.height {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(180),
                "the chain's clock did not reach {} in 3 minutes",
                target.time
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}
