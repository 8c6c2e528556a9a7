//! Issue 28's attacks on the vaults: the curator's `RedeemNft` that skipped the management fee
//! (item 7), every other path that ends a vault or moves its NFT, and a trade fee paid in
//! pieces (item 9). Each shows the attacker no richer and the protocol paid, in ubtt or shares.

use btt_testing::Harness;
use btt_types::fee_router::{RoutedTotal, FEE_CARRY};
use btt_types::fractionalizer::{ExecuteMsg, MigrateMsg, QueryMsg, ReceiveMsg, VaultStatus};
use btt_types::units::btt;
use cosmwasm_std::Uint128;
use cw_multi_test::Executor;

use super::suite::{Suite, SuiteBuilder, DAY};
use crate::ContractError;

/// A little over a BTT year (365.2425 days): 1% of 1,000,000 shares is 10,000 fee shares, 8,000
/// the curator's and 2,000 the protocol's (1,000 / 600 / 400).
const YEAR: u64 = 365 * DAY + 6 * 3_600;
const PROTOCOL: [&str; 3] = ["devfund", "foundation", "reserve"];

fn protocol_shares(suite: &Suite, v: u64) -> [u128; 3] {
    PROTOCOL.map(|who| suite.holder(v, who).shares.u128())
}

fn routed(suite: &Suite, stream: &str) -> RoutedTotal {
    let rows: Vec<RoutedTotal> = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.vaults, &QueryMsg::FeesRouted {})
        .unwrap();
    rows.into_iter().find(|r| r.stream == stream).unwrap()
}

/// Item 7. Before: the curator, holding every share, waited a year and sent them all with
/// `RedeemNft`; the fee checkpoint was reset and the NFT left, the protocol's 2,000 fee shares
/// (0.2% of the vault) never minted. Now the fee accrues first, so the curator no longer holds
/// every share: it must buy the protocol's shares or end the vault by a buyout, which pays the
/// protocol its 2,000 / 1,010,000 of the price.
#[test]
fn the_curator_cannot_redeem_the_nft_around_the_protocols_fee_shares() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.advance(YEAR);
    // The curator's own 8,000 are not minted (they would burn at once); the protocol's are.
    assert_eq!(
        suite
            .send_shares(v, "clinic", 1_000_000, &ReceiveMsg::RedeemNft {})
            .unwrap_err(),
        ContractError::NotAllShares {
            supply: Uint128::new(1_002_000),
            sent: Uint128::new(1_000_000)
        }
    );
    assert_eq!(suite.nft_owner("mri-1"), suite.vaults.to_string());
    // Collected, the fee is the curator's 8,000 and the protocol's 2,000, split 50 / 30 / 20%.
    suite
        .execute("bob", &ExecuteMsg::CollectFees { vault_id: v })
        .unwrap();
    assert_eq!(protocol_shares(&suite, v), [1_000, 600, 400]);
    assert_eq!(suite.holder(v, "clinic").shares.u128(), 1_008_000);
    assert_eq!(
        suite
            .send_shares(v, "clinic", 1_008_000, &ReceiveMsg::RedeemNft {})
            .unwrap_err(),
        ContractError::NotAllShares {
            supply: Uint128::new(1_010_000),
            sent: Uint128::new(1_008_000)
        }
    );
    // The curator's way out is a buyout at the reserve price: 100,000 BTT.
    let clinic_before = suite.btt_balance("clinic");
    let payees_before: Vec<Uint128> = PROTOCOL.iter().map(|p| suite.btt_balance(p)).collect();
    let price = suite.reserve(v).min_bid;
    assert_eq!(price, btt(100_000));
    suite.bid("clinic", v, price).unwrap();
    suite.advance(3 * DAY);
    suite
        .execute("bob", &ExecuteMsg::SettleAuction { vault_id: v })
        .unwrap();
    assert_eq!(suite.nft_owner("mri-1"), suite.addr("clinic").to_string());
    assert_eq!(
        suite.shares_supply(v).u128(),
        1_010_000,
        "no fee in the auction"
    );
    suite
        .send_shares(v, "clinic", 1_008_000, &ReceiveMsg::Redeem {})
        .unwrap();
    for (who, shares) in PROTOCOL.iter().zip([1_000, 600, 400]) {
        suite
            .send_shares(v, who, shares, &ReceiveMsg::Redeem {})
            .unwrap();
    }
    // The curator paid exactly the protocol's part of the price: 2,000 / 1,010,000 of it.
    let protocol_part = Uint128::new(198_019_802);
    assert_eq!(
        clinic_before - suite.btt_balance("clinic"),
        protocol_part,
        "the curator ends poorer by the protocol's part, never richer"
    );
    let paid: Vec<Uint128> = PROTOCOL
        .iter()
        .zip(payees_before)
        .map(|(p, before)| suite.btt_balance(p) - before)
        .collect();
    assert_eq!(
        paid,
        [
            Uint128::new(99_009_901),
            Uint128::new(59_405_940),
            Uint128::new(39_603_961)
        ]
    );
    assert_eq!(paid.iter().copied().sum::<Uint128>(), protocol_part);
    assert_eq!(suite.query_vault(v).vault.status, VaultStatus::Closed);
    assert_eq!(suite.btt_of(&suite.vaults.clone()), Uint128::zero());
}

/// The curator's shares moved to another address of its own redeem no cheaper: the fee accrues
/// for anyone, the curator's 8,000 as well as the protocol's 2,000.
#[test]
fn a_sybil_of_the_curator_cannot_redeem_around_the_fee_either() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.transfer_shares(v, "clinic", "carol", 1_000_000);
    suite.advance(YEAR);
    assert_eq!(
        suite
            .send_shares(v, "carol", 1_000_000, &ReceiveMsg::RedeemNft {})
            .unwrap_err(),
        ContractError::NotAllShares {
            supply: Uint128::new(1_010_000),
            sent: Uint128::new(1_000_000)
        }
    );
    suite
        .execute("carol", &ExecuteMsg::CollectFees { vault_id: v })
        .unwrap();
    suite.transfer_shares(v, "clinic", "carol", 8_000);
    assert_eq!(
        suite
            .send_shares(v, "carol", 1_008_000, &ReceiveMsg::RedeemNft {})
            .unwrap_err(),
        ContractError::NotAllShares {
            supply: Uint128::new(1_010_000),
            sent: Uint128::new(1_008_000)
        }
    );
    // Bought from the protocol, every share redeems the NFT.
    for (who, shares) in PROTOCOL.iter().zip([1_000, 600, 400]) {
        suite.transfer_shares(v, who, "carol", shares);
    }
    suite
        .send_shares(v, "carol", 1_010_000, &ReceiveMsg::RedeemNft {})
        .unwrap();
    assert_eq!(suite.nft_owner("mri-1"), suite.addr("carol").to_string());
}

/// A curator holding every share redeems when no whole fee share is owed to the protocol: its
/// own new fee share (1 of a 1,000-share vault after 40 days) is not minted, just counted.
#[test]
fn the_curator_redeems_when_the_protocol_is_owed_no_whole_share() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.advance(40 * DAY);
    suite
        .send_shares(v, "clinic", 1_000, &ReceiveMsg::RedeemNft {})
        .unwrap();
    assert_eq!(suite.nft_owner("mri-1"), suite.addr("clinic").to_string());
    let vault = suite.query_vault(v).vault;
    assert_eq!(
        (vault.status, vault.fee_minted, vault.supply),
        (VaultStatus::Closed, Uint128::one(), Uint128::zero())
    );
    assert_eq!(suite.shares_supply(v), Uint128::zero());
}

/// The buyout path: the fee accrues when the auction starts (the protocol's 2,000 shares are
/// minted then) and not while it runs or after; the protocol redeems them for its part.
#[test]
fn a_buyout_accrues_the_fee_before_the_auction_and_pays_the_protocol_its_part() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.advance(YEAR);
    suite.bid("carol", v, btt(101_000)).unwrap();
    assert_eq!(protocol_shares(&suite, v), [1_000, 600, 400]);
    assert_eq!(suite.shares_supply(v).u128(), 1_010_000);
    suite.advance(3 * DAY + YEAR);
    suite
        .execute("bob", &ExecuteMsg::SettleAuction { vault_id: v })
        .unwrap();
    assert_eq!(suite.shares_supply(v).u128(), 1_010_000);
    assert_eq!(suite.query_vault(v).vault.supply.u128(), 1_010_000);
    let before = suite.btt_balance("devfund");
    suite
        .send_shares(v, "devfund", 1_000, &ReceiveMsg::Redeem {})
        .unwrap();
    // 1,000 / 1,010,000 of 101,000 BTT.
    assert_eq!(suite.btt_balance("devfund") - before, btt(100));
}

/// Item 9 in the vaults. A trade fee of 1,000 ubtt paid at once pays the reserve 300 (its 10%
/// and the 20% burn share of a trade under the burn threshold) and the stakers 100. Before,
/// bought one share at a time (a 5 ubtt fee each), every piece floored every payee: the reserve
/// got 200 and the stakers 0, the dust to the development fund. Now each payee carries its
/// remainder and the 200 pieces pay exactly what the whole does.
#[test]
fn a_trade_fee_paid_in_pieces_pays_every_payee_its_whole_share() {
    let mut whole = SuiteBuilder::default().build();
    let mut pieces = SuiteBuilder::default().build();
    for (suite, buys) in [(&mut whole, vec![200u128]), (&mut pieces, vec![1; 200])] {
        let v = suite.vault("mri-1", 1_000);
        suite.approve_shares(v, "clinic", 200);
        let id = suite.list("clinic", v, 200, Uint128::new(500)).unwrap();
        let alice = suite.btt_balance("alice");
        for shares in buys {
            suite.buy("alice", id, shares).unwrap();
        }
        assert_eq!(
            alice - suite.btt_balance("alice"),
            Uint128::new(101_000),
            "100,000 ubtt of shares and 1,000 of fees, either way"
        );
    }
    let (a, b) = (routed(&whole, "trade"), routed(&pieces, "trade"));
    assert_eq!(a.routed, b.routed);
    assert_eq!(
        [
            b.routed.development_fund,
            b.routed.foundation,
            b.routed.reserve,
            b.routed.stakers,
            b.routed.burned
        ],
        [400u128, 200, 300, 100, 0].map(Uint128::new)
    );
    assert_eq!((a.held, b.held), (Uint128::zero(), Uint128::zero()));
}

/// State written before carries existed (fees routed, no `fee_carry` entry) loads: the totals
/// keep counting, the carries start at zero, and the contract migrates.
#[test]
fn routed_totals_from_before_the_carries_load_and_keep_counting() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.approve_shares(v, "clinic", 10);
    let id = suite.list("clinic", v, 10, Uint128::new(500)).unwrap();
    suite.buy("alice", id, 1).unwrap();
    let first = routed(&suite, "trade");
    assert!(!first.held.is_zero() || first.carry != Default::default());
    // Back to the layout of code before the carries: the rows without a carry entry.
    let vaults = suite.vaults.clone();
    let asset = first.asset.to_string();
    FEE_CARRY.remove(
        suite.app.contract_storage_mut(&vaults).as_mut(),
        ("trade", &asset),
    );
    let owner = suite.addr("owner");
    let code_id = suite.app.contract_data(&vaults).unwrap().code_id;
    suite
        .app
        .migrate_contract(owner, vaults, &MigrateMsg::default(), code_id)
        .unwrap();
    let loaded = routed(&suite, "trade");
    assert_eq!(loaded.routed, first.routed);
    assert_eq!(
        (loaded.carry, loaded.held),
        (Default::default(), Uint128::zero())
    );
    suite.buy("alice", id, 1).unwrap();
    let next = routed(&suite, "trade");
    // The second 5 ubtt fee adds its parts to the first's: 2 + 2, 1 + 1, 1 + 1, 0 + 0.
    assert_eq!(
        [
            next.routed.development_fund,
            next.routed.foundation,
            next.routed.reserve,
            next.routed.stakers
        ],
        [4u128, 2, 2, 0].map(Uint128::new)
    );
}
