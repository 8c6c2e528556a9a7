//! The circuit breaker every value-taking contract shares: the guardian (until its sunset) and
//! the owner (the DAO, always) can pause a contract's entry of new value — new jobs, stakes,
//! payments, mints, purchases, bids, subscriptions — while every exit stays open (claims,
//! refunds, unbonding, bond withdrawal, settlement of what is already paid, redemption).
//!
//! Unpausing is the owner's; the guardian may lift only a pause it made itself. The owner sets
//! the guardian and its sunset (the DAO's foundation guardian at genesis); a sunset, once set,
//! only moves earlier. A contract that never stored a circuit is open and has no guardian.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    ensure, Addr, DepsMut, Env, MessageInfo, Response, StdError, Storage, Timestamp,
};
use cw_storage_plus::Item;

/// The circuit of a contract.
#[cw_serde]
#[derive(Default)]
pub struct Circuit {
    /// May pause until `sunset`.
    pub guardian: Option<Addr>,
    /// From then on the guardian has no power.
    pub sunset: Option<Timestamp>,
    /// The pause in force, if any.
    pub paused: Option<Pause>,
}

/// A pause in force.
#[cw_serde]
pub struct Pause {
    /// The guardian or the DAO.
    pub by: Addr,
    /// True when the guardian paused (and may lift it).
    pub by_guardian: bool,
    /// When it was paused.
    pub at: Timestamp,
    /// Why (at most 256 bytes).
    pub reason: String,
}

/// The circuit breaker's messages, one `Circuit(..)` variant of each contract's `ExecuteMsg`.
#[cw_serde]
pub enum CircuitMsg {
    /// The guardian (before its sunset) or the owner: stops new value coming in. No funds.
    Pause {
        /// Why, for the event (1 to 256 bytes).
        reason: String,
    },
    /// The owner, or the guardian for a pause it made: lets new value in again. No funds.
    Unpause {},
    /// The owner: appoints the guardian (or none) and its sunset, which may only move earlier
    /// once set. No funds.
    SetGuardian {
        /// The guardian; `None` removes it.
        guardian: Option<String>,
        /// When its power ends (in the future).
        sunset: Timestamp,
    },
}

/// Why the circuit refused something.
#[derive(thiserror::Error, Debug, PartialEq)]
pub enum CircuitError {
    /// New value is paused.
    #[error("paused since {at} by {by}: {reason}; exits stay open")]
    Paused {
        /// The guardian or the DAO.
        by: Addr,
        /// When it was paused.
        at: Timestamp,
        /// Why it was paused, shown to users.
        reason: String,
    },
    /// Not the owner, nor the guardian before its sunset.
    #[error("only the owner or the guardian before its sunset may pause")]
    NotPauser,
    /// Not the owner, nor the guardian lifting its own pause.
    #[error("only the owner may unpause (the guardian only a pause it made)")]
    NotUnpauser,
    /// Nothing to unpause.
    #[error("not paused")]
    NotPaused,
    /// Already paused.
    #[error("already paused")]
    AlreadyPaused,
    /// A reason outside 1–256 bytes.
    #[error("a pause needs a reason of 1 to 256 bytes")]
    BadReason,
    /// A sunset in the past, or later than the one set.
    #[error("the guardian's sunset must be in the future and never later than {current}")]
    BadSunset {
        /// The sunset in force.
        current: Timestamp,
    },
    /// Funds attached, or an address or ownership error.
    #[error("{0}")]
    Std(#[from] StdError),
    /// The owner check.
    #[error("{0}")]
    Ownership(#[from] cw_ownable::OwnershipError),
    /// Funds attached.
    #[error("{0}")]
    Payment(#[from] cw_utils::PaymentError),
}

/// The circuit, in storage.
pub const CIRCUIT: Item<Circuit> = Item::new("circuit");

/// The circuit as stored, or open with no guardian.
pub fn load(storage: &dyn Storage) -> Result<Circuit, StdError> {
    Ok(CIRCUIT.may_load(storage)?.unwrap_or_default())
}

/// Fails with `Paused` while new value is paused. Every entry of new value calls it first.
pub fn ensure_open(storage: &dyn Storage) -> Result<(), CircuitError> {
    match load(storage)?.paused {
        Some(p) => Err(CircuitError::Paused {
            by: p.by,
            at: p.at,
            reason: p.reason,
        }),
        None => Ok(()),
    }
}

fn is_owner(storage: &dyn Storage, who: &Addr) -> Result<bool, CircuitError> {
    match cw_ownable::assert_owner(storage, who) {
        Ok(()) => Ok(true),
        Err(cw_ownable::OwnershipError::NotOwner) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn guardian_active(c: &Circuit, who: &Addr, now: Timestamp) -> bool {
    c.guardian.as_ref() == Some(who) && c.sunset.is_some_and(|s| now < s)
}

/// Handles a [`CircuitMsg`] for a cw-ownable contract.
pub fn execute(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    msg: CircuitMsg,
) -> Result<Response, CircuitError> {
    cw_utils::nonpayable(info)?;
    let mut c = load(deps.storage)?;
    let now = env.block.time;
    let owner = is_owner(deps.storage, &info.sender)?;
    let res = match msg {
        CircuitMsg::Pause { reason } => {
            if !owner && !guardian_active(&c, &info.sender, now) {
                return Err(CircuitError::NotPauser);
            }
            ensure!(c.paused.is_none(), CircuitError::AlreadyPaused);
            if reason.is_empty() || reason.len() > 256 {
                return Err(CircuitError::BadReason);
            }
            c.paused = Some(Pause {
                by: info.sender.clone(),
                by_guardian: !owner,
                at: now,
                reason: reason.clone(),
            });
            Response::new()
                .add_attribute("action", "pause")
                .add_attribute("by", &info.sender)
                .add_attribute("reason", reason)
        }
        CircuitMsg::Unpause {} => {
            let p = c.paused.as_ref().ok_or(CircuitError::NotPaused)?;
            let own_pause = p.by_guardian && p.by == info.sender;
            if !owner && !own_pause {
                return Err(CircuitError::NotUnpauser);
            }
            c.paused = None;
            Response::new()
                .add_attribute("action", "unpause")
                .add_attribute("by", &info.sender)
        }
        CircuitMsg::SetGuardian { guardian, sunset } => {
            cw_ownable::assert_owner(deps.storage, &info.sender)?;
            let current = c.sunset;
            if sunset <= now || current.is_some_and(|s| sunset > s) {
                return Err(CircuitError::BadSunset {
                    current: current.unwrap_or(sunset),
                });
            }
            c.guardian = guardian.map(|g| deps.api.addr_validate(&g)).transpose()?;
            c.sunset = Some(sunset);
            Response::new()
                .add_attribute("action", "set_guardian")
                .add_attribute(
                    "guardian",
                    c.guardian.as_ref().map_or("none".into(), |g| g.to_string()),
                )
                .add_attribute("sunset", sunset.seconds().to_string())
        }
    };
    CIRCUIT.save(deps.storage, &c)?;
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
    use cosmwasm_std::{coins, OwnedDeps};

    type Deps = OwnedDeps<
        cosmwasm_std::MemoryStorage,
        cosmwasm_std::testing::MockApi,
        cosmwasm_std::testing::MockQuerier,
    >;

    fn setup() -> (Deps, Env) {
        let mut deps = mock_dependencies();
        let env = mock_env();
        let owner = deps.api.addr_make("dao");
        cw_ownable::initialize_owner(&mut deps.storage, &deps.api, Some(owner.as_str())).unwrap();
        let guardian = deps.api.addr_make("guardian").to_string();
        let info = message_info(&owner, &[]);
        execute(
            deps.as_mut(),
            &env,
            &info,
            CircuitMsg::SetGuardian {
                guardian: Some(guardian),
                sunset: env.block.time.plus_seconds(100),
            },
        )
        .unwrap();
        (deps, env)
    }

    fn run(
        deps: &mut Deps,
        env: &Env,
        who: &str,
        msg: CircuitMsg,
    ) -> Result<Response, CircuitError> {
        let sender = deps.api.addr_make(who);
        execute(deps.as_mut(), env, &message_info(&sender, &[]), msg)
    }

    fn pause() -> CircuitMsg {
        CircuitMsg::Pause {
            reason: "oracle bug".into(),
        }
    }

    #[test]
    fn the_guardian_pauses_until_its_sunset_and_lifts_only_its_own_pause() {
        let (mut deps, mut env) = setup();
        assert!(ensure_open(&deps.storage).is_ok());
        run(&mut deps, &env, "guardian", pause()).unwrap();
        assert!(matches!(
            ensure_open(&deps.storage),
            Err(CircuitError::Paused { .. })
        ));
        assert_eq!(
            run(&mut deps, &env, "guardian", pause()).unwrap_err(),
            CircuitError::AlreadyPaused
        );
        run(&mut deps, &env, "guardian", CircuitMsg::Unpause {}).unwrap();
        // a pause by the DAO is the DAO's to lift
        run(&mut deps, &env, "dao", pause()).unwrap();
        assert_eq!(
            run(&mut deps, &env, "guardian", CircuitMsg::Unpause {}).unwrap_err(),
            CircuitError::NotUnpauser
        );
        run(&mut deps, &env, "dao", CircuitMsg::Unpause {}).unwrap();
        // after the sunset only the DAO pauses
        env.block.time = env.block.time.plus_seconds(100);
        assert_eq!(
            run(&mut deps, &env, "guardian", pause()).unwrap_err(),
            CircuitError::NotPauser
        );
        run(&mut deps, &env, "dao", pause()).unwrap();
    }

    #[test]
    fn nobody_else_pauses_unpauses_or_appoints() {
        let (mut deps, env) = setup();
        assert_eq!(
            run(&mut deps, &env, "mallory", pause()).unwrap_err(),
            CircuitError::NotPauser
        );
        run(&mut deps, &env, "dao", pause()).unwrap();
        assert_eq!(
            run(&mut deps, &env, "mallory", CircuitMsg::Unpause {}).unwrap_err(),
            CircuitError::NotUnpauser
        );
        let appoint = CircuitMsg::SetGuardian {
            guardian: Some(deps.api.addr_make("mallory").to_string()),
            sunset: env.block.time.plus_seconds(50),
        };
        assert!(matches!(
            run(&mut deps, &env, "mallory", appoint).unwrap_err(),
            CircuitError::Ownership(_)
        ));
        let mallory = deps.api.addr_make("mallory");
        assert!(matches!(
            execute(
                deps.as_mut(),
                &env,
                &message_info(&mallory, &coins(1, "uusdc")),
                CircuitMsg::Unpause {}
            )
            .unwrap_err(),
            CircuitError::Payment(_)
        ));
    }

    #[test]
    fn a_sunset_only_moves_earlier_and_a_reason_is_bounded() {
        let (mut deps, env) = setup();
        let later = CircuitMsg::SetGuardian {
            guardian: None,
            sunset: env.block.time.plus_seconds(101),
        };
        assert!(matches!(
            run(&mut deps, &env, "dao", later).unwrap_err(),
            CircuitError::BadSunset { .. }
        ));
        let earlier = CircuitMsg::SetGuardian {
            guardian: None,
            sunset: env.block.time.plus_seconds(10),
        };
        run(&mut deps, &env, "dao", earlier).unwrap();
        assert_eq!(
            run(&mut deps, &env, "guardian", pause()).unwrap_err(),
            CircuitError::NotPauser,
            "removed"
        );
        let long = CircuitMsg::Pause {
            reason: "x".repeat(257),
        };
        assert_eq!(
            run(&mut deps, &env, "dao", long).unwrap_err(),
            CircuitError::BadReason
        );
    }
}
