//! What the chain and every contract's querier share: the contracts' instances (taken out for
//! the length of a call, so nested calls never alias one) and the bank of native balances.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use anyhow::{anyhow, ensure};
use cosmwasm_std::{Addr, BlockInfo, Coin, ContractInfo, Env, TransactionInfo, Uint128};

use super::*;

/// A contract on the chain; `instance` is `None` while it runs (so nested calls never alias it).
pub(super) struct Slot {
    pub(super) name: String,
    pub(super) instance: Option<VmInstance>,
    /// Its wasm admin, as the chain records it.
    pub(super) admin: Option<Addr>,
}

/// What the chain and every contract's querier share.
pub(super) struct Registry {
    pub(super) block: BlockInfo,
    pub(super) contracts: BTreeMap<String, Slot>,
    /// Stored codes by code id, for contracts that instantiate others.
    pub(super) codes: BTreeMap<u64, Vec<u8>>,
    /// Native balances: address → denom → amount.
    pub(super) bank: BTreeMap<String, BTreeMap<String, Uint128>>,
}

impl Registry {
    pub(super) fn balance(&self, who: &str, denom: &str) -> Uint128 {
        self.bank
            .get(who)
            .and_then(|coins| coins.get(denom))
            .copied()
            .unwrap_or_default()
    }

    /// Moves `coins` from `from` to `to` (`None`: burns them).
    pub(super) fn transfer(
        &mut self,
        from: &str,
        to: Option<&str>,
        coins: &[Coin],
    ) -> anyhow::Result<()> {
        for coin in coins {
            let have = self.balance(from, &coin.denom);
            ensure!(
                have >= coin.amount,
                "{from} has {have}{denom}, needs {}{denom}",
                coin.amount,
                denom = coin.denom
            );
            self.bank
                .entry(from.to_string())
                .or_default()
                .insert(coin.denom.clone(), have - coin.amount);
            if let Some(to) = to {
                self.credit(to, coin)?;
            }
        }
        Ok(())
    }

    pub(super) fn credit(&mut self, who: &str, coin: &Coin) -> anyhow::Result<()> {
        let entry = self
            .bank
            .entry(who.to_string())
            .or_default()
            .entry(coin.denom.clone())
            .or_default();
        *entry = entry.checked_add(coin.amount)?;
        Ok(())
    }
}

pub(super) type Shared = Rc<RefCell<Registry>>;

pub(super) fn env_for(block: &BlockInfo, contract: &str) -> Env {
    Env {
        block: block.clone(),
        transaction: Some(TransactionInfo { index: 0 }),
        contract: ContractInfo {
            address: Addr::unchecked(contract),
        },
    }
}

/// Takes a contract's instance out of the registry for the length of a call.
pub(super) fn take(shared: &Shared, address: &str) -> anyhow::Result<(String, VmInstance, Env)> {
    let mut registry = shared.borrow_mut();
    let env = env_for(&registry.block, address);
    let slot = registry
        .contracts
        .get_mut(address)
        .ok_or_else(|| anyhow!("no contract at {address}"))?;
    let instance = slot
        .instance
        .take()
        .ok_or_else(|| anyhow!("{} is already running (re-entrant call)", slot.name))?;
    Ok((slot.name.clone(), instance, env))
}

pub(super) fn put_back(shared: &Shared, address: &str, instance: VmInstance) {
    if let Some(slot) = shared.borrow_mut().contracts.get_mut(address) {
        slot.instance = Some(instance);
    }
}

pub(super) fn used(instance: &mut VmInstance) -> u64 {
    let report = instance.create_gas_report();
    report.used_internally + report.used_externally
}
