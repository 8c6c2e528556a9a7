use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::fractionalizer::{ExecuteMsg, QueryMsg, ReceiveMsg, VaultsResponse};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};

use super::suite::{SuiteBuilder, DAY, USDC};
use crate::ContractError;

#[test]
fn buyers_pay_price_plus_fee_by_staking_tier_and_sellers_get_the_price() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.approve_shares(v, "clinic", 400_000);
    let l = suite
        .list("clinic", v, 400_000, Uint128::new(10_000))
        .unwrap();
    // alice has no stake: 1%; bob stakes 10,000 BTT (priority 2): 0.6%
    suite.stake("bob", btt(10_000));
    let qa = suite.quote(l, 100_000, "alice");
    assert_eq!((qa.cost, qa.fee), (btt(1_000), btt(10)));
    assert_eq!(suite.quote(l, 100_000, "bob").fee, Uint128::new(6_000_000));

    let clinic_before = suite.btt_balance("clinic");
    let (dev, others) = (
        suite.btt_balance("devfund"),
        suite.btt_balance("foundation") + suite.btt_balance("reserve"),
    );
    suite.buy("alice", l, 100_000).unwrap();
    suite.buy("bob", l, 300_000).unwrap();
    assert_eq!(suite.btt_balance("clinic") - clinic_before, btt(4_000));
    assert_eq!(suite.holder(v, "alice").shares, Uint128::new(100_000));
    assert_eq!(suite.holder(v, "bob").shares, Uint128::new(300_000));
    assert_eq!(suite.holder(v, "clinic").listed, Uint128::zero());
    // fees: 10 + 18 BTT, below the burn threshold: 40% to devfund; foundation 20%, reserve 10%
    // and the unburned 20%
    assert_eq!(suite.btt_balance("devfund") - dev, Uint128::new(11_200_000));
    assert_eq!(
        suite.btt_balance("foundation") + suite.btt_balance("reserve") - others,
        btt(14)
    );
    assert!(matches!(
        suite
            .execute("alice", &ExecuteMsg::CancelListing { listing_id: l })
            .unwrap_err(),
        ContractError::NoListing { .. }
    ));
}

#[test]
fn a_high_value_trade_burns_part_of_its_btt_fee() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.approve_shares(v, "clinic", 100_000);
    let l = suite
        .list("clinic", v, 100_000, btt(1) / Uint128::new(5))
        .unwrap(); // 0.2 BTT a share
    let supply = suite.btt_supply();
    let q = suite.quote(l, 100_000, "alice");
    assert_eq!(q.cost, btt(20_000));
    let res = suite.buy("alice", l, 100_000).unwrap();
    let burned = btt(200) * Uint128::new(20) / Uint128::new(100);
    assert!(res.events.iter().any(|e| e
        .attributes
        .iter()
        .any(|a| a.key == "burned" && a.value == burned.to_string())));
    assert_eq!(supply - suite.btt_supply(), burned);
    let totals: btt_types::fractionalizer::FractionalizerTotalsResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.vaults, &QueryMsg::Totals {})
        .unwrap();
    assert_eq!(totals.burned, burned);
}

#[test]
fn listing_checks_shares_allowance_and_funds() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.transfer_shares(v, "clinic", "alice", 100);
    assert_eq!(
        suite.list("alice", v, 101, Uint128::new(5)).unwrap_err(),
        ContractError::InsufficientShares {
            available: Uint128::new(100),
            asked: Uint128::new(101)
        }
    );
    assert_eq!(
        suite.list("alice", v, 60, Uint128::new(5)).unwrap_err(),
        ContractError::AllowanceTooLow {
            allowance: Uint128::zero(),
            needed: Uint128::new(60)
        }
    );
    suite.approve_shares(v, "alice", 100);
    suite.list("alice", v, 60, Uint128::new(5)).unwrap();
    // listed shares count against what is left to list
    assert_eq!(
        suite.list("alice", v, 41, Uint128::new(5)).unwrap_err(),
        ContractError::InsufficientShares {
            available: Uint128::new(40),
            asked: Uint128::new(41)
        }
    );
    assert_eq!(
        suite.list("alice", v, 0, Uint128::new(5)).unwrap_err(),
        ContractError::ZeroAmount
    );
    let msg = ExecuteMsg::List {
        vault_id: v,
        shares: Uint128::new(1),
        price_per_share: Uint128::one(),
    };
    assert!(matches!(
        suite
            .execute_with_funds("alice", &msg, &coins(1, USDC))
            .unwrap_err(),
        ContractError::Payment(_)
    ));
    assert_eq!(
        suite.list("alice", 7, 1, Uint128::one()).unwrap_err(),
        ContractError::NoVault { vault_id: 7 }
    );
}

#[test]
fn purchases_are_checked() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.approve_shares(v, "clinic", 500);
    let l = suite.list("clinic", v, 500, btt(1)).unwrap();
    let total = suite.quote(l, 10, "alice").total;
    assert_eq!(
        suite
            .send_btt(
                "alice",
                total - Uint128::one(),
                &ReceiveMsg::Buy {
                    listing_id: l,
                    shares: Uint128::new(10)
                }
            )
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: total,
            got: total - Uint128::one()
        })
    );
    assert_eq!(
        suite.buy("alice", l, 501).unwrap_err(),
        ContractError::ExceedsListing {
            offered: Uint128::new(500),
            asked: Uint128::new(501)
        }
    );
    assert_eq!(
        suite.buy("clinic", l, 1).unwrap_err(),
        ContractError::OwnListing
    );
    let err = suite
        .execute_with_funds(
            "alice",
            &ExecuteMsg::Buy {
                listing_id: l,
                shares: Uint128::one(),
            },
            &coins(1_010_000, USDC),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Paid(PaidError::WrongAsset { .. })
    ));
    // the seller moves the shares away: the listing is no longer backed
    suite.transfer_shares(v, "clinic", "carol", 600);
    assert_eq!(
        suite.buy("alice", l, 450).unwrap_err(),
        ContractError::ListingUnbacked {
            asked: Uint128::new(450)
        }
    );
    assert_eq!(
        suite
            .execute("alice", &ExecuteMsg::CancelListing { listing_id: l })
            .unwrap_err(),
        ContractError::NotSeller { listing_id: l }
    );
    suite
        .execute("clinic", &ExecuteMsg::CancelListing { listing_id: l })
        .unwrap();
}

#[test]
fn premium_listing_features_a_vault_for_its_period() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.vault("mri-2", 1_000);
    assert_eq!(
        suite
            .send_btt("clinic", btt(99), &ReceiveMsg::Feature { vault_id: v })
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: btt(100),
            got: btt(99)
        })
    );
    let dev = suite.btt_balance("devfund");
    suite
        .send_btt("clinic", btt(100), &ReceiveMsg::Feature { vault_id: v })
        .unwrap();
    let featured = |s: &super::suite::Suite| -> Vec<u64> {
        let r: VaultsResponse = s
            .app
            .wrap()
            .query_wasm_smart(
                &s.vaults,
                &QueryMsg::Featured {
                    start_after: None,
                    limit: None,
                },
            )
            .unwrap();
        r.vaults.iter().map(|v| v.id).collect()
    };
    assert_eq!(featured(&suite), vec![v]);
    assert_eq!(suite.btt_balance("devfund") - dev, btt(40));
    suite.advance(30 * DAY);
    assert!(featured(&suite).is_empty());
}

#[test]
fn a_send_of_shares_with_a_hook_the_vault_refuses_changes_nothing() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    // a Send to the vault with a hook it does not accept from shares fails as a whole
    let err = suite
        .send_shares(v, "clinic", 10, &ReceiveMsg::Bid { vault_id: v })
        .unwrap_err();
    assert!(matches!(err, ContractError::WrongHook { .. }));
    assert_eq!(suite.holder(v, "clinic").shares, Uint128::new(1_000));
}
