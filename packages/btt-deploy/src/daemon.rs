//! Broadcasting the deployment to a network: cw-orch's `Daemon` as a [`DeployChain`].
//!
//! It signs with the mnemonic in `BTT_DEPLOY_MNEMONIC` on the network of
//! `deploy/networks/<name>.json`, uploads `artifacts/*.wasm` after checking each against
//! `artifacts/checksums.txt`, and checks the code hash the chain reports after each upload.
//! Built only with the `daemon` feature (`scripts/deploy.sh`).
//!
//! [`deploy_to`] is the whole broadcast deployment: the genesis plan of the network (the local
//! plan and test accounts on `local`), the routine with a journal so that a stopped deployment
//! goes on where it stopped, the manifest, and the audit read back from the chain.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, ensure, Context};
use btt_types::contracts::Code;
use cosmos_sdk_proto::cosmwasm::wasm::v1::MsgUpdateAdmin;
use cosmwasm_std::{Addr, CosmosMsg, Timestamp, WasmMsg};
use cw_orch::daemon::Daemon;
use cw_orch::environment::{ChainKind, NetworkInfoOwned};
use cw_orch::prelude::*;
use prost::Message;

use crate::audit::Audit;
use crate::chain::DeployChain;
use crate::deployment::Deployment;
use crate::dryrun::{artifact_checksums, artifacts_dir, checked_artifact};
use crate::genesis::GenesisConfig;
use crate::localnet::{local_start, LocalAccounts, LOCAL};
use crate::networks::{network_config, Network};
use crate::resume::{Journal, Resumable};

/// The environment variable holding the deployer's mnemonic.
pub const MNEMONIC_VAR: &str = "BTT_DEPLOY_MNEMONIC";

/// One uploadable artifact per contract (cw-orch's `Uploadable` names a type, not a value).
macro_rules! artifacts {
    ($($ty:ident => $code:ident),* $(,)?) => {
        $(
            struct $ty;
            impl Uploadable for $ty {
                fn wasm(_chain: &ChainInfoOwned) -> WasmPath {
                    let file = Code::$code.artifact();
                    WasmPath::new(artifacts_dir().join(&file))
                        .unwrap_or_else(|e| panic!("{file}: {e}"))
                }
            }
        )*
        /// Uploads `code`'s artifact.
        fn upload(d: &Daemon, code: Code) -> anyhow::Result<cw_orch::daemon::CosmTxResponse> {
            match code {
                $(Code::$code => Ok(d.upload(&$ty)?),)*
            }
        }
    };
}

artifacts! {
    TokenCode => Token,
    VestingCode => Vesting,
    StakingCode => Staking,
    DaoCode => Dao,
    EscrowCode => Escrow,
    DepinCode => Depin,
    PointsCode => Points,
    PayfiCode => Payfi,
    NftCode => Nft,
    SharesCode => Shares,
    VaultsCode => Vaults,
}

/// cw-orch's chain description of a network file.
pub fn chain_info(n: &Network) -> anyhow::Result<ChainInfoOwned> {
    Ok(ChainInfoOwned {
        chain_id: n.chain_id.clone(),
        gas_denom: n.fee_denom.clone(),
        gas_price: n
            .gas_price
            .parse()
            .with_context(|| format!("gas price {}", n.gas_price))?,
        grpc_urls: vec![n.grpc.clone()],
        lcd_url: None,
        fcd_url: None,
        network_info: NetworkInfoOwned {
            chain_name: n.name.clone(),
            pub_address_prefix: n.bech32_prefix.clone(),
            coin_type: n.coin_type,
        },
        kind: if n.name == LOCAL {
            ChainKind::Local
        } else {
            ChainKind::Testnet
        },
    })
}

/// `MsgUpdateAdmin` as the protobuf `Any` a transaction carries.
pub fn update_admin_any(sender: &str, new_admin: &str, contract: &str) -> prost_types::Any {
    let msg = MsgUpdateAdmin {
        sender: sender.into(),
        new_admin: new_admin.into(),
        contract: contract.into(),
    };
    prost_types::Any {
        type_url: "/cosmwasm.wasm.v1.MsgUpdateAdmin".into(),
        value: msg.encode_to_vec(),
    }
}

/// One broadcast transaction, as the chain reported it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TxGas {
    /// Who signed it (a local account's name, or "deployer").
    pub signer: String,
    /// What it was.
    pub what: String,
    /// SDK gas used, as the chain reports it.
    pub gas_used: u64,
    /// The gas limit the transaction asked for (cw-orch simulates and adds a margin).
    pub gas_wanted: u64,
    /// The fee paid in the gas denom: the limit times the gas price, rounded up.
    pub fee: u128,
    /// Its hash.
    pub txhash: String,
}

impl TxGas {
    /// The record of `res`, signed by `signer`, at `gas_price`.
    pub fn of(
        signer: &str,
        what: &str,
        res: &cw_orch::daemon::CosmTxResponse,
        gas_price: f64,
    ) -> Self {
        Self {
            signer: signer.into(),
            what: what.into(),
            gas_used: res.gas_used,
            gas_wanted: res.gas_wanted,
            fee: (res.gas_wanted as f64 * gas_price).ceil() as u128,
            txhash: res.txhash.clone(),
        }
    }
}

/// A network, signed by the mnemonic's account.
pub struct DaemonChain {
    daemon: Daemon,
    expected: BTreeMap<String, String>,
    /// Every transaction this chain sent.
    pub txs: Vec<TxGas>,
}

impl DaemonChain {
    /// Connects to `network`, signing with `mnemonic`.
    pub fn connect(network: &Network, mnemonic: &str) -> anyhow::Result<Self> {
        // cw-orch's own state file is not used (the journal is the deployment's record): a
        // temporary one, so several daemons in one process never contend for its lock.
        let daemon = Daemon::builder(chain_info(network)?)
            .mnemonic(mnemonic)
            .is_test(true)
            .build()
            .with_context(|| format!("connecting to {} at {}", network.chain_id, network.grpc))?;
        Ok(Self {
            daemon,
            expected: artifact_checksums(),
            txs: vec![],
        })
    }

    fn record(&mut self, what: &str, res: &cw_orch::daemon::CosmTxResponse) {
        let price = self.daemon.chain_info().gas_price;
        self.txs.push(TxGas::of("deployer", what, res, price));
    }
}

/// Signs `msg` as `d`'s sender and waits for its inclusion: a contract execution (with its
/// funds), a `MsgUpdateAdmin`, or a bank send.
pub fn broadcast(d: &Daemon, msg: CosmosMsg) -> anyhow::Result<cw_orch::daemon::CosmTxResponse> {
    Ok(match msg {
        CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr,
            msg,
            funds,
        }) => {
            let json: serde_json::Value = serde_json::from_slice(msg.as_slice())?;
            d.execute(&json, &funds, &Addr::unchecked(contract_addr))?
        }
        CosmosMsg::Wasm(WasmMsg::UpdateAdmin {
            contract_addr,
            admin,
        }) => {
            let sender = d.sender_addr().to_string();
            let any = update_admin_any(&sender, &admin, &contract_addr);
            d.commit_any(vec![any], None)?
        }
        CosmosMsg::Bank(cosmwasm_std::BankMsg::Send { to_address, amount }) => {
            d.bank_send(&Addr::unchecked(to_address), &amount)?
        }
        other => bail!("broadcasting {other:?} is not supported"),
    })
}

/// The deployer's mnemonic: [`MNEMONIC_VAR`], or on the local chain its test `deployer`.
pub fn deployer_mnemonic(network: &Network) -> anyhow::Result<String> {
    if let Ok(m) = std::env::var(MNEMONIC_VAR) {
        return Ok(m);
    }
    if network.name == LOCAL {
        return Ok(LocalAccounts::load()?.get("deployer")?.mnemonic.clone());
    }
    bail!(
        "set {MNEMONIC_VAR} to the deployer's mnemonic on {}",
        network.name
    )
}

/// The genesis plan of `network` from `start`: the local plan on `local`; elsewhere the roles of
/// `BTT_GENESIS_ROLES` (a JSON object of role → address), the deployer for any left out.
pub fn network_plan(
    network: &Network,
    deployer: &str,
    start: Timestamp,
) -> anyhow::Result<GenesisConfig> {
    if network.name == LOCAL {
        return LocalAccounts::load()?.plan(network, start);
    }
    let roles: BTreeMap<String, String> = match std::env::var("BTT_GENESIS_ROLES") {
        Ok(json) => {
            serde_json::from_str(&json).context("BTT_GENESIS_ROLES is not a JSON object")?
        }
        Err(_) => Default::default(),
    };
    Ok(network_config(
        network,
        &|role: &str| {
            roles
                .get(role)
                .cloned()
                .unwrap_or_else(|| deployer.to_string())
        },
        start,
    ))
}

/// What a broadcast deployment left.
pub struct Deployed {
    /// The suite.
    pub deployment: Deployment,
    /// Its genesis plan.
    pub config: GenesisConfig,
    /// What the chain answered for it.
    pub audit: Audit,
    /// Transactions sent by this run (the rest were replayed from the journal).
    pub sent: usize,
    /// The SDK gas and fee of each of them.
    pub txs: Vec<TxGas>,
}

/// Deploys the suite to `network`, writing the manifest to `manifest_path` and the journal
/// beside it; goes on from an unfinished journal, and refuses a finished one.
pub fn deploy_to(network: &Network, manifest_path: &Path) -> anyhow::Result<Deployed> {
    let chain = DaemonChain::connect(network, &deployer_mnemonic(network)?)?;
    let journal_path = Journal::path_beside(manifest_path, &network.name);
    let deployer = chain.deployer().to_string();
    let journal = match Journal::load(&journal_path)? {
        Some(j) if !j.complete => {
            println!(
                "going on from {} ({} transactions already included)",
                journal_path.display(),
                j.steps.len()
            );
            j
        }
        Some(finished) => finished,
        None => {
            let now = chain.daemon.block_info()?.time;
            let start = if network.name == LOCAL {
                local_start(now)
            } else {
                now
            };
            Journal {
                network: network.name.clone(),
                chain_id: chain.chain_id(),
                deployer: deployer.clone(),
                start: start.seconds(),
                steps: vec![],
                complete: false,
            }
        }
    };
    let config = network_plan(network, &deployer, Timestamp::from_seconds(journal.start))?;
    let mut chain = Resumable::new(chain, journal, journal_path.clone())?;
    let deployment = match crate::deploy::deploy(&mut chain, &config) {
        Ok(d) => d,
        Err(e) => {
            eprint!(
                "The deployment to {} stopped: {e:#}\nDone so far, {}",
                network.name,
                chain.journal().summary()
            );
            eprintln!(
                "Run the same command again to go on from step {} (the journal {} keeps every \
                 included step; a transaction sent but not seen included is sent again). To start \
                 over instead, delete the journal{}.",
                chain.journal().steps.len() + 1,
                journal_path.display(),
                if network.name == LOCAL {
                    " or reset the chain (scripts/localnet.sh reset)"
                } else {
                    ""
                }
            );
            return Err(e.context(format!("deploying to {}", network.name)));
        }
    };
    chain.finish()?;
    let sent = chain.journal().steps.len() - chain.replayed();
    crate::manifest::write(
        manifest_path,
        &crate::manifest::manifest(&deployment, &config, &artifact_checksums()),
    )?;
    let audit = crate::audit::read(&chain, &deployment)?;
    audit.check(deployment.dao.addr())?;
    Ok(Deployed {
        deployment,
        config,
        audit,
        sent,
        txs: chain.inner().txs.clone(),
    })
}

impl DeployChain for DaemonChain {
    fn chain_id(&self) -> String {
        self.daemon.state().chain_data.chain_id.clone()
    }

    fn deployer(&self) -> Addr {
        self.daemon.sender_addr()
    }

    fn store(&mut self, contract: &str) -> anyhow::Result<(u64, Option<String>)> {
        let (file, _, sum) = checked_artifact(contract, &self.expected)?;
        let d = &self.daemon;
        let code =
            Code::from_name(contract).ok_or_else(|| anyhow::anyhow!("no contract {contract}"))?;
        let res = upload(d, code)?;
        let code_id = res.uploaded_code_id()?;
        let on_chain = d.wasm_querier().code(code_id)?.checksum.to_hex();
        self.record(&format!("store {contract}"), &res);
        ensure!(
            on_chain == sum,
            "code {code_id} hashes to {on_chain} on chain, {sum} here"
        );
        println!("uploaded {file} as code {code_id} (sha256 {sum})");
        Ok((code_id, Some(sum)))
    }

    fn instantiate(
        &mut self,
        code_id: u64,
        label: &str,
        msg: serde_json::Value,
        admin: Option<String>,
    ) -> anyhow::Result<Addr> {
        let admin = admin.map(Addr::unchecked);
        let res = self
            .daemon
            .instantiate(code_id, &msg, Some(label), admin.as_ref(), &[])?;
        self.record(&format!("instantiate {label}"), &res);
        let address = res.instantiated_contract_address()?;
        println!("instantiated {label} at {address}");
        Ok(address)
    }

    fn execute(&mut self, msg: CosmosMsg, what: &str) -> anyhow::Result<()> {
        let res = broadcast(&self.daemon, msg)?;
        self.record(what, &res);
        println!("{what}");
        Ok(())
    }

    fn query(
        &self,
        contract: &Addr,
        msg: serde_json::Value,
    ) -> anyhow::Result<Option<serde_json::Value>> {
        Ok(Some(
            self.daemon.wasm_querier().smart_query(contract, &msg)?,
        ))
    }

    fn contract_admin(&self, contract: &Addr) -> anyhow::Result<Option<Option<String>>> {
        let info = self.daemon.wasm_querier().contract_info(contract)?;
        Ok(Some(info.admin.map(String::from)))
    }

    fn code_checksum(&self, code_id: u64) -> anyhow::Result<Option<String>> {
        Ok(Some(
            self.daemon.wasm_querier().code(code_id)?.checksum.to_hex(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_admin_encodes_as_wasmd_expects() {
        let any = update_admin_any("a", "bc", "def");
        assert_eq!(any.type_url, "/cosmwasm.wasm.v1.MsgUpdateAdmin");
        assert_eq!(any.value, b"\x0a\x01a\x12\x02bc\x1a\x03def".to_vec());
        let long = "x".repeat(200);
        let any = update_admin_any(&long, "", "");
        assert_eq!(&any.value[..3], &[0x0a, 0xc8, 0x01]);
    }

    #[test]
    fn every_network_file_makes_a_chain_info() {
        for name in crate::networks::known() {
            let n = crate::networks::load(&name).unwrap();
            let info = chain_info(&n).unwrap();
            assert_eq!(info.chain_id, n.chain_id);
            assert!(info.gas_price > 0.0);
            assert_eq!(info.network_info.pub_address_prefix, n.bech32_prefix);
        }
    }
}
