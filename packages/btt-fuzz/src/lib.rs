//! Stateful fuzzing of the whole deployed BTT suite.
//!
//! Every sequence starts from the same deployed economy ([`suite`]): genesis by the one
//! deployment routine and six months of the living economy, with the fuzzer's own actors and a
//! fake cw20 that calls itself BTT. It then applies random operations from the [`alphabet`] —
//! every user-facing execute message of the eleven contracts, whole proposals, stories whose
//! steps are priced when they run ([`due`]) and time jumps — and after each one checks the
//! [`invariants`] against the test-side [`ledger`]. A refused operation must fail with an
//! error, never a panic, and write nothing ([`storage`] counts the writes). A failing sequence
//! is cut to its shortest failing prefix and shrunk ([`sequence`]); [`report`] writes
//! `docs/fuzz-report.md`.

pub mod actors;
pub mod alphabet;
pub mod due;
pub mod invariants;
pub mod ledger;
pub mod op;
pub mod report;
pub mod sequence;
pub mod storage;
pub mod suite;
