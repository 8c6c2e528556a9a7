//! What a finished deployment must be, read back from the chain by queries alone (any
//! [`DeployChain`] that answers them: the embedded chain, the artifacts in cosmwasm-vm, a real
//! node): the DAO is wasm admin of all ten contracts and owner of the owned ones, the
//! 21,000,000 BTT sit row by row where the plan put them, and the deployer holds none.

use std::collections::BTreeMap;

use anyhow::Context;
use btt_types::allocation::Category;
use btt_types::contracts::Code;
use btt_types::units::{format_btt, TOTAL_SUPPLY};
use btt_types::vesting;
use cosmwasm_std::{Addr, Uint128};

use crate::chain::{query, DeployChain};
use crate::deployment::Deployment;

/// One row of the allocation as the chain holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    /// The row.
    pub category: Category,
    /// Where the plan put it (btt-vesting for vested rows, the pool's holder otherwise).
    pub holder: Addr,
    /// ubtt of the plan.
    pub planned: Uint128,
    /// ubtt the chain shows for it: the vesting schedule's total, or the share of the holder's
    /// balance that is this row's.
    pub on_chain: Uint128,
}

/// What the chain shows that genesis does not promise.
#[derive(thiserror::Error, Debug, PartialEq)]
pub enum AuditError {
    #[error("the total supply is {0} ubtt, not 21,000,000 BTT")]
    Supply(Uint128),
    #[error("the plan's holders and the deployer hold {0} ubtt, not the whole supply")]
    NotAllHeld(Uint128),
    #[error("{category:?}: {on_chain} ubtt on chain, {planned} planned")]
    Row {
        category: Category,
        on_chain: Uint128,
        planned: Uint128,
    },
    #[error("the deployer still holds {0} ubtt")]
    DeployerHolds(Uint128),
    #[error("{0} contracts read back, not 10")]
    Contracts(usize),
    #[error("{contract} is held by {holder:?}, not the DAO")]
    NotTheDao {
        contract: String,
        holder: Option<String>,
    },
}

/// The deployment as the chain answers for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Audit {
    /// Every row of the allocation table.
    pub rows: Vec<AuditRow>,
    /// The token's total supply.
    pub total_supply: Uint128,
    /// Σ of the balances of every holder of the plan plus the deployer.
    pub held: Uint128,
    /// What the deployer holds.
    pub deployer_balance: Uint128,
    /// Each contract with its wasm admin.
    pub admins: Vec<(String, Option<String>)>,
    /// Each owned contract with its cw-ownable owner.
    pub owners: Vec<(String, Option<String>)>,
}

fn balance<C: DeployChain>(chain: &C, d: &Deployment, who: &str) -> anyhow::Result<Uint128> {
    let answer: Option<cw20::BalanceResponse> = query(
        chain,
        d.token.addr(),
        &cw20::Cw20QueryMsg::Balance {
            address: who.to_string(),
        },
    )?;
    Ok(answer.context("the chain does not answer queries")?.balance)
}

/// Reads the deployment back from `chain`. Errors where the chain cannot answer (a dry run).
pub fn read<C: DeployChain>(chain: &C, d: &Deployment) -> anyhow::Result<Audit> {
    let mut rows = vec![];
    for planned in &d.plan.schedules {
        let id = d
            .schedule_ids
            .get(&planned.category)
            .with_context(|| format!("no schedule id for {:?}", planned.category))?;
        let stored: Option<vesting::ScheduleResponse> = query(
            chain,
            d.vesting.addr(),
            &vesting::QueryMsg::Schedule { schedule_id: *id },
        )?;
        let stored = stored
            .context("the chain does not answer queries")?
            .schedule;
        rows.push(AuditRow {
            category: planned.category,
            holder: d.vesting.addr().clone(),
            planned: planned.schedule.amount,
            on_chain: stored.total,
        });
    }
    // A pool holder's balance is split over its rows in plan order: each row gets what it
    // planned while the balance lasts, so a shortfall shows on the row it hits.
    let mut left: BTreeMap<String, Uint128> = BTreeMap::new();
    for pool in &d.plan.pools {
        if !left.contains_key(&pool.recipient) {
            left.insert(pool.recipient.clone(), balance(chain, d, &pool.recipient)?);
        }
        let rest = left.get_mut(&pool.recipient).context("holder balance")?;
        let on_chain = pool.amount.min(*rest);
        *rest -= on_chain;
        rows.push(AuditRow {
            category: pool.category,
            holder: Addr::unchecked(&pool.recipient),
            planned: pool.amount,
            on_chain,
        });
    }
    let token_info: Option<cw20::TokenInfoResponse> =
        query(chain, d.token.addr(), &cw20::Cw20QueryMsg::TokenInfo {})?;
    let total_supply = token_info.context("token info")?.total_supply;
    let deployer_balance = balance(chain, d, d.deployer.as_str())?;
    let mut held = deployer_balance + balance(chain, d, d.vesting.addr().as_str())?;
    for who in left.keys() {
        held += balance(chain, d, who)?;
    }
    let mut admins = vec![];
    let mut owners = vec![];
    for (name, addr) in d.contracts() {
        let admin = chain
            .contract_admin(addr)?
            .context("the chain does not answer queries")?;
        admins.push((name.to_string(), admin));
        let owned = Code::from_name(name).is_some_and(|c| c.is_owned());
        if owned {
            let ownership: Option<cw_ownable::Ownership<String>> =
                query(chain, addr, &vesting::QueryMsg::Ownership {})?;
            owners.push((name.to_string(), ownership.context("ownership")?.owner));
        }
    }
    Ok(Audit {
        rows,
        total_supply,
        held,
        deployer_balance,
        admins,
        owners,
    })
}

impl Audit {
    /// Errors unless the deployment is what genesis promises: the supply is 21,000,000 BTT and
    /// all of it is held by the plan's holders, each row is on chain exactly, the deployer holds
    /// 0, and the DAO (`dao`) administers all ten and owns the owned ones.
    pub fn check(&self, dao: &Addr) -> Result<(), AuditError> {
        if self.total_supply != TOTAL_SUPPLY {
            return Err(AuditError::Supply(self.total_supply));
        }
        if self.held != TOTAL_SUPPLY {
            return Err(AuditError::NotAllHeld(self.held));
        }
        if let Some(row) = self.rows.iter().find(|r| r.on_chain != r.planned) {
            return Err(AuditError::Row {
                category: row.category,
                on_chain: row.on_chain,
                planned: row.planned,
            });
        }
        if !self.deployer_balance.is_zero() {
            return Err(AuditError::DeployerHolds(self.deployer_balance));
        }
        if self.admins.len() != 10 {
            return Err(AuditError::Contracts(self.admins.len()));
        }
        for (name, holder) in self.admins.iter().chain(&self.owners) {
            if holder.as_deref() != Some(dao.as_str()) {
                return Err(AuditError::NotTheDao {
                    contract: name.clone(),
                    holder: holder.clone(),
                });
            }
        }
        Ok(())
    }

    /// The audit as the deploy program prints it (`dao`: the DAO's address).
    pub fn render(&self, dao: &Addr) -> String {
        let mut out = String::from("Read back from the chain:\n");
        for row in &self.rows {
            out.push_str(&format!(
                "  {:<34} {:>14} BTT at {}\n",
                format!("{:?}", row.category),
                format_btt(row.on_chain),
                row.holder
            ));
        }
        let rows: Uint128 = self.rows.iter().map(|r| r.on_chain).sum();
        out.push_str(&format!(
            "  {:<34} {:>14} BTT (total supply {} BTT, deployer {} BTT)\n",
            "rows",
            format_btt(rows),
            format_btt(self.total_supply),
            format_btt(self.deployer_balance)
        ));
        let by_dao = |list: &[(String, Option<String>)]| {
            list.iter()
                .filter(|(_, a)| a.as_deref() == Some(dao.as_str()))
                .count()
        };
        out.push_str(&format!(
            "  the DAO {dao} is wasm admin of {} of {} contracts and owner of {} of {}\n",
            by_dao(&self.admins),
            self.admins.len(),
            by_dao(&self.owners),
            self.owners.len()
        ));
        out
    }
}
