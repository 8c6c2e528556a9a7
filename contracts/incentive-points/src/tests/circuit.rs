//! The circuit breaker: paused, no provider subscribes and no point is awarded; patients still
//! convert what they hold.

use btt_testing::Harness;
use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::points::ExecuteMsg;

use super::suite::Suite;
use crate::ContractError;

#[test]
fn paused_points_take_no_subscription_or_award_but_patients_still_convert() {
    let mut suite = Suite::new();
    suite.subscribe("clinic", 2, None).unwrap();
    suite
        .award("clinic", "patient", "preventive visit", 500)
        .unwrap();
    let pause = ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "budget bug".into(),
    });
    assert_eq!(
        suite.execute("clinic", &pause).unwrap_err(),
        ContractError::Circuit(CircuitError::NotPauser)
    );
    suite.execute("owner", &pause).unwrap();
    assert!(matches!(
        suite.subscribe("clinic2", 0, None).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    assert!(matches!(
        suite
            .award("clinic", "patient", "preventive visit", 10)
            .unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    suite.convert("patient", 300).unwrap();
}

#[test]
fn paused_points_take_no_partner_funding_or_pool_donation() {
    use btt_types::points::ReceiveMsg;
    use btt_types::units::btt;
    let mut suite = Suite::new();
    suite
        .execute(
            "owner",
            &ExecuteMsg::ApprovePartner {
                partner: suite.addr("gym").to_string(),
                name: "gym".into(),
            },
        )
        .unwrap();
    suite
        .execute(
            "owner",
            &ExecuteMsg::Circuit(CircuitMsg::Pause {
                reason: "budget bug".into(),
            }),
        )
        .unwrap();
    let (gym, pool) = (suite.balance("gym"), suite.pool().funded);
    for hook in [ReceiveMsg::FundPartner {}, ReceiveMsg::FundPool {}] {
        assert!(matches!(
            suite.send("gym", btt(10), &hook).unwrap_err(),
            ContractError::Circuit(CircuitError::Paused { .. })
        ));
    }
    assert_eq!(suite.balance("gym"), gym, "the gym keeps its BTT");
    assert_eq!(suite.pool().funded, pool);
    // Unpaused, both are taken again.
    suite
        .execute("owner", &ExecuteMsg::Circuit(CircuitMsg::Unpause {}))
        .unwrap();
    suite
        .send("gym", btt(10), &ReceiveMsg::FundPartner {})
        .unwrap();
    suite
        .send("gym", btt(10), &ReceiveMsg::FundPool {})
        .unwrap();
}
