//! Property: random jobs posted, offered, accepted, cancelled, completed, disputed and expired. The escrow's BTT
//! always equals the open jobs' escrow plus the bonds, and no job pays out twice.

use btt_testing::Harness;
use btt_types::compute::{JobStatus, Resolution, Urgency};
use btt_types::units::btt;
use cosmwasm_std::Uint128;
use proptest::prelude::*;

use super::suite::{Suite, DAY, MIN_BOND};

#[derive(Debug, Clone)]
enum Op {
    Post(u8),
    Assign(u8),
    AcceptOffer(u8, u8),
    Cancel(u8),
    Submit(u8),
    Accept(u8),
    Dispute(u8),
    Resolve(u8, u8),
    Expire(u8),
    Wait(u16),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3u8).prop_map(Op::Post),
        any::<u8>().prop_map(Op::Assign),
        (any::<u8>(), 0..2u8).prop_map(|(j, n)| Op::AcceptOffer(j, n)),
        any::<u8>().prop_map(Op::Cancel),
        any::<u8>().prop_map(Op::Submit),
        any::<u8>().prop_map(Op::Accept),
        any::<u8>().prop_map(Op::Dispute),
        (any::<u8>(), 0..3u8).prop_map(|(j, r)| Op::Resolve(j, r)),
        any::<u8>().prop_map(Op::Expire),
        (1..2_000u16).prop_map(Op::Wait),
    ]
}

fn open(status: JobStatus) -> bool {
    matches!(
        status,
        JobStatus::Posted
            | JobStatus::Offered
            | JobStatus::Assigned
            | JobStatus::Submitted
            | JobStatus::Disputed
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn escrow_always_holds_open_jobs_plus_bonds(ops in prop::collection::vec(op(), 1..40)) {
        let mut suite = Suite::new();
        let n1 = suite.register("op1", MIN_BOND).unwrap();
        let n2 = suite.register("op2", btt(2_000)).unwrap();
        let mut jobs: Vec<u64> = vec![];
        let mut paid_twice = false;
        for op in ops {
            let pick = |j: u8| if jobs.is_empty() { None } else { Some(jobs[j as usize % jobs.len()]) };
            match op {
                Op::Post(u) => {
                    let urgency = [Urgency::Standard, Urgency::Priority, Urgency::Urgent][u as usize];
                    jobs.push(suite.post("clinic", suite.spec(urgency)).unwrap());
                }
                Op::Assign(j) => if let Some(id) = pick(j) { let _ = suite.assign("clinic", id, &[(n1, 300), (n2, 700)]); },
                Op::AcceptOffer(j, n) => if let Some(id) = pick(j) {
                    let (op, node) = [("op1", n1), ("op2", n2)][n as usize];
                    let _ = suite.accept_offer(op, id, node);
                },
                Op::Cancel(j) => if let Some(id) = pick(j) { let _ = suite.execute("clinic", &btt_types::compute::ExecuteMsg::CancelJob { job_id: id }); },
                Op::Submit(j) => if let Some(id) = pick(j) { let _ = suite.submit("op1", id); },
                Op::Accept(j) => if let Some(id) = pick(j) {
                    let before = suite.job(id).status;
                    let ok = suite.accept("clinic", id).is_ok();
                    paid_twice |= ok && before == JobStatus::Paid;
                },
                Op::Dispute(j) => if let Some(id) = pick(j) { let _ = suite.dispute("clinic", id); },
                Op::Resolve(j, r) => if let Some(id) = pick(j) {
                    let resolution = [Resolution::Pay, Resolution::Refund, Resolution::Split { clinic_share: btt_types::Bps(3_333) }][r as usize].clone();
                    let _ = suite.resolve("arbiter", id, resolution, vec![n2]);
                },
                Op::Expire(j) => if let Some(id) = pick(j) { let _ = suite.execute("anyone", &btt_types::compute::ExecuteMsg::Expire { job_id: id }); },
                Op::Wait(minutes) => suite.advance(u64::from(minutes) * 60 + DAY / 24),
            }
            let open_escrow: Uint128 = jobs.iter().map(|id| suite.job(*id)).filter(|j| open(j.status)).map(|j| j.price).sum();
            let bonds = suite.node(n1).bond + suite.node(n2).bond;
            let accepted_open: u32 = jobs.iter().map(|id| suite.job(*id)).filter(|j| open(j.status)).map(|j| j.accepted.iter().filter(|n| **n == n1).count() as u32).sum();
            prop_assert_eq!(suite.node(n1).open_jobs, accepted_open, "only accepted, open jobs tie a bond");
            prop_assert_eq!(suite.escrow_btt(), open_escrow + bonds);
            prop_assert_eq!(suite.totals().escrow_btt, open_escrow);
        }
        prop_assert!(!paid_twice);
    }
}
