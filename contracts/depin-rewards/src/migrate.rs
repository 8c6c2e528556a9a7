//! `migrate`: from any earlier depin-rewards (name checked, no downgrade). State written by
//! code before epoch score rules and the pool's books is completed in constant work:
//! - the score rules in force become those of epoch 0 on (every past and open epoch keeps the
//!   rules it was scored under, as that code applied the config's at every refresh);
//! - what the pool owes is what the schedule emitted for the closed epochs less what was paid
//!   and carried: the rewards of closed epochs not claimed yet, with the rounding earlier claims
//!   left behind. Epochs closed before keep no books, so their rounding stays owed; every epoch
//!   closed from now on sends its rounding to the carry.

use btt_types::depin::{cumulative_emission, MigrateMsg};
use btt_types::migration::migrate_contract;
use cosmwasm_std::{DepsMut, Order, Response, Uint128};

use crate::score::rules_of;
use crate::state::{CONFIG, POOL, SCORE_RULES};
use crate::ContractError;

pub fn migrate(deps: DepsMut, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_contract(
        deps.storage,
        crate::contract::CONTRACT_NAME,
        crate::contract::CONTRACT_VERSION,
    )?;
    let has_rules = SCORE_RULES
        .keys(deps.storage, None, None, Order::Ascending)
        .next()
        .is_some();
    if has_rules {
        return Ok(res.add_attribute("state", "current"));
    }
    let config = CONFIG.load(deps.storage)?;
    SCORE_RULES.save(deps.storage, 0, &rules_of(&config))?;
    let mut pool = POOL.load(deps.storage)?;
    let scheduled = pool
        .closed_through
        .checked_sub(1)
        .map_or(Uint128::zero(), cumulative_emission);
    pool.owed = scheduled.checked_sub(pool.paid)?.checked_sub(pool.carry)?;
    POOL.save(deps.storage, &pool)?;
    Ok(res
        .add_attribute("state", "score rules and the pool's books added")
        .add_attribute("owed", pool.owed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Config, PoolState, EPOCHS};
    use btt_types::depin::{PayoutRules, ScoreMultipliers};
    use cosmwasm_std::testing::{mock_dependencies, mock_env};
    use cosmwasm_std::{Decimal256, Storage};

    #[test]
    fn older_state_gets_epoch_0_score_rules_and_owes_what_was_neither_paid_nor_carried() {
        let mut deps = mock_dependencies();
        let env = mock_env();
        cw2::set_contract_version(&mut deps.storage, crate::contract::CONTRACT_NAME, "0.0.9")
            .unwrap();
        let oracle = deps.api.addr_make("oracle-a");
        let config = Config {
            token: deps.api.addr_make("btt"),
            escrow: None,
            oracles: vec![oracle.clone()],
            start: env.block.time,
            multipliers: ScoreMultipliers::suggested(&[]),
            payout: PayoutRules::suggested(),
        };
        CONFIG.save(&mut deps.storage, &config).unwrap();
        // The pool and an epoch as older code stored them: no books, no owed.
        deps.storage.set(
            b"pool",
            br#"{"funded":"6300000000000","paid":"50000000000","closed_through":3,"carry":"7","held_back":"0"}"#,
        );
        deps.storage.set(
            &EPOCHS.key(2),
            br#"{"total_score":"1","reward":"29115547529","released":"0"}"#,
        );
        let res = migrate(deps.as_mut(), MigrateMsg {}).unwrap();
        let pool: PoolState = POOL.load(&deps.storage).unwrap();
        let scheduled = cumulative_emission(2);
        assert_eq!(
            pool.owed,
            scheduled - Uint128::new(50_000_000_000) - Uint128::new(7)
        );
        assert!(res.attributes.iter().any(|a| a.key == "owed"));
        let (from, rules) = crate::score::rules_for(&deps.storage, 7).unwrap();
        assert_eq!((from, rules.oracles), (0, vec![oracle]));
        let old_epoch = EPOCHS.load(&deps.storage, 2).unwrap();
        assert_eq!(old_epoch.books, None, "no books: its rounding stays owed");
        assert_eq!(old_epoch.total_score, Decimal256::one());
        // Migrating again changes nothing.
        let again = migrate(deps.as_mut(), MigrateMsg {}).unwrap();
        assert!(again.attributes.iter().any(|a| a.value == "current"));
        assert_eq!(POOL.load(&deps.storage).unwrap().owed, pool.owed);
    }
}
