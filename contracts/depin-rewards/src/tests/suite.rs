//! BTT and depin-rewards funded with the 6,300,000 BTT pool under DESIGN's suggested payout
//! rules (`PayoutRules::suggested()`: quorum 2, β 50%, ω 40%, S_min 100, carry over 26 epochs,
//! lock 2, confirmation 8, uptime floor 50%). "escrow" is a plain account standing in for
//! compute-escrow; "oracle-a/b/c" are the DAO's oracles; node `n` is run by "op{n}".
//!
//! An attestation by the helpers is uptime 100% (unless given), QoS tier 0, region "eu-west",
//! energy C: every factor 1.0, so a node's score is its effective capacity × its uptime.

use btt_testing::Harness;
use btt_types::compute::EnergyRating;
use btt_types::depin::{
    Attestation, CapacityEvent, ConfigUpdate, EpochResponse, ExecuteMsg, InstantiateMsg,
    NodeEpochResponse, NodeResponse, PayoutRules, PendingResponse, QueryMsg, ReceiveMsg,
    ScoreMultipliers, StateResponse, EPOCH_SECONDS, MINING_POOL,
};
use btt_types::token::{self, TokenContract};
use btt_types::units::TOTAL_SUPPLY;
use cosmwasm_std::{coins, Addr, Coin, Decimal, Decimal256, Empty, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::{App, AppBuilder, AppResponse, Contract, ContractWrapper, Executor};

use crate::contract::{execute, instantiate, migrate, query};
use crate::ContractError;

pub const NATIVE: &str = "untrn";

fn depin_code() -> Box<dyn Contract<Empty>> {
    Box::new(ContractWrapper::new(execute, instantiate, query).with_migrate(migrate))
}

fn token_code() -> Box<dyn Contract<Empty>> {
    use btt_token::contract as c;
    Box::new(ContractWrapper::new(c::execute, c::instantiate, c::query))
}

/// The operator of node `node`.
pub fn op(node: u64) -> String {
    format!("op{node}")
}

/// `n` whole capacity units.
pub fn units(n: u64) -> Decimal {
    Decimal::from_ratio(n, 1u128)
}

/// A score of `n`.
pub fn score(n: u64) -> Decimal256 {
    Decimal256::from_ratio(n, 1u128)
}

pub struct Suite {
    pub app: App,
    pub token: TokenContract,
    pub depin: Addr,
}

btt_testing::harness!(Suite);

impl Suite {
    pub fn new() -> Self {
        Self::with_payout(PayoutRules::suggested())
    }

    pub fn with_payout(payout: PayoutRules) -> Self {
        let mut app = AppBuilder::new().build(|router, api, storage| {
            for who in ["oracle-a", "escrow", "op1", "owner"] {
                router
                    .bank
                    .init_balance(storage, &api.addr_make(who), coins(10, NATIVE))
                    .unwrap();
            }
        });
        let owner = app.api().addr_make("owner");
        let token_id = app.store_code(token_code());
        let token = app
            .instantiate_contract(
                token_id,
                owner.clone(),
                &token::InstantiateMsg {
                    name: "BTT".into(),
                    symbol: "BTT".into(),
                    initial_balances: vec![Cw20Coin {
                        address: owner.to_string(),
                        amount: TOTAL_SUPPLY,
                    }],
                    marketing: None,
                },
                &[],
                "btt",
                None,
            )
            .unwrap();
        let depin_id = app.store_code(depin_code());
        let addr = |n: &str| app.api().addr_make(n).to_string();
        let msg = InstantiateMsg {
            token: token.to_string(),
            escrow: Some(addr("escrow")),
            oracles: vec![addr("oracle-a"), addr("oracle-b"), addr("oracle-c")],
            start: app.block_info().time,
            multipliers: ScoreMultipliers::suggested(&["africa-east"]),
            payout,
            owner: None,
        };
        let depin = app
            .instantiate_contract(depin_id, owner.clone(), &msg, &[], "depin", None)
            .unwrap();
        let token = TokenContract(token);
        let fund = token
            .send_msg(&depin, MINING_POOL, &ReceiveMsg::Fund {})
            .unwrap();
        app.execute(owner, fund).unwrap();
        Self { app, token, depin }
    }

    pub fn execute_with_funds(
        &mut self,
        who: &str,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> Result<AppResponse, ContractError> {
        let contract = self.depin.clone();
        self.execute_on(who, &contract, msg, funds)
    }

    pub fn execute(&mut self, who: &str, msg: &ExecuteMsg) -> Result<AppResponse, ContractError> {
        self.execute_with_funds(who, msg, &[])
    }

    /// The owner (the DAO) changes the config.
    pub fn update_config(&mut self, update: ConfigUpdate) -> Result<AppResponse, ContractError> {
        self.execute("owner", &ExecuteMsg::UpdateConfig(update))
    }

    /// Sets the payout rules (as the DAO).
    pub fn set_payout(&mut self, payout: PayoutRules) {
        self.update_config(ConfigUpdate {
            payout: Some(payout),
            ..ConfigUpdate::default()
        })
        .unwrap();
    }

    /// Sets the oracles (as the DAO).
    pub fn set_oracles(&mut self, oracles: &[&str]) {
        let oracles = oracles.iter().map(|o| self.addr(o).to_string()).collect();
        self.update_config(ConfigUpdate {
            oracles: Some(oracles),
            ..ConfigUpdate::default()
        })
        .unwrap();
    }

    /// Sets the score multipliers (as the DAO).
    pub fn set_multipliers(&mut self, multipliers: ScoreMultipliers) -> AppResponse {
        self.update_config(ConfigUpdate {
            multipliers: Some(multipliers),
            ..ConfigUpdate::default()
        })
        .unwrap()
    }

    /// `sender` reports node `node`'s capacity (run by "op{node}").
    pub fn report_by(
        &mut self,
        sender: &str,
        node: u64,
        capacity: Decimal,
        event: CapacityEvent,
    ) -> Result<AppResponse, ContractError> {
        self.report_of(sender, node, capacity, event, None)
    }

    /// [`Suite::report_by`] of a challenge's outcome, naming its oracle.
    pub fn report_of(
        &mut self,
        sender: &str,
        node: u64,
        capacity: Decimal,
        event: CapacityEvent,
        oracle: Option<&str>,
    ) -> Result<AppResponse, ContractError> {
        let operator = self.addr(&op(node)).to_string();
        let oracle = oracle.map(|o| self.addr(o).to_string());
        self.execute(
            sender,
            &ExecuteMsg::ReportCapacity {
                node_id: node,
                operator,
                capacity,
                event,
                oracle,
            },
        )
    }

    /// compute-escrow: `oracle`'s challenge confirmed `capacity` units of `node` (one pass).
    pub fn pass(&mut self, oracle: &str, node: u64, capacity: u64) {
        let event = CapacityEvent::Confirmed;
        self.report_of("escrow", node, units(capacity), event, Some(oracle))
            .unwrap();
    }

    /// compute-escrow: the challenges of a quorum of oracles (a and b) confirmed `capacity`
    /// units of `node`.
    pub fn confirm(&mut self, node: u64, capacity: u64) {
        self.pass("oracle-a", node, capacity);
        self.pass("oracle-b", node, capacity);
    }

    /// compute-escrow: `node` declined oracle a's challenge.
    pub fn decline(&mut self, node: u64) {
        let capacity = self.node(node).capacity.target;
        let event = CapacityEvent::Declined;
        self.report_of("escrow", node, capacity, event, Some("oracle-a"))
            .unwrap();
    }

    /// compute-escrow: `node` accepted a challenge and failed it.
    pub fn fail(&mut self, node: u64) -> AppResponse {
        self.report_by("escrow", node, Decimal::zero(), CapacityEvent::Failed)
            .unwrap()
    }

    /// compute-escrow: `node`'s bond or GPUs now cover `capacity` units.
    pub fn change(&mut self, node: u64, capacity: u64) {
        self.report_by("escrow", node, units(capacity), CapacityEvent::Changed)
            .unwrap();
    }

    /// compute-escrow: a clinic job on `node` completed `units` and paid `fees` ubtt of
    /// protocol fees.
    pub fn record_paid(&mut self, node: u64, units: u64, fees: u128) {
        self.record_by("escrow", node, units, Uint128::new(fees))
            .unwrap();
    }

    pub fn record_by(
        &mut self,
        sender: &str,
        node: u64,
        units: u64,
        fees: Uint128,
    ) -> Result<AppResponse, ContractError> {
        let operator = self.addr(&op(node)).to_string();
        self.execute(
            sender,
            &ExecuteMsg::RecordUnits {
                node_id: node,
                operator,
                units,
                fees,
            },
        )
    }

    /// One oracle attests `node` for `epoch`.
    pub fn attest_one(
        &mut self,
        oracle: &str,
        epoch: u32,
        node: u64,
        uptime: u64,
    ) -> Result<AppResponse, ContractError> {
        let attestation = Attestation {
            uptime: Decimal::percent(uptime),
            qos_tier: 0,
            region: "eu-west".into(),
            energy: EnergyRating::C,
        };
        self.execute(
            oracle,
            &ExecuteMsg::Attest {
                epoch,
                node_id: node,
                attestation,
            },
        )
    }

    /// A quorum (oracles a and b) attests `node` in the current epoch at `uptime` %.
    pub fn attest_uptime(&mut self, node: u64, uptime: u64) {
        let epoch = self.current_epoch();
        for oracle in ["oracle-a", "oracle-b"] {
            self.attest_one(oracle, epoch, node, uptime).unwrap();
        }
    }

    /// A quorum attests `node` fully up in the current epoch.
    pub fn attest(&mut self, node: u64) {
        self.attest_uptime(node, 100);
    }

    pub fn close(&mut self) -> Result<AppResponse, ContractError> {
        self.execute("anyone", &ExecuteMsg::CloseEpochs { limit: None })
    }

    /// Closes every ended epoch, 10 a call, checking the books after each call.
    pub fn close_all(&mut self) {
        while self.close().is_ok() {
            self.assert_books();
        }
        assert_eq!(self.state().closed_through, self.current_epoch());
    }

    /// "op{node}" claims.
    pub fn claim(&mut self, node: u64) -> Result<AppResponse, ContractError> {
        self.claim_as(&op(node), node)
    }

    pub fn claim_as(&mut self, who: &str, node: u64) -> Result<AppResponse, ContractError> {
        self.execute(
            who,
            &ExecuteMsg::Claim {
                node_id: node,
                limit: None,
            },
        )
    }

    /// Moves to the start of epoch `epoch`.
    pub fn move_to_epoch(&mut self, epoch: u32) {
        let now = self.app.block_info().time;
        let config: btt_types::depin::ConfigResponse = self.query(&QueryMsg::Config {});
        let target = config.start.plus_seconds(u64::from(epoch) * EPOCH_SECONDS);
        assert!(target >= now);
        self.app.update_block(|b| {
            b.time = target;
            b.height += 1;
        });
    }

    /// Moves to the next epoch and closes the ended ones, checking the books.
    pub fn next_epoch(&mut self) {
        let next = self.current_epoch() + 1;
        self.move_to_epoch(next);
        self.close().unwrap();
        self.assert_books();
    }

    pub fn current_epoch(&self) -> u32 {
        self.state().current_epoch
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> T {
        self.app.wrap().query_wasm_smart(&self.depin, msg).unwrap()
    }

    pub fn epoch(&self, epoch: u32) -> EpochResponse {
        self.query(&QueryMsg::Epoch { epoch })
    }

    pub fn node_epoch(&self, node: u64, epoch: u32) -> NodeEpochResponse {
        self.query(&QueryMsg::NodeEpoch {
            node_id: node,
            epoch,
        })
    }

    pub fn node(&self, node: u64) -> NodeResponse {
        self.query(&QueryMsg::Node { node_id: node })
    }

    pub fn pending(&self, node: u64) -> PendingResponse {
        self.query(&QueryMsg::Pending { node_id: node })
    }

    pub fn state(&self) -> StateResponse {
        self.query(&QueryMsg::State {})
    }

    /// The score rules of `epoch`.
    pub fn score_rules(&self, epoch: u32) -> btt_types::depin::ScoreRulesResponse {
        self.query(&QueryMsg::ScoreRules { epoch })
    }

    /// The pool's books to the ubtt: what the schedule emitted for the closed epochs is paid,
    /// owed to nodes (claimable, locked or not folded yet) or carried; and the pool holds what
    /// it was funded less what it paid.
    #[track_caller]
    pub fn assert_books(&self) {
        let s = self.state();
        assert_eq!(
            s.scheduled,
            s.paid + s.owed + s.carry,
            "scheduled {} = paid {} + owed {} + carry {}",
            s.scheduled,
            s.paid,
            s.owed,
            s.carry
        );
        let held = self.token.balance(&self.app.wrap(), &self.depin).unwrap();
        assert_eq!(held + s.paid, s.funded);
    }

    /// `who` sends `amount` of BTT to the pool with `Fund`.
    pub fn fund(&mut self, who: &str, amount: Uint128) -> Result<AppResponse, ContractError> {
        let msg = self
            .token
            .send_msg(&self.depin, amount, &ReceiveMsg::Fund {})
            .unwrap();
        self.app
            .execute(self.addr(who), msg)
            .map_err(btt_testing::contract_error)
    }

    pub fn balance(&self, who: &str) -> Uint128 {
        self.token
            .balance(&self.app.wrap(), self.addr(who))
            .unwrap()
    }

    /// BTT node `node`'s operator holds.
    pub fn paid_to(&self, node: u64) -> Uint128 {
        self.balance(&op(node))
    }

    /// Confirms `capacities` (node, units) in epoch 0 and moves to epoch 4, where they count in
    /// full; epochs 0 to 3 close unscored (their emission carried).
    pub fn warm(&mut self, capacities: &[(u64, u64)]) {
        for &(node, capacity) in capacities {
            self.confirm(node, capacity);
        }
        self.move_to_epoch(4);
        self.close().unwrap();
        self.assert_books();
    }
}

/// The carry release of the close of each epoch `0..through` when epoch `k` left `unused(k)`
/// unpaid (with what it released in its budget): each amount is released over 26 epochs from
/// the next, its remainder with the first. A reference model of DESIGN's linear release.
pub fn releases(through: u32, unused: impl Fn(u32, Uint128) -> Uint128) -> Vec<Uint128> {
    let mut starts = vec![Uint128::zero(); through as usize + 30];
    let mut ends = vec![Uint128::zero(); through as usize + 30];
    let mut extra = vec![Uint128::zero(); through as usize + 30];
    let mut rate = Uint128::zero();
    let mut out = vec![];
    for e in 0..through as usize {
        rate = rate + starts[e] - ends[e];
        let released = rate + extra[e];
        out.push(released);
        let u = unused(e as u32, released);
        let per = u / Uint128::new(26);
        starts[e + 1] += per;
        ends[e + 27] += per;
        extra[e + 1] += u - per * Uint128::new(26);
    }
    out
}
