//! Public networks the suite deploys to, from `deploy/networks/<name>.json` (endpoints from the
//! Cosmos chain registry; edit the file to use another node).

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};

/// A network's connection and fee settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Network {
    /// The name used on the command line.
    pub name: String,
    /// What it is.
    pub description: String,
    /// Chain id.
    pub chain_id: String,
    /// Account address prefix.
    pub bech32_prefix: String,
    /// CometBFT RPC endpoint.
    pub rpc: String,
    /// REST (LCD) endpoint, which Keplr needs to suggest the chain.
    pub rest: String,
    /// gRPC endpoint (what cw-orch's Daemon talks to).
    pub grpc: String,
    /// Denom fees are paid in.
    pub fee_denom: String,
    /// How wallets show `fee_denom` (6 decimals).
    pub fee_symbol: String,
    /// Gas price in `fee_denom`, as a decimal string.
    pub gas_price: String,
    /// BIP-44 coin type of its keys.
    pub coin_type: u32,
    /// Native denoms the payment contracts accept there.
    pub native_denoms: Vec<String>,
}

/// A `MockApi` making placeholder addresses with the network's prefix (the prefix is leaked
/// once: `MockApi` wants a `'static` one, and a program deploys to one network).
pub fn placeholder_api(network: &Network) -> cosmwasm_std::testing::MockApi {
    let prefix: &'static str = Box::leak(network.bech32_prefix.clone().into_boxed_str());
    cosmwasm_std::testing::MockApi::default().with_prefix(prefix)
}

/// A genesis config for `network`: `addr(role)` names each role, vesting starts at `start`,
/// and the payment contracts accept the network's native denoms.
pub fn network_config(
    network: &Network,
    addr: &dyn Fn(&str) -> String,
    start: cosmwasm_std::Timestamp,
) -> crate::genesis::GenesisConfig {
    let mut config = crate::roles::roles_config(addr, start);
    config.payments.native_denoms = network.native_denoms.clone();
    config.rwa.native_denoms = network.native_denoms.clone();
    // btt-staking streams the stakers' share of fees in every denom the contracts take.
    config.governance.reward_denoms = network.native_denoms.clone();
    config
}

/// The folder of network files.
pub fn networks_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/networks")
}

/// Loads `deploy/networks/<name>.json`.
pub fn load(name: &str) -> anyhow::Result<Network> {
    let path = networks_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "no network {name}: {} is missing (known: {})",
            path.display(),
            known().join(", ")
        )
    })?;
    let network: Network =
        serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))?;
    anyhow::ensure!(
        network.name == name,
        "{} names itself {}",
        path.display(),
        network.name
    );
    Ok(network)
}

/// The names of every network file.
pub fn known() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(networks_dir())
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".json")
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
