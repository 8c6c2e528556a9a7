//! Provider subscriptions and referral rewards. A provider's paid time is a run of back-to-back
//! 30-day windows from its first payment; each window carries its tier's budget, so one payment
//! buys one budget. A different tier starts with the first window after those already paid.

use btt_types::asset::{Asset, Payment};
use btt_types::fee_router::FeeStream;
use btt_types::math::Checked;
use btt_types::points::{Provider, QueuedTier, SUBSCRIPTION_SECONDS};
use btt_types::token::TokenContract;
use cosmwasm_std::{ensure, Addr, CosmosMsg, DepsMut, Env, Response, Storage, Timestamp, Uint128};

use crate::fees;
use crate::state::{Config, CONFIG, POOL, PROVIDERS};
use crate::ContractError;

/// True while the subscription runs.
pub fn is_active(provider: &Provider, now: Timestamp) -> bool {
    now < provider.active_until
}

/// The provider as of `now`: its window moved on to the one `now` falls in (with a fresh
/// budget), and a queued tier applied once its window has come. Constant work.
pub fn current(mut p: Provider, now: Timestamp) -> Provider {
    if !is_active(&p, now) {
        return p;
    }
    let elapsed = now.seconds().saturating_sub(p.window_start.seconds());
    let windows = elapsed / SUBSCRIPTION_SECONDS;
    if windows > 0 {
        p.window_start = p
            .window_start
            .plus_seconds(windows.saturating_mul(SUBSCRIPTION_SECONDS));
        p.window_used = 0;
    }
    if let Some(q) = &p.queued_tier {
        if p.window_start >= q.starts_at {
            p.tier = q.tier;
            p.queued_tier = None;
        }
    }
    p
}

/// `Subscribe`: exactly the tier's price (in BTT, or its native price), for 30 more days; paid
/// to the treasury.
pub fn subscribe(
    deps: DepsMut,
    env: Env,
    paid: Payment,
    tier: u32,
    referrer: Option<String>,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let now = env.block.time;
    let t = config
        .rules
        .tiers
        .get(tier as usize)
        .ok_or(ContractError::UnknownTier { tier })?;
    let provider = paid.sender.clone();
    let price = match &paid.asset {
        Asset::Cw20(_) => t.price,
        Asset::Native(denom) => {
            t.native_price
                .as_ref()
                .filter(|p| &p.denom == denom)
                .ok_or_else(|| ContractError::NoNativePrice {
                    tier,
                    denom: denom.clone(),
                })?
                .amount
        }
    };
    paid.check_amount(price)?;
    let btt_paid = match paid.asset {
        Asset::Cw20(_) => paid.amount,
        Asset::Native(_) => Uint128::zero(),
    };
    let (asset, amount) = (paid.asset, paid.amount);
    let existing = PROVIDERS.may_load(deps.storage, &provider)?;
    let referrer = match (&existing, referrer) {
        (None, Some(r)) => {
            let r = deps.api.addr_validate(&r)?;
            ensure!(
                r != provider && PROVIDERS.has(deps.storage, &r),
                ContractError::InvalidReferrer {
                    referrer: r.to_string(),
                }
            );
            Some(r)
        }
        (Some(p), _) => p.referrer.clone(),
        (None, None) => None,
    };
    let mut p = match existing {
        Some(p) if is_active(&p, now) => extend(current(p, now), tier)?,
        Some(p) => Provider {
            tier,
            active_until: now.plus_seconds(SUBSCRIPTION_SECONDS),
            window_start: now,
            window_used: 0,
            queued_tier: None,
            ..p
        },
        None => Provider {
            tier,
            active_until: now.plus_seconds(SUBSCRIPTION_SECONDS),
            window_start: now,
            window_used: 0,
            queued_tier: None,
            referrer,
            points_awarded: 0,
            fees_paid: Uint128::zero(),
            next_milestone: 0,
        },
    };
    p.fees_paid = p.fees_paid.checked_add(btt_paid)?;
    PROVIDERS.save(deps.storage, &provider, &p)?;
    let referrals = referral_rewards(deps.storage, &config, &provider)?;
    let fee = fees::route(
        deps.storage,
        &config,
        FeeStream::Subscription,
        &asset,
        amount,
    )?;
    Ok(Response::new()
        .add_messages(fee.msgs)
        .add_event(fee.event)
        .add_messages(referrals)
        .add_attribute("action", "subscribe")
        .add_attribute("provider", provider)
        .add_attribute("tier", &t.name)
        .add_attribute("active_until", p.active_until.seconds().to_string()))
}

/// Adds a 30-day window to an active run. The same tier extends; another tier is queued for the
/// new window (one change at a time).
fn extend(mut p: Provider, tier: u32) -> Result<Provider, ContractError> {
    let last_tier = p.queued_tier.as_ref().map_or(p.tier, |q| q.tier);
    if tier != last_tier {
        ensure!(
            p.queued_tier.is_none(),
            ContractError::TierChangePending { tier: last_tier }
        );
        p.queued_tier = Some(QueuedTier {
            tier,
            starts_at: p.active_until,
        });
    }
    p.active_until = p.active_until.plus_seconds(SUBSCRIPTION_SECONDS);
    Ok(p)
}

/// After `provider` paid more subscription fees, pays its referrer every milestone it has now
/// passed (at most 16), once each, from the pool.
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
        if p.fees_paid < m.fees_paid {
            break;
        }
        pool.ensure_covers(m.reward)?;
        pool.referrals = pool.referrals.checked_add(m.reward)?;
        p.next_milestone = p.next_milestone.add_checked(1)?;
        msgs.push(TokenContract(config.token.clone()).transfer_msg(&referrer, m.reward)?);
    }
    POOL.save(storage, &pool)?;
    PROVIDERS.save(storage, provider, &p)?;
    Ok(msgs)
}
