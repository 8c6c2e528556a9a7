//! The optimized artifacts and the checks a chain runs when they are stored.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use cosmwasm_vm::internals::{check_wasm, compile_module, Logger};
use cosmwasm_vm::{capabilities_from_csv, WasmLimits};

/// Capabilities of the lowest target chain (Neutron pion-1, wasmd 0.51, CosmWasm 2.0).
pub const CHAIN_CAPABILITIES: &str =
    "iterator,staking,stargate,cosmwasm_1_1,cosmwasm_1_2,cosmwasm_1_3,cosmwasm_1_4,cosmwasm_2_0";

/// wasmd's default upload limit.
pub const MAX_WASM_BYTES: usize = 800 * 1024;

/// The workspace's `artifacts/` folder, or `BTT_ARTIFACTS_DIR` (another release profile's
/// artifacts, measured by `scripts/wasm-profiles.sh`).
pub fn artifacts_dir() -> PathBuf {
    match std::env::var_os("BTT_ARTIFACTS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts"),
    }
}

/// Reads `artifacts/<name>.wasm`; an error (never a skip) when it is missing.
pub fn read_artifact(name: &str) -> anyhow::Result<Vec<u8>> {
    let path = artifacts_dir().join(format!("{name}.wasm"));
    std::fs::read(&path).with_context(|| {
        format!(
            "artifact {} is missing: build it with scripts/build-wasm.sh",
            path.display()
        )
    })
}

/// The capability set from `BTT_CHAIN_CAPABILITIES`, or the lowest target chain's.
pub fn chain_capabilities() -> HashSet<String> {
    let csv = std::env::var("BTT_CHAIN_CAPABILITIES").unwrap_or_else(|_| CHAIN_CAPABILITIES.into());
    capabilities_from_csv(&csv)
}

/// The checks of `cosmwasm-check` 2.3.5 (same `check_wasm` and compilation of cosmwasm-vm
/// 2.3.5): memories, exports, imports, capabilities, non-determinism, and that it compiles.
/// Adds the 800 KiB upload limit.
pub fn check_artifact(wasm: &[u8], capabilities: &HashSet<String>) -> anyhow::Result<()> {
    if wasm.len() > MAX_WASM_BYTES {
        bail!(
            "{} bytes is over the {} byte upload limit",
            wasm.len(),
            MAX_WASM_BYTES
        );
    }
    check_wasm(wasm, capabilities, &WasmLimits::default(), Logger::Off)?;
    compile_module(wasm, None)?;
    Ok(())
}
