use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::bps::Bps;
use btt_types::fractionalizer::{ExecuteMsg, NftHook, ReceiveMsg};
use btt_types::units::btt;
use cosmwasm_std::{to_json_binary, Uint128};
use cw20::Cw20ExecuteMsg;
use cw_multi_test::Executor;

use super::suite::{instantiate_nft, mri, Suite, SuiteBuilder};
use crate::ContractError;

#[test]
fn nfts_of_another_contract_are_rejected() {
    let mut suite = SuiteBuilder::default().build();
    // a look-alike rwa-nft that is not the configured one
    let code = suite.app.contract_data(&suite.nft).unwrap().code_id;
    let owner = suite.addr("owner");
    let token = suite.token.0.clone();
    let staking = suite.staking.0.clone();
    let fake = instantiate_nft(&mut suite.app, code, &owner, &token, &staking);
    let hook = rwa_nft_hook();
    let fee = btt(10_000);
    let mint = btt_types::rwa_nft::ReceiveMsg::Mint(btt_types::rwa_nft::MintMsg {
        token_id: "fake".into(),
        owner: suite.addr("clinic").to_string(),
        token_uri: None,
        asset: mri(btt(1_000_000), "btt"),
    });
    let clinic = suite.addr("clinic");
    suite
        .app
        .execute_contract(
            clinic,
            token,
            &Cw20ExecuteMsg::Send {
                contract: fake.to_string(),
                amount: fee,
                msg: to_json_binary(&mint).unwrap(),
            },
            &[],
        )
        .unwrap();
    let err = suite.send_nft(&fake, "clinic", "fake", &hook).unwrap_err();
    assert!(matches!(err, ContractError::UnknownNft { .. }));
}

fn rwa_nft_hook() -> NftHook {
    Suite::hook(1_000, "btt", btt(1_000_000))
}

#[test]
fn hooks_from_unknown_tokens_are_rejected() {
    let mut suite = SuiteBuilder::default().build();
    let v = suite.vault("mri-1", 1_000);
    let owner = suite.addr("owner");
    let other =
        btt_testing::instantiate_token(&mut suite.app, &owner, "FAKE", &["alice"], btt(1_000));
    let msg = Cw20ExecuteMsg::Send {
        contract: suite.vaults.to_string(),
        amount: btt(5),
        msg: to_json_binary(&ReceiveMsg::DepositIncome { vault_id: v }).unwrap(),
    };
    let alice = suite.addr("alice");
    let err = suite
        .app
        .execute_contract(alice, other, &msg, &[])
        .unwrap_err();
    assert!(matches!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::UnknownToken(_)
    ));
    // BTT cannot pose as shares
    assert!(matches!(
        suite
            .send_btt("alice", btt(5), &ReceiveMsg::Redeem {})
            .unwrap_err(),
        ContractError::WrongHook { .. }
    ));
    // nor anyone report share moves but the vault's shares token
    let msg = ExecuteMsg::SharesMoved {
        from: suite.addr("clinic").to_string(),
        to: suite.addr("alice").to_string(),
        amount: Uint128::new(1_000),
    };
    assert!(matches!(
        suite.execute("alice", &msg).unwrap_err(),
        ContractError::WrongHook { .. }
    ));
}

#[test]
fn fractionalize_input_is_validated() {
    let mut suite = SuiteBuilder::default().build();
    suite.mint("mri-1", btt(1_000_000));
    let nft = suite.nft.clone();
    for (hook, reason) in [
        (Suite::hook(0, "btt", btt(1)), "shares"),
        (Suite::hook(10, "btt", Uint128::zero()), "reserve"),
    ] {
        let err = suite.send_nft(&nft, "clinic", "mri-1", &hook).unwrap_err();
        assert!(
            matches!(&err, ContractError::InvalidVault { reason: r } if r.contains(reason)),
            "{err}"
        );
    }
    assert_eq!(
        suite
            .send_nft(&nft, "clinic", "mri-1", &Suite::hook(10, "uatom", btt(1)))
            .unwrap_err(),
        ContractError::Paid(PaidError::UnknownDenom {
            denom: "uatom".into()
        })
    );
    // the NFT stayed with the clinic through every failure
    assert_eq!(suite.nft_owner("mri-1"), suite.addr("clinic").to_string());
}

#[test]
fn fees_outside_their_bands_are_refused() {
    let mut suite = SuiteBuilder::default().build();
    let code = suite.app.contract_data(&suite.vaults).unwrap().code_id;
    let owner = suite.addr("owner");
    let mut low = SuiteBuilder::default();
    low.fees.trade_by_priority = vec![Bps(100), Bps(40)];
    let mut high = SuiteBuilder::default();
    high.fees.management = Bps(250);
    for (builder, name) in [(low, "trade fee"), (high, "management fee")] {
        let msg = builder.instantiate_msg(&suite);
        let err = suite
            .app
            .instantiate_contract(code, owner.clone(), &msg, &[], "bad", None)
            .unwrap_err();
        match err.downcast::<ContractError>().unwrap() {
            ContractError::FeeOutOfBand(e) => assert_eq!(e.name, name),
            other => panic!("{other}"),
        }
    }
    let update = |fees, shares_code_id| {
        ExecuteMsg::UpdateConfig(btt_types::fractionalizer::ConfigUpdate {
            fees,
            shares_code_id,
            ..btt_types::fractionalizer::ConfigUpdate::default()
        })
    };
    let err = suite.execute("alice", &update(None, Some(9))).unwrap_err();
    assert!(matches!(err, ContractError::Ownership(_)));
    let mut rising = super::suite::fees();
    rising.trade_by_priority = vec![Bps(50), Bps(100)];
    let err = suite
        .execute("owner", &update(Some(rising), None))
        .unwrap_err();
    assert!(matches!(err, ContractError::InvalidConfig { .. }));
}
