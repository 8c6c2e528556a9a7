//! `btt-wasm-check FILE.wasm...`: the checks of `cosmwasm-check` 2.3.5 on each artifact, with
//! the capabilities of the lowest target chain (or `BTT_CHAIN_CAPABILITIES`), plus the 800 KiB
//! upload limit. It links the same cosmwasm-vm the real-wasm tests use, so wasmer is compiled
//! once for both. Exits non-zero when any artifact fails.

use btt_integration_tests::artifacts::{chain_capabilities, check_artifact};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: btt-wasm-check FILE.wasm...");
        std::process::exit(2);
    }
    let capabilities = chain_capabilities();
    let mut sorted: Vec<_> = capabilities.iter().cloned().collect();
    sorted.sort();
    println!("Available capabilities: {}", sorted.join(","));
    let mut failed = 0;
    for file in &files {
        let result = std::fs::read(file)
            .map_err(anyhow::Error::from)
            .and_then(|wasm| check_artifact(&wasm, &capabilities).map(|_| wasm.len()));
        match result {
            Ok(size) => println!("{file}: pass ({size} bytes)"),
            Err(err) => {
                println!("{file}: failure\n  {err:#}");
                failed += 1;
            }
        }
    }
    println!("checked {} artifacts: {} failing", files.len(), failed);
    if failed > 0 {
        std::process::exit(1);
    }
}
