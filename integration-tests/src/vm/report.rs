//! The gas of every call: per transaction and over the chain's life.

/// The gas of one contract call within a transaction.
#[derive(Debug, Clone)]
pub struct CallGas {
    pub contract: String,
    pub entry_point: &'static str,
    /// CosmWasm gas used by wasm execution, host functions and the queries it made.
    pub gas: u64,
}

/// What a transaction did: the gas of each contract call, depth-first.
#[derive(Debug, Clone, Default)]
pub struct TxReport {
    pub calls: Vec<CallGas>,
}

impl TxReport {
    /// Σ gas of all calls of the transaction.
    pub fn total_gas(&self) -> u64 {
        self.calls.iter().map(|c| c.gas).sum()
    }
}

/// Prints a transaction's total gas and the gas of each of its calls.
pub fn print_gas(step: &str, report: &TxReport) {
    let calls: Vec<String> = report
        .calls
        .iter()
        .map(|c| format!("{}.{} {}", c.contract, c.entry_point, c.gas))
        .collect();
    println!(
        "gas {step:<22} {:>12}  ({})",
        report.total_gas(),
        calls.join(" + ")
    );
}

/// Totals over every transaction the chain ran.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChainStats {
    /// Transactions (top-level messages).
    pub txs: u64,
    /// Contract calls (execute, instantiate, reply) in them.
    pub calls: u64,
    /// Σ CosmWasm gas of those calls.
    pub gas: u64,
}
