//! The local chain of `scripts/localnet.sh` (network `local`): its test accounts, from
//! `deploy/localnet/accounts.json`, and the local genesis plan, whose clocks are short enough
//! for the live tests to wait them out.

use std::path::{Path, PathBuf};

use anyhow::Context;
use btt_types::units::MONTH_SECONDS;
use cosmwasm_std::Timestamp;
use serde::Deserialize;

use crate::genesis::GenesisConfig;
use crate::networks::{network_config, Network};

/// The network name of the local chain.
pub const LOCAL: &str = "local";

/// How far back the local plan starts vesting: a year, so that the institutions' rows (3-month
/// delay) and BitHive's (6 months) are claimable at once.
pub const LOCAL_VESTING_AGE_SECONDS: u64 = 12 * MONTH_SECONDS;

/// The local plan's voting period (seconds).
pub const LOCAL_VOTING_SECONDS: u64 = 24;

/// The local plan's timelock after a vote (seconds).
pub const LOCAL_TIMELOCK_SECONDS: u64 = 6;

/// The local plan's payment settlement window (seconds), and the fast one.
pub const LOCAL_SETTLEMENT_SECONDS: (u64, u64) = (20, 10);

/// The vesting start of a local deployment made at `now` (the chain's time):
/// [`LOCAL_VESTING_AGE_SECONDS`] before it.
pub fn local_start(now: Timestamp) -> Timestamp {
    now.minus_seconds(LOCAL_VESTING_AGE_SECONDS)
}

/// A test account of the local chain.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LocalAccount {
    /// Its key name in the chain's test keyring (a genesis role, or a test user).
    pub name: String,
    /// Its address (prefix `wasm`).
    pub address: String,
    /// Its mnemonic (a test key: never funded anywhere else).
    pub mnemonic: String,
}

#[derive(Deserialize)]
struct AccountsFile {
    accounts: Vec<LocalAccount>,
}

/// The file of the local chain's test accounts.
pub fn accounts_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/localnet/accounts.json")
}

/// The local chain's test accounts.
#[derive(Debug, Clone)]
pub struct LocalAccounts(pub Vec<LocalAccount>);

impl LocalAccounts {
    /// Reads `deploy/localnet/accounts.json`.
    pub fn load() -> anyhow::Result<Self> {
        let path = accounts_path();
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let file: AccountsFile =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        Ok(Self(file.accounts))
    }

    /// The account named `name`.
    pub fn get(&self, name: &str) -> anyhow::Result<&LocalAccount> {
        self.0
            .iter()
            .find(|a| a.name == name)
            .with_context(|| format!("no local account {name} in {}", accounts_path().display()))
    }

    /// The local genesis plan on `network`, vesting from `start` (see [`local_start`]): every
    /// role is the test account of its name, and votes, timelocks and settlement windows take
    /// seconds.
    pub fn plan(&self, network: &Network, start: Timestamp) -> anyhow::Result<GenesisConfig> {
        for role in crate::roles::ROLES {
            self.get(role)?;
        }
        let addr = |role: &str| {
            self.get(role)
                .map(|a| a.address.clone())
                .unwrap_or_default()
        };
        let mut config = network_config(network, &addr, start);
        config.governance.voting_period_seconds = LOCAL_VOTING_SECONDS;
        config.governance.timelock_seconds = LOCAL_TIMELOCK_SECONDS;
        let (window, fast) = LOCAL_SETTLEMENT_SECONDS;
        config.payments.settlement_seconds = window;
        if let Some(f) = config.payments.fast_settlement.as_mut() {
            f.seconds = fast;
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_of_the_plan_is_a_local_account_with_a_wasm_address() {
        let accounts = LocalAccounts::load().unwrap();
        for role in crate::roles::ROLES {
            let a = accounts.get(role).unwrap();
            assert!(a.address.starts_with("wasm1"), "{role}");
            assert_eq!(a.mnemonic.split(' ').count(), 24, "{role}");
        }
        let mut names: Vec<_> = accounts.0.iter().map(|a| &a.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), accounts.0.len(), "names are unique");
    }

    #[test]
    fn the_local_plan_starts_vesting_a_year_back_with_clocks_of_seconds() {
        let accounts = LocalAccounts::load().unwrap();
        let network = crate::networks::load(LOCAL).unwrap();
        let now = Timestamp::from_seconds(1_800_000_000);
        let config = accounts.plan(&network, local_start(now)).unwrap();
        assert_eq!(config.start.seconds(), 1_800_000_000 - 12 * MONTH_SECONDS);
        assert_eq!(config.governance.voting_period_seconds, 24);
        assert_eq!(config.governance.timelock_seconds, 6);
        assert_eq!(config.payments.settlement_seconds, 20);
        assert_eq!(
            config.payments.fast_settlement.as_ref().unwrap().seconds,
            10
        );
        assert_eq!(
            config.governance.guardian,
            accounts.get("foundation-guardian").unwrap().address
        );
        assert_eq!(config.payments.native_denoms, vec!["ustake", "uusdc"]);
        // The plan is a plan: it still hands out exactly the supply.
        let holders = crate::genesis::PoolHolders {
            mining: "d".into(),
            community: "p".into(),
            dao: "g".into(),
        };
        let plan = crate::genesis::plan(&config, &holders).unwrap();
        assert_eq!(plan.total(), btt_types::units::TOTAL_SUPPLY);
    }

    #[test]
    fn a_plan_needs_every_role_as_an_account() {
        let mut accounts = LocalAccounts::load().unwrap();
        accounts.0.retain(|a| a.name != "arbiter");
        let network = crate::networks::load(LOCAL).unwrap();
        let err = accounts
            .plan(&network, Timestamp::from_seconds(1_800_000_000))
            .unwrap_err();
        assert!(
            err.to_string().contains("no local account arbiter"),
            "{err}"
        );
    }
}
