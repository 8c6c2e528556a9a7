//! Provider subscriptions and referral rewards.

use btt_types::points::{Provider, SUBSCRIPTION_SECONDS};
use btt_types::token::TokenContract;
use cosmwasm_std::{Addr, CosmosMsg, DepsMut, Env, Response, Storage, Timestamp, Uint128};

use crate::state::{Config, CONFIG, POOL, PROVIDERS};
use crate::ContractError;

/// True while the subscription runs.
pub fn is_active(provider: &Provider, now: Timestamp) -> bool {
    now < provider.active_until
}

/// The `Subscribe` hook: exactly the tier's price, for 30 more days; paid to the treasury.
pub fn subscribe(
    deps: DepsMut,
    env: Env,
    provider: Addr,
    paid: Uint128,
    tier: u32,
    referrer: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let t = config
        .rules
        .tiers
        .get(tier as usize)
        .ok_or(ContractError::UnknownTier { tier })?;
    if paid != t.price {
        return Err(ContractError::WrongPayment {
            expected: t.price,
            sent: paid,
        });
    }
    let existing = PROVIDERS.may_load(deps.storage, &provider)?;
    let referrer = match (&existing, referrer) {
        (None, Some(r)) => {
            let r = deps.api.addr_validate(&r)?;
            if r == provider || !PROVIDERS.has(deps.storage, &r) {
                return Err(ContractError::InvalidReferrer {
                    referrer: r.to_string(),
                });
            }
            Some(r)
        }
        (Some(p), _) => p.referrer.clone(),
        (None, None) => None,
    };
    let mut p = existing.unwrap_or(Provider {
        tier,
        active_until: env.block.time,
        referrer,
        points_awarded: 0,
        next_milestone: 0,
    });
    p.tier = tier;
    let from = if is_active(&p, env.block.time) {
        p.active_until
    } else {
        env.block.time
    };
    p.active_until = from.plus_seconds(SUBSCRIPTION_SECONDS);
    PROVIDERS.save(deps.storage, &provider, &p)?;
    let fee = TokenContract(config.token).transfer_msg(&config.treasury, paid)?;
    Ok(Response::new()
        .add_message(fee)
        .add_attribute("action", "subscribe")
        .add_attribute("provider", provider)
        .add_attribute("tier", &t.name)
        .add_attribute("active_until", p.active_until.seconds().to_string()))
}

/// After `provider` awarded more points, pays its referrer every milestone it has now passed
/// (at most 16), once each, from the pool.
pub fn referral_rewards(
    storage: &mut dyn Storage,
    config: &Config,
    provider: &Addr,
) -> Result<Vec<CosmosMsg>, ContractError> {
    let mut p = PROVIDERS.load(storage, provider)?;
    let Some(referrer) = p.referrer.clone() else {
        return Ok(vec![]);
    };
    let mut pool = POOL.load(storage)?;
    let mut msgs = vec![];
    while let Some(m) = config.rules.milestones.get(p.next_milestone as usize) {
        if p.points_awarded < m.points_awarded {
            break;
        }
        if pool.balance() < m.reward {
            return Err(ContractError::PoolExhausted {
                amount: m.reward,
                balance: pool.balance(),
            });
        }
        pool.referrals += m.reward;
        p.next_milestone += 1;
        msgs.push(TokenContract(config.token.clone()).transfer_msg(&referrer, m.reward)?);
    }
    POOL.save(storage, &pool)?;
    PROVIDERS.save(storage, provider, &p)?;
    Ok(msgs)
}
