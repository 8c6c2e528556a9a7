//! A dry run of the deployment on a network: every transaction the routine would sign, in
//! order, with the artifacts' sizes and checksums, and nothing sent. Addresses of contracts are
//! placeholders made from their labels (a real chain derives them from code id and instance).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, ensure, Context};
use cosmwasm_std::testing::MockApi;
use cosmwasm_std::{Addr, CosmosMsg, WasmMsg};
use sha2::{Digest, Sha256};

use crate::chain::DeployChain;
use crate::networks::Network;

/// One transaction of the dry run.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlannedTx {
    /// 1-based position.
    pub n: usize,
    /// `MsgStoreCode`, `MsgInstantiateContract`, `MsgExecuteContract` or `MsgUpdateAdmin`.
    pub kind: String,
    /// What it is for.
    pub what: String,
    /// Its fields (the contract message decoded as JSON).
    pub body: serde_json::Value,
}

/// The dry-run chain.
pub struct DryRunChain {
    network: Network,
    deployer: Addr,
    api: MockApi,
    expected: BTreeMap<String, String>,
    next_code: u64,
    /// Every transaction so far.
    pub txs: Vec<PlannedTx>,
}

/// The artifacts folder of the workspace.
pub fn artifacts_dir() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts")
}

/// `artifacts/checksums.txt` as file name → SHA-256 (empty when it is missing).
pub fn artifact_checksums() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(artifacts_dir().join("checksums.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let (sum, file) = l.split_once(char::is_whitespace)?;
            Some((file.trim().to_string(), sum.to_string()))
        })
        .collect()
}

/// Reads `artifacts/<contract>.wasm` and checks it against `expected` (`checksums.txt`);
/// returns the file name, its size and its SHA-256.
pub fn checked_artifact(
    contract: &str,
    expected: &BTreeMap<String, String>,
) -> anyhow::Result<(String, usize, String)> {
    let file = format!("{}.wasm", contract.replace('-', "_"));
    let path = artifacts_dir().join(&file);
    let wasm = std::fs::read(&path).with_context(|| {
        format!(
            "{} is missing: build it with scripts/build-wasm.sh",
            path.display()
        )
    })?;
    let sum = hex::encode(Sha256::digest(&wasm));
    let listed = expected
        .get(&file)
        .with_context(|| format!("{file} is not in artifacts/checksums.txt"))?;
    ensure!(
        listed == &sum,
        "{file} has SHA-256 {sum}, but artifacts/checksums.txt says {listed}"
    );
    Ok((file, wasm.len(), sum))
}

impl DryRunChain {
    /// A dry run on `network` signed by `deployer` (an address of the network's prefix).
    pub fn new(network: Network, deployer: Addr) -> Self {
        let api = crate::networks::placeholder_api(&network);
        Self {
            network,
            deployer,
            api,
            expected: artifact_checksums(),
            next_code: 1,
            txs: vec![],
        }
    }

    fn push(&mut self, kind: &str, what: String, body: serde_json::Value) {
        let n = self.txs.len() + 1;
        self.txs.push(PlannedTx {
            n,
            kind: kind.into(),
            what,
            body,
        });
    }

    /// The transactions as the main job prints them.
    pub fn render(&self) -> String {
        let mut out = format!(
            "Dry run on {} ({}), {} transactions signed by {} (gas price {}{}); nothing is sent.\n",
            self.network.chain_id,
            self.network.description,
            self.txs.len(),
            self.deployer,
            self.network.gas_price,
            self.network.fee_denom
        );
        for tx in &self.txs {
            out.push_str(&format!(
                "{:>3}. {:<24} {}\n     {}\n",
                tx.n, tx.kind, tx.what, tx.body
            ));
        }
        out
    }
}

fn decode(msg: &cosmwasm_std::Binary) -> serde_json::Value {
    serde_json::from_slice(msg.as_slice()).unwrap_or(serde_json::Value::Null)
}

impl DeployChain for DryRunChain {
    fn chain_id(&self) -> String {
        self.network.chain_id.clone()
    }

    fn deployer(&self) -> Addr {
        self.deployer.clone()
    }

    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
        let (file, bytes, sum) = checked_artifact(contract, &self.expected)?;
        let id = self.next_code;
        self.next_code += 1;
        self.push(
            "MsgStoreCode",
            format!("upload {file} as code {id}"),
            serde_json::json!({ "file": file, "bytes": bytes, "sha256": sum }),
        );
        Ok((id, Some(sum)))
    }

    fn instantiate(
        &mut self,
        code_id: u64,
        label: &str,
        msg: serde_json::Value,
        admin: Option<String>,
    ) -> anyhow::Result<Addr> {
        let address = self.api.addr_make(label);
        self.push(
            "MsgInstantiateContract",
            format!("instantiate {label} from code {code_id} (placeholder address {address})"),
            serde_json::json!({ "code_id": code_id, "label": label, "admin": admin, "msg": msg }),
        );
        Ok(address)
    }

    fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()> {
        match msg {
            CosmosMsg::Wasm(WasmMsg::Execute {
                contract_addr,
                msg,
                funds,
            }) => self.push(
                "MsgExecuteContract",
                what.to_string(),
                serde_json::json!({ "contract": contract_addr, "msg": decode(&msg), "funds": funds }),
            ),
            CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
                contract_addr,
                admin,
            }) => self.push(
                "MsgUpdateAdmin",
                what.to_string(),
                serde_json::json!({ "contract": contract_addr, "new_admin": admin }),
            ),
            other => bail!("the deployment does not send {other:?}"),
        }
        Ok(())
    }

    fn query(
        &self,
        _contract: &Addr,
        _msg: serde_json::Value,
    ) -> anyhow::Result<Option<serde_json::Value>> {
        Ok(None)
    }

    fn contract_admin(&self, _contract: &Addr) -> anyhow::Result<Option<Option<String>>> {
        Ok(None)
    }

    fn code_checksum(&self, _code_id: u64) -> anyhow::Result<Option<String>> {
        Ok(None)
    }
}
