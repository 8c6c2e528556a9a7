//! compute-escrow and depin-rewards as optimized wasm in cosmwasm-vm: a node's capacity
//! confirmed by a challenge, a job posted, completed and mined, with gas; and the paths of a job
//! and of mining (challenge, answer, attest, close, claim) measured with 10 and with 10,000
//! nodes (each bonded, challenged and confirmed) and jobs already on the contracts.

use btt_deploy::genesis::ComputeParams;
use btt_integration_tests::artifacts::read_artifact;
use btt_integration_tests::fixtures::{deploy_btt, deploy_staking};
use btt_integration_tests::vm::{print_gas, Cw20OnChain, TxReport, WasmChain};
use btt_types::bps::Bps;
use btt_types::compute::{
    self, Assignment, ChallengeSpec, EnergyRating, JobSpec, NodeSpec, QuoteResponse, Urgency,
};
use btt_types::depin::{self, Attestation, MINING_POOL};
use btt_types::fee_router::{FeePayeesMsg, FeeRoutingMsg, FeeStream};
use btt_types::units::btt;
use cosmwasm_std::{Addr, Decimal, Uint128};
use cw20::Cw20Coin;

/// Each node's bond: 8 standard GPUs at 150 BTT a capacity unit.
const BOND: Uint128 = btt(1_200);

struct Market {
    chain: WasmChain,
    token: Cw20OnChain,
    escrow: Addr,
    depin: Addr,
    clinic: Addr,
    oracle: Addr,
}

impl Market {
    /// BTT, staking, depin-rewards (funded) and compute-escrow as wasm, with `existing` nodes
    /// registered and `existing` jobs posted.
    fn new(existing: usize) -> Self {
        let mut chain = WasmChain::new();
        let deployer = chain.addr("deployer");
        let clinic = chain.addr("clinic");
        let oracle = chain.addr("oracle");
        let params =
            ComputeParams::suggested(chain.addr("arbiter").to_string(), vec![oracle.to_string()]);
        let operators: Vec<Addr> = (0..existing + 2)
            .map(|i| chain.addr(&format!("operator{i}")))
            .collect();
        let mut balances: Vec<Cw20Coin> = operators
            .iter()
            .map(|o| Cw20Coin {
                address: o.to_string(),
                amount: BOND,
            })
            .collect();
        // 10,000 jobs of 192.5 BTT (2,000 urgent GPU-hours): the clinic holds 2.5M BTT, the
        // oracle the challenges' 4.8 BTT each (with the operators' bonds and the mining pool,
        // within the 21M supply).
        balances.push(Cw20Coin {
            address: clinic.to_string(),
            amount: btt(2_500_000),
        });
        balances.push(Cw20Coin {
            address: oracle.to_string(),
            amount: btt(100_000),
        });
        let token = deploy_btt(&mut chain, &deployer, balances).unwrap();
        let staking = deploy_staking(&mut chain, &deployer, &token).unwrap();
        let (depin, _) = chain
            .instantiate(
                &read_artifact("depin_rewards").unwrap(),
                "depin-rewards",
                &deployer,
                &depin::InstantiateMsg {
                    token: token.to_string(),
                    escrow: Some(chain.addr("compute-escrow").to_string()),
                    oracles: params.oracles.clone(),
                    start: chain.block_time(),
                    multipliers: params.multipliers.clone(),
                    payout: depin::PayoutRules {
                        min_attestations: 1,
                        ..params.payout.clone()
                    },
                    owner: None,
                },
            )
            .unwrap();
        let fee_routing = FeeRoutingMsg {
            payees: FeePayeesMsg {
                development_fund: chain.addr("dao").to_string(),
                foundation: chain.addr("foundation").to_string(),
                reserve: chain.addr("dao").to_string(),
                staking: staking.to_string(),
                treasury: false,
            },
            routes: btt_deploy::genesis::suggested_fee_routes()
                .into_iter()
                .filter(|r| r.stream == FeeStream::Compute)
                .collect(),
        };
        let (escrow, _) = chain
            .instantiate(
                &read_artifact("compute_escrow").unwrap(),
                "compute-escrow",
                &deployer,
                &compute::InstantiateMsg {
                    token: token.to_string(),
                    staking: staking.to_string(),
                    depin: Some(depin.to_string()),
                    arbiter: params.arbiter.clone(),
                    hardware_classes: params.hardware_classes.clone(),
                    urgency: params.urgency.clone(),
                    price_per_gb: params.price_per_gb,
                    native_rates: vec![],
                    contributors: Bps(7_000),
                    fee_routing,
                    min_bond: params.min_bond,
                    bond_per_capacity_unit: params.bond_per_capacity_unit,
                    slash: params.slash,
                    reserve: chain.addr("dao").to_string(),
                    run_window: params.run_window.clone(),
                    bond_unbonding_seconds: params.bond_unbonding_seconds,
                    offer_seconds: params.offer_seconds,
                    owner: None,
                },
            )
            .unwrap();
        let token = Cw20OnChain(token);
        token
            .send(
                &mut chain,
                &deployer,
                &depin,
                MINING_POOL,
                &depin::ReceiveMsg::Fund {},
            )
            .unwrap();
        let mut market = Self {
            chain,
            token,
            escrow,
            depin,
            clinic,
            oracle,
        };
        for (i, operator) in operators[2..].iter().enumerate() {
            market.register(operator).unwrap();
            market.confirm(operator, i as u64 + 1).unwrap();
        }
        for _ in 0..existing {
            market.post().unwrap();
        }
        market
    }

    fn register(&mut self, operator: &Addr) -> anyhow::Result<TxReport> {
        let spec = NodeSpec {
            hardware_class: "gpu-standard".into(),
            gpu_count: 8,
            region: "cn-west".into(),
            energy_rating: EnergyRating::A,
            endpoint: "https://gpu.example".into(),
        };
        let escrow = self.escrow.clone();
        self.token.send(
            &mut self.chain,
            operator,
            &escrow,
            BOND,
            &compute::ReceiveMsg::RegisterNode(spec),
        )
    }

    /// The oracle challenges `node_id` for its 8 GPUs; returns the gas of the post and of the
    /// answer that passes it.
    fn challenge(&mut self, operator: &Addr, node_id: u64) -> anyhow::Result<(TxReport, TxReport)> {
        let job = JobSpec {
            compute_units: 100,
            hardware_class: "gpu-standard".into(),
            urgency: Urgency::Standard,
            data_gb: 0,
            run_seconds: 7_200,
            review_seconds: 3_600,
        };
        let spec = ChallengeSpec {
            node_id,
            job: job.clone(),
            capacity: Decimal::from_ratio(8u128, 1u128),
            commitment: btt_types::compute::commitment_of(&format!("answer-{node_id}")),
        };
        let quote: QuoteResponse = self.chain.query(
            &self.escrow,
            &compute::QueryMsg::Quote {
                spec: job,
                clinic: Some(self.oracle.to_string()),
                denom: None,
            },
        )?;
        let (oracle, escrow) = (self.oracle.clone(), self.escrow.clone());
        let post = self.token.send(
            &mut self.chain,
            &oracle,
            &escrow,
            quote.price,
            &compute::ReceiveMsg::PostChallenge(spec),
        )?;
        let job_id = self.totals().jobs;
        self.chain.execute(
            operator,
            &escrow,
            &compute::ExecuteMsg::AcceptAssignment { job_id, node_id },
        )?;
        let answer = self.chain.execute(
            operator,
            &escrow,
            &compute::ExecuteMsg::SubmitResult {
                job_id,
                result_hash: format!("answer-{node_id}"),
                result_uri: String::new(),
            },
        )?;
        Ok((post, answer))
    }

    /// [`Market::challenge`], passed.
    fn confirm(&mut self, operator: &Addr, node_id: u64) -> anyhow::Result<()> {
        self.challenge(operator, node_id).map(|_| ())
    }

    fn spec(&self) -> JobSpec {
        JobSpec {
            compute_units: 2_000,
            hardware_class: "gpu-standard".into(),
            urgency: Urgency::Urgent,
            data_gb: 100,
            run_seconds: 3 * 86_400,
            review_seconds: 86_400,
        }
    }

    fn post(&mut self) -> anyhow::Result<TxReport> {
        let spec = self.spec();
        let quote: QuoteResponse = self.chain.query(
            &self.escrow,
            &compute::QueryMsg::Quote {
                spec: spec.clone(),
                clinic: Some(self.clinic.to_string()),
                denom: None,
            },
        )?;
        let (clinic, escrow) = (self.clinic.clone(), self.escrow.clone());
        self.token.send(
            &mut self.chain,
            &clinic,
            &escrow,
            quote.price,
            &compute::ReceiveMsg::PostJob(spec),
        )
    }

    fn totals(&mut self) -> compute::TotalsResponse {
        self.chain
            .query(&self.escrow, &compute::QueryMsg::Totals {})
            .unwrap()
    }

    /// Registers two fresh nodes, posts a job across them; returns (gas of post, job, nodes).
    fn post_probe(&mut self) -> (u64, u64, [u64; 2], [Addr; 2]) {
        let ops = [self.chain.addr("operator0"), self.chain.addr("operator1")];
        for op in &ops {
            self.register(op).unwrap();
        }
        let node_count = self.totals().nodes;
        let nodes = [node_count - 1, node_count];
        let gas = self.post().unwrap().total_gas();
        (gas, self.totals().jobs, nodes, ops)
    }
}

/// The steps [`job_to_mining`] measures.
const STEPS: [&str; 8] = [
    "post job",
    "accept assignment",
    "complete",
    "post challenge",
    "answer challenge",
    "attest",
    "close epoch",
    "claim",
];

/// Challenge (both nodes, passed), post, offer, accept the offer (both nodes), submit, accept
/// (complete), attest, close the epoch and claim; returns the gas of each of [`STEPS`].
fn job_to_mining(market: &mut Market, print: bool) -> [u64; 8] {
    let (post_gas, job_id, nodes, ops) = market.post_probe();
    let (post_challenge, answer) = market.challenge(&ops[0], nodes[0]).unwrap();
    market.confirm(&ops[1], nodes[1]).unwrap();
    let escrow = market.escrow.clone();
    let clinic = market.clinic.clone();
    let assignments = vec![
        Assignment {
            node_id: nodes[0],
            units: 1_200,
        },
        Assignment {
            node_id: nodes[1],
            units: 800,
        },
    ];
    market
        .chain
        .execute(
            &clinic,
            &escrow,
            &compute::ExecuteMsg::AssignJob {
                job_id,
                assignments,
            },
        )
        .unwrap();
    let mut accepts = vec![];
    for (operator, node_id) in ops.iter().zip(nodes) {
        accepts.push(
            market
                .chain
                .execute(
                    operator,
                    &escrow,
                    &compute::ExecuteMsg::AcceptAssignment { job_id, node_id },
                )
                .unwrap(),
        );
    }
    let submit = compute::ExecuteMsg::SubmitResult {
        job_id,
        result_hash: "ab".repeat(32),
        result_uri: "ipfs://r".into(),
    };
    market.chain.execute(&ops[0], &escrow, &submit).unwrap();
    let complete = market
        .chain
        .execute(
            &clinic,
            &escrow,
            &compute::ExecuteMsg::AcceptResult { job_id },
        )
        .unwrap();
    assert_eq!(
        complete
            .calls
            .iter()
            .filter(|c| c.contract == "depin-rewards")
            .count(),
        2,
        "units reported"
    );
    let depin_addr = market.depin.clone();
    let oracle = market.oracle.clone();
    let mut attests = vec![];
    for node_id in nodes {
        let attestation = Attestation {
            uptime: Decimal::percent(99),
            qos_tier: 0,
            region: "cn-west".into(),
            energy: EnergyRating::A,
        };
        attests.push(
            market
                .chain
                .execute(
                    &oracle,
                    &depin_addr,
                    &depin::ExecuteMsg::Attest {
                        epoch: 0,
                        node_id,
                        attestation,
                    },
                )
                .unwrap(),
        );
    }
    market.chain.advance(depin::EPOCH_SECONDS);
    let close = market
        .chain
        .execute(
            &clinic,
            &depin_addr,
            &depin::ExecuteMsg::CloseEpochs { limit: None },
        )
        .unwrap();
    let before = market.token.balance(&market.chain, &ops[0]).unwrap();
    let claim = market
        .chain
        .execute(
            &ops[0],
            &depin_addr,
            &depin::ExecuteMsg::Claim {
                node_id: nodes[0],
                limit: None,
            },
        )
        .unwrap();
    let mined = market.token.balance(&market.chain, &ops[0]).unwrap() - before;
    // Epoch 0 pays node 0 its work reward only (capacity confirmed in epoch 0 counts from
    // epoch 1): β = 50% of the protocol fees its part of the job paid, far under ω of the
    // budget: 50% × 30% of 192.5 BTT (2,000 urgent GPU-hours at 0.048 BTT, 100 GB at 0.005) ×
    // 1,200 / 2,000 = 17.325 BTT.
    assert_eq!(mined, Uint128::new(17_325_000));
    let state: depin::StateResponse = market
        .chain
        .query(&depin_addr, &depin::QueryMsg::State {})
        .unwrap();
    assert_eq!(state.scheduled, state.paid + state.owed + state.carry);
    if print {
        println!("gas {:<22} {:>12}", "post job", post_gas);
        print_gas("accept assignment", &accepts[1]);
        print_gas("complete (accept)", &complete);
        print_gas("post challenge", &post_challenge);
        print_gas("answer challenge", &answer);
        print_gas("attest", &attests[1]);
        print_gas("close epoch", &close);
        print_gas("claim mining", &claim);
    }
    [
        post_gas,
        accepts[1].total_gas(),
        complete.total_gas(),
        post_challenge.total_gas(),
        answer.total_gas(),
        attests[1].total_gas(),
        close.total_gas(),
        claim.total_gas(),
    ]
}

#[test]
fn a_job_is_posted_completed_and_mined_as_real_wasm() {
    let mut market = Market::new(0);
    job_to_mining(&mut market, true);
    let _ = btt(0);
}

#[test]
fn jobs_challenges_attest_close_and_claim_cost_the_same_with_10_and_10_000_nodes_and_jobs() {
    let mut measured = vec![];
    for existing in [10, 10_000] {
        let mut market = Market::new(existing);
        let gas = job_to_mining(&mut market, false);
        println!("gas with {existing:>6} nodes (confirmed) and jobs: {gas:?}");
        measured.push(gas);
    }
    for (i, step) in STEPS.iter().enumerate() {
        let (few, many) = (measured[0][i] as f64, measured[1][i] as f64);
        let change = (many - few) / few * 100.0;
        println!("{step}: {few} → {many} gas ({change:+.2}%)");
        assert!(
            change.abs() <= 10.0,
            "{step} gas moved {change:.2}% with 10,000 nodes and jobs"
        );
    }
}
