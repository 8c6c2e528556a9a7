use btt_testing::Harness;
use btt_types::asset::PaidError;
use btt_types::rwa_nft::{Complexity, ExecuteMsg, QueryMsg, ReceiveMsg, RevaluationResponse};
use btt_types::units::btt;
use cosmwasm_std::{coins, Uint128};

use super::suite::{asset, Suite, SuiteBuilder, USDC};
use crate::ContractError;

fn minted() -> Suite {
    let mut suite = SuiteBuilder::default().build().unwrap();
    suite
        .mint_btt(
            "clinic",
            "mri-1",
            asset(btt(8_000), "btt", Complexity::Simple),
            btt(80),
        )
        .unwrap();
    suite
}

fn appraise(value: Uint128) -> ExecuteMsg {
    ExecuteMsg::Appraise {
        token_id: "mri-1".into(),
        value,
        report_sha256: "cd".repeat(32),
    }
}

#[test]
fn an_appraiser_proposes_and_the_owner_pays_to_accept() {
    let mut suite = minted();
    suite
        .execute("appraiser", &appraise(btt(12_000)), &[])
        .unwrap();
    let pending: Option<RevaluationResponse> = suite
        .app
        .wrap()
        .query_wasm_smart(
            &suite.nft,
            &QueryMsg::PendingRevaluation {
                token_id: "mri-1".into(),
            },
        )
        .unwrap();
    assert_eq!(pending.unwrap().fee, btt(30));
    let accept = ReceiveMsg::AcceptRevaluation {
        token_id: "mri-1".into(),
    };
    assert_eq!(
        suite.send_btt("clinic", btt(29), &accept).unwrap_err(),
        ContractError::Paid(PaidError::WrongAmount {
            expected: btt(30),
            got: btt(29)
        })
    );
    let supply = suite.btt_supply();
    suite.send_btt("clinic", btt(30), &accept).unwrap();
    // 12,000 BTT ≥ the threshold: 20% of the 30 BTT fee is burned
    assert_eq!(supply - suite.btt_supply(), btt(6));
    let a = suite.asset("mri-1").metadata.appraisal;
    assert_eq!(a.value, btt(12_000));
    assert_eq!(a.appraiser, suite.addr("appraiser").to_string());
    assert_eq!(
        suite.send_btt("clinic", btt(30), &accept).unwrap_err(),
        ContractError::NoPendingRevaluation {
            token_id: "mri-1".into()
        }
    );
}

#[test]
fn only_appraisers_propose_and_only_owner_or_issuer_accept() {
    let mut suite = minted();
    assert!(matches!(
        suite.execute("clinic", &appraise(btt(1)), &[]).unwrap_err(),
        ContractError::NotAppraiser { .. }
    ));
    assert_eq!(
        suite
            .execute("appraiser", &appraise(Uint128::zero()), &[])
            .unwrap_err(),
        ContractError::ZeroAppraisal
    );
    assert!(matches!(
        suite
            .execute("appraiser", &appraise(btt(1)), &coins(1, USDC))
            .unwrap_err(),
        ContractError::Payment(_)
    ));
    let missing = ExecuteMsg::Appraise {
        token_id: "nope".into(),
        value: btt(1),
        report_sha256: "cd".repeat(32),
    };
    assert!(matches!(
        suite.execute("appraiser", &missing, &[]).unwrap_err(),
        ContractError::NoAsset { .. }
    ));
    suite
        .execute("appraiser", &appraise(btt(9_000)), &[])
        .unwrap();
    let accept = ReceiveMsg::AcceptRevaluation {
        token_id: "mri-1".into(),
    };
    assert!(matches!(
        suite
            .send_btt(
                "patient",
                btt(1) / Uint128::new(4) * Uint128::new(90),
                &accept
            )
            .unwrap_err(),
        ContractError::NotOwnerOrIssuer { .. }
    ));
    // the asset changes hands; its issuer may still accept
    let hospital = suite.addr("hospital").to_string();
    suite
        .execute(
            "clinic",
            &ExecuteMsg::TransferNft {
                recipient: hospital,
                token_id: "mri-1".into(),
            },
            &[],
        )
        .unwrap();
    suite
        .send_btt("clinic", Uint128::new(22_500_000), &accept)
        .unwrap();
}
