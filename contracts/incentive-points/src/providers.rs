//! Provider subscriptions and referral rewards.

use btt_types::points::{Provider, SUBSCRIPTION_SECONDS};
use btt_types::token::TokenContract;
use cosmwasm_std::{
    Addr, BankMsg, Coin, CosmosMsg, DepsMut, Env, Response, Storage, Timestamp, Uint128,
};

use crate::state::{Config, CONFIG, POOL, PROVIDERS};
use crate::ContractError;

/// True while the subscription runs.
pub fn is_active(provider: &Provider, now: Timestamp) -> bool {
    now < provider.active_until
}

/// How a subscription is paid.
pub enum Paid {
    /// BTT, by the cw20 hook.
    Btt(Uint128),
    /// Native funds attached to `Subscribe`.
    Native(Coin),
}

/// `Subscribe`: exactly the tier's price (in BTT, or its native price), for 30 more days; paid
/// to the treasury.
pub fn subscribe(
    deps: DepsMut,
    env: Env,
    provider: Addr,
    paid: Paid,
    tier: u32,
    referrer: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let t = config
        .rules
        .tiers
        .get(tier as usize)
        .ok_or(ContractError::UnknownTier { tier })?;
    let fee: CosmosMsg = match paid {
        Paid::Btt(amount) => {
            if amount != t.price {
                return Err(ContractError::WrongPayment {
                    expected: t.price,
                    sent: amount,
                });
            }
            TokenContract(config.token.clone()).transfer_msg(&config.treasury, amount)?
        }
        Paid::Native(coin) => {
            let price = t
                .native_price
                .as_ref()
                .filter(|p| p.denom == coin.denom)
                .ok_or_else(|| ContractError::NoNativePrice {
                    tier,
                    denom: coin.denom.clone(),
                })?;
            if coin.amount != price.amount {
                return Err(ContractError::WrongPayment {
                    expected: price.amount,
                    sent: coin.amount,
                });
            }
            BankMsg::Send {
                to_address: config.treasury.to_string(),
                amount: vec![coin],
            }
            .into()
        }
    };
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
