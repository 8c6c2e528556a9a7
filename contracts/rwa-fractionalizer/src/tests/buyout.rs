use btt_testing::Harness;
use btt_types::fractionalizer::{ExecuteMsg, ReceiveMsg, VaultStatus};
use btt_types::rwa_nft as nft_msg;
use btt_types::units::btt;
use cosmwasm_std::Uint128;
use cw_multi_test::Executor;

use super::suite::{Suite, SuiteBuilder, DAY, USDC};
use crate::ContractError;

/// A vault of 1,000 shares: clinic 500, alice 300, bob 200; 1,001 ubtt of income deposited.
fn shared_vault() -> (Suite, u64) {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.transfer_shares(v, "clinic", "alice", 300);
    suite.transfer_shares(v, "clinic", "bob", 200);
    suite.deposit("dave", v, 1_001).unwrap();
    (suite, v)
}

#[test]
fn reserve_price_is_share_weighted_and_bounded() {
    let (mut suite, v) = shared_vault();
    let signal = |p| ExecuteMsg::SignalReserve {
        vault_id: v,
        price: Some(p),
    };
    assert_eq!(
        suite.execute("alice", &signal(btt(300_001))).unwrap_err(),
        ContractError::ReserveOutOfBounds {
            min: btt(50_000),
            max: btt(300_000),
            got: btt(300_001)
        }
    );
    assert!(matches!(
        suite.execute("carol", &signal(btt(90_000))).unwrap_err(),
        ContractError::NotHolder { .. }
    ));
    suite.execute("alice", &signal(btt(200_000))).unwrap();
    // 300 shares at 200,000 and 700 at the initial 100,000
    assert_eq!(suite.query_vault(v).reserve_price, btt(130_000));
    // the weight moves with the shares
    suite.transfer_shares(v, "alice", "carol", 100);
    assert_eq!(suite.query_vault(v).reserve_price, btt(120_000));
    suite
        .execute(
            "alice",
            &ExecuteMsg::SignalReserve {
                vault_id: v,
                price: None,
            },
        )
        .unwrap();
    assert_eq!(suite.query_vault(v).reserve_price, btt(100_000));
}

#[test]
fn auction_runs_with_increments_extension_refunds_and_redemption() {
    let (mut suite, v) = shared_vault();
    assert_eq!(
        suite.bid("carol", v, btt(99_999)).unwrap_err(),
        ContractError::BidTooLow {
            min: btt(100_000),
            got: btt(99_999)
        }
    );
    let carol = suite.btt_balance("carol");
    suite.bid("carol", v, btt(100_000)).unwrap();
    let end = suite.auction(v).unwrap().end;
    assert_eq!(suite.query_vault(v).vault.status, VaultStatus::Auction);
    assert_eq!(
        suite.bid("dave", v, btt(104_999)).unwrap_err(),
        ContractError::BidTooLow {
            min: btt(105_000),
            got: btt(104_999)
        }
    );
    suite.advance(3 * DAY - 60);
    suite.bid("dave", v, btt(105_000)).unwrap();
    assert_eq!(
        suite.btt_balance("carol"),
        carol,
        "outbid carol is refunded"
    );
    let extended = suite.auction(v).unwrap().end;
    assert_eq!(extended, suite.now().plus_seconds(900));
    assert!(extended > end);
    assert!(matches!(
        suite
            .execute("bob", &ExecuteMsg::SettleAuction { vault_id: v })
            .unwrap_err(),
        ContractError::AuctionRunning { .. }
    ));
    assert!(matches!(
        suite
            .execute(
                "alice",
                &ExecuteMsg::SignalReserve {
                    vault_id: v,
                    price: Some(btt(90_000))
                }
            )
            .unwrap_err(),
        ContractError::WrongStatus { .. }
    ));
    suite.advance(900);
    assert_eq!(
        suite.bid("carol", v, btt(200_000)).unwrap_err(),
        ContractError::AuctionEnded { vault_id: v }
    );
    suite
        .execute("bob", &ExecuteMsg::SettleAuction { vault_id: v })
        .unwrap();
    assert_eq!(suite.nft_owner("mri-1"), suite.addr("dave").to_string());

    // holders redeem for their part of 105,000 BTT, with their income
    let alice = suite.btt_balance("alice");
    suite
        .send_shares(v, "alice", 300, &ReceiveMsg::Redeem {})
        .unwrap();
    assert_eq!(
        suite.btt_balance("alice") - alice,
        btt(31_500) + Uint128::new(300)
    );
    suite
        .send_shares(v, "bob", 200, &ReceiveMsg::Redeem {})
        .unwrap();
    let clinic = suite.btt_balance("clinic");
    suite
        .send_shares(v, "clinic", 500, &ReceiveMsg::Redeem {})
        .unwrap();
    assert_eq!(
        suite.btt_balance("clinic") - clinic,
        btt(52_500) + Uint128::new(500)
    );
    // nothing remains: no shares, no proceeds, no BTT in the vault
    let vault = suite.query_vault(v).vault;
    assert_eq!(vault.status, VaultStatus::Closed);
    assert_eq!(
        (vault.supply, vault.proceeds_left),
        (Uint128::zero(), Uint128::zero())
    );
    assert_eq!(suite.shares_supply(v), Uint128::zero());
    let vaults = suite.vaults.clone();
    assert_eq!(suite.btt_of(&vaults), Uint128::zero());
}

#[test]
fn a_holder_of_every_share_takes_the_nft_out() {
    let (mut suite, v) = shared_vault();
    assert_eq!(
        suite
            .send_shares(v, "clinic", 500, &ReceiveMsg::RedeemNft {})
            .unwrap_err(),
        ContractError::NotAllShares {
            supply: Uint128::new(1_000),
            sent: Uint128::new(500)
        }
    );
    suite.transfer_shares(v, "alice", "clinic", 300);
    suite.transfer_shares(v, "bob", "clinic", 200);
    suite
        .send_shares(v, "clinic", 1_000, &ReceiveMsg::RedeemNft {})
        .unwrap();
    assert_eq!(suite.nft_owner("mri-1"), suite.addr("clinic").to_string());
    assert_eq!(suite.query_vault(v).vault.status, VaultStatus::Closed);
    assert_eq!(suite.shares_supply(v), Uint128::zero());
    // alice and bob left with income owed; they can still claim it
    suite.claim("alice", v).unwrap();
    suite.claim("bob", v).unwrap();
    let vaults = suite.vaults.clone();
    assert_eq!(suite.btt_of(&vaults), Uint128::zero());
}

#[test]
fn redemption_needs_a_sold_vault() {
    let (mut suite, v) = shared_vault();
    assert!(matches!(
        suite
            .send_shares(v, "alice", 300, &ReceiveMsg::Redeem {})
            .unwrap_err(),
        ContractError::WrongStatus { .. }
    ));
    suite.bid("carol", v, btt(100_000)).unwrap();
    assert!(matches!(
        suite
            .send_shares(v, "clinic", 500, &ReceiveMsg::RedeemNft {})
            .unwrap_err(),
        ContractError::WrongStatus { .. }
    ));
}

#[test]
fn redeeming_the_nft_does_not_skip_the_curators_management_fee() {
    let (mut suite, v) = shared_vault();
    suite.transfer_shares(v, "clinic", "carol", 500);
    suite.transfer_shares(v, "alice", "carol", 300);
    suite.transfer_shares(v, "bob", "carol", 200);
    suite.advance(365 * DAY);
    let err = suite
        .send_shares(v, "carol", 1_000, &ReceiveMsg::RedeemNft {})
        .unwrap_err();
    let ContractError::NotAllShares { supply, sent } = err else {
        panic!("unexpected {err:?}");
    };
    assert_eq!(sent, Uint128::new(1_000));
    assert!(
        supply > Uint128::new(1_000),
        "the year's fee shares belong to the curator and must be bought too"
    );
    assert_eq!(suite.nft_owner("mri-1"), suite.vaults.to_string());
}

#[test]
fn a_majority_cannot_buy_the_asset_below_the_appraisal_floor() {
    let mut builder = SuiteBuilder::default();
    builder.buyout.appraisal_floor = cosmwasm_std::Decimal::percent(80);
    let mut suite = builder.build();
    let v = suite.vault("mri-1", 1_000);
    suite.transfer_shares(v, "clinic", "alice", 300);
    suite.transfer_shares(v, "clinic", "bob", 200);
    // The clinic (50%) and alice (30%) signal the lowest reserve, 0.5× the initial 100,000 BTT.
    for who in ["clinic", "alice"] {
        suite
            .execute(
                who,
                &ExecuteMsg::SignalReserve {
                    vault_id: v,
                    price: Some(btt(50_000)),
                },
            )
            .unwrap();
    }
    let reserve = suite.reserve(v);
    assert_eq!(
        reserve.appraisal_floor,
        btt(800_000),
        "80% of the 1,000,000 BTT appraisal"
    );
    assert_eq!(reserve.reserve_price, btt(800_000));
    assert_eq!(
        suite.bid("clinic", v, btt(60_000)).unwrap_err(),
        ContractError::BidTooLow {
            min: btt(800_000),
            got: btt(60_000)
        },
        "the share-weighted 60,000 BTT is not enough"
    );
    suite.bid("dave", v, btt(800_000)).unwrap();
}

#[test]
fn in_a_vault_priced_in_another_denom_the_floor_follows_the_initial_reserve() {
    let mut builder = SuiteBuilder::default();
    builder.buyout.appraisal_floor = cosmwasm_std::Decimal::percent(80);
    let mut suite = builder.build();
    // Appraised in BTT, its shares priced in USDC with a 5,000 USDC reserve.
    suite.mint("mri-usdc", btt(1_000_000));
    let nft = suite.nft.clone();
    suite
        .send_nft(
            &nft,
            "clinic",
            "mri-usdc",
            &Suite::hook(100, USDC, Uint128::new(5_000_000_000)),
        )
        .unwrap();
    let v = 1;
    suite.transfer_shares(v, "clinic", "alice", 40);
    suite
        .execute(
            "clinic",
            &ExecuteMsg::SignalReserve {
                vault_id: v,
                price: Some(Uint128::new(2_500_000_000)),
            },
        )
        .unwrap();
    let reserve = suite.reserve(v);
    assert_eq!(reserve.appraisal_floor, Uint128::new(4_000_000_000));
    assert_eq!(
        reserve.reserve_price,
        Uint128::new(4_000_000_000),
        "the 60% majority's 0.5× signal (3,500 USDC weighted) is floored at 80% of 5,000"
    );
}

/// Found by the fuzzer (`btt-fuzz`, seed 1): the winner of a buyout owns the NFT and may burn
/// it; the sold vault's `Vault` and `ReservePrice` queries then failed on the missing
/// appraisal, hiding the proceeds left from every holder still redeeming.
#[test]
fn a_sold_vault_stays_readable_after_the_buyer_burns_the_nft() {
    let (mut suite, v) = shared_vault();
    suite.bid("dave", v, btt(100_000)).unwrap();
    suite.advance(3 * DAY);
    suite
        .execute("bob", &ExecuteMsg::SettleAuction { vault_id: v })
        .unwrap();
    let dave = suite.addr("dave");
    let nft = suite.nft.clone();
    suite
        .app
        .execute_contract(
            dave,
            nft,
            &nft_msg::ExecuteMsg::Burn {
                token_id: "mri-1".into(),
            },
            &[],
        )
        .unwrap();
    let sold = suite.query_vault(v);
    assert_eq!(sold.vault.status, VaultStatus::Sold);
    assert_eq!(sold.vault.proceeds_left, btt(100_000));
    assert_eq!(suite.reserve(v).reserve_price, sold.reserve_price);
    // and the holders still redeem their part
    let alice = suite.btt_balance("alice");
    suite
        .send_shares(v, "alice", 300, &ReceiveMsg::Redeem {})
        .unwrap();
    assert_eq!(
        suite.btt_balance("alice") - alice,
        btt(30_000) + Uint128::new(300)
    );
}
