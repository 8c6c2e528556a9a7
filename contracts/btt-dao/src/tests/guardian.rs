use btt_testing::Harness;
use btt_types::dao::{ExecuteMsg, GuardianResponse, QueryMsg, Status};
use btt_types::units::btt;
use cosmwasm_std::coins;
use cw_utils::PaymentError;

use super::suite::{Suite, DEPOSIT, NATIVE, SUNSET, TIMELOCK};
use crate::ContractError;

fn veto(
    suite: &mut Suite,
    who: &str,
    proposal_id: u64,
) -> Result<cw_multi_test::AppResponse, ContractError> {
    suite.execute(who, &ExecuteMsg::GuardianVeto { proposal_id })
}

#[test]
fn the_guardian_vetoes_a_passed_proposal_before_the_sunset() {
    let mut suite = Suite::new().with_stakers();
    let pay = suite.pay("dave", btt(1));
    let id = suite.passed(vec![pay]);
    let alice = suite.balance("alice");
    veto(&mut suite, "foundation", id).unwrap();
    assert_eq!(suite.status(id), Status::GuardianVetoed);
    assert_eq!(suite.balance("alice"), alice + DEPOSIT, "deposit refunded");
    suite.advance(TIMELOCK);
    assert!(matches!(
        suite.execute_proposal(id).unwrap_err(),
        ContractError::NotPassed { .. }
    ));
    assert_eq!(
        veto(&mut suite, "foundation", id).unwrap_err(),
        ContractError::NotVetoable {
            proposal_id: id,
            status: Status::GuardianVetoed
        }
    );
}

#[test]
fn the_guardian_has_no_power_after_the_sunset() {
    let mut suite = Suite::new().with_stakers();
    suite.advance(SUNSET);
    let id = suite.propose("alice", vec![]).unwrap();
    let sunset = suite.start.plus_seconds(SUNSET);
    assert_eq!(
        veto(&mut suite, "foundation", id).unwrap_err(),
        ContractError::GuardianSunset { sunset }
    );
    let guardian: GuardianResponse = suite.query(&QueryMsg::Guardian {});
    assert!(!guardian.active);
}

#[test]
fn only_the_guardian_vetoes_and_without_funds() {
    let mut suite = Suite::new().with_stakers();
    let id = suite.propose("alice", vec![]).unwrap();
    assert_eq!(
        veto(&mut suite, "alice", id).unwrap_err(),
        ContractError::Unauthorized {
            expected: suite.addr("foundation").to_string()
        }
    );
    let err = suite
        .execute_with_funds(
            "foundation",
            &ExecuteMsg::GuardianVeto { proposal_id: id },
            &coins(1, NATIVE),
        )
        .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}
