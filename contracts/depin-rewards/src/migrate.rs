//! `migrate`: from any earlier depin-rewards (name checked, no downgrade). State written by
//! code before epoch score rules and the pool's books is completed in constant work:
//! - the score rules in force become those of epoch 0 on (every past and open epoch keeps the
//!   rules it was scored under, as that code applied the config's at every refresh);
//! - what the pool owes is what the schedule emitted for the closed epochs less what was paid
//!   and carried: the rewards of closed epochs not claimed yet, with the rounding earlier claims
//!   left behind. Epochs closed before keep no books, so their rounding stays owed; every epoch
//!   closed from now on sends its rounding to the carry.

use btt_types::bps::Bps;
use btt_types::depin::{cumulative_emission, MigrateMsg, ScoreMultipliers};
use btt_types::migration::migrate_contract;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, DepsMut, Order, Response, StdResult, Storage, Timestamp, Uint128};
use cw_storage_plus::{Bound, Item};

use crate::config::check_payout;
use crate::epochs::add_to_carry;
use crate::score::rules_of;
use crate::state::{Config, CONFIG, EPOCHS, POOL, SCORE_RULES};
use crate::ContractError;

/// The payout rules of code before the two pools.
#[cw_serde]
struct LegacyPayout {
    min_attestations: u32,
    fee_cap: Bps,
    max_carry_release: Uint128,
}

/// The config of code before the two pools.
#[cw_serde]
struct LegacyConfig {
    token: Addr,
    escrow: Option<Addr>,
    oracles: Vec<Addr>,
    start: Timestamp,
    multipliers: ScoreMultipliers,
    payout: LegacyPayout,
}

pub fn migrate(deps: DepsMut, msg: MigrateMsg) -> Result<Response, ContractError> {
    let mut res = migrate_contract(
        deps.storage,
        crate::contract::CONTRACT_NAME,
        crate::contract::CONTRACT_VERSION,
    )?;
    let has_rules = SCORE_RULES
        .keys(deps.storage, None, None, Order::Ascending)
        .next()
        .is_some();
    if CONFIG.load(deps.storage).is_ok() {
        return Ok(res.add_attribute("state", "current"));
    }
    let legacy: LegacyConfig = Item::new("config").load(deps.storage)?;
    let payout = msg.payout.ok_or(ContractError::InvalidConfig {
        reason: "migrating from code before the two pools needs their payout rules".into(),
    })?;
    check_payout(&payout)?;
    if payout.min_attestations != legacy.payout.min_attestations {
        res = res.add_attribute("quorum_changed", "true");
    }
    let config = Config {
        token: legacy.token,
        escrow: legacy.escrow,
        oracles: legacy.oracles,
        start: legacy.start,
        multipliers: legacy.multipliers,
        payout,
    };
    CONFIG.save(deps.storage, &config)?;
    if !has_rules {
        res = add_books(deps.storage, &config, res)?;
    }
    let pool = two_pools(deps.storage, &config)?;
    Ok(res
        .add_attribute("state", "two pools from epoch")
        .add_attribute("from_epoch", pool.to_string()))
}

/// State of code before epoch score rules: the rules in force become those of epoch 0 on,
/// and the pool owes what the schedule emitted for the closed epochs less what was paid and
/// carried (the rewards of closed epochs not claimed yet, with the rounding of earlier claims).
fn add_books(storage: &mut dyn Storage, config: &Config, res: Response) -> StdResult<Response> {
    let mut rules = rules_of(config);
    rules.confirmation_epochs = 0;
    SCORE_RULES.save(storage, 0, &rules)?;
    let mut pool = POOL.load(storage)?;
    let scheduled = pool
        .closed_through
        .checked_sub(1)
        .map_or(Uint128::zero(), cumulative_emission);
    pool.owed = scheduled.checked_sub(pool.paid)?.checked_sub(pool.carry)?;
    POOL.save(storage, &pool)?;
    Ok(res
        .add_attribute("books", "score rules and the pool's books added")
        .add_attribute("owed", pool.owed))
}

/// Starts the two pools at the first epoch not closed: the closed epochs stay legacy (claimed
/// by their old rules), the score rules with the new fields apply from that epoch, the open
/// epochs' units-based scores are dropped (their emission goes to the carry at their close),
/// and the carry is released linearly from then on. Returns that epoch.
fn two_pools(storage: &mut dyn Storage, config: &Config) -> StdResult<u32> {
    let mut pool = POOL.load(storage)?;
    let from = pool.closed_through;
    pool.legacy_through = from;
    SCORE_RULES.save(storage, from, &rules_of(config))?;
    let open: Vec<u32> = EPOCHS
        .keys(
            storage,
            Some(Bound::inclusive(from)),
            None,
            Order::Ascending,
        )
        .collect::<StdResult<_>>()?;
    for epoch in open {
        EPOCHS.remove(storage, epoch);
    }
    let carry = pool.carry;
    pool.carry = Uint128::zero();
    add_to_carry(
        storage,
        &mut pool,
        carry,
        from,
        config.payout.carry_release_epochs,
    )?;
    POOL.save(storage, &pool)?;
    Ok(from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{PoolState, EPOCHS, RELEASE_ENDS, RELEASE_EXTRA, RELEASE_STARTS};
    use btt_types::depin::PayoutRules;
    use cosmwasm_std::testing::{mock_dependencies, mock_env};
    use cosmwasm_std::{Decimal256, Storage};

    fn old_state(
        deps: &mut cosmwasm_std::OwnedDeps<
            cosmwasm_std::MemoryStorage,
            cosmwasm_std::testing::MockApi,
            cosmwasm_std::testing::MockQuerier,
        >,
    ) -> Addr {
        let env = mock_env();
        cw2::set_contract_version(&mut deps.storage, crate::contract::CONTRACT_NAME, "0.0.9")
            .unwrap();
        let oracle = deps.api.addr_make("oracle-a");
        let legacy = LegacyConfig {
            token: deps.api.addr_make("btt"),
            escrow: None,
            oracles: vec![oracle.clone()],
            start: env.block.time,
            multipliers: ScoreMultipliers::suggested(&[]),
            payout: LegacyPayout {
                min_attestations: 2,
                fee_cap: Bps(5_000),
                max_carry_release: Uint128::new(5_000_000_000),
            },
        };
        Item::new("config")
            .save(&mut deps.storage, &legacy)
            .unwrap();
        // The pool and epochs as older code stored them: no books, no owed; epoch 3 open.
        deps.storage.set(
            b"pool",
            br#"{"funded":"6300000000000","paid":"50000000000","closed_through":3,"carry":"26000007","held_back":"0"}"#,
        );
        deps.storage.set(
            &EPOCHS.key(2),
            br#"{"total_score":"1","reward":"29115547529","released":"0"}"#,
        );
        deps.storage.set(
            &EPOCHS.key(3),
            br#"{"total_score":"5","reward":null,"released":"0"}"#,
        );
        oracle
    }

    #[test]
    fn the_oldest_state_gets_books_then_two_pools_from_the_first_open_epoch() {
        let mut deps = mock_dependencies();
        let oracle = old_state(&mut deps);
        let refused = migrate(deps.as_mut(), MigrateMsg::default()).unwrap_err();
        assert!(matches!(refused, ContractError::InvalidConfig { .. }));
        let msg = MigrateMsg {
            payout: Some(PayoutRules::suggested()),
        };
        let res = migrate(deps.as_mut(), msg.clone()).unwrap();
        let pool: PoolState = POOL.load(&deps.storage).unwrap();
        let scheduled = cumulative_emission(2);
        assert_eq!(
            pool.owed,
            scheduled - Uint128::new(50_000_000_000) - Uint128::new(26_000_007)
        );
        assert!(res.attributes.iter().any(|a| a.key == "owed"));
        assert_eq!(pool.legacy_through, 3);
        // The carry is released linearly over 26 epochs from epoch 3: 1,000,000 each, the 7
        // left over with the first.
        assert_eq!(pool.carry, Uint128::new(26_000_007));
        assert_eq!(
            RELEASE_STARTS.load(&deps.storage, 3).unwrap(),
            Uint128::new(1_000_000)
        );
        assert_eq!(
            RELEASE_EXTRA.load(&deps.storage, 3).unwrap(),
            Uint128::new(7)
        );
        assert_eq!(
            RELEASE_ENDS.load(&deps.storage, 29).unwrap(),
            Uint128::new(1_000_000)
        );
        let (from, rules) = crate::score::rules_for(&deps.storage, 2).unwrap();
        assert_eq!((from, rules.oracles), (0, vec![oracle]));
        let (from, rules) = crate::score::rules_for(&deps.storage, 7).unwrap();
        assert_eq!((from, rules.confirmation_epochs), (3, 8));
        let old_epoch = EPOCHS.load(&deps.storage, 2).unwrap();
        assert_eq!(old_epoch.books, None, "no books: its rounding stays owed");
        assert_eq!(old_epoch.total_score, Decimal256::one());
        assert!(
            !EPOCHS.has(&deps.storage, 3),
            "the open epoch's old scores are dropped"
        );
        assert_eq!(
            CONFIG.load(&deps.storage).unwrap().payout,
            PayoutRules::suggested()
        );
        // Migrating again changes nothing.
        let again = migrate(deps.as_mut(), msg).unwrap();
        assert!(again.attributes.iter().any(|a| a.value == "current"));
        assert_eq!(POOL.load(&deps.storage).unwrap(), pool);
    }
}
