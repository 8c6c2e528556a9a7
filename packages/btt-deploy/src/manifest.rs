//! The deployment manifest: what a deployment left on a chain, as JSON — chain id, code ids,
//! artifact checksums, addresses with their admin, and the genesis parameters.

use std::collections::BTreeMap;

use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::Uint128;
use serde::Serialize;

use crate::deployment::Deployment;
use crate::genesis::GenesisConfig;

/// One deployed contract.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestContract {
    /// Contract name (crate name).
    pub name: String,
    /// Its address.
    pub address: String,
    /// The code it runs.
    pub code_id: u64,
    /// Its wasm admin (the DAO).
    pub admin: String,
}

/// One vesting schedule or pool of genesis.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestAllocation {
    /// Allocation category.
    pub category: String,
    /// Who holds it (beneficiary or pool contract).
    pub holder: String,
    /// ubtt.
    pub amount: Uint128,
    /// Vesting schedule id, for vested rows.
    pub schedule_id: Option<u64>,
}

/// The genesis parameters.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestGenesis {
    /// Vesting start, seconds since the epoch.
    pub start: u64,
    /// ubtt minted.
    pub total_supply: Uint128,
    /// Every row of the allocation, as deployed.
    pub allocation: Vec<ManifestAllocation>,
    /// Voting period, timelock and deposit of proposals.
    pub voting_period_seconds: u64,
    pub timelock_seconds: u64,
    pub proposal_deposit: Uint128,
    /// The foundation guardian and when its veto ends.
    pub guardian: String,
    pub guardian_sunset: u64,
    /// Compute arbiter and oracles.
    pub arbiter: String,
    pub oracles: Vec<String>,
    /// Rate feeders of payfi.
    pub feeders: Vec<String>,
    /// RWA issuers and appraisers.
    pub issuers: Vec<String>,
    pub appraisers: Vec<String>,
}

/// The manifest.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Chain id.
    pub chain_id: String,
    /// Who signed the deployment.
    pub deployer: String,
    /// Code id by contract name (rwa-shares is instantiated by the fractionalizer, per vault).
    pub code_ids: BTreeMap<String, u64>,
    /// SHA-256 of each artifact (`artifacts/checksums.txt`; on a network, of what was uploaded).
    pub checksums: BTreeMap<String, String>,
    /// The ten contracts.
    pub contracts: Vec<ManifestContract>,
    /// Genesis parameters.
    pub genesis: ManifestGenesis,
}

/// The manifest of `d`, deployed with `config`. `artifact_checksums` (file name → SHA-256)
/// fills the checksums the chain did not report.
pub fn manifest(
    d: &Deployment,
    config: &GenesisConfig,
    artifact_checksums: &BTreeMap<String, String>,
) -> Manifest {
    let ids = &d.code_ids;
    let code_ids = ids.by_name();
    let mut checksums = d.checksums.clone();
    for name in code_ids.keys() {
        let file = format!("{}.wasm", name.replace('-', "_"));
        if let Some(sum) = artifact_checksums.get(&file) {
            checksums.entry(name.clone()).or_insert_with(|| sum.clone());
        }
    }
    let dao = d.dao.addr().to_string();
    let contracts = d
        .contracts()
        .into_iter()
        .map(|(name, address)| ManifestContract {
            name: name.to_string(),
            address: address.to_string(),
            code_id: code_ids[name],
            admin: dao.clone(),
        })
        .collect();
    let mut allocation: Vec<ManifestAllocation> = d
        .plan
        .schedules
        .iter()
        .map(|s| ManifestAllocation {
            category: format!("{:?}", s.category),
            holder: s.schedule.beneficiary.clone(),
            amount: s.schedule.amount,
            schedule_id: d.schedule_ids.get(&s.category).copied(),
        })
        .collect();
    allocation.extend(d.plan.pools.iter().map(|p| ManifestAllocation {
        category: format!("{:?}", p.category),
        holder: p.recipient.clone(),
        amount: p.amount,
        schedule_id: None,
    }));
    let g = &config.governance;
    Manifest {
        chain_id: d.chain_id.clone(),
        deployer: d.deployer.to_string(),
        code_ids,
        checksums,
        contracts,
        genesis: ManifestGenesis {
            start: config.start.seconds(),
            total_supply: TOTAL_SUPPLY,
            allocation,
            voting_period_seconds: g.voting_period_seconds,
            timelock_seconds: g.timelock_seconds,
            proposal_deposit: g.deposit,
            guardian: g.guardian.clone(),
            guardian_sunset: g.guardian_sunset.seconds(),
            arbiter: config.compute.arbiter.clone(),
            oracles: config.compute.oracles.clone(),
            feeders: config.payments.feeders.clone(),
            issuers: config.rwa.issuers.clone(),
            appraisers: config.rwa.appraisers.clone(),
        },
    }
}

/// Writes `value` as pretty JSON to `path`, making its folder.
pub fn write_json(path: &std::path::Path, value: &impl Serialize) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, serde_json::to_string_pretty(value)? + "\n")?;
    Ok(())
}

/// Writes the manifest to `path`.
pub fn write(path: &std::path::Path, manifest: &Manifest) -> anyhow::Result<()> {
    write_json(path, manifest)
}
