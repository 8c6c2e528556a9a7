//! The invariants checked after every operation, each against the test-side [`Ledger`] or
//! against what a contract must hold for its books. A violation names the invariant and what
//! it saw.

use btt_deploy::deployment::Deployment;
use btt_economy::living::world::USDC;
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{Addr, Uint128};

use crate::ledger::{routed_burns, routed_rows, router_held, routers, Ledger};
use crate::suite::{Suite, WRONG_DENOM};

/// The invariants, by name, in the order they are checked.
pub const INVARIANTS: [&str; 20] = [
    "supply is 21,000,000 BTT less every burn seen",
    "every balance the ledger moved is the chain's, and Σ of the ledger is the supply",
    "the fee routers' burns are the burns they reported",
    "compute-escrow holds its open jobs' escrow, its bonds and its router's carried units",
    "each job ended at most once, a job paid in full paid out its price exactly, and a failed job paid its clinic no more than it escrowed",
    "depin holds what it was funded less what it paid, and scheduled = paid + owed (locked or claimable) + carried exactly",
    "mining paid is the claims seen",
    "incentive-points holds its pool, its partners' prepaid fees and its router's carried units",
    "each patient's points are what was awarded less what was spent and expired",
    "btt-staking holds its stakes, its unbonding and its unclaimed rewards (BTT and USDC)",
    "total voting power is Σ of the stakers' power, and a proposal's total power never changes",
    "each vault's shares supply is its token's supply",
    "a vault holds its NFT while it trades, a sold one its proceeds; the vaults hold, in each denom, every vault's unpaid income, proceeds and standing bid, and the router's carried units",
    "the DAO holds, in BTT and in USDC, at least its labelled funds",
    "vesting: vested = claimed + claimable for every schedule, and it holds what is unclaimed",
    "no contract holds a denom nobody can withdraw",
    "payfi holds, in each denom, exactly its unsettled payments (principal − refunded + conversion fee) and its router's carried units",
    "each fee router paid each payee what its events said, and keeps, of what it took, only its payees' carries (each under one unit)",
    "points paid for are awarded or pending: reserved while refundable, then delivered or kept pending",
    "a node's counted capacity is confirmed by a challenge, at most what its bond covers, and what depin-rewards counts",
];

/// A broken invariant.
#[derive(Debug, Clone)]
pub struct Violation {
    pub invariant: String,
    pub detail: String,
}

macro_rules! check {
    ($index:expr, $cond:expr, $($detail:tt)+) => {
        if !$cond {
            return Err(Violation {
                invariant: INVARIANTS[$index].to_string(),
                detail: format!($($detail)+),
            });
        }
    };
}

fn q_err(e: impl std::fmt::Display) -> Violation {
    Violation {
        invariant: "the suite answers its queries".into(),
        detail: e.to_string(),
    }
}

/// What `contract` owes, by asset, against what it holds in BTT and in USDC.
fn books_by_denom(
    suite: &Suite,
    contract: &Addr,
    owed: &std::collections::BTreeMap<btt_types::asset::Asset, Uint128>,
) -> Result<Option<String>, Violation> {
    let q = suite.app.wrap();
    let token = &suite.deployment.token;
    let btt = btt_types::asset::Asset::Cw20(token.addr().clone());
    let usdc = btt_types::asset::Asset::Native(USDC.into());
    let held_btt = token.balance(&q, contract).map_err(q_err)?;
    let owed_btt = owed.get(&btt).copied().unwrap_or_default();
    if held_btt != owed_btt {
        return Ok(Some(format!("holds {held_btt} ubtt, owes {owed_btt}")));
    }
    let held_usdc = q.query_balance(contract, USDC).map_err(q_err)?.amount;
    let owed_usdc = owed.get(&usdc).copied().unwrap_or_default();
    if held_usdc != owed_usdc {
        return Ok(Some(format!("holds {held_usdc} uusdc, owes {owed_usdc}")));
    }
    Ok(None)
}

/// Checks every invariant; returns how many were checked.
pub fn check_all(suite: &Suite, ledger: &mut Ledger) -> Result<u32, Violation> {
    let app = &suite.app;
    let d: &Deployment = &suite.deployment;
    let q = app.wrap();
    let token = &d.token;
    let balance = |who: &Addr| token.balance(&q, who).map_err(q_err);

    // 0. supply
    let supply = token.token_info(&q).map_err(q_err)?.total_supply;
    check!(
        0,
        supply + ledger.burned == TOTAL_SUPPLY,
        "supply {supply}, burned {}",
        ledger.burned
    );

    // 1. the ledger's balances
    for who in &ledger.touched {
        let chain = balance(who)?;
        let mine = ledger.btt.get(who).copied().unwrap_or_default();
        check!(
            1,
            chain == mine,
            "{}: chain {chain}, ledger {mine}",
            suite.name_of(who)
        );
    }
    let sum: Uint128 = ledger.btt.values().copied().sum();
    check!(1, sum == supply, "Σ ledger {sum}, supply {supply}");

    // 2. routed burns
    let routed = routed_burns(app, d).map_err(q_err)?;
    check!(
        2,
        routed == ledger.router_burns,
        "routed {routed}, burned by routers {}",
        ledger.router_burns
    );

    // 3. escrow
    let escrow: btt_types::compute::TotalsResponse = q
        .query_wasm_smart(&d.escrow, &btt_types::compute::QueryMsg::Totals {})
        .map_err(q_err)?;
    let btt = btt_types::asset::Asset::Cw20(token.addr().clone());
    let carried = |contract: &Addr| -> Result<Uint128, Violation> {
        Ok(router_held(app, contract)
            .map_err(q_err)?
            .get(&btt)
            .copied()
            .unwrap_or_default())
    };
    let held = balance(&d.escrow)?;
    let escrow_carried = carried(&d.escrow)?;
    check!(
        3,
        held == escrow.escrow_btt + escrow.bonds + escrow_carried,
        "holds {held}, books {} + {} + carried {escrow_carried}",
        escrow.escrow_btt,
        escrow.bonds
    );

    // 4. jobs
    if let Some((job, n)) = ledger.job_ends.iter().find(|(_, n)| **n > 1) {
        check!(4, false, "job {job} ended {n} times");
    }
    if let Some((job, price, paid)) = ledger.bad_splits.first() {
        check!(4, false, "job {job}: price {price}, paid out {paid}");
    }
    if let Some((job, got, escrow)) = ledger.failed_job_overpaid.first() {
        check!(
            4,
            false,
            "failed job {job}: its clinic got {got} ubtt, escrowed {escrow}"
        );
    }

    // 5–6. depin
    let depin: btt_types::depin::StateResponse = q
        .query_wasm_smart(&d.depin, &btt_types::depin::QueryMsg::State {})
        .map_err(q_err)?;
    let held = balance(&d.depin)?;
    check!(
        5,
        held + depin.paid == depin.funded,
        "holds {held}, funded {} paid {}",
        depin.funded,
        depin.paid
    );
    check!(
        5,
        depin.paid + depin.carry + depin.owed == depin.scheduled,
        "paid {} + carry {} + owed {} ≠ scheduled {}",
        depin.paid,
        depin.carry,
        depin.owed,
        depin.scheduled
    );
    check!(
        6,
        depin.paid == ledger.depin_paid_at_template + ledger.mined,
        "paid {}, template {} + claims {}",
        depin.paid,
        ledger.depin_paid_at_template,
        ledger.mined
    );

    // 7. points pool
    let pool: btt_types::points::PoolResponse = q
        .query_wasm_smart(&d.points, &btt_types::points::QueryMsg::Pool {})
        .map_err(q_err)?;
    let mut prepaid = Uint128::zero();
    for a in &ledger.partners {
        if let Ok(p) = q.query_wasm_smart::<btt_types::points::Partner>(
            &d.points,
            &btt_types::points::QueryMsg::Partner {
                address: a.to_string(),
            },
        ) {
            prepaid += p.prepaid;
        }
    }
    let held = balance(&d.points)?;
    let points_carried = carried(&d.points)?;
    check!(
        7,
        held == pool.balance + prepaid + points_carried,
        "holds {held}, pool {} + prepaid {prepaid} + carried {points_carried}",
        pool.balance
    );

    // 8. points per patient
    let config: btt_types::points::ConfigResponse = q
        .query_wasm_smart(&d.points, &btt_types::points::QueryMsg::Config {})
        .map_err(q_err)?;
    let now = app.block_info().time;
    let period =
        now.seconds().saturating_sub(config.start.seconds()) / config.rules.period_seconds.max(1);
    ledger.expire_points(
        period
            .saturating_add(1)
            .saturating_sub(config.rules.expiry_periods),
    );
    for who in ledger.points.keys() {
        let b: btt_types::points::BalanceResponse = q
            .query_wasm_smart(
                &d.points,
                &btt_types::points::QueryMsg::Balance {
                    patient: who.to_string(),
                },
            )
            .map_err(q_err)?;
        let mine = ledger.points_of(who).unwrap_or_default();
        check!(
            8,
            b.points == mine,
            "{}: chain {} points, ledger {mine}",
            suite.name_of(who),
            b.points
        );
    }

    // 9. staking books
    let staking: btt_types::staking::TotalsResponse = q
        .query_wasm_smart(d.staking.addr(), &btt_types::staking::QueryMsg::Totals {})
        .map_err(q_err)?;
    let unclaimed = |denom: &str| {
        staking
            .rewards
            .iter()
            .find(|r| r.denom == denom)
            .map_or(Uint128::zero(), |r| r.deposited - r.claimed)
    };
    let held = balance(d.staking.addr())?;
    check!(
        9,
        held == staking.staked + staking.unbonding + unclaimed("btt"),
        "holds {held}, books {} + {} + {}",
        staking.staked,
        staking.unbonding,
        unclaimed("btt")
    );
    let held_usdc = q
        .query_balance(d.staking.addr(), USDC)
        .map_err(q_err)?
        .amount;
    check!(
        9,
        held_usdc == unclaimed(USDC),
        "holds {held_usdc} uusdc, unclaimed {}",
        unclaimed(USDC)
    );

    // 10. power
    let height = app.block_info().height;
    let total = d.staking.total_power_at(&q, height).map_err(q_err)?;
    let mut sum = Uint128::zero();
    for a in &ledger.stakers {
        sum += d.staking.voting_power_at(&q, a, height).map_err(q_err)?;
    }
    check!(10, total == sum, "total power {total}, Σ of stakers {sum}");
    for (id, power) in &ledger.proposal_power {
        let p = d.dao.proposal(&q, *id).map_err(q_err)?;
        check!(
            10,
            p.proposal.total_power == *power,
            "proposal {id}: total power {} was {power}",
            p.proposal.total_power
        );
    }

    // 11–12. vaults and shares
    let vaults = ledger.top_id("vault_id");
    let mut owed: std::collections::BTreeMap<btt_types::asset::Asset, Uint128> = Default::default();
    for vault_id in 1..=vaults {
        // Every vault the ledger saw created must stay readable.
        let v: btt_types::fractionalizer::VaultResponse = q
            .query_wasm_smart(
                &d.vaults,
                &btt_types::fractionalizer::QueryMsg::Vault { vault_id },
            )
            .map_err(|e| Violation {
                invariant: INVARIANTS[12].to_string(),
                detail: format!("vault {vault_id} cannot be read: {e}"),
            })?;
        let info: cw20::TokenInfoResponse = q
            .query_wasm_smart(&v.vault.shares_token, &cw20::Cw20QueryMsg::TokenInfo {})
            .map_err(q_err)?;
        check!(
            11,
            info.total_supply == v.vault.supply,
            "vault {vault_id}: token supply {}, vault {}",
            info.total_supply,
            v.vault.supply
        );
        use btt_types::fractionalizer::VaultStatus;
        if matches!(v.vault.status, VaultStatus::Active | VaultStatus::Auction) {
            let owner: cw721::msg::OwnerOfResponse = q
                .query_wasm_smart(
                    &d.nft,
                    &cw721::msg::Cw721QueryMsg::<
                        cosmwasm_std::Empty,
                        cosmwasm_std::Empty,
                        cosmwasm_std::Empty,
                    >::OwnerOf {
                        token_id: v.vault.token_id.clone(),
                        include_expired: None,
                    },
                )
                .map_err(q_err)?;
            check!(
                12,
                owner.owner == d.vaults.as_str(),
                "vault {vault_id} ({:?}): {} shares out, the NFT is {}'s",
                v.vault.status,
                info.total_supply,
                owner.owner
            );
        }
        if v.vault.status == VaultStatus::Sold && !info.total_supply.is_zero() {
            check!(
                12,
                !v.vault.proceeds_left.is_zero(),
                "vault {vault_id} sold: {} shares out and no proceeds left",
                info.total_supply
            );
        }
        let mut due = v.vault.income_deposited - v.vault.income_paid + v.vault.proceeds_left;
        // The standing bid, while the auction runs (a sold vault keeps its last auction).
        if v.vault.status == VaultStatus::Auction {
            due += v.auction.as_ref().map_or(Uint128::zero(), |a| a.bid);
        }
        *owed.entry(v.vault.asset.clone()).or_default() += due;
    }
    for (asset, units) in router_held(app, &d.vaults).map_err(q_err)? {
        *owed.entry(asset).or_default() += units;
    }
    if let Some(wrong) = books_by_denom(suite, &d.vaults, &owed)? {
        check!(12, false, "the vaults {wrong}");
    }

    // 13. the DAO, per denom
    let treasury = d.dao.treasury(&q, vec![USDC.into()]).map_err(q_err)?;
    for denom in ["btt", USDC] {
        let labelled: Uint128 = treasury
            .funds
            .iter()
            .filter(|f| f.denom == denom)
            .map(|f| f.amount)
            .sum();
        let held = if denom == "btt" {
            balance(d.dao.addr())?
        } else {
            q.query_balance(d.dao.addr(), denom).map_err(q_err)?.amount
        };
        check!(
            13,
            held >= labelled,
            "holds {held} {denom}, its funds say {labelled}"
        );
    }

    // 14. vesting
    if let Err(e) = btt_economy::living::checks::check_vesting(app, d) {
        check!(14, false, "{e}");
    }

    // 15. stray denoms
    for (name, addr) in d.contracts() {
        let wrong = q.query_balance(addr, WRONG_DENOM).map_err(q_err)?.amount;
        check!(15, wrong.is_zero(), "{name} holds {wrong} {WRONG_DENOM}");
    }
    let usdc_asset = btt_types::asset::Asset::Native(USDC.into());
    for addr in [
        d.token.addr(),
        d.vesting.addr(),
        &d.depin,
        &d.escrow,
        &d.points,
        &d.nft,
    ] {
        let usdc = q.query_balance(addr, USDC).map_err(q_err)?.amount;
        // compute-escrow also holds its open USDC jobs' escrow.
        let open = if *addr == d.escrow {
            btt_economy::living::checks::escrow_open_native(app, d, USDC).map_err(q_err)?
        } else {
            Uint128::zero()
        };
        // A fee router keeps its payees' carried units until they are paid.
        let carried = if routers(d).contains(&addr) {
            router_held(app, addr)
                .map_err(q_err)?
                .get(&usdc_asset)
                .copied()
                .unwrap_or_default()
        } else {
            Uint128::zero()
        };
        check!(
            15,
            usdc == carried + open,
            "{} holds {usdc} {USDC}, its router carries {carried}, its open jobs {open}",
            suite.name_of(addr)
        );
    }

    // 16. payfi: what is pending, by denom, paging through every pending payment
    let payfi: btt_types::payfi::TotalsResponse = q
        .query_wasm_smart(&d.payfi, &btt_types::payfi::QueryMsg::Totals {})
        .map_err(q_err)?;
    let mut pending = vec![];
    let mut start_after = None;
    loop {
        let page: btt_types::payfi::PaymentsResponse = q
            .query_wasm_smart(
                &d.payfi,
                &btt_types::payfi::QueryMsg::PendingSettlements {
                    start_after,
                    limit: Some(30),
                },
            )
            .map_err(q_err)?;
        let Some(last) = page.payments.last().map(|p| p.id) else {
            break;
        };
        start_after = Some(last);
        pending.extend(page.payments);
        // A cursor that does not move on would page forever: more than the books hold is
        // already the violation.
        if pending.len() as u64 > payfi.pending {
            break;
        }
    }
    check!(
        16,
        pending.len() as u64 == payfi.pending,
        "{} pending, {} listed",
        payfi.pending,
        pending.len()
    );
    let mut owed: std::collections::BTreeMap<btt_types::asset::Asset, Uint128> = Default::default();
    for p in &pending {
        *owed.entry(p.asset.clone()).or_default() += p.principal - p.refunded + p.conversion_fee;
    }
    for (asset, units) in router_held(app, &d.payfi).map_err(q_err)? {
        *owed.entry(asset).or_default() += units;
    }
    if let Some(wrong) = books_by_denom(suite, &d.payfi, &owed)? {
        check!(16, false, "payfi {wrong} in pending payments and carries");
    }

    // 17. per payee, per router: the totals are the events', and what was taken is what was
    //     paid plus what is held for the carries, each carry under one unit.
    for contract in routers(d) {
        for row in routed_rows(app, contract).map_err(q_err)? {
            let key = (contract.clone(), row.stream.clone(), row.asset.to_string());
            let (paid, taken) = ledger.routed.get(&key).copied().unwrap_or_default();
            let name = suite.name_of(contract);
            check!(
                17,
                row.routed == paid,
                "{name} {}: totals {:?}, events {paid:?}",
                key.1,
                row.routed
            );
            let c = row.carry;
            check!(
                17,
                [
                    c.development_fund,
                    c.foundation,
                    c.reserve,
                    c.stakers,
                    c.burned,
                    c.protocol
                ]
                .iter()
                .all(|x| *x < 10_000),
                "{name} {}: a carry of a unit or more {c:?}",
                key.1
            );
            let total = row.routed.total().map_err(q_err)?;
            check!(
                17,
                total + row.held == taken,
                "{name} {} in {}: paid {total} + held {} != taken {taken}",
                key.1,
                key.2,
                row.held
            );
        }
    }

    // 18. points paid for are awarded or pending
    for id in 1..=payfi.invoices {
        let inv: btt_types::payfi::Invoice = q
            .query_wasm_smart(
                &d.payfi,
                &btt_types::payfi::QueryMsg::Invoice { invoice_id: id },
            )
            .map_err(q_err)?;
        let (Some(points), Some(_)) = (&inv.points, &inv.payer) else {
            continue;
        };
        let paid = inv.status == btt_types::payfi::InvoiceStatus::Paid;
        let Some(contract) = &inv.points_reserved else {
            check!(
                18,
                !paid,
                "invoice {id} is paid for {} points that nobody reserved",
                points.points
            );
            continue;
        };
        let r: Option<btt_types::points::Reservation> = q
            .query_wasm_smart(
                contract,
                &btt_types::points::QueryMsg::Reservation { invoice_id: id },
            )
            .map_err(q_err)?;
        match (&inv.points_awarded, r) {
            // Still refundable: reserved for it, not yet owed.
            (None, Some(r)) => check!(
                18,
                paid && !r.settled && r.points == points.points,
                "invoice {id}: reservation {r:?} of a payment not settled"
            ),
            (None, None) => check!(18, false, "invoice {id}: its reservation is gone"),
            // Settled: delivered (gone) or pending and listed.
            (Some(_), None) => {}
            (Some(_), Some(r)) => {
                let pending: btt_types::points::ReservationsResponse = q
                    .query_wasm_smart(
                        contract,
                        &btt_types::points::QueryMsg::PendingAwards {
                            start_after: id.checked_sub(1),
                            limit: Some(1),
                        },
                    )
                    .map_err(q_err)?;
                check!(
                    18,
                    r.settled && pending.reservations.first().map(|p| p.invoice_id) == Some(id),
                    "invoice {id}: settled, its points neither delivered nor listed pending"
                );
            }
        }
    }
    // 19. capacity
    let per_unit = suite.config.compute.bond_per_capacity_unit;
    let mut start_after = None;
    loop {
        let page: btt_types::compute::NodesResponse = q
            .query_wasm_smart(
                &d.escrow,
                &btt_types::compute::QueryMsg::Nodes {
                    start_after,
                    limit: Some(30),
                },
            )
            .map_err(q_err)?;
        let Some(last) = page.nodes.last().map(|n| n.id) else {
            break;
        };
        start_after = Some(last);
        for n in &page.nodes {
            let covered = cosmwasm_std::Decimal::from_ratio(n.bond, per_unit);
            check!(
                19,
                n.counted_capacity <= n.verified_capacity && n.counted_capacity <= covered,
                "node {}: counts {}, verified {}, bond covers {covered}",
                n.id,
                n.counted_capacity,
                n.verified_capacity
            );
            if let Ok(m) = q.query_wasm_smart::<btt_types::depin::NodeResponse>(
                &d.depin,
                &btt_types::depin::QueryMsg::Node { node_id: n.id },
            ) {
                check!(
                    19,
                    m.capacity.target == n.counted_capacity,
                    "node {}: escrow counts {}, depin {}",
                    n.id,
                    n.counted_capacity,
                    m.capacity.target
                );
            }
        }
    }
    Ok(INVARIANTS.len() as u32)
}
