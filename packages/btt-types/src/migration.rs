//! The guard every `migrate` entry point runs: same contract, never a downgrade.

use cosmwasm_std::{ensure, from_json, to_json_vec, Response, StdError, Storage};
use semver::Version;
use serde::{de::DeserializeOwned, Serialize};
use thiserror::Error;

/// Why a migration was refused.
#[derive(Error, Debug, PartialEq)]
pub enum MigrationError {
    #[error("{0}")]
    Std(#[from] StdError),

    #[error("cannot migrate: stored contract is {found}, this code is {expected}")]
    WrongContract { expected: String, found: String },

    #[error("cannot migrate: version {version} is not semver")]
    InvalidVersion { version: String },

    #[error("cannot migrate from {from} down to {to}")]
    Downgrade { from: String, to: String },

    #[error("this migration moves the fees to the fee router: give `fee_routing`")]
    NeedsFeeRouting,
}

/// Moves the item stored at `key` to this code's shape: when it already parses as `Current`,
/// nothing happens and `false` is returned; otherwise it is read as `Legacy`, `upgrade`d and
/// saved, and `true` is returned. Constant work: one item.
pub fn upgrade_item<Current, Legacy, E>(
    storage: &mut dyn Storage,
    key: &[u8],
    upgrade: impl FnOnce(Legacy) -> Result<Current, E>,
) -> Result<bool, E>
where
    Current: Serialize + DeserializeOwned,
    Legacy: DeserializeOwned,
    E: From<StdError>,
{
    let raw = storage
        .get(key)
        .ok_or_else(|| StdError::not_found(String::from_utf8_lossy(key)))?;
    if from_json::<Current>(&raw).is_ok() {
        return Ok(false);
    }
    let new = upgrade(from_json::<Legacy>(&raw)?)?;
    storage.set(key, &to_json_vec(&new)?);
    Ok(true)
}

/// Checks the cw2 record of the stored contract against this code, refuses another contract or a
/// downgrade, and records the new version. Migrating to the same version is allowed (a no-op
/// re-store of the same code). Returns the version migrated from.
pub fn ensure_upgrade(
    storage: &mut dyn Storage,
    name: &str,
    version: &str,
) -> Result<String, MigrationError> {
    let stored = cw2::get_contract_version(storage)?;
    ensure!(
        stored.contract == name,
        MigrationError::WrongContract {
            expected: name.to_string(),
            found: stored.contract,
        }
    );
    let parse = |v: &str| {
        Version::parse(v).map_err(|_| MigrationError::InvalidVersion {
            version: v.to_string(),
        })
    };
    ensure!(
        parse(&stored.version)? <= parse(version)?,
        MigrationError::Downgrade {
            from: stored.version,
            to: version.to_string(),
        }
    );
    cw2::set_contract_version(storage, name, version)?;
    Ok(stored.version)
}

/// The whole body of a contract's `migrate` entry point: [`ensure_upgrade`], then a response
/// with `action = migrate`, `from_version` and `to_version`.
pub fn migrate_contract(
    storage: &mut dyn Storage,
    name: &str,
    version: &str,
) -> Result<Response, MigrationError> {
    let from = ensure_upgrade(storage, name, version)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", from)
        .add_attribute("to_version", version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    fn stored(name: &str, version: &str) -> MockStorage {
        let mut storage = MockStorage::new();
        cw2::set_contract_version(&mut storage, name, version).unwrap();
        storage
    }

    #[test]
    fn upgrades_and_records_the_new_version() {
        let mut storage = stored("crates.io:btt-token", "0.1.0");
        let from = ensure_upgrade(&mut storage, "crates.io:btt-token", "0.2.0").unwrap();
        assert_eq!(from, "0.1.0");
        assert_eq!(
            cw2::get_contract_version(&storage).unwrap().version,
            "0.2.0"
        );
    }

    #[test]
    fn refuses_another_contract() {
        let mut storage = stored("crates.io:cw20-base", "0.1.0");
        let err = ensure_upgrade(&mut storage, "crates.io:btt-token", "0.2.0").unwrap_err();
        assert!(matches!(err, MigrationError::WrongContract { .. }));
    }

    #[test]
    fn refuses_a_downgrade() {
        let mut storage = stored("crates.io:btt-token", "1.2.0");
        let err = ensure_upgrade(&mut storage, "crates.io:btt-token", "1.1.9").unwrap_err();
        assert_eq!(
            err,
            MigrationError::Downgrade {
                from: "1.2.0".into(),
                to: "1.1.9".into()
            }
        );
    }

    #[test]
    fn refuses_a_version_that_is_not_semver() {
        let mut storage = stored("crates.io:btt-token", "latest");
        let err = ensure_upgrade(&mut storage, "crates.io:btt-token", "0.2.0").unwrap_err();
        assert!(matches!(err, MigrationError::InvalidVersion { .. }));
    }
}
