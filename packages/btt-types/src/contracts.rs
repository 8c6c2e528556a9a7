//! The suite's contracts, written once. The deployment uploads [`CODES`] in this order; the
//! embedded chain's wrappers, the network route's artifacts, the schema writer and the manifest
//! all go through [`Code`]. (The scripts list the crates under `contracts/`.) A new contract is
//! one variant here, and the compiler then names every place that must know it.

use std::collections::BTreeMap;

use cosmwasm_schema::cw_serde;

/// A contract code of the suite.
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// btt-token: the fixed-supply cw20.
    Token,
    /// btt-vesting: the genesis unlock schedules.
    Vesting,
    /// btt-staking: stakes, voting power, fee tiers and stakers' rewards.
    Staking,
    /// btt-dao: proposals, votes, the timelock and the treasury.
    Dao,
    /// compute-escrow: compute jobs, nodes and their bonds.
    Escrow,
    /// depin-rewards: the mining emission by epoch.
    Depin,
    /// incentive-points: provider subscriptions and patient points.
    Points,
    /// payfi: invoices, payments and settlement.
    Payfi,
    /// rwa-nft: medical-asset NFTs.
    Nft,
    /// rwa-shares: the cw20 shares of one vault (instantiated by the fractionalizer).
    Shares,
    /// rwa-fractionalizer: vaults, the share market, income and buyouts.
    Vaults,
}

/// Every code, in the order the deployment stores them.
pub const CODES: [Code; 11] = [
    Code::Token,
    Code::Vesting,
    Code::Staking,
    Code::Dao,
    Code::Escrow,
    Code::Depin,
    Code::Points,
    Code::Payfi,
    Code::Nft,
    Code::Shares,
    Code::Vaults,
];

impl Code {
    /// The crate's name, which is also its name in the manifest and the deploy logs.
    pub const fn name(self) -> &'static str {
        match self {
            Code::Token => "btt-token",
            Code::Vesting => "btt-vesting",
            Code::Staking => "btt-staking",
            Code::Dao => "btt-dao",
            Code::Escrow => "compute-escrow",
            Code::Depin => "depin-rewards",
            Code::Points => "incentive-points",
            Code::Payfi => "payfi",
            Code::Nft => "rwa-nft",
            Code::Shares => "rwa-shares",
            Code::Vaults => "rwa-fractionalizer",
        }
    }

    /// The code of a crate name.
    pub fn from_name(name: &str) -> Option<Code> {
        CODES.into_iter().find(|c| c.name() == name)
    }

    /// The optimized artifact's file name in `artifacts/`.
    pub fn artifact(self) -> String {
        format!("{}.wasm", self.name().replace('-', "_"))
    }

    /// Instantiated once at genesis (rwa-shares is instantiated by each vault instead).
    pub const fn is_genesis_instance(self) -> bool {
        !matches!(self, Code::Shares)
    }

    /// Has a cw-ownable owner, handed to the DAO at genesis (the token has none, the DAO owns
    /// itself, and each vault owns its shares).
    pub const fn is_owned(self) -> bool {
        !matches!(self, Code::Token | Code::Dao | Code::Shares)
    }

    /// Has a circuit breaker, whose guardian genesis appoints.
    pub const fn has_circuit(self) -> bool {
        matches!(
            self,
            Code::Staking | Code::Escrow | Code::Points | Code::Payfi | Code::Nft | Code::Vaults
        )
    }
}

/// The code id of every stored code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeIds(pub BTreeMap<Code, u64>);

impl CodeIds {
    /// The id of `code`; panics when it was never stored (a deployment stores all of them).
    pub fn get(&self, code: Code) -> u64 {
        self.0[&code]
    }

    /// Every code with its id, in upload order.
    pub fn by_name(&self) -> BTreeMap<String, u64> {
        self.0
            .iter()
            .map(|(c, id)| (c.name().to_string(), *id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_artifacts_are_unique_and_round_trip() {
        for (i, code) in CODES.iter().enumerate() {
            assert_eq!(Code::from_name(code.name()), Some(*code));
            assert!(!CODES[..i].contains(code));
        }
        assert_eq!(Code::Vaults.artifact(), "rwa_fractionalizer.wasm");
        assert_eq!(CODES.iter().filter(|c| c.is_genesis_instance()).count(), 10);
    }

    #[test]
    fn the_scripts_list_of_crates_is_this_table() {
        // scripts/env.sh builds every folder under contracts/.
        // The package directory of this run (a binary built in another checkout still reads this one).
        let root = std::env::var("CARGO_MANIFEST_DIR")
            .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
        let dir = std::path::Path::new(&root).join("../../contracts");
        let mut folders: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        folders.sort();
        let mut names: Vec<String> = CODES.iter().map(|c| c.name().to_string()).collect();
        names.sort();
        assert_eq!(folders, names);
    }
}
