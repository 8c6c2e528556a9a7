//! The circuit breaker: paused, no asset is minted; owners still move their NFTs.

use btt_testing::Harness;
use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::rwa_nft::{Complexity, ExecuteMsg};
use btt_types::units::btt;

use super::suite::{asset, SuiteBuilder};
use crate::ContractError;

#[test]
fn paused_rwa_nft_mints_nothing_but_owners_still_transfer() {
    let mut suite = SuiteBuilder::default().build().unwrap();
    let a = || asset(btt(5_000), "btt", Complexity::Simple);
    suite.mint_btt("clinic", "mri-1", a(), btt(50)).unwrap();
    let pause = ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "appraisal bug".into(),
    });
    assert_eq!(
        suite.execute("clinic", &pause, &[]).unwrap_err(),
        ContractError::Circuit(CircuitError::NotPauser)
    );
    suite.execute("owner", &pause, &[]).unwrap();
    assert!(matches!(
        suite.mint_btt("clinic", "mri-2", a(), btt(50)).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    let to = suite.addr("alice").to_string();
    suite
        .execute(
            "clinic",
            &ExecuteMsg::TransferNft {
                recipient: to,
                token_id: "mri-1".into(),
            },
            &[],
        )
        .unwrap();
}
