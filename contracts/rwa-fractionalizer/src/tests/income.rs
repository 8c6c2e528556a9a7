use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::fractionalizer::ExecuteMsg;
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::Executor;

use super::suite::{SuiteBuilder, DAY, USDC};
use crate::ContractError;

#[test]
fn income_follows_shares_across_transfers() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.transfer_shares(v, "clinic", "alice", 1_000_000);
    suite.deposit("clinic", v, 1_000).unwrap();
    suite.transfer_shares(v, "alice", "bob", 500_000);
    suite.deposit("clinic", v, 1_000).unwrap();
    assert_eq!(suite.claimable(v, "alice"), 1_500);
    assert_eq!(suite.claimable(v, "bob"), 500);

    let before = suite.btt_balance("alice");
    suite.claim("alice", v).unwrap();
    assert_eq!(suite.btt_balance("alice") - before, Uint128::new(1_500));
    assert_eq!(
        suite.claim("alice", v).unwrap_err(),
        ContractError::NothingToClaim
    );
    suite.claim("bob", v).unwrap();
    assert_eq!(suite.claimable(v, "bob"), 0);
}

#[test]
fn rounding_keeps_less_than_one_unit_per_holder() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.transfer_shares(v, "clinic", "alice", 333_333);
    suite.transfer_shares(v, "clinic", "bob", 333_333);
    for _ in 0..7 {
        suite.deposit("dave", v, 1_001).unwrap();
        suite.transfer_shares(v, "alice", "carol", 1);
    }
    let total: u128 = ["clinic", "alice", "bob", "carol"]
        .iter()
        .map(|w| suite.claimable(v, w))
        .sum();
    assert!(total <= 7_007 && 7_007 - total < 4, "paid {total} of 7007");
}

#[test]
fn the_vault_ledger_mirrors_the_shares_token() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    suite.transfer_shares(v, "clinic", "alice", 400);
    suite.transfer_shares(v, "alice", "bob", 150);
    suite.approve_shares(v, "bob", 100);
    let (owner, recipient) = (
        suite.addr("bob").to_string(),
        suite.addr("carol").to_string(),
    );
    // a third party moves bob's shares with an allowance; the vault hears of it too
    suite
        .shares(
            v,
            "bob",
            &Cw20ExecuteMsg::IncreaseAllowance {
                spender: suite.addr("dave").to_string(),
                amount: Uint128::new(50),
                expires: None,
            },
        )
        .unwrap();
    suite
        .shares(
            v,
            "dave",
            &Cw20ExecuteMsg::TransferFrom {
                owner,
                recipient,
                amount: Uint128::new(50),
            },
        )
        .unwrap();
    for who in ["clinic", "alice", "bob", "carol"] {
        let addr = suite.addr(who);
        assert_eq!(
            suite.holder(v, who).shares,
            suite.share_balance(v, &addr),
            "{who}"
        );
    }
    assert_eq!(suite.holder(v, "carol").shares, Uint128::new(50));
}

#[test]
fn donations_do_not_change_share_value() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000_000);
    suite.transfer_shares(v, "clinic", "alice", 500_000);
    suite.deposit("clinic", v, 2_000).unwrap();
    // BTT given to the vault contract directly counts for nobody
    let vaults = suite.vaults.to_string();
    let token = suite.token.0.clone();
    let donor = suite.addr("dave");
    suite
        .app
        .execute_contract(
            donor,
            token,
            &Cw20ExecuteMsg::Transfer {
                recipient: vaults.clone(),
                amount: btt(50_000),
            },
            &[],
        )
        .unwrap();
    assert_eq!(suite.claimable(v, "alice"), 1_000);
    assert_eq!(suite.claimable(v, "clinic"), 1_000);
    // shares cannot be parked at the vault without a hook
    let err = suite
        .shares(
            v,
            "alice",
            &Cw20ExecuteMsg::Transfer {
                recipient: vaults,
                amount: Uint128::new(1),
            },
        )
        .unwrap_err();
    assert_eq!(
        err.downcast::<rwa_shares::ContractError>().unwrap(),
        rwa_shares::ContractError::UseSend
    );
    // nor burned by a holder
    let err = suite
        .shares(
            v,
            "alice",
            &Cw20ExecuteMsg::Burn {
                amount: Uint128::new(1),
            },
        )
        .unwrap_err();
    assert!(matches!(
        err.downcast::<rwa_shares::ContractError>().unwrap(),
        rwa_shares::ContractError::OnlyVault { .. }
    ));
    assert_eq!(suite.query_vault(v).reserve_price, btt(100_000));
}

#[test]
fn deposits_must_match_the_vault_asset_and_status() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    let err = suite
        .execute_with_funds(
            "clinic",
            &ExecuteMsg::DepositIncome { vault_id: v },
            &coins(5, USDC),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        ContractError::Paid(PaidError::WrongAsset { .. })
    ));
    let err = suite
        .execute("clinic", &ExecuteMsg::DepositIncome { vault_id: v })
        .unwrap_err();
    assert!(matches!(err, ContractError::Payment(_)));
    assert_eq!(
        suite.deposit("clinic", 99, 5).unwrap_err(),
        ContractError::NoVault { vault_id: 99 }
    );
}

#[test]
fn native_income_vaults_pay_in_their_denom() {
    let mut suite = SuiteBuilder::default().build();
    suite.mint("mri-u", btt(1_000_000));
    let nft = suite.nft.clone();
    suite
        .send_nft(
            &nft,
            "clinic",
            "mri-u",
            &super::suite::Suite::hook(100, USDC, Uint128::new(5_000_000)),
        )
        .unwrap();
    let v = 1;
    suite.transfer_shares(v, "clinic", "alice", 25);
    suite
        .execute_with_funds(
            "bob",
            &ExecuteMsg::DepositIncome { vault_id: v },
            &coins(1_000, USDC),
        )
        .unwrap();
    let before = suite
        .app
        .wrap()
        .query_balance(suite.addr("alice"), USDC)
        .unwrap()
        .amount;
    suite.claim("alice", v).unwrap();
    let after = suite
        .app
        .wrap()
        .query_balance(suite.addr("alice"), USDC)
        .unwrap()
        .amount;
    assert_eq!(after - before, Uint128::new(250));
    assert!(matches!(
        suite.deposit("bob", v, 10).unwrap_err(),
        ContractError::Paid(PaidError::WrongAsset { .. })
    ));
}

#[test]
fn management_fee_accrues_to_curator_and_protocol_however_often_collected() {
    let mut a = SuiteBuilder::default().build();
    let mut b = SuiteBuilder::default().build();
    let va = a.vault("mri-1", 1_000_000);
    let vb = b.vault("mri-1", 1_000_000);
    a.transfer_shares(va, "clinic", "alice", 1_000_000);
    b.transfer_shares(vb, "clinic", "alice", 1_000_000);
    // a collects once after a year, b every day (no rounding can be farmed away)
    a.advance(365 * DAY + 6 * 3_600);
    a.execute("bob", &ExecuteMsg::CollectFees { vault_id: va })
        .unwrap();
    for _ in 0..365 {
        b.advance(DAY);
        b.execute("bob", &ExecuteMsg::CollectFees { vault_id: vb })
            .unwrap();
    }
    b.advance(6 * 3_600);
    b.execute("bob", &ExecuteMsg::CollectFees { vault_id: vb })
        .unwrap();
    // 1% a year of the 1,000,000 issued shares (a BTT year is 365.2425 days): 80% to the
    // curator and 20% to the protocol, exactly, however often collected
    let protocol = |s: &super::suite::Suite, v| {
        ["devfund", "foundation", "reserve"].map(|who| s.holder(v, who).shares.u128())
    };
    for (s, v) in [(&a, va), (&b, vb)] {
        assert_eq!(s.holder(v, "clinic").shares.u128(), 8_000);
        assert_eq!(protocol(s, v).iter().sum::<u128>(), 2_000);
        assert_eq!(s.shares_supply(v).u128(), 1_010_000);
    }
    // the protocol's part splits 50 / 30 / 20% whether collected at once or daily: each
    // payee carries its remainder below a share from one collection to the next
    assert_eq!(protocol(&a, va), [1_000, 600, 400]);
    assert_eq!(protocol(&b, vb), [1_000, 600, 400]);
    assert_eq!(
        a.execute_with_funds(
            "bob",
            &ExecuteMsg::CollectFees { vault_id: va },
            &coins(1, USDC)
        )
        .unwrap_err(),
        ContractError::Payment(cw_utils::PaymentError::NonPayable {})
    );
}
