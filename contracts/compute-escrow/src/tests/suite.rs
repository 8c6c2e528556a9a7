//! A chain with BTT, btt-staking, depin-rewards and compute-escrow. Clinics, operators and the
//! oracle hold 1,000,000 BTT each; clinics also hold native untrn. depin-rewards appoints
//! "oracle" (quorum 1), so a challenge it posts is an oracle's; anyone else's is a bounty.

use btt_testing::{contract_error, Harness};
use btt_types::bps::Bps;
use btt_types::compute::{
    Assignment, ChallengeSpec, EnergyRating, ExecuteMsg, HardwareClass, InstantiateMsg, Job,
    JobSpec, NativeRate, Node, NodeSpec, QueryMsg, QuoteResponse, ReceiveMsg, Resolution,
    RunWindow, TotalsResponse, Urgency, UrgencyMultipliers,
};
use btt_types::depin::{self, Attestation, ScoreMultipliers};
use btt_types::fee_router::{FeeRoutingMsg, FeeShares, FeeStream};
use btt_types::staking::StakingContract;
use btt_types::token::TokenContract;
use btt_types::units::btt;
use cosmwasm_std::{coins, Addr, Coin, Decimal, Empty, Uint128};
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::challenges::commitment_of;
use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";
pub const DAY: u64 = 86_400;
/// The smallest bond (DESIGN: 600 BTT).
pub const MIN_BOND: Uint128 = btt(600);
/// Bond per capacity unit (DESIGN: 150 BTT).
pub const BOND_PER_UNIT: Uint128 = btt(150);
pub const HOLDERS: [&str; 8] = [
    "clinic", "clinic2", "op1", "op2", "op3", "mallory", "staker", "oracle",
];

pub fn escrow_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

fn depin_code() -> Box<dyn Contract<Empty>> {
    use depin_rewards::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query))
}

/// a100 (standard, capacity weight 1.0) at 2,000 ubtt a unit, h100 (high-end, 2.5) at 5,000;
/// urgency 1.0 / 1.5 / 2.0; 10,000 ubtt a GB; 1 untrn = 2 ubtt; 70 / 15 / 10 / 5; bond ≥ 600
/// BTT and 150 BTT per capacity unit, a slash of 50% of the node's part of the price (to the
/// reserve), 7-day unbonding; offers lapse after a day; jobs run at least 1 minute + 1 hour per
/// 1,000 units.
pub fn instantiate_msg(app: &App, token: &Addr, staking: &Addr, depin: &Addr) -> InstantiateMsg {
    let addr = |n: &str| app.api().addr_make(n).to_string();
    InstantiateMsg {
        token: token.to_string(),
        staking: staking.to_string(),
        depin: Some(depin.to_string()),
        arbiter: addr("arbiter"),
        hardware_classes: vec![
            HardwareClass {
                name: "a100".into(),
                unit_price: Uint128::new(2_000),
                capacity_weight: Decimal::one(),
            },
            HardwareClass {
                name: "h100".into(),
                unit_price: Uint128::new(5_000),
                capacity_weight: Decimal::percent(250),
            },
        ],
        urgency: UrgencyMultipliers {
            standard: Decimal::one(),
            priority: Decimal::percent(150),
            urgent: Decimal::percent(200),
        },
        price_per_gb: Uint128::new(10_000),
        native_rates: vec![NativeRate {
            denom: NATIVE.into(),
            ubtt_per_unit: Decimal::percent(200),
        }],
        contributors: Bps(7_000),
        fee_routing: compute_routing(app, staking),
        min_bond: MIN_BOND,
        bond_per_capacity_unit: BOND_PER_UNIT,
        slash: Bps(5_000),
        reserve: addr("reserve"),
        run_window: RunWindow {
            base_seconds: 60,
            seconds_per_1000_units: 3_600,
        },
        bond_unbonding_seconds: 7 * DAY,
        offer_seconds: DAY,
        owner: None,
    }
}

/// The genesis protocol part: 15 / 10 / 5% of the price to the test payees.
pub fn compute_routing(app: &App, staking: &Addr) -> FeeRoutingMsg {
    btt_testing::fee_routing(
        app,
        staking,
        &[FeeStream::Compute],
        FeeShares {
            development_fund: Bps(1_500),
            foundation: Bps(1_000),
            reserve: Bps(500),
            stakers: Bps(0),
            burn: Bps(0),
        },
    )
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub staking: StakingContract,
    pub depin: Addr,
    pub escrow: Addr,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ["clinic", "clinic2", "mallory", "owner", "op1", "oracle"] {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(100_000_000_000, NATIVE))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token =
            btt_testing::instantiate_token(&mut app, &owner, "BTT", &HOLDERS, btt(1_000_000));
        let staking = btt_testing::instantiate_staking(&mut app, &owner, &token, 21 * DAY);
        let depin_id = app.store_code(depin_code());
        let start = app.block_info().time;
        let depin = app
            .instantiate_contract(
                depin_id,
                owner.clone(),
                &depin::InstantiateMsg {
                    token: token.to_string(),
                    escrow: None,
                    oracles: vec![app.api().addr_make("oracle").to_string()],
                    start,
                    multipliers: ScoreMultipliers::suggested(&[]),
                    payout: depin::PayoutRules {
                        min_attestations: 1,
                        ..depin::PayoutRules::suggested()
                    },
                    owner: None,
                },
                &[],
                "depin",
                None,
            )
            .unwrap();
        let escrow_code_id = app.store_code(escrow_code());
        let msg = instantiate_msg(&app, &token, &staking, &depin);
        let escrow = app
            .instantiate_contract(
                escrow_code_id,
                owner.clone(),
                &msg,
                &[],
                "escrow",
                Some(owner.to_string()),
            )
            .unwrap();
        app.execute_contract(
            owner,
            depin.clone(),
            &depin::ExecuteMsg::UpdateConfig(depin::ConfigUpdate {
                escrow: Some(escrow.to_string()),
                ..depin::ConfigUpdate::default()
            }),
            &[],
        )
        .unwrap();
        Self {
            app,
            token: TokenContract(token),
            staking: StakingContract(staking),
            depin,
            escrow,
        }
    }

    pub fn send(
        &mut self,
        who: &str,
        amount: Uint128,
        hook: &ReceiveMsg,
    ) -> Result<AppResponse, ContractError> {
        let msg = self.token.send_msg(&self.escrow, amount, hook).unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(contract_error)
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.escrow.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    pub fn node_spec(class: &str) -> NodeSpec {
        NodeSpec {
            hardware_class: class.into(),
            gpu_count: 8,
            region: "cn-west".into(),
            energy_rating: EnergyRating::B,
            endpoint: "https://node.example/api".into(),
        }
    }

    /// Registers an a100 node of `who` with `bond`; returns its id.
    pub fn register(&mut self, who: &str, bond: Uint128) -> Result<u64, ContractError> {
        let res = self.send(
            who,
            bond,
            &ReceiveMsg::RegisterNode(Self::node_spec("a100")),
        )?;
        Ok(attr(&res, "node_id").parse().unwrap())
    }

    /// 1,000 a100 units, `urgency`, 50 GB, 2 days to run once accepted, 1-day review.
    pub fn spec(&self, urgency: Urgency) -> JobSpec {
        JobSpec {
            compute_units: 1_000,
            hardware_class: "a100".into(),
            urgency,
            data_gb: 50,
            run_seconds: 2 * DAY,
            review_seconds: DAY,
        }
    }

    pub fn quote(
        &self,
        spec: &JobSpec,
        clinic: Option<&str>,
        denom: Option<&str>,
    ) -> Result<QuoteResponse, cosmwasm_std::StdError> {
        self.app.wrap().query_wasm_smart(
            &self.escrow,
            &QueryMsg::Quote {
                spec: spec.clone(),
                clinic: clinic.map(|c| self.addr(c).to_string()),
                denom: denom.map(String::from),
            },
        )
    }

    /// Posts `spec` in BTT at its quoted price; returns the job id.
    pub fn post(&mut self, clinic: &str, spec: JobSpec) -> Result<u64, ContractError> {
        let price = self.quote(&spec, Some(clinic), None).unwrap().price;
        self.post_paying(clinic, spec, price)
    }

    pub fn post_paying(
        &mut self,
        clinic: &str,
        spec: JobSpec,
        amount: Uint128,
    ) -> Result<u64, ContractError> {
        let res = self.send(clinic, amount, &ReceiveMsg::PostJob(spec))?;
        Ok(attr(&res, "job_id").parse().unwrap())
    }

    pub fn assign(
        &mut self,
        clinic: &str,
        job_id: u64,
        parts: &[(u64, u64)],
    ) -> Result<AppResponse, ContractError> {
        let assignments = parts
            .iter()
            .map(|(node_id, units)| Assignment {
                node_id: *node_id,
                units: *units,
            })
            .collect();
        self.execute(
            clinic,
            &ExecuteMsg::AssignJob {
                job_id,
                assignments,
            },
        )
    }

    pub fn accept_offer(
        &mut self,
        operator: &str,
        job_id: u64,
        node_id: u64,
    ) -> Result<AppResponse, ContractError> {
        self.execute(operator, &ExecuteMsg::AcceptAssignment { job_id, node_id })
    }

    /// Offers the job to `parts`, and each node's operator accepts.
    pub fn assign_accepted(&mut self, clinic: &str, job_id: u64, parts: &[(u64, u64)]) {
        self.assign(clinic, job_id, parts).unwrap();
        for (node_id, _) in parts {
            let operator = self.node(*node_id).operator;
            let job = ExecuteMsg::AcceptAssignment {
                job_id,
                node_id: *node_id,
            };
            let escrow = self.escrow.clone();
            self.app
                .execute_contract(operator, escrow, &job, &[])
                .unwrap();
        }
    }

    pub fn submit(&mut self, who: &str, job_id: u64) -> Result<AppResponse, ContractError> {
        self.execute(
            who,
            &ExecuteMsg::SubmitResult {
                job_id,
                result_hash: "ab".repeat(32),
                result_uri: "ipfs://result".into(),
            },
        )
    }

    pub fn accept(&mut self, clinic: &str, job_id: u64) -> Result<AppResponse, ContractError> {
        self.execute(clinic, &ExecuteMsg::AcceptResult { job_id })
    }

    pub fn dispute(&mut self, clinic: &str, job_id: u64) -> Result<AppResponse, ContractError> {
        self.execute(
            clinic,
            &ExecuteMsg::Dispute {
                job_id,
                reason: "wrong segmentation".into(),
            },
        )
    }

    pub fn resolve(
        &mut self,
        who: &str,
        job_id: u64,
        resolution: Resolution,
        at_fault: Vec<u64>,
    ) -> Result<AppResponse, ContractError> {
        self.execute(
            who,
            &ExecuteMsg::Resolve {
                job_id,
                resolution,
                at_fault,
            },
        )
    }

    /// A job by `clinic` over nodes `parts`, submitted by `op1`.
    pub fn submitted_job(&mut self, clinic: &str, parts: &[(u64, u64)]) -> u64 {
        let id = self.post(clinic, self.spec(Urgency::Urgent)).unwrap();
        self.assign_accepted(clinic, id, parts);
        self.submit("op1", id).unwrap();
        id
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    pub fn escrow_btt(&self) -> Uint128 {
        self.token.balance(&self.app.wrap(), &self.escrow).unwrap()
    }

    pub fn native(&self, who: &str) -> Uint128 {
        self.app
            .wrap()
            .query_balance(self.addr(who), NATIVE)
            .unwrap()
            .amount
    }

    pub fn job(&self, job_id: u64) -> Job {
        self.app
            .wrap()
            .query_wasm_smart(&self.escrow, &QueryMsg::Job { job_id })
            .unwrap()
    }

    pub fn node(&self, node_id: u64) -> Node {
        self.app
            .wrap()
            .query_wasm_smart(&self.escrow, &QueryMsg::Node { node_id })
            .unwrap()
    }

    pub fn totals(&self) -> TotalsResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.escrow, &QueryMsg::Totals {})
            .unwrap()
    }

    pub fn units_recorded(&self, node_id: u64) -> u64 {
        let res: depin::NodeEpochResponse = self
            .app
            .wrap()
            .query_wasm_smart(
                &self.depin,
                &depin::QueryMsg::NodeEpoch { node_id, epoch: 0 },
            )
            .unwrap();
        res.units
    }

    // --- Challenges ---------------------------------------------------------------------------

    /// The work of a challenge: 1,000 a100 units, standard, no data, 2 days to run once
    /// accepted: 2 BTT.
    pub fn challenge_job(&self) -> JobSpec {
        JobSpec {
            data_gb: 0,
            ..self.spec(Urgency::Standard)
        }
    }

    /// A challenge of `capacity` units of `node_id` whose answer is `answer`.
    pub fn challenge_spec(&self, node_id: u64, capacity: u64, answer: &str) -> ChallengeSpec {
        ChallengeSpec {
            node_id,
            job: self.challenge_job(),
            capacity: units(capacity),
            commitment: commitment_of(answer),
        }
    }

    /// `poster` posts `spec` in BTT at the quoted price of its job; returns the job id.
    pub fn post_challenge(
        &mut self,
        poster: &str,
        spec: ChallengeSpec,
    ) -> Result<u64, ContractError> {
        let price = self.quote(&spec.job, Some(poster), None).unwrap().price;
        self.post_challenge_paying(poster, spec, price)
    }

    pub fn post_challenge_paying(
        &mut self,
        poster: &str,
        spec: ChallengeSpec,
        amount: Uint128,
    ) -> Result<u64, ContractError> {
        let res = self.send(poster, amount, &ReceiveMsg::PostChallenge(spec))?;
        Ok(attr(&res, "job_id").parse().unwrap())
    }

    /// `poster` challenges `capacity` units of `node_id` with the answer `answer`.
    pub fn challenge(&mut self, poster: &str, node_id: u64, capacity: u64, answer: &str) -> u64 {
        let spec = self.challenge_spec(node_id, capacity, answer);
        self.post_challenge(poster, spec).unwrap()
    }

    /// The node a challenge is offered to.
    pub fn challenged(&self, job_id: u64) -> u64 {
        self.job(job_id).assignments[0].node_id
    }

    /// `operator` accepts the challenge for its node.
    pub fn accept_challenge(
        &mut self,
        operator: &str,
        job_id: u64,
    ) -> Result<AppResponse, ContractError> {
        let node_id = self.challenged(job_id);
        self.accept_offer(operator, job_id, node_id)
    }

    /// `operator` submits `answer` to the challenge.
    pub fn answer(
        &mut self,
        operator: &str,
        job_id: u64,
        answer: &str,
    ) -> Result<AppResponse, ContractError> {
        self.execute(
            operator,
            &ExecuteMsg::SubmitResult {
                job_id,
                result_hash: answer.into(),
                result_uri: String::new(),
            },
        )
    }

    /// `operator` declines the challenge for its node.
    pub fn decline(&mut self, operator: &str, job_id: u64) -> Result<AppResponse, ContractError> {
        let node_id = self.challenged(job_id);
        self.execute(operator, &ExecuteMsg::DeclineAssignment { job_id, node_id })
    }

    /// Anyone lapses the offer of the challenge.
    pub fn lapse(&mut self, job_id: u64) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::LapseOffer { job_id })
    }

    /// Anyone expires the job.
    pub fn expire(&mut self, job_id: u64) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::Expire { job_id })
    }

    /// The oracle posts a challenge of `capacity` units that `operator` accepts and passes.
    pub fn confirm(&mut self, operator: &str, node_id: u64, capacity: u64) -> AppResponse {
        let id = self.challenge("oracle", node_id, capacity, "the answer");
        self.accept_challenge(operator, id).unwrap();
        self.answer(operator, id, "the answer").unwrap()
    }

    pub fn top_up(&mut self, operator: &str, node_id: u64, amount: Uint128) -> AppResponse {
        self.send(operator, amount, &ReceiveMsg::TopUpBond { node_id })
            .unwrap()
    }

    // --- depin-rewards ------------------------------------------------------------------------

    /// Funds depin-rewards with 500,000 BTT from "staker".
    pub fn fund_mining(&mut self) {
        let msg = self
            .token
            .send_msg(&self.depin, btt(500_000), &depin::ReceiveMsg::Fund {})
            .unwrap();
        self.app.execute(self.addr("staker"), msg).unwrap();
    }

    /// The oracle attests `node_id` in `epoch`: fully up, QoS tier 0, cn-west, energy C (every
    /// factor 1, so the score is the capacity that counts).
    pub fn attest(&mut self, epoch: u32, node_id: u64) {
        let msg = depin::ExecuteMsg::Attest {
            epoch,
            node_id,
            attestation: Attestation {
                uptime: Decimal::one(),
                qos_tier: 0,
                region: "cn-west".into(),
                energy: EnergyRating::C,
            },
        };
        let depin = self.depin.clone();
        self.app
            .execute_contract(self.addr("oracle"), depin, &msg, &[])
            .unwrap();
    }

    /// Anyone closes the ended epochs of depin-rewards.
    pub fn close_epochs(&mut self) {
        let depin = self.depin.clone();
        self.app
            .execute_contract(
                self.addr("anyone"),
                depin,
                &depin::ExecuteMsg::CloseEpochs { limit: Some(30) },
                &[],
            )
            .unwrap();
    }

    /// `operator` claims the node's mining rewards; returns what it received.
    pub fn claim_mining(
        &mut self,
        operator: &str,
        node_id: u64,
    ) -> Result<Uint128, depin_rewards::ContractError> {
        let before = self.balance(operator);
        let depin = self.depin.clone();
        self.execute_on::<depin_rewards::ContractError, _>(
            operator,
            &depin,
            &depin::ExecuteMsg::Claim {
                node_id,
                limit: None,
            },
            &[],
        )?;
        Ok(self.balance(operator) - before)
    }

    /// depin-rewards' view of a node.
    pub fn depin_node(&self, node_id: u64) -> depin::NodeResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.depin, &depin::QueryMsg::Node { node_id })
            .unwrap()
    }

    /// A node's contribution to an epoch in depin-rewards.
    pub fn node_epoch(&self, node_id: u64, epoch: u32) -> depin::NodeEpochResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.depin, &depin::QueryMsg::NodeEpoch { node_id, epoch })
            .unwrap()
    }

    pub fn depin_epoch(&self, epoch: u32) -> depin::EpochResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.depin, &depin::QueryMsg::Epoch { epoch })
            .unwrap()
    }

    pub fn depin_state(&self) -> depin::StateResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.depin, &depin::QueryMsg::State {})
            .unwrap()
    }

    pub fn pending(&self, node_id: u64) -> depin::PendingResponse {
        self.app
            .wrap()
            .query_wasm_smart(&self.depin, &depin::QueryMsg::Pending { node_id })
            .unwrap()
    }

    /// The capacity report depin-rewards received in `res`: its event and capacity.
    pub fn reported(&self, res: &AppResponse) -> Option<(String, Decimal)> {
        let event = res.events.iter().find(|e| {
            e.ty == "wasm"
                && e.attributes
                    .iter()
                    .any(|a| a.key == "_contract_address" && a.value == self.depin.as_str())
                && e.attributes
                    .iter()
                    .any(|a| a.key == "action" && a.value == "report_capacity")
        })?;
        let value = |key: &str| {
            event
                .attributes
                .iter()
                .find(|a| a.key == key)
                .map(|a| a.value.clone())
                .unwrap()
        };
        Some((value("event"), value("capacity").parse().unwrap()))
    }
}

/// The first value of attribute `key` in a response.
pub fn attr(res: &AppResponse, key: &str) -> String {
    res.events
        .iter()
        .flat_map(|e| &e.attributes)
        .find(|a| a.key == key)
        .map(|a| a.value.clone())
        .unwrap_or_else(|| panic!("no attribute {key}"))
}

/// `n` capacity units.
pub fn units(n: u64) -> Decimal {
    Decimal::from_ratio(n, 1u128)
}
