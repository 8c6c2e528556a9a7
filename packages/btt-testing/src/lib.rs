//! Test support shared by the contract suites:
//! - [`harness`]: the [`Harness`] every suite implements (named addresses, time, execution with
//!   the contract's typed error);
//! - [`setup`]: BTT and btt-staking on cw-multi-test, set up the same way everywhere;
//! - [`fees`]: fee routing like genesis's, in test addresses;
//! - [`legacy`]: the previous code of a contract, for migration tests.

pub mod fees;
pub mod harness;
pub mod legacy;
pub mod setup;

pub use fees::*;
pub use harness::{contract_error, Harness};
pub use legacy::*;
pub use setup::*;
