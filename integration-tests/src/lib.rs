//! Test support for the BTT contracts across crate boundaries.
//!
//! - [`vm`]: a small chain of real cosmwasm-vm instances loaded from `artifacts/*.wasm`, with
//!   `WasmMsg::Execute` routed between them and the gas of every call recorded.
//! - [`fixtures`]: BTT and staking deployed from their artifacts the same way everywhere.
//! - [`artifacts`]: where the optimized artifacts are and the static checks a chain runs on them.
//!
//! The cw-multi-test scenarios are in `tests/` and use `btt-deploy`'s genesis routine.

pub mod artifacts;
pub mod deploy;
pub mod fixtures;
pub mod vm;
pub mod year;
