//! What a deployment left on a chain: the ten contracts, the code ids and checksums, the vesting
//! schedule of each vested row and the genesis plan. Chain-agnostic: the embedded chain, the
//! dry run, the artifacts in cosmwasm-vm and a real node all return one.

use std::collections::BTreeMap;

use btt_types::allocation::Category;
use btt_types::contracts::{Code, CodeIds};
use btt_types::dao::DaoContract;
use btt_types::staking::StakingContract;
use btt_types::token::TokenContract;
use btt_types::vesting::VestingContract;
use cosmwasm_std::Addr;

use crate::genesis::GenesisPlan;

/// What genesis left on the chain.
#[derive(Debug, Clone)]
pub struct Deployment {
    /// The chain deployed on.
    pub chain_id: String,
    /// Who signed the deployment.
    pub deployer: Addr,
    pub token: TokenContract,
    pub vesting: VestingContract,
    pub staking: StakingContract,
    pub dao: DaoContract,
    pub escrow: Addr,
    pub depin: Addr,
    pub points: Addr,
    pub payfi: Addr,
    pub nft: Addr,
    pub vaults: Addr,
    pub code_ids: CodeIds,
    /// SHA-256 of each uploaded code, by contract name (empty on the embedded chain, which runs
    /// the native code).
    pub checksums: BTreeMap<String, String>,
    /// The vesting schedule of each vested row.
    pub schedule_ids: BTreeMap<Category, u64>,
    pub plan: GenesisPlan,
}

impl Deployment {
    /// Every contract of the suite with its name.
    pub fn contracts(&self) -> [(&'static str, &Addr); 10] {
        [
            (Code::Token.name(), self.token.addr()),
            (Code::Vesting.name(), self.vesting.addr()),
            (Code::Staking.name(), self.staking.addr()),
            (Code::Dao.name(), self.dao.addr()),
            (Code::Escrow.name(), &self.escrow),
            (Code::Depin.name(), &self.depin),
            (Code::Points.name(), &self.points),
            (Code::Payfi.name(), &self.payfi),
            (Code::Nft.name(), &self.nft),
            (Code::Vaults.name(), &self.vaults),
        ]
    }
}
