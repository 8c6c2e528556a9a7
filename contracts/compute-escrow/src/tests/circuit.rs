//! The circuit breaker: paused, no job is posted and no node registers or tops up; a job
//! already paid for still completes and pays out, and bonds still come back.

use btt_types::circuit::{CircuitError, CircuitMsg};
use btt_types::compute::{ExecuteMsg, JobStatus, Urgency};

use super::suite::{Suite, MIN_BOND};
use crate::ContractError;

#[test]
fn paused_escrow_takes_no_new_job_or_bond_but_running_jobs_settle() {
    let mut suite = Suite::new();
    let n1 = suite.register("op1", MIN_BOND).unwrap();
    let id = suite.submitted_job("clinic", &[(n1, 1_000)]);
    let pause = ExecuteMsg::Circuit(CircuitMsg::Pause {
        reason: "pricing bug".into(),
    });
    assert_eq!(
        suite.execute("mallory", &pause).unwrap_err(),
        ContractError::Circuit(CircuitError::NotPauser)
    );
    suite.execute("owner", &pause).unwrap();
    let spec = suite.spec(Urgency::Standard);
    assert!(matches!(
        suite.post("clinic", spec).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    assert!(matches!(
        suite.register("op2", MIN_BOND).unwrap_err(),
        ContractError::Circuit(CircuitError::Paused { .. })
    ));
    suite.accept("clinic", id).unwrap();
    assert_eq!(suite.job(id).status, JobStatus::Paid);
    suite
        .execute("op1", &ExecuteMsg::RetireNode { node_id: n1 })
        .unwrap();
}
