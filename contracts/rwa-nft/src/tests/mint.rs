use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::bps::Bps;
use btt_types::fee_router::FeeRouteError;
use btt_types::rwa_nft::{AssetMetadata, Complexity, ConfigUpdate, ExecuteMsg, NftFees, QueryMsg};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};
use cw721::msg::{NftInfoResponse, NumTokensResponse, OwnerOfResponse};

use super::suite::{asset, SuiteBuilder, USDC};
use crate::ContractError;

#[test]
fn an_issuer_mints_paying_the_fee_of_its_complexity_tier() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let value = btt(5_000); // below the burn threshold
    let before = suite.btt_supply();
    suite
        .mint_btt(
            "clinic",
            "mri-1",
            asset(value, "btt", Complexity::Complex),
            btt(150),
        )
        .unwrap();
    assert_eq!(suite.btt_supply(), before, "no burn below the threshold");
    // 40% to devfund; foundation 20%, reserve 10% and the unburned 20%
    assert_eq!(suite.btt_balance("devfund"), btt(60));
    assert_eq!(
        suite.btt_balance("foundation") + suite.btt_balance("reserve"),
        btt(75)
    );
    let a = suite.asset("mri-1");
    assert_eq!(a.owner, suite.addr("clinic").to_string());
    assert_eq!(a.metadata.appraisal.value, value);
    assert_eq!(a.metadata.issuer, suite.addr("clinic").to_string());
    // explorers see the metadata as the cw721 extension
    let info: NftInfoResponse<AssetMetadata> = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.nft,
            &QueryMsg::NftInfo {
                token_id: "mri-1".into(),
            },
        )
        .unwrap();
    assert_eq!(info.extension.jurisdiction, "CN-44");
    let n: NumTokensResponse = suite
        .app
        .wrap()
        .query_wasm_smart(&suite.nft, &QueryMsg::NumTokens {})
        .unwrap();
    assert_eq!(n.count, 1);
}

#[test]
fn a_high_value_btt_mint_burns_part_of_its_fee() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let before = suite.btt_supply();
    suite
        .mint_btt(
            "clinic",
            "mri-1",
            asset(btt(100_000), "btt", Complexity::Simple),
            btt(1_000),
        )
        .unwrap();
    assert_eq!(before - suite.btt_supply(), btt(200));
    assert_eq!(suite.btt_balance("devfund"), btt(400));
}

#[test]
fn native_mints_pay_exactly_in_the_appraisal_denom() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let a = || asset(Uint128::new(2_000_000_000), USDC, Complexity::Standard);
    let fee = Uint128::new(40_000_000);
    assert_eq!(
        suite
            .mint_native("clinic", "mri-1", a(), &coins(39_999_999, USDC))
            .unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: fee,
            got: Uint128::new(39_999_999)
        })
    );
    assert!(matches!(
        suite.mint_native("clinic", "mri-1", a(), &[]).unwrap_err(),
        ContractError::Payment(_)
    ));
    assert_eq!(
        suite.mint_btt("clinic", "mri-1", a(), fee).unwrap_err(),
        ContractError::Paid(PaidError::WrongAsset {
            expected: USDC.into(),
            got: format!("cw20:{}", suite.token.addr())
        })
    );
    suite
        .mint_native("clinic", "mri-1", a(), &coins(40_000_000, USDC))
        .unwrap();
    assert_eq!(suite.usdc_balance("devfund"), Uint128::new(16_000_000));
    assert_eq!(
        suite
            .mint_native("clinic", "mri-1", a(), &coins(40_000_000, USDC))
            .unwrap_err(),
        ContractError::TokenExists {
            token_id: "mri-1".into()
        }
    );
    let fee_q: Uint128 = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.nft,
            &QueryMsg::MintFee {
                value: Uint128::new(2_000_000_000),
                complexity: Complexity::Standard,
            },
        )
        .unwrap();
    assert_eq!(fee_q, fee);
}

#[test]
fn bad_mints_are_refused_with_a_reason() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let good = || asset(btt(1_000), "btt", Complexity::Simple);
    assert!(matches!(
        suite.mint_btt("patient", "x", good(), btt(10)).unwrap_err(),
        ContractError::NotIssuer { .. }
    ));
    assert_eq!(
        suite
            .mint_btt(
                "clinic",
                "x",
                asset(Uint128::zero(), "btt", Complexity::Simple),
                Uint128::one()
            )
            .unwrap_err(),
        ContractError::ZeroAppraisal
    );
    let mut bad_doc = good();
    bad_doc.documents[0].sha256 = "xyz".into();
    assert!(matches!(
        suite.mint_btt("clinic", "x", bad_doc, btt(10)).unwrap_err(),
        ContractError::InvalidMetadata { .. }
    ));
    let mut no_jurisdiction = good();
    no_jurisdiction.jurisdiction = String::new();
    assert!(matches!(
        suite
            .mint_btt("clinic", "x", no_jurisdiction, btt(10))
            .unwrap_err(),
        ContractError::InvalidMetadata { .. }
    ));
    assert_eq!(
        suite
            .mint_btt(
                "clinic",
                "x",
                asset(btt(1), "uatom", Complexity::Simple),
                btt(10)
            )
            .unwrap_err(),
        ContractError::Paid(PaidError::UnknownDenom {
            denom: "uatom".into()
        })
    );
    // an unknown asset class does not even parse
    let raw =
        r#"{"mint":{"token_id":"x","owner":"o","token_uri":null,"asset":{"class":"spaceship"}}}"#;
    assert!(cosmwasm_std::from_json::<ExecuteMsg>(raw.as_bytes()).is_err());
}

#[test]
fn nfts_move_by_cw721_rules_and_burning_drops_the_metadata() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    suite
        .mint_btt(
            "clinic",
            "mri-1",
            asset(btt(1_000), "btt", Complexity::Simple),
            btt(10),
        )
        .unwrap();
    let hospital = suite.addr("hospital").to_string();
    let transfer = ExecuteMsg::TransferNft {
        recipient: hospital.clone(),
        token_id: "mri-1".into(),
    };
    assert!(matches!(
        suite.execute("patient", &transfer, &[]).unwrap_err(),
        ContractError::Cw721(_)
    ));
    assert!(matches!(
        suite
            .execute("clinic", &transfer, &coins(1, USDC))
            .unwrap_err(),
        ContractError::Payment(_)
    ));
    suite.execute("clinic", &transfer, &[]).unwrap();
    let owner: OwnerOfResponse = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.nft,
            &QueryMsg::OwnerOf {
                token_id: "mri-1".into(),
                include_expired: None,
            },
        )
        .unwrap();
    assert_eq!(owner.owner, hospital);
    suite
        .execute(
            "hospital",
            &ExecuteMsg::Burn {
                token_id: "mri-1".into(),
            },
            &[],
        )
        .unwrap();
    let gone: Result<btt_types::rwa_nft::AssetResponse, _> = suite.app.wrap().query_wasm_smart(
        &suite.nft,
        &QueryMsg::Asset {
            token_id: "mri-1".into(),
        },
    );
    assert!(gone.is_err());
}

#[test]
fn fees_outside_their_bands_are_refused() {
    let mut high = SuiteBuilder::default();
    high.fees.complex = Bps(350);
    match high.build().err().unwrap() {
        ContractError::FeeOutOfBand(e) => assert_eq!(e.name, "complex mint fee"),
        other => panic!("{other}"),
    }
    let mut low = SuiteBuilder::default();
    low.fees.revaluation = Bps(20);
    assert!(matches!(
        low.build().err().unwrap(),
        ContractError::FeeOutOfBand(_)
    ));

    let mut suite = SuiteBuilder::default().build().unwrap();
    let update = |fees| {
        ExecuteMsg::UpdateConfig(ConfigUpdate {
            fees: Some(fees),
            ..ConfigUpdate::default()
        })
    };
    assert!(matches!(
        suite
            .execute("clinic", &update(NftFees::suggested()), &[])
            .unwrap_err(),
        ContractError::Ownership(_)
    ));
    let mut fees = NftFees::suggested();
    fees.simple = Bps(99);
    assert!(matches!(
        suite.execute("owner", &update(fees), &[]).unwrap_err(),
        ContractError::FeeOutOfBand(_)
    ));
    suite
        .execute("owner", &update(NftFees::suggested()), &[])
        .unwrap();
}

#[test]
fn accepted_native_denoms_are_real_denoms_btt_streams() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let denoms = |list: &[&str]| {
        ExecuteMsg::UpdateConfig(ConfigUpdate {
            native_denoms: Some(list.iter().map(|d| d.to_string()).collect()),
            ..ConfigUpdate::default()
        })
    };
    // "btt" is the cw20's name, never a native denom: an appraisal in it would be paid twice over
    for bad in ["btt", ""] {
        assert_eq!(
            suite
                .execute("owner", &denoms(&[USDC, bad]), &[])
                .unwrap_err(),
            ContractError::FeeRoute(FeeRouteError::NotANativeDenom { denom: bad.into() })
        );
    }
    assert_eq!(
        suite
            .execute("owner", &denoms(&["uatom"]), &[])
            .unwrap_err(),
        ContractError::FeeRoute(FeeRouteError::NotAStakingDenom {
            denom: "uatom".into()
        })
    );
    suite.execute("owner", &denoms(&[USDC]), &[]).unwrap();
}
