//! The fee router: the one rule by which every protocol fee of the suite is paid out.
//!
//! Every fee belongs to a [`FeeStream`] (compute's protocol part, the RWA mint, revaluation,
//! trade, premium and management fees, the points subscription, partner and redemption fees, and
//! the payfi tier, analytics and conversion fees). Each stream has DAO-set [`FeeShares`] over the
//! five payees of the paper: the development fund, the foundation, the operational reserve, the
//! stakers (btt-staking, streamed over its reward period) and the burn.
//!
//! The rule:
//! - the burn share is burned with cw20 `Burn` only when the fee is in BTT and the transaction
//!   is burnable (the RWA's high-value rule); otherwise it goes to the reserve;
//! - the stakers' share of a fee in a cw20 other than BTT goes to the reserve (btt-staking takes
//!   BTT and its native reward denoms);
//! - each payee gets its share of the fee plus what it was owed below a whole unit before,
//!   rounded down; what is left below a whole unit is carried for it ([`FEE_CARRY`], per
//!   stream, asset and payee) and the contract keeps those units (`held`) until they are paid.
//!   So a fee paid in many pieces pays every payee exactly what the same total paid at once
//!   does, and no payee is ever owed a whole unit. Compute routes only its 30% protocol part of
//!   the price (`route_part`): that part carries its own remainder the same way, the rest is
//!   the contributors'.
//!
//! Every stream's shares sum to its whole (100%, or compute's protocol part), and the development
//! fund and the foundation have a share of every stream (the paper: "a portion of transaction
//! fees across all ecosystem components is directed to the BTT development fund"). What each
//! stream paid, by asset and payee, is kept in [`FEES_ROUTED`] for the `FeesRouted` query of
//! every contract that takes fees.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    ensure, Addr, Api, CosmosMsg, Deps, Event, Order, QuerierWrapper, StdError, StdResult, Storage,
    Uint128, Uint256,
};
use cw_storage_plus::Map;

use crate::asset::Asset;
use crate::bps::{Bps, BPS_DENOMINATOR};
use crate::dao::Fund;
use crate::staking::{StakingContract, BTT_REWARDS};
use crate::token::TokenContract;

/// A fee stream: what a fee was paid for.
#[cw_serde]
#[derive(Copy, Eq, PartialOrd, Ord)]
pub enum FeeStream {
    /// compute-escrow: the protocol part (30%) of a completed job's price.
    Compute,
    /// rwa-nft: the minting fee.
    Mint,
    /// rwa-nft: the revaluation fee.
    Revaluation,
    /// rwa-fractionalizer: the fee on a share purchase.
    Trade,
    /// rwa-fractionalizer: the premium listing fee.
    Premium,
    /// rwa-fractionalizer: the protocol's part of the management fee, in vault shares.
    Management,
    /// incentive-points: provider subscriptions.
    Subscription,
    /// incentive-points: partner registration.
    Partner,
    /// incentive-points: the fee a partner pays on a redemption.
    Redemption,
    /// incentive-points: the share of realised savings an insurer pays back.
    Insurance,
    /// payfi: the service fee by staking tier.
    PaymentTier,
    /// payfi: the analytics fee.
    Analytics,
    /// payfi: the currency conversion fee.
    Conversion,
}

impl FeeStream {
    /// The stream's name in storage keys, events and reports.
    pub fn key(self) -> &'static str {
        match self {
            FeeStream::Compute => "compute",
            FeeStream::Mint => "mint",
            FeeStream::Revaluation => "revaluation",
            FeeStream::Trade => "trade",
            FeeStream::Premium => "premium",
            FeeStream::Management => "management",
            FeeStream::Subscription => "subscription",
            FeeStream::Partner => "partner",
            FeeStream::Redemption => "redemption",
            FeeStream::Insurance => "insurance",
            FeeStream::PaymentTier => "payment_tier",
            FeeStream::Analytics => "analytics",
            FeeStream::Conversion => "conversion",
        }
    }
}

impl std::fmt::Display for FeeStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// One stream's shares of its fees.
#[cw_serde]
#[derive(Copy, Default, Eq)]
pub struct FeeShares {
    /// The BTT development fund (at least one basis point).
    pub development_fund: Bps,
    /// The Technical Development Foundation (at least one basis point).
    pub foundation: Bps,
    /// The operational reserve.
    pub reserve: Bps,
    /// Stakers, through btt-staking's reward streams.
    pub stakers: Bps,
    /// Burned when the fee is BTT and the transaction burnable; else the reserve's.
    pub burn: Bps,
}

impl FeeShares {
    /// Σ of the five shares, in basis points.
    pub fn total(&self) -> u32 {
        [
            self.development_fund,
            self.foundation,
            self.reserve,
            self.stakers,
            self.burn,
        ]
        .iter()
        .map(|b| u32::from(b.0))
        .sum()
    }
}

/// A stream and its shares.
#[cw_serde]
pub struct FeeRoute {
    /// The fee stream this is about.
    pub stream: FeeStream,
    /// Its shares.
    pub shares: FeeShares,
}

/// The payees as given in messages.
#[cw_serde]
pub struct FeePayeesMsg {
    /// Receives the development fund's shares (the DAO at genesis).
    pub development_fund: String,
    /// Receives the foundation's shares.
    pub foundation: String,
    /// Receives the operational reserve's shares (the DAO at genesis).
    pub reserve: String,
    /// btt-staking, which streams the stakers' shares to stakers.
    pub staking: String,
    /// True when the development fund and the reserve are btt-dao: their shares then arrive as
    /// labelled deposits (development fees, operational reserve) instead of plain transfers.
    #[serde(default)]
    pub treasury: bool,
}

/// The validated payees.
#[cw_serde]
pub struct FeePayees {
    /// Receives the development fund's shares.
    pub development_fund: Addr,
    /// Receives the foundation's shares.
    pub foundation: Addr,
    /// Receives the operational reserve's shares.
    pub reserve: Addr,
    /// btt-staking, whose tiers set fee discounts and which streams the stakers' share.
    pub staking: Addr,
    /// The development fund and the reserve are btt-dao, paid by labelled deposits.
    #[serde(default)]
    pub treasury: bool,
}

/// A contract's fee routing as given at instantiation.
#[cw_serde]
pub struct FeeRoutingMsg {
    /// Who is paid.
    pub payees: FeePayeesMsg,
    /// Every stream of the contract, once.
    pub routes: Vec<FeeRoute>,
}

/// A change of a contract's fee routing (the DAO).
#[cw_serde]
pub struct FeeRoutingUpdate {
    /// New payees; `None` keeps them.
    pub payees: Option<FeePayeesMsg>,
    /// New shares of the streams named; the others keep theirs.
    pub routes: Vec<FeeRoute>,
}

/// A contract's validated fee routing.
#[cw_serde]
pub struct FeeRouting {
    /// Who is paid.
    pub payees: FeePayees,
    /// Every stream of the contract, once.
    pub routes: Vec<FeeRoute>,
}

/// The streams of one contract and what each one's shares must sum to.
#[derive(Debug, Clone, Copy)]
pub struct StreamSet {
    /// The contract's streams.
    pub streams: &'static [FeeStream],
    /// What each stream's shares sum to: 100%, or the protocol part of compute's price.
    pub whole: Bps,
    /// True when the fees are paid in something neither btt-staking nor a burn can take (a
    /// vault's shares): the stakers' and burn shares must then be zero.
    pub unstakeable: &'static [FeeStream],
}

/// A routing the rules refuse.
#[derive(thiserror::Error, Debug, PartialEq)]
pub enum FeeRouteError {
    /// The shares do not sum to the stream's whole.
    #[error("the {stream} fee shares sum to {total} bps, not {whole}")]
    SharesDontSum {
        /// The fee stream this is about.
        stream: FeeStream,
        /// Their sum.
        total: u32,
        /// The stream's whole.
        whole: u16,
    },
    /// The development fund or the foundation has no share.
    #[error("the {stream} fees must give the development fund and the foundation a share")]
    MissingPayee {
        /// The fee stream this is about.
        stream: FeeStream,
    },
    /// Not a stream of this contract.
    #[error("{stream} is not a fee stream of this contract")]
    UnknownStream {
        /// The fee stream this is about.
        stream: FeeStream,
    },
    /// A stream given twice.
    #[error("the {stream} fee stream is given twice")]
    DuplicateStream {
        /// The fee stream this is about.
        stream: FeeStream,
    },
    /// A stream of the contract without a route.
    #[error("the {stream} fee stream needs a route")]
    MissingStream {
        /// The fee stream this is about.
        stream: FeeStream,
    },
    /// Stakers or the burn given a share of fees they cannot take.
    #[error("the {stream} fees are paid in vault shares: stakers and the burn cannot take them")]
    Unstakeable {
        /// The fee stream this is about.
        stream: FeeStream,
    },
    /// A "native denom" that is none: empty, or "btt" (the name messages use for the BTT cw20).
    #[error("{denom:?} is not a native denom")]
    NotANativeDenom {
        /// The denom.
        denom: String,
    },
    /// A native denom of the contract that btt-staking does not stream.
    #[error("btt-staking does not take {denom}: add it to its reward denoms first")]
    NotAStakingDenom {
        /// The denom.
        denom: String,
    },
    /// An invalid address.
    #[error("{0}")]
    Std(#[from] StdError),
}

fn payees(api: &dyn Api, msg: &FeePayeesMsg) -> StdResult<FeePayees> {
    Ok(FeePayees {
        development_fund: api.addr_validate(&msg.development_fund)?,
        foundation: api.addr_validate(&msg.foundation)?,
        reserve: api.addr_validate(&msg.reserve)?,
        staking: api.addr_validate(&msg.staking)?,
        treasury: msg.treasury,
    })
}

fn check_routes(set: &StreamSet, routes: &[FeeRoute]) -> Result<(), FeeRouteError> {
    for (i, r) in routes.iter().enumerate() {
        let stream = r.stream;
        ensure!(
            set.streams.contains(&stream),
            FeeRouteError::UnknownStream { stream }
        );
        ensure!(
            !routes[..i].iter().any(|o| o.stream == stream),
            FeeRouteError::DuplicateStream { stream }
        );
        let total = r.shares.total();
        ensure!(
            total == u32::from(set.whole.0),
            FeeRouteError::SharesDontSum {
                stream,
                total,
                whole: set.whole.0,
            }
        );
        if r.shares.development_fund.0 == 0 || r.shares.foundation.0 == 0 {
            return Err(FeeRouteError::MissingPayee { stream });
        }
        if set.unstakeable.contains(&stream) && (r.shares.stakers.0 > 0 || r.shares.burn.0 > 0) {
            return Err(FeeRouteError::Unstakeable { stream });
        }
    }
    if let Some(&stream) = set
        .streams
        .iter()
        .find(|s| !routes.iter().any(|r| r.stream == **s))
    {
        return Err(FeeRouteError::MissingStream { stream });
    }
    Ok(())
}

impl FeeRoutingMsg {
    /// Validates the payees and that `routes` gives every stream of `set` exactly once, each
    /// summing to the set's whole with a development-fund and a foundation share.
    pub fn validate(&self, api: &dyn Api, set: &StreamSet) -> Result<FeeRouting, FeeRouteError> {
        check_routes(set, &self.routes)?;
        Ok(FeeRouting {
            payees: payees(api, &self.payees)?,
            routes: self.routes.clone(),
        })
    }
}

impl FeeRouting {
    /// This routing with `update` applied, validated as at instantiation.
    pub fn updated(
        &self,
        api: &dyn Api,
        set: &StreamSet,
        update: &FeeRoutingUpdate,
    ) -> Result<FeeRouting, FeeRouteError> {
        let given = &update.routes;
        if let Some((_, dup)) = given
            .iter()
            .enumerate()
            .find(|(i, r)| given[..*i].iter().any(|o| o.stream == r.stream))
        {
            return Err(FeeRouteError::DuplicateStream { stream: dup.stream });
        }
        let mut routes = self.routes.clone();
        for u in &update.routes {
            match routes.iter_mut().find(|r| r.stream == u.stream) {
                Some(r) => r.shares = u.shares,
                None => routes.push(u.clone()),
            }
        }
        check_routes(set, &routes)?;
        Ok(FeeRouting {
            payees: match &update.payees {
                Some(p) => payees(api, p)?,
                None => self.payees.clone(),
            },
            routes,
        })
    }

    /// `UpdateFeeRouting`'s new routing: `update` applied and validated as at instantiation,
    /// and btt-staking checked to stream every native denom in `denoms`.
    pub fn apply(
        &self,
        deps: Deps,
        set: &StreamSet,
        update: &FeeRoutingUpdate,
        denoms: &[String],
    ) -> Result<FeeRouting, FeeRouteError> {
        let routing = self.updated(deps.api, set, update)?;
        routing.check_staking_denoms(&deps.querier, denoms)?;
        Ok(routing)
    }

    /// The routing that keeps the flow of code before the fee router: every stream of `set`
    /// with `shares`, paid to `payees` (a migration's default; the DAO changes it later).
    pub fn preserving(payees: FeePayees, set: &StreamSet, shares: FeeShares) -> FeeRouting {
        FeeRouting {
            payees,
            routes: set
                .streams
                .iter()
                .map(|&stream| FeeRoute { stream, shares })
                .collect(),
        }
    }

    /// The shares of `stream`.
    pub fn shares(&self, stream: FeeStream) -> StdResult<FeeShares> {
        self.routes
            .iter()
            .find(|r| r.stream == stream)
            .map(|r| r.shares)
            .ok_or_else(|| StdError::generic_err(format!("no route for the {stream} fees")))
    }

    /// Checks that every entry of `denoms` is a real native denom (not empty, not "btt") and
    /// that btt-staking streams it, so that a stakers' share can never make a payment fail.
    /// btt-staking's reward denoms only grow, so a check passed once holds for good.
    pub fn check_staking_denoms(
        &self,
        querier: &QuerierWrapper,
        denoms: &[String],
    ) -> Result<(), FeeRouteError> {
        if let Some(d) = denoms.iter().find(|d| !crate::asset::is_native_denom(d)) {
            return Err(FeeRouteError::NotANativeDenom { denom: d.clone() });
        }
        if denoms.is_empty() {
            return Ok(());
        }
        let taken = StakingContract(self.payees.staking.clone())
            .config(querier)?
            .reward_denoms;
        match denoms.iter().find(|d| !taken.contains(d)) {
            Some(d) => Err(FeeRouteError::NotAStakingDenom { denom: d.clone() }),
            None => Ok(()),
        }
    }
}

/// What a fee paid to each payee (or, in [`FEES_ROUTED`], the running totals).
#[cw_serde]
#[derive(Default, Copy, Eq)]
pub struct Routed {
    /// To the development fund.
    pub development_fund: Uint128,
    /// To the foundation.
    pub foundation: Uint128,
    /// To the operational reserve.
    pub reserve: Uint128,
    /// To btt-staking for stakers.
    pub stakers: Uint128,
    /// Burned.
    pub burned: Uint128,
}

impl Routed {
    /// Σ of the five parts.
    pub fn total(&self) -> StdResult<Uint128> {
        Ok(self
            .development_fund
            .checked_add(self.foundation)?
            .checked_add(self.reserve)?
            .checked_add(self.stakers)?
            .checked_add(self.burned)?)
    }

    fn add(&mut self, o: &Routed) -> StdResult<()> {
        self.development_fund = self.development_fund.checked_add(o.development_fund)?;
        self.foundation = self.foundation.checked_add(o.foundation)?;
        self.reserve = self.reserve.checked_add(o.reserve)?;
        self.stakers = self.stakers.checked_add(o.stakers)?;
        self.burned = self.burned.checked_add(o.burned)?;
        Ok(())
    }
}

/// How a fee may be paid out: whether its burn share is burned and its stakers' share staked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payable {
    /// The fee is in BTT and the transaction burnable.
    pub burn: bool,
    /// btt-staking takes the fee's asset.
    pub stake: bool,
}

/// Cuts `amount` by `shares`, each rounded down; what cannot be burned or staked goes to the
/// reserve. The parts may sum to less than `amount` (the rounding dust, and whatever lies beyond
/// the shares' total): the caller decides where that goes. Carries nothing: fees are routed by
/// [`split`].
pub fn cut(amount: Uint128, shares: &FeeShares, payable: Payable) -> Routed {
    let part = |b: Bps| amount.multiply_ratio(b.0, BPS_DENOMINATOR);
    let mut routed = Routed {
        development_fund: part(shares.development_fund),
        foundation: part(shares.foundation),
        reserve: part(shares.reserve),
        stakers: part(shares.stakers),
        burned: part(shares.burn),
    };
    // Each part is at most `amount` and the shares sum to at most 100%: no overflow.
    if !payable.burn {
        routed.reserve += routed.burned;
        routed.burned = Uint128::zero();
    }
    if !payable.stake {
        routed.reserve += routed.stakers;
        routed.stakers = Uint128::zero();
    }
    routed
}

/// `shares` as they are paid: the burn share goes to the reserve unless the fee can be burned,
/// the stakers' share unless btt-staking takes the fee's asset. The sum is unchanged.
pub fn payable_shares(shares: &FeeShares, payable: Payable) -> FeeShares {
    let mut s = *shares;
    if !payable.burn {
        s.reserve = Bps(s.reserve.0.saturating_add(s.burn.0));
        s.burn = Bps::ZERO;
    }
    if !payable.stake {
        s.reserve = Bps(s.reserve.0.saturating_add(s.stakers.0));
        s.stakers = Bps::ZERO;
    }
    s
}

/// What each payee of one stream and asset is owed below a whole unit, in ten-thousandths of a
/// unit (each below 10,000), and the protocol part's own remainder (compute's price).
#[cw_serde]
#[derive(Default, Copy, Eq)]
pub struct Carry {
    /// The development fund's.
    pub development_fund: u16,
    /// The foundation's.
    pub foundation: u16,
    /// The operational reserve's.
    pub reserve: u16,
    /// The stakers'.
    pub stakers: u16,
    /// The burn's.
    pub burned: u16,
    /// What the protocol part of a partly routed amount (compute's price) has taken less than
    /// its share, below a whole unit; always zero for a whole fee.
    pub protocol: u16,
}

impl Carry {
    fn payees(&self) -> [u16; 5] {
        [
            self.development_fund,
            self.foundation,
            self.reserve,
            self.stakers,
            self.burned,
        ]
    }

    /// The whole units the contract keeps for its payees: Σ of their carries less the protocol
    /// part's, an exact multiple of 10,000 ten-thousandths.
    pub fn held(&self) -> Uint128 {
        let owed: u32 = self.payees().iter().map(|c| u32::from(*c)).sum();
        Uint128::from(owed.saturating_sub(u32::from(self.protocol)) / u32::from(BPS_DENOMINATOR))
    }
}

/// One part of a piece: `amount × share + carry`, in ten-thousandths, paid in whole units; the
/// rest below a unit is the new carry.
fn part_with_carry(amount: Uint128, share: u16, carry: u16) -> StdResult<(Uint128, u16)> {
    let owed = Uint256::from(amount)
        .checked_mul(Uint256::from(share))?
        .checked_add(Uint256::from(carry))?;
    let denominator = Uint256::from(BPS_DENOMINATOR);
    let whole = Uint128::try_from(owed.checked_div(denominator)?)?;
    let rest = u16::try_from(Uint128::try_from(owed.checked_rem(denominator)?)?.u128())
        .map_err(|_| StdError::generic_err("carry overflow"))?;
    Ok((whole, rest))
}

/// A fee of `amount` split by `shares` (already [`payable_shares`]) with the payees' carries.
/// Returns what each payee is paid now, the protocol part taken from `amount` (all of it when
/// the shares sum to 100%) and the new carries.
///
/// Each payee is paid `⌊(amount × share + carry) / 10,000⌋` and carries the rest, so over any
/// run of pieces a payee is paid its exact share of their sum less under one unit it still
/// carries: what the same sum paid at once pays it. The parts may sum to more than the protocol
/// part (carried units released) or less (units kept): the contract keeps [`Carry::held`].
pub fn split(amount: Uint128, shares: &FeeShares, carry: &Carry) -> StdResult<Split> {
    let whole = u16::try_from(shares.total())
        .map_err(|_| StdError::generic_err("fee shares above 100%"))?;
    let (protocol, protocol_carry) = part_with_carry(amount, whole, carry.protocol)?;
    let (development_fund, d) =
        part_with_carry(amount, shares.development_fund.0, carry.development_fund)?;
    let (foundation, f) = part_with_carry(amount, shares.foundation.0, carry.foundation)?;
    let (reserve, r) = part_with_carry(amount, shares.reserve.0, carry.reserve)?;
    let (stakers, s) = part_with_carry(amount, shares.stakers.0, carry.stakers)?;
    let (burned, b) = part_with_carry(amount, shares.burn.0, carry.burned)?;
    Ok(Split {
        routed: Routed {
            development_fund,
            foundation,
            reserve,
            stakers,
            burned,
        },
        protocol,
        carry: Carry {
            development_fund: d,
            foundation: f,
            reserve: r,
            stakers: s,
            burned: b,
            protocol: protocol_carry,
        },
    })
}

/// A piece of a fee split by [`split`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// What each payee is paid now.
    pub routed: Routed,
    /// The protocol part taken from the amount (the whole amount for a whole fee).
    pub protocol: Uint128,
    /// The carries after this piece.
    pub carry: Carry,
}

/// Per stream and asset: what has been routed to each payee so far.
pub const FEES_ROUTED: Map<(&str, &str), (Asset, Routed)> = Map::new("fees_routed");

/// Per stream and asset: what each payee is owed below a whole unit. A contract that routed
/// fees before carries existed has no entry: it starts at zero.
pub const FEE_CARRY: Map<(&str, &str), Carry> = Map::new("fee_carry");

/// Adds `routed` to the totals of `stream` in `asset`, and returns the `fee_routed` event
/// naming the stream, asset, the fee taken, every part and the units still held.
fn record(
    storage: &mut dyn Storage,
    stream: FeeStream,
    asset: &Asset,
    split: &Split,
) -> StdResult<Event> {
    let asset_key = asset.to_string();
    let routed = &split.routed;
    FEES_ROUTED.update(storage, (stream.key(), &asset_key), |v| -> StdResult<_> {
        let (_, mut total) = v.unwrap_or((asset.clone(), Routed::default()));
        total.add(routed)?;
        Ok((asset.clone(), total))
    })?;
    FEE_CARRY.save(storage, (stream.key(), &asset_key), &split.carry)?;
    Ok(Event::new("fee_routed")
        .add_attribute("stream", stream.key())
        .add_attribute("asset", asset_key)
        .add_attribute("fee", split.protocol)
        .add_attribute("development_fund", routed.development_fund)
        .add_attribute("foundation", routed.foundation)
        .add_attribute("reserve", routed.reserve)
        .add_attribute("stakers", routed.stakers)
        .add_attribute("burned", routed.burned)
        .add_attribute("held", split.carry.held()))
}

/// One row of a contract's `FeesRouted` query.
#[cw_serde]
pub struct RoutedTotal {
    /// The fee stream this is about.
    pub stream: String,
    /// The asset the fees were paid in.
    pub asset: Asset,
    /// What went to each payee.
    pub routed: Routed,
    /// What each payee is owed below a whole unit, in ten-thousandths.
    #[serde(default)]
    pub carry: Carry,
    /// The whole units of these carries the contract keeps until they are paid (for the
    /// management stream: fee shares not yet minted).
    #[serde(default)]
    pub held: Uint128,
}

/// Every stream's routed totals, by asset. Bounded: a contract has at most four streams, and
/// takes BTT and its configured native denoms.
pub fn routed_totals(storage: &dyn Storage) -> StdResult<Vec<RoutedTotal>> {
    FEES_ROUTED
        .range(storage, None, None, Order::Ascending)
        .map(|item| {
            let ((stream, asset_key), (asset, routed)) = item?;
            let carry = FEE_CARRY
                .may_load(storage, (&stream, &asset_key))?
                .unwrap_or_default();
            Ok(RoutedTotal {
                stream,
                asset,
                routed,
                carry,
                held: carry.held(),
            })
        })
        .collect()
}

/// A fee ready to pay out: the messages, the event, and what each payee got.
#[derive(Debug)]
pub struct RoutedFee {
    /// Transfers, the staking deposit and the burn.
    pub msgs: Vec<CosmosMsg>,
    /// A `fee_routed` event naming the stream, asset and every part.
    pub event: Event,
    /// The parts.
    pub routed: Routed,
    /// What the fee took from the amount routed: all of it for a whole fee, the protocol part
    /// for `route_part` (the rest is the caller's).
    pub protocol: Uint128,
}

/// A labelled deposit of `amount` into btt-dao's `fund` at `dao`: a cw20 `Send` for BTT, an
/// execute with the coin for a native denom; any other cw20 is transferred plainly (the
/// treasury labels only BTT and native denoms).
fn deposit_msg(
    fee: &FeeAsset,
    dao: &Addr,
    fund: Fund,
    amount: Uint128,
) -> StdResult<Option<CosmosMsg>> {
    if amount.is_zero() {
        return Ok(None);
    }
    Ok(Some(match fee.asset {
        Asset::Cw20(a) if a == fee.token => TokenContract(a.clone()).send_msg(
            dao,
            amount,
            &crate::dao::ReceiveMsg::Deposit { fund },
        )?,
        Asset::Native(denom) => cosmwasm_std::WasmMsg::Execute {
            contract_addr: dao.to_string(),
            msg: cosmwasm_std::to_json_binary(&crate::dao::ExecuteMsg::Deposit { fund })?,
            funds: cosmwasm_std::coins(amount.u128(), denom),
        }
        .into(),
        Asset::Cw20(_) => return fee.asset.transfer_msg(dao, amount),
    }))
}

/// What asset a fee is in, and what that allows.
pub struct FeeAsset<'a> {
    /// The asset.
    pub asset: &'a Asset,
    /// The BTT cw20.
    pub token: &'a Addr,
    /// The transaction's burn rule holds (always true where no high-value rule applies).
    pub burnable: bool,
}

impl FeeAsset<'_> {
    /// What the fee's asset and the transaction allow.
    pub fn payable(&self) -> Payable {
        let btt = matches!(self.asset, Asset::Cw20(a) if a == self.token);
        Payable {
            burn: btt && self.burnable,
            stake: btt || matches!(self.asset, Asset::Native(d) if d != BTT_REWARDS),
        }
    }
}

impl FeeRouting {
    /// Splits a fee of `stream` in `asset` with the stream's carries (see [`split`]), records
    /// the totals and the new carries, and returns the parts with the `fee_routed` event. For
    /// fees paid out by minting (vault shares); [`FeeRouting::route`] also builds the transfers.
    pub fn allot(
        &self,
        storage: &mut dyn Storage,
        stream: FeeStream,
        asset: &Asset,
        payable: Payable,
        amount: Uint128,
    ) -> StdResult<(Split, Event)> {
        let shares = payable_shares(&self.shares(stream)?, payable);
        let carry = FEE_CARRY
            .may_load(storage, (stream.key(), &asset.to_string()))?
            .unwrap_or_default();
        let split = split(amount, &shares, &carry)?;
        let event = record(storage, stream, asset, &split)?;
        Ok((split, event))
    }

    /// Routes a whole fee of `stream`: each payee its share and what it carried, in whole units
    /// (see [`split`]); records it and returns what carries it out.
    pub fn route(
        &self,
        storage: &mut dyn Storage,
        stream: FeeStream,
        fee: &FeeAsset,
        amount: Uint128,
    ) -> StdResult<RoutedFee> {
        let (split, event) = self.allot(storage, stream, fee.asset, fee.payable(), amount)?;
        self.pay(fee, split, event)
    }

    /// Routes the protocol part of `amount` (compute's price): the protocol part, with its own
    /// carry, is `RoutedFee::protocol`; the rest is the caller's (the contributors').
    pub fn route_part(
        &self,
        storage: &mut dyn Storage,
        stream: FeeStream,
        fee: &FeeAsset,
        amount: Uint128,
    ) -> StdResult<RoutedFee> {
        self.route(storage, stream, fee, amount)
    }

    fn pay(&self, fee: &FeeAsset, split: Split, event: Event) -> StdResult<RoutedFee> {
        let routed = split.routed;
        let p = &self.payees;
        let treasury = |fund| p.treasury.then_some(fund);
        let mut msgs: Vec<CosmosMsg> = [
            (
                &p.development_fund,
                routed.development_fund,
                treasury(Fund::DevelopmentFees),
            ),
            (&p.foundation, routed.foundation, None),
            (
                &p.reserve,
                routed.reserve,
                treasury(Fund::OperationalReserve),
            ),
        ]
        .into_iter()
        .map(|(to, amount, fund)| match fund {
            Some(fund) => deposit_msg(fee, to, fund, amount),
            None => fee.asset.transfer_msg(to, amount),
        })
        .collect::<StdResult<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
        if !routed.stakers.is_zero() {
            let staking = StakingContract(p.staking.clone());
            msgs.push(match fee.asset {
                Asset::Cw20(token) => {
                    staking.distribute_msg(&TokenContract(token.clone()), routed.stakers)?
                }
                Asset::Native(denom) => staking.distribute_native_msg(denom, routed.stakers)?,
            });
        }
        if !routed.burned.is_zero() {
            msgs.push(TokenContract(fee.token.clone()).burn_msg(routed.burned)?);
        }
        Ok(RoutedFee {
            msgs,
            event,
            routed,
            protocol: split.protocol,
        })
    }
}

/// How code before the fee router stored the RWA contracts' fee rules, for their migrations.
pub mod legacy {
    use super::*;

    /// The high-value burn rule of code before the fee router.
    #[cw_serde]
    pub struct BurnRule {
        /// A BTT transaction worth at least this many ubtt burned part of its fee.
        pub threshold: Uint128,
        /// The part burned.
        pub share: Bps,
    }

    /// A labelled fee recipient of code before the fee router.
    #[cw_serde]
    pub struct Recipient {
        /// Its label.
        pub label: String,
        /// Its address.
        pub address: Addr,
        /// Its share of a fee after the burn.
        pub share: Bps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{MockApi, MockStorage};
    use proptest::prelude::*;

    const SET: StreamSet = StreamSet {
        streams: &[FeeStream::Trade, FeeStream::Management],
        whole: Bps::FULL,
        unstakeable: &[FeeStream::Management],
    };

    fn shares(d: u16, f: u16, r: u16, s: u16, b: u16) -> FeeShares {
        FeeShares {
            development_fund: Bps(d),
            foundation: Bps(f),
            reserve: Bps(r),
            stakers: Bps(s),
            burn: Bps(b),
        }
    }

    fn msg(routes: Vec<FeeRoute>) -> FeeRoutingMsg {
        let api = MockApi::default();
        FeeRoutingMsg {
            payees: FeePayeesMsg {
                development_fund: api.addr_make("dao").to_string(),
                foundation: api.addr_make("foundation").to_string(),
                reserve: api.addr_make("dao").to_string(),
                staking: api.addr_make("staking").to_string(),
                treasury: false,
            },
            routes,
        }
    }

    fn route(stream: FeeStream, s: FeeShares) -> FeeRoute {
        FeeRoute { stream, shares: s }
    }

    fn good() -> FeeRouting {
        msg(vec![
            route(FeeStream::Trade, shares(3_500, 2_000, 500, 2_000, 2_000)),
            route(FeeStream::Management, shares(5_000, 3_000, 2_000, 0, 0)),
        ])
        .validate(&MockApi::default(), &SET)
        .unwrap()
    }

    #[test]
    fn every_stream_once_summing_to_its_whole_with_dev_fund_and_foundation() {
        let api = MockApi::default();
        let t = |s| route(FeeStream::Trade, s);
        let m = route(FeeStream::Management, shares(5_000, 3_000, 2_000, 0, 0));
        let err = |routes| msg(routes).validate(&api, &SET).unwrap_err();
        assert_eq!(
            err(vec![t(shares(5_000, 3_000, 1_999, 0, 0)), m.clone()]),
            FeeRouteError::SharesDontSum {
                stream: FeeStream::Trade,
                total: 9_999,
                whole: 10_000
            }
        );
        assert_eq!(
            err(vec![t(shares(0, 5_000, 5_000, 0, 0)), m.clone()]),
            FeeRouteError::MissingPayee {
                stream: FeeStream::Trade
            }
        );
        assert_eq!(
            err(vec![t(shares(5_000, 0, 5_000, 0, 0)), m.clone()]),
            FeeRouteError::MissingPayee {
                stream: FeeStream::Trade
            }
        );
        assert_eq!(
            err(vec![m.clone()]),
            FeeRouteError::MissingStream {
                stream: FeeStream::Trade
            }
        );
        assert_eq!(
            err(vec![m.clone(), m.clone()]),
            FeeRouteError::DuplicateStream {
                stream: FeeStream::Management
            }
        );
        assert_eq!(
            err(vec![route(FeeStream::Mint, shares(10_000, 0, 0, 0, 0))]),
            FeeRouteError::UnknownStream {
                stream: FeeStream::Mint
            }
        );
        assert_eq!(
            err(vec![
                t(shares(5_000, 3_000, 2_000, 0, 0)),
                route(FeeStream::Management, shares(5_000, 3_000, 1_000, 1_000, 0))
            ]),
            FeeRouteError::Unstakeable {
                stream: FeeStream::Management
            }
        );
    }

    #[test]
    fn an_update_changes_only_the_streams_it_names_and_is_checked_the_same() {
        let api = MockApi::default();
        let routing = good();
        let update = FeeRoutingUpdate {
            payees: None,
            routes: vec![route(
                FeeStream::Trade,
                shares(4_000, 3_000, 1_000, 2_000, 0),
            )],
        };
        let new = routing.updated(&api, &SET, &update).unwrap();
        assert_eq!(new.shares(FeeStream::Trade).unwrap().burn, Bps(0));
        assert_eq!(
            new.shares(FeeStream::Management).unwrap(),
            routing.shares(FeeStream::Management).unwrap()
        );
        let bad = FeeRoutingUpdate {
            payees: None,
            routes: vec![route(
                FeeStream::Trade,
                shares(4_000, 3_000, 1_000, 2_001, 0),
            )],
        };
        assert!(matches!(
            routing.updated(&api, &SET, &bad),
            Err(FeeRouteError::SharesDontSum { total: 10_001, .. })
        ));
        let foreign = FeeRoutingUpdate {
            payees: None,
            routes: vec![route(FeeStream::Compute, shares(5_000, 5_000, 0, 0, 0))],
        };
        assert!(matches!(
            routing.updated(&api, &SET, &foreign),
            Err(FeeRouteError::UnknownStream { .. })
        ));
    }

    #[test]
    fn a_btt_fee_reaches_each_payee_and_the_dust_is_carried_for_each() {
        let mut storage = MockStorage::new();
        let token = MockApi::default().addr_make("btt");
        let asset = Asset::Cw20(token.clone());
        let fee = FeeAsset {
            asset: &asset,
            token: &token,
            burnable: true,
        };
        let out = good()
            .route(
                &mut storage,
                FeeStream::Trade,
                &fee,
                Uint128::new(1_000_003),
            )
            .unwrap();
        assert_eq!(
            out.routed,
            Routed {
                development_fund: Uint128::new(350_001),
                foundation: Uint128::new(200_000),
                reserve: Uint128::new(50_000),
                stakers: Uint128::new(200_000),
                burned: Uint128::new(200_000),
            }
        );
        assert_eq!(out.protocol, Uint128::new(1_000_003));
        assert_eq!(
            out.msgs.len(),
            5,
            "three transfers, a staking deposit, a burn"
        );
        let totals = routed_totals(&storage).unwrap();
        assert_eq!(totals.len(), 1);
        assert_eq!(totals[0].routed, out.routed);
        // 0.05 + 0.6 + 0.15 + 0.6 + 0.6 ubtt carried: the 2 ubtt the contract keeps.
        assert_eq!(
            totals[0].carry,
            Carry {
                development_fund: 500,
                foundation: 6_000,
                reserve: 1_500,
                stakers: 6_000,
                burned: 6_000,
                protocol: 0,
            }
        );
        assert_eq!(totals[0].held, Uint128::new(2));
        let attr = |k: &str| {
            out.event
                .attributes
                .iter()
                .find(|a| a.key == k)
                .unwrap()
                .value
                .clone()
        };
        assert_eq!((attr("fee"), attr("held")), ("1000003".into(), "2".into()));
        // 7 ubtt more: 1,000,010 routed in all, each part what 1,000,010 at once pays.
        let next = good()
            .route(&mut storage, FeeStream::Trade, &fee, Uint128::new(7))
            .unwrap();
        let totals = routed_totals(&storage).unwrap();
        assert_eq!(
            next.routed.total().unwrap(),
            Uint128::new(8),
            "7 taken, 1 released"
        );
        assert_eq!(
            totals[0].routed,
            Routed {
                development_fund: Uint128::new(350_003),
                foundation: Uint128::new(200_002),
                reserve: Uint128::new(50_000),
                stakers: Uint128::new(200_002),
                burned: Uint128::new(200_002),
            }
        );
        assert_eq!(totals[0].held, Uint128::new(1));
    }

    /// The service shares of genesis (40/25/10/25/0), as payfi routes its tier fee.
    fn service() -> FeeRouting {
        let set = StreamSet {
            streams: &[FeeStream::PaymentTier],
            whole: Bps::FULL,
            unstakeable: &[],
        };
        msg(vec![route(
            FeeStream::PaymentTier,
            shares(4_000, 2_500, 1_000, 2_500, 0),
        )])
        .validate(&MockApi::default(), &set)
        .unwrap()
    }

    fn route_pieces(routing: &FeeRouting, pieces: &[u128]) -> (Routed, Uint128) {
        let mut storage = MockStorage::new();
        let token = MockApi::default().addr_make("btt");
        let asset = Asset::Cw20(token.clone());
        let fee = FeeAsset {
            asset: &asset,
            token: &token,
            burnable: true,
        };
        let mut paid = Routed::default();
        for p in pieces {
            let out = routing
                .route(&mut storage, FeeStream::PaymentTier, &fee, Uint128::new(*p))
                .unwrap();
            paid.add(&out.routed).unwrap();
        }
        let totals = routed_totals(&storage).unwrap();
        assert_eq!(totals[0].routed, paid, "FEES_ROUTED is what was paid");
        (paid, totals[0].held)
    }

    /// Issue 28, item 9: a PayFi bill of 100,100 ubtt paid whole takes an 801 ubtt fee; paid in
    /// 100 pieces of 1,001 ubtt it takes 9 ubtt a piece. Before, each piece floored each payee
    /// and gave the dust to the development fund: 500 / 200 / 0 / 200 for 900 of fees, the
    /// reserve starved. Now each payee carries its remainder.
    #[test]
    fn a_fee_paid_in_pieces_starves_no_payee() {
        let (whole, held) = route_pieces(&service(), &[801]);
        assert_eq!(
            (
                whole.development_fund,
                whole.foundation,
                whole.reserve,
                whole.stakers
            ),
            (
                Uint128::new(320),
                Uint128::new(200),
                Uint128::new(80),
                Uint128::new(200)
            )
        );
        assert_eq!(held, Uint128::new(1), "320.4 + 200.25 + 80.1 + 200.25");
        let (pieces, held) = route_pieces(&service(), &[9; 100]);
        assert_eq!(
            (
                pieces.development_fund,
                pieces.foundation,
                pieces.reserve,
                pieces.stakers
            ),
            (
                Uint128::new(360),
                Uint128::new(225),
                Uint128::new(90),
                Uint128::new(225)
            )
        );
        assert_eq!(held, Uint128::zero());
        assert!(
            pieces.reserve >= whole.reserve && pieces.development_fund >= whole.development_fund
        );
        // The same total paid at once or in pieces pays every payee the same.
        assert_eq!(route_pieces(&service(), &[900]).0, pieces);
    }

    /// A share trade's fee paid in pieces (the RWA shares 35/20/5/20/20, not burnable): the
    /// reserve's 25% (its 5% and the burn's 20%) of 1,000 ubtt is 250 whichever way it is paid.
    #[test]
    fn a_trade_fee_in_pieces_gives_the_reserve_its_whole_share() {
        let mut storage = MockStorage::new();
        let token = MockApi::default().addr_make("btt");
        let asset = Asset::Native("uusdc".into());
        let fee = FeeAsset {
            asset: &asset,
            token: &token,
            burnable: false,
        };
        let mut reserve = Uint128::zero();
        for _ in 0..250 {
            reserve += good()
                .route(&mut storage, FeeStream::Trade, &fee, Uint128::new(4))
                .unwrap()
                .routed
                .reserve;
        }
        assert_eq!(reserve, Uint128::new(250));
        assert_eq!(routed_totals(&storage).unwrap()[0].held, Uint128::zero());
    }

    /// compute's 30% protocol part carries its own remainder: jobs of 1 ubtt pay 0.3 ubtt each
    /// to the protocol, never 0, and the contributors keep the rest.
    #[test]
    fn a_protocol_part_in_pieces_is_the_part_of_the_whole() {
        let set = StreamSet {
            streams: &[FeeStream::Compute],
            whole: Bps(3_000),
            unstakeable: &[],
        };
        let routing = msg(vec![route(
            FeeStream::Compute,
            shares(1_500, 1_000, 500, 0, 0),
        )])
        .validate(&MockApi::default(), &set)
        .unwrap();
        let mut storage = MockStorage::new();
        let token = MockApi::default().addr_make("btt");
        let asset = Asset::Cw20(token.clone());
        let fee = FeeAsset {
            asset: &asset,
            token: &token,
            burnable: true,
        };
        let (mut protocol, mut paid) = (Uint128::zero(), Routed::default());
        for _ in 0..10 {
            let out = routing
                .route_part(&mut storage, FeeStream::Compute, &fee, Uint128::one())
                .unwrap();
            protocol += out.protocol;
            paid.add(&out.routed).unwrap();
        }
        assert_eq!(protocol, Uint128::new(3));
        assert_eq!(
            (paid.development_fund, paid.foundation, paid.reserve),
            (Uint128::new(1), Uint128::new(1), Uint128::new(0))
        );
        // 1.5 / 1.0 / 0.5 owed; 2 paid of the 3 taken: 1 held, 0.5 + 0.5 carried.
        let row = &routed_totals(&storage).unwrap()[0];
        assert_eq!(row.held, Uint128::one());
        assert_eq!(
            (
                row.carry.development_fund,
                row.carry.reserve,
                row.carry.protocol
            ),
            (5_000, 5_000, 0)
        );
    }

    #[test]
    fn a_native_denom_is_a_real_one_before_staking_is_even_asked() {
        // The mock querier answers no wasm query: a refusal here comes before any.
        let querier = cosmwasm_std::testing::MockQuerier::<cosmwasm_std::Empty>::new(&[]);
        let querier = QuerierWrapper::new(&querier);
        for bad in ["btt", ""] {
            assert_eq!(
                good()
                    .check_staking_denoms(&querier, &["uusdc".into(), bad.into()])
                    .unwrap_err(),
                FeeRouteError::NotANativeDenom { denom: bad.into() }
            );
        }
        assert_eq!(good().check_staking_denoms(&querier, &[]), Ok(()));
    }

    #[test]
    fn what_cannot_be_burned_or_staked_goes_to_the_reserve() {
        let mut storage = MockStorage::new();
        let token = MockApi::default().addr_make("btt");
        let low_value = FeeAsset {
            asset: &Asset::Cw20(token.clone()),
            token: &token,
            burnable: false,
        };
        let r = good()
            .route(
                &mut storage,
                FeeStream::Trade,
                &low_value,
                Uint128::new(1_000),
            )
            .unwrap()
            .routed;
        assert_eq!((r.burned, r.reserve), (Uint128::zero(), Uint128::new(250)));
        let usdc = Asset::Native("uusdc".into());
        let native = FeeAsset {
            asset: &usdc,
            token: &token,
            burnable: true,
        };
        let r = good()
            .route(&mut storage, FeeStream::Trade, &native, Uint128::new(1_000))
            .unwrap()
            .routed;
        assert_eq!(
            (r.burned, r.stakers, r.reserve),
            (Uint128::zero(), Uint128::new(200), Uint128::new(250))
        );
        let other = Asset::Cw20(MockApi::default().addr_make("other"));
        let foreign = FeeAsset {
            asset: &other,
            token: &token,
            burnable: true,
        };
        let r = good()
            .route(
                &mut storage,
                FeeStream::Trade,
                &foreign,
                Uint128::new(1_000),
            )
            .unwrap()
            .routed;
        assert_eq!((r.stakers, r.reserve), (Uint128::zero(), Uint128::new(450)));
        assert_eq!(routed_totals(&storage).unwrap().len(), 3);
    }

    proptest! {
        /// Any total cut into any pieces, with any shares summing to 100% or to a protocol
        /// part: each payee is paid its exact share of the total less what it still carries,
        /// every carry stays below one unit, and the contract never pays more than it took.
        #[test]
        fn pieces_pay_each_payee_its_share_of_the_whole_less_its_carry(
            pieces in proptest::collection::vec(0u128..5_000, 1..60),
            cuts in proptest::collection::vec(0u16..=10_000, 4),
            whole in prop_oneof![Just(10_000u16), 1u16..=10_000],
        ) {
            let mut c: Vec<u16> = cuts.iter().map(|x| (u32::from(*x) * u32::from(whole) / 10_000) as u16).collect();
            c.sort_unstable();
            let s = FeeShares {
                development_fund: Bps(c[0]),
                foundation: Bps(c[1] - c[0]),
                reserve: Bps(c[2] - c[1]),
                stakers: Bps(c[3] - c[2]),
                burn: Bps(whole - c[3]),
            };
            let mut carry = Carry::default();
            let mut paid = Routed::default();
            let mut protocol = Uint128::zero();
            let total: u128 = pieces.iter().sum();
            for p in &pieces {
                let out = split(Uint128::new(*p), &s, &carry).unwrap();
                paid.add(&out.routed).unwrap();
                protocol += out.protocol;
                carry = out.carry;
                prop_assert!(out.carry.payees().iter().all(|c| *c < 10_000));
                prop_assert!(out.carry.protocol < 10_000);
                prop_assert!(protocol <= Uint128::new(total));
                // The contract keeps exactly what it took and did not pay.
                prop_assert_eq!(protocol, paid.total().unwrap() + out.carry.held());
            }
            let exact = |share: Bps| u128::from(share.0) * total;
            for (got, share, carried) in [
                (paid.development_fund, s.development_fund, carry.development_fund),
                (paid.foundation, s.foundation, carry.foundation),
                (paid.reserve, s.reserve, carry.reserve),
                (paid.stakers, s.stakers, carry.stakers),
                (paid.burned, s.burn, carry.burned),
            ] {
                // paid × 10,000 + carry = share × total: its share of the whole, to the carry.
                prop_assert_eq!(got.u128() * 10_000 + u128::from(carried), exact(share));
                // And what the same total paid at once pays it.
                prop_assert_eq!(got.u128(), exact(share) / 10_000);
            }
            prop_assert_eq!(protocol.u128(), u128::from(whole) * total / 10_000);
        }

        /// The DAO changes the shares (and whether the fee can be burned or staked) between
        /// any two pieces: what each payee carries is still under one unit, the contract still
        /// keeps exactly what it took and did not pay, and no payee is paid less than its exact
        /// share of every piece less its carry.
        #[test]
        fn carries_stay_under_a_unit_when_the_shares_change(
            pieces in proptest::collection::vec(
                (1u128..2_000, 1u16..5_000, 1u16..5_000, 0u16..5_000, any::<bool>(), any::<bool>()),
                1..60,
            ),
        ) {
            let mut carry = Carry::default();
            let mut paid = Routed::default();
            let mut taken = Uint128::zero();
            let mut exact = [0u128; 5];
            for (amount, d, f, r, burn, stake) in pieces {
                let rest = 10_000 - d - f;
                let s = payable_shares(
                    &shares(d, f, r.min(rest), (rest - r.min(rest)) / 2, rest - r.min(rest) - (rest - r.min(rest)) / 2),
                    Payable { burn, stake },
                );
                prop_assert_eq!(s.total(), 10_000);
                let out = split(Uint128::new(amount), &s, &carry).unwrap();
                carry = out.carry;
                paid.add(&out.routed).unwrap();
                taken += out.protocol;
                prop_assert_eq!(out.protocol, Uint128::new(amount));
                prop_assert_eq!(taken, paid.total().unwrap() + carry.held());
                for (e, b) in exact.iter_mut().zip([s.development_fund, s.foundation, s.reserve, s.stakers, s.burn]) {
                    *e += amount * u128::from(b.0);
                }
            }
            for (got, e, c) in [
                (paid.development_fund, exact[0], carry.development_fund),
                (paid.foundation, exact[1], carry.foundation),
                (paid.reserve, exact[2], carry.reserve),
                (paid.stakers, exact[3], carry.stakers),
                (paid.burned, exact[4], carry.burned),
            ] {
                prop_assert!(c < 10_000);
                prop_assert_eq!(got.u128() * 10_000 + u128::from(c), e);
            }
        }

        #[test]
        fn a_whole_fee_is_paid_out_to_the_ubtt(amount in 0u128..1_000_000_000_000_000, burn: bool, stake: bool) {
            let s = shares(3_333, 3_333, 1_111, 1_112, 1_111);
            let mut r = cut(Uint128::new(amount), &s, Payable { burn, stake });
            prop_assert!(r.total().unwrap() <= Uint128::new(amount));
            prop_assert!(Uint128::new(amount) - r.total().unwrap() < Uint128::new(5));
            if !burn { prop_assert!(r.burned.is_zero()); }
            if !stake { prop_assert!(r.stakers.is_zero()); }
            r.development_fund += Uint128::new(amount) - r.total().unwrap();
            prop_assert_eq!(r.total().unwrap(), Uint128::new(amount));
        }
    }
}
