//! Provider subscriptions and referral rewards. A provider's paid time is a run of back-to-back
//! 30-day windows from its first payment; each window carries the budget its payment bought,
//! so one payment buys one budget. Another tier or seat count starts with the first window
//! after those already paid.
//!
//! Tiers are priced per seat in a stable native denom. BTT pays at the higher of payfi's
//! current and last median into BTT, rounded up, and any excess sent is returned; a native
//! payment is valued at the lower of the two. A window's budget is the tier's budget × seats,
//! and at the conversion rate in force when it is used worth at most `100% − R −`
//! [`RATE_MARGIN`] of the least valuable payment of the run (R: the largest share of fees the
//! referral milestones pay back). A provider awarding its whole budget to patients it runs
//! itself, who convert every point, with a referrer it also runs, gets back less than it
//! paid: at any rate within payfi's band, and after any change of the conversion rate. At
//! most [`MAX_PREPAID_WINDOWS`] windows may be paid ahead.

use btt_types::asset::{Asset, Payment, BTT_DENOM};
use btt_types::bps::BPS_DENOMINATOR;
use btt_types::fee_router::FeeStream;
use btt_types::math::Checked;
use btt_types::payfi::{QueryMsg as PayfiQuery, RateResponse};
use btt_types::points::{
    PointsRules, Provider, QueuedTier, SubscriptionQuoteResponse, SubscriptionTier,
    MAX_PREPAID_WINDOWS, MAX_SEATS, RATE_MARGIN, SUBSCRIPTION_SECONDS,
};
use btt_types::token::TokenContract;
use cosmwasm_std::{
    ensure, Addr, Attribute, CosmosMsg, Decimal, DepsMut, Env, QuerierWrapper, Response, Storage,
    Timestamp, Uint128, Uint256,
};

use crate::fees;
use crate::state::{Config, QueuedValue, RunValue, CONFIG, POOL, PROVIDERS, RUN_VALUES};
use crate::ContractError;

/// True while the subscription runs.
pub fn is_active(provider: &Provider, now: Timestamp) -> bool {
    now < provider.active_until
}

/// The provider as of `now`: its window moved on to the one `now` falls in (with a fresh
/// budget), and a queued tier or seat change applied once its window has come. Constant work.
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
            p.seats = q.seats;
            p.window_budget = q.budget;
            p.queued_tier = None;
        }
    }
    p
}

/// The provider as of its last paid moment when it has expired (as of `now` while active):
/// the seats of its last paid window set its conversion cap, whatever change it queued.
pub fn last_paid(p: Provider, now: Timestamp) -> Provider {
    let last = Timestamp::from_nanos(p.active_until.nanos().saturating_sub(1));
    current(p, now.min(last))
}

/// The budget of `seats` seats of `tier` by the rules in force: what providers stored before
/// budgets were bought by value get (0 for a tier the DAO has since removed).
fn rules_budget(config: &Config, tier: u32, seats: u32) -> u64 {
    config
        .rules
        .tiers
        .get(tier as usize)
        .map_or(0, |t| t.budget.saturating_mul(u64::from(seats)))
}

/// Points each window of `p`'s current run may award.
pub fn window_budget(config: &Config, p: &Provider) -> u64 {
    p.window_budget
        .unwrap_or_else(|| rules_budget(config, p.tier, p.seats))
}

/// R: the largest cumulative referral reward ÷ cumulative fees over the milestones, in bps,
/// rounded up (10,000 for a milestone of no fees). A referrer and a referred provider run by
/// one party get back at most this share of the fees paid as referral rewards.
pub fn referral_share(rules: &PointsRules) -> Uint128 {
    let full = Uint256::from(u128::from(BPS_DENOMINATOR));
    let mut rewards = Uint256::zero();
    let mut most = Uint256::zero();
    for m in &rules.milestones {
        rewards = rewards.saturating_add(Uint256::from(m.reward));
        let share = if m.fees_paid.is_zero() {
            full
        } else {
            let fees = Uint256::from(m.fees_paid);
            rewards
                .saturating_mul(full)
                .saturating_add(fees - Uint256::one())
                / fees
        };
        most = most.max(share);
    }
    Uint128::try_from(most.min(full)).unwrap_or(Uint128::new(u128::from(BPS_DENOMINATOR)))
}

/// The share of a payment's value (bps) a window's budget may be worth at the conversion
/// rate: `10,000 − R − RATE_MARGIN`, zero when the referral rewards leave nothing.
pub fn budget_share(rules: &PointsRules) -> Uint128 {
    Uint128::new(u128::from(BPS_DENOMINATOR))
        .saturating_sub(referral_share(rules))
        .saturating_sub(Uint128::new(u128::from(RATE_MARGIN.0)))
}

/// Points a payment worth `value` ubtt may buy at the rules in force: worth at most
/// [`budget_share`] of it at the conversion rate (conversions round down too).
pub fn value_budget(rules: &PointsRules, value: Uint128) -> u64 {
    let part = value.multiply_ratio(budget_share(rules), u128::from(BPS_DENOMINATOR));
    part.checked_div_floor(rules.conversion_rate)
        .ok()
        .map_or(u64::MAX, |points| {
            u64::try_from(points.u128()).unwrap_or(u64::MAX)
        })
}

/// The budget a payment worth `paid_ubtt` buys for `seats` seats of `t`: the tier's budget ×
/// seats, at most [`value_budget`] of the payment.
pub fn window_budget_bought(
    config: &Config,
    t: &SubscriptionTier,
    seats: u32,
    paid_ubtt: Uint128,
) -> Result<u64, ContractError> {
    let full = t.budget.mul_checked(u64::from(seats))?;
    let budget = full.min(value_budget(&config.rules, paid_ubtt));
    ensure!(budget > 0, ContractError::NothingBought);
    Ok(budget)
}

/// Points the current window of `p` (as [`current`] left it) may award now: its budget, and
/// at most what the least valuable payment of the run allows at the rules in force (a DAO
/// raise of the conversion rate or of the referral rewards lowers it; providers that last
/// paid before runs were valued keep their points budget alone).
pub fn budget_now(
    storage: &dyn Storage,
    config: &Config,
    address: &Addr,
    p: &Provider,
) -> Result<u64, ContractError> {
    let points = window_budget(config, p);
    Ok(match RUN_VALUES.may_load(storage, address)? {
        Some(run) => points.min(value_budget(&config.rules, run.as_of(p.window_start))),
        None => points,
    })
}

/// Seats asked for: 1 by default, at most [`MAX_SEATS`].
pub fn check_seats(seats: Option<u32>) -> Result<u32, ContractError> {
    let seats = seats.unwrap_or(1);
    ensure!(
        (1..=MAX_SEATS).contains(&seats),
        ContractError::InvalidSeats {
            seats,
            max: MAX_SEATS,
        }
    );
    Ok(seats)
}

/// payfi's rates of `denom` into BTT, ubtt per 1 unit of `denom`: the lower and the higher of
/// its current median and its last accepted one (the current alone when there is no last).
/// `NoRate` without payfi or without a current median (too few fresh feeders, or a move
/// beyond the band).
pub fn btt_rates(
    querier: &QuerierWrapper,
    config: &Config,
    denom: &str,
) -> Result<(Decimal, Decimal), ContractError> {
    let no_rate = || ContractError::NoRate {
        denom: denom.to_string(),
    };
    let payfi = config.payfi.as_ref().ok_or_else(no_rate)?;
    let res: RateResponse = querier.query_wasm_smart(
        payfi,
        &PayfiQuery::Rate {
            pay: denom.to_string(),
            invoice: BTT_DENOM.to_string(),
        },
    )?;
    let median = res.median.filter(|m| !m.is_zero()).ok_or_else(no_rate)?;
    let last = res.last_median.filter(|m| !m.is_zero()).unwrap_or(median);
    Ok((median.min(last), median.max(last)))
}

/// What `seats` seats of tier `tier` cost now in `asset`, and what the payment buys.
pub struct Quote {
    /// Exactly due natively; at least this in BTT.
    pub amount: Uint128,
    /// ubtt per unit of the tier's denom: the higher median for BTT, the lower natively.
    pub rate: Decimal,
    /// The payment's value in ubtt: what bounds the budget.
    pub value: Uint128,
    /// Points each window so paid may award.
    pub budget: u64,
}

/// The quote for paying `seats` seats of `tier` in `asset`: natively the price × seats in the
/// tier's denom; in BTT that at the higher of payfi's two medians, rounded up. The payment's
/// ubtt value (BTT: the amount due; natively: the price at the lower median, rounded down)
/// bounds the budget.
pub fn quote(
    querier: &QuerierWrapper,
    config: &Config,
    tier: u32,
    seats: u32,
    asset: &Asset,
) -> Result<Quote, ContractError> {
    let t = config
        .rules
        .tiers
        .get(tier as usize)
        .ok_or(ContractError::UnknownTier { tier })?;
    let price = t.price.amount.checked_mul(Uint128::from(seats))?;
    let (amount, rate, value) = match asset {
        Asset::Cw20(_) => {
            let (_, rate) = btt_rates(querier, config, &t.price.denom)?;
            let due = price
                .checked_mul_ceil(rate)
                .map_err(|e| cosmwasm_std::StdError::generic_err(e.to_string()))?;
            (due, rate, due)
        }
        Asset::Native(denom) => {
            ensure!(
                denom == &t.price.denom,
                ContractError::NoNativePrice {
                    tier,
                    denom: denom.clone(),
                }
            );
            let (rate, _) = btt_rates(querier, config, &t.price.denom)?;
            let value = price
                .checked_mul_floor(rate)
                .map_err(|e| cosmwasm_std::StdError::generic_err(e.to_string()))?;
            (price, rate, value)
        }
    };
    let budget = window_budget_bought(config, t, seats, value)?;
    Ok(Quote {
        amount,
        rate,
        value,
        budget,
    })
}

/// `SubscriptionQuote`: what to send, in "btt" or the tier's native denom.
pub fn subscription_quote(
    querier: &QuerierWrapper,
    config: &Config,
    tier: u32,
    seats: Option<u32>,
    denom: &str,
) -> Result<SubscriptionQuoteResponse, ContractError> {
    let seats = check_seats(seats)?;
    let q = quote(
        querier,
        config,
        tier,
        seats,
        &Asset::named(denom, &config.token),
    )?;
    Ok(SubscriptionQuoteResponse {
        amount: q.amount,
        denom: denom.to_string(),
        rate: Some(q.rate),
        budget: q.budget,
    })
}

/// `Subscribe`: `seats` seats of `tier` for 30 more days; natively exactly the price × seats,
/// in BTT at least its value at payfi's rate (the excess is returned). Routed as the
/// subscription fee.
pub fn subscribe(
    deps: DepsMut,
    env: Env,
    paid: Payment,
    tier: u32,
    referrer: Option<String>,
    seats: Option<u32>,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let now = env.block.time;
    let seats = check_seats(seats)?;
    let q = quote(&deps.querier, &config, tier, seats, &paid.asset)?;
    let excess = match &paid.asset {
        Asset::Native(_) => {
            paid.check_amount(q.amount)?;
            Uint128::zero()
        }
        Asset::Cw20(_) => {
            ensure!(
                paid.amount >= q.amount,
                ContractError::Underpaid {
                    due: q.amount,
                    paid: paid.amount,
                }
            );
            paid.amount.checked_sub(q.amount)?
        }
    };
    // Referral milestones count BTT kept as fees only: never a native payment, never the
    // excess returned.
    let btt_kept = match paid.asset {
        Asset::Cw20(_) => q.amount,
        Asset::Native(_) => Uint128::zero(),
    };
    let provider = paid.sender.clone();
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
    let fresh = |p: Provider| Provider {
        tier,
        seats,
        window_budget: Some(q.budget),
        active_until: now.plus_seconds(SUBSCRIPTION_SECONDS),
        window_start: now,
        window_used: 0,
        queued_tier: None,
        ..p
    };
    let run = RUN_VALUES.may_load(deps.storage, &provider)?;
    let (mut p, run) = match existing {
        Some(p) if is_active(&p, now) => {
            let p = current(p, now);
            // A run paid before runs were valued: its current windows keep their points alone.
            let run = run.map(|r| r.resolved(p.window_start)).unwrap_or(RunValue {
                value: Uint128::MAX,
                queued: None,
            });
            extend(&config, p, run, tier, seats, (q.budget, q.value))?
        }
        Some(p) => (fresh(p), new_run(q.value)),
        None => (
            fresh(Provider {
                tier,
                seats,
                window_budget: None,
                active_until: now,
                window_start: now,
                window_used: 0,
                queued_tier: None,
                referrer,
                points_awarded: 0,
                fees_paid: Uint128::zero(),
                next_milestone: 0,
            }),
            new_run(q.value),
        ),
    };
    let ahead = p
        .active_until
        .seconds()
        .saturating_sub(p.window_start.seconds())
        / SUBSCRIPTION_SECONDS;
    ensure!(
        ahead <= MAX_PREPAID_WINDOWS,
        ContractError::TooManyWindows {
            max: MAX_PREPAID_WINDOWS
        }
    );
    p.fees_paid = p.fees_paid.checked_add(btt_kept)?;
    PROVIDERS.save(deps.storage, &provider, &p)?;
    RUN_VALUES.save(deps.storage, &provider, &run)?;
    let (referrals, rewarded) = referral_rewards(deps.storage, &config, &provider)?;
    let fee = fees::route(
        deps.storage,
        &config,
        FeeStream::Subscription,
        &paid.asset,
        q.amount,
    )?;
    let refund = paid.asset.transfer_msg(&provider, excess)?;
    let name = config
        .rules
        .tiers
        .get(tier as usize)
        .map(|t| t.name.clone())
        .unwrap_or_default();
    Ok(Response::new()
        .add_messages(fee.msgs)
        .add_event(fee.event)
        .add_messages(referrals)
        .add_messages(refund)
        .add_attribute("action", "subscribe")
        .add_attribute("provider", provider)
        .add_attribute("tier", name)
        .add_attribute("seats", seats.to_string())
        .add_attribute("paid", q.amount)
        .add_attribute("denom", paid.asset.denom())
        .add_attribute("rate", q.rate.to_string())
        .add_attribute("refunded", excess)
        .add_attribute("budget", q.budget.to_string())
        .add_attribute("active_until", p.active_until.seconds().to_string())
        .add_attributes(rewarded))
}

/// The value of a run a payment worth `value` ubtt starts.
fn new_run(value: Uint128) -> RunValue {
    RunValue {
        value,
        queued: None,
    }
}

/// Adds a 30-day window bought with `budget` by a payment worth `value` ubtt to an active
/// run. The same tier and seats extend (the run's budget and value become the smaller of the
/// two, so no window is worth more than the least valuable payment allows); another tier or
/// seat count is queued for the new window (one change at a time).
fn extend(
    config: &Config,
    mut p: Provider,
    mut run: RunValue,
    tier: u32,
    seats: u32,
    (budget, value): (u64, Uint128),
) -> Result<(Provider, RunValue), ContractError> {
    match &mut p.queued_tier {
        Some(q) if (q.tier, q.seats) == (tier, seats) => {
            let had = q
                .budget
                .unwrap_or_else(|| rules_budget(config, q.tier, q.seats));
            q.budget = Some(had.min(budget));
            let had = run
                .queued
                .as_ref()
                .filter(|v| v.starts_at == q.starts_at)
                .map_or(value, |v| v.value);
            run.queued = Some(QueuedValue {
                starts_at: q.starts_at,
                value: had.min(value),
            });
        }
        Some(q) => {
            return Err(ContractError::TierChangePending {
                tier: q.tier,
                seats: q.seats,
            })
        }
        None if (p.tier, p.seats) == (tier, seats) => {
            p.window_budget = Some(window_budget(config, &p).min(budget));
            run.value = run.value.min(value);
        }
        None => {
            p.queued_tier = Some(QueuedTier {
                tier,
                seats,
                budget: Some(budget),
                starts_at: p.active_until,
            });
            run.queued = Some(QueuedValue {
                starts_at: p.active_until,
                value,
            });
        }
    }
    p.active_until = p.active_until.plus_seconds(SUBSCRIPTION_SECONDS);
    Ok((p, run))
}

/// After `provider` paid more subscription fees, pays its referrer every milestone it has now
/// passed (at most 16), once each, from the pool; with a `referrer` and a `referral_reward`
/// attribute (ubtt) per reward paid.
pub fn referral_rewards(
    storage: &mut dyn Storage,
    config: &Config,
    provider: &Addr,
) -> Result<(Vec<CosmosMsg>, Vec<Attribute>), ContractError> {
    let mut p = PROVIDERS.load(storage, provider)?;
    let Some(referrer) = p.referrer.clone() else {
        return Ok((vec![], vec![]));
    };
    let mut pool = POOL.load(storage)?;
    let mut msgs = vec![];
    let mut attrs = vec![];
    while let Some(m) = config.rules.milestones.get(p.next_milestone as usize) {
        if p.fees_paid < m.fees_paid {
            break;
        }
        pool.ensure_covers(m.reward)?;
        pool.referrals = pool.referrals.checked_add(m.reward)?;
        p.next_milestone = p.next_milestone.add_checked(1)?;
        msgs.push(TokenContract(config.token.clone()).transfer_msg(&referrer, m.reward)?);
        if attrs.is_empty() {
            attrs.push(Attribute::new("referrer", referrer.as_str()));
        }
        attrs.push(Attribute::new("referral_reward", m.reward.to_string()));
    }
    POOL.save(storage, &pool)?;
    PROVIDERS.save(storage, provider, &p)?;
    Ok((msgs, attrs))
}
