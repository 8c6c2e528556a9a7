//! The operation alphabet: every user-facing execute message of the eleven contracts (and each
//! cw20 hook they take), drawn with random actors and arguments from pools that include the
//! wrong roles and strangers; zero, one ubtt and huge amounts; wrong denoms, two coins and
//! funds where none belong; a fake cw20 that calls itself BTT; ids that exist and ids that do
//! not; and time jumps from a second to months. Governance runs whole proposals as well as
//! single votes.

use btt_economy::living::world::USDC;
use btt_types::dao::VoteOption;
use btt_types::depin::EPOCH_SECONDS;
use cosmwasm_std::{coin, to_json_binary, Addr, Coin, CosmosMsg, Uint128, WasmMsg};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

use crate::ledger::Ledger;
use crate::op::Op;
use crate::suite::{Actor, Suite, WRONG_DENOM};

/// Which group of actors a message's rightful sender comes from.
#[derive(Debug, Clone, Copy)]
enum Role {
    Clinic,
    Node,
    Institution,
    Investor,
    Patient,
    Issuer,
    Appraiser,
    Oracle,
    Arbiter,
    Guardian,
    Feeder,
    Partner,
    Anyone,
}

/// What a generator draws from: the suite, the ledger's ids, the clock and the random stream.
pub struct Gen<'a> {
    pub rng: &'a mut ChaCha8Rng,
    pub suite: &'a Suite,
    pub ledger: &'a Ledger,
}

/// Every message the alphabet draws, as `contract.message` (hooks as
/// `contract.receive:hook`), with its generator.
type Draw = fn(&mut Gen) -> Op;

/// The alphabet, uniform over its entries.
pub const ALPHABET: &[(&str, Draw)] = &[
    // btt-token (and the fake BTT, one time in ten)
    ("btt-token.transfer", |g| g.token_msg("transfer")),
    ("btt-token.burn", |g| g.token_msg("burn")),
    ("btt-token.send", |g| g.token_msg("send")),
    ("btt-token.increase_allowance", |g| {
        g.token_msg("increase_allowance")
    }),
    ("btt-token.decrease_allowance", |g| {
        g.token_msg("decrease_allowance")
    }),
    ("btt-token.transfer_from", |g| g.token_msg("transfer_from")),
    ("btt-token.send_from", |g| g.token_msg("send_from")),
    ("btt-token.burn_from", |g| g.token_msg("burn_from")),
    ("btt-token.update_marketing", |g| {
        g.token_msg("update_marketing")
    }),
    ("btt-token.upload_logo", |g| g.token_msg("upload_logo")),
    // btt-vesting
    ("btt-vesting.claim", |g| {
        let id = g.schedule_id();
        g.exec(
            Role::Institution,
            "btt-vesting",
            json!({"claim": {"schedule_id": id}}),
        )
    }),
    ("btt-vesting.approve_tranche", |g| {
        let (id, t) = (g.schedule_id(), g.rng.gen_range(0..6u32));
        g.exec(
            Role::Anyone,
            "btt-vesting",
            json!({"approve_tranche": {"schedule_id": id, "tranche": t}}),
        )
    }),
    ("btt-vesting.receive:create_schedules", |g| {
        let to = g.anyone().addr.to_string();
        let amount = g.amount();
        let now = g.now();
        g.send(Role::Anyone, "btt-vesting", amount, json!({"create_schedules": {"schedules": [
            {"beneficiary": to, "total": amount, "start": now.to_string(), "cliff_seconds": 0, "linear_seconds": 86400}
        ]}}))
    }),
    ("btt-vesting.update_ownership", |g| {
        g.ownership("btt-vesting")
    }),
    // btt-staking
    ("btt-staking.receive:stake", |g| {
        let tier = g.rng.gen_range(0..5u32);
        let amount = g.amount();
        g.send(
            Role::Institution,
            "btt-staking",
            amount,
            json!({"stake": {"tier": tier}}),
        )
    }),
    ("btt-staking.receive:distribute_rewards", |g| {
        let amount = g.amount();
        g.send(
            Role::Anyone,
            "btt-staking",
            amount,
            json!({"distribute_rewards": {}}),
        )
    }),
    ("btt-staking.distribute_rewards", |g| {
        let funds = g.usdc_funds(1_000_000);
        g.exec_with(
            Role::Anyone,
            "btt-staking",
            json!({"distribute_rewards": {}}),
            funds,
        )
    }),
    ("btt-staking.unbond", |g| {
        let id = g.id("stake_id");
        let amount = g.maybe_amount();
        let op = g.exec(
            Role::Institution,
            "btt-staking",
            json!({"unbond": {"stake_id": id, "amount": amount}}),
        );
        let staker = g.ledger.stakes.get(&id).cloned();
        g.signed_by(op, staker, 0.7)
    }),
    ("btt-staking.claim_unbonded", |g| {
        let limit = g.limit();
        let op = g.exec(
            Role::Institution,
            "btt-staking",
            json!({"claim_unbonded": {"limit": limit}}),
        );
        // Mostly someone who staked (and may have unbonded).
        let stakers: Vec<Addr> = g.ledger.stakes.values().cloned().collect();
        let staker = stakers.choose(g.rng).cloned();
        g.signed_by(op, staker, 0.7)
    }),
    ("btt-staking.claim_rewards", |g| {
        g.exec(
            Role::Institution,
            "btt-staking",
            json!({"claim_rewards": {}}),
        )
    }),
    ("btt-staking.update_config", |g| {
        g.exec(Role::Anyone, "btt-staking", json!({"update_config": {}}))
    }),
    ("btt-staking.circuit", |g| g.circuit("btt-staking")),
    ("btt-staking.update_ownership", |g| {
        g.ownership("btt-staking")
    }),
    // btt-dao
    ("btt-dao.receive:propose", |g| {
        let amount = g.deposit();
        g.send(Role::Institution, "btt-dao", amount, json!({"propose": {"title": "fuzz", "description": "a proposal of the fuzzer", "msgs": []}}))
    }),
    ("btt-dao.receive:deposit", |g| {
        let (fund, amount) = (g.fund(), g.amount());
        g.send(
            Role::Anyone,
            "btt-dao",
            amount,
            json!({"deposit": {"fund": fund}}),
        )
    }),
    ("btt-dao.deposit", |g| {
        let fund = g.fund();
        let funds = g.usdc_funds(1_000_000);
        g.exec_with(
            Role::Anyone,
            "btt-dao",
            json!({"deposit": {"fund": fund}}),
            funds,
        )
    }),
    ("btt-dao.spend", |g| {
        let (fund, to, amount) = (g.fund(), g.anyone().addr.to_string(), g.amount());
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"spend": {"fund": fund, "recipient": to, "denom": "btt", "amount": amount}}),
        )
    }),
    ("btt-dao.vote", |g| {
        let (id, vote) = (g.id("proposal_id"), g.vote());
        g.exec(
            Role::Institution,
            "btt-dao",
            json!({"vote": {"proposal_id": id, "vote": vote}}),
        )
    }),
    ("btt-dao.close", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"close": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.execute", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"execute": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.guardian_veto", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Guardian,
            "btt-dao",
            json!({"guardian_veto": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.accept_ownership", |g| {
        let c = g.contract().to_string();
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"accept_ownership": {"contract": c}}),
        )
    }),
    ("btt-dao.update_config", |g| {
        g.exec(Role::Anyone, "btt-dao", json!({"update_config": {}}))
    }),
    ("btt-dao.run_proposal", |g| {
        let id = g.id("proposal_id");
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"run_proposal": {"proposal_id": id}}),
        )
    }),
    ("btt-dao.assert_deposits_covered", |g| {
        g.exec(
            Role::Anyone,
            "btt-dao",
            json!({"assert_deposits_covered": {}}),
        )
    }),
    ("btt-dao.whole_proposal", |g| g.proposal()),
    // compute-escrow
    ("compute-escrow.receive:register_node", |g| {
        let spec = g.node_spec();
        let amount = g.bond();
        g.send(
            Role::Node,
            "compute-escrow",
            amount,
            json!({"register_node": spec}),
        )
    }),
    ("compute-escrow.receive:top_up_bond", |g| {
        let (id, amount) = (g.id("node_id"), g.amount());
        g.send(
            Role::Node,
            "compute-escrow",
            amount,
            json!({"top_up_bond": {"node_id": id}}),
        )
    }),
    ("compute-escrow.receive:post_job", |g| {
        let spec = g.job_spec();
        let amount = g.job_price(&spec);
        g.send(
            Role::Clinic,
            "compute-escrow",
            amount,
            json!({"post_job": spec}),
        )
    }),
    ("compute-escrow.post_job", |g| {
        let spec = g.job_spec();
        let funds = g.usdc_funds(50_000_000);
        g.exec_with(
            Role::Clinic,
            "compute-escrow",
            json!({"post_job": {"spec": spec}}),
            funds,
        )
    }),
    ("compute-escrow.update_node", |g| {
        let id = g.id("node_id");
        let gpus = g.rng.gen_range(0..80u32);
        g.exec(Role::Node, "compute-escrow", json!({"update_node": {"node_id": id, "gpu_count": gpus, "region": null, "energy_rating": null, "endpoint": null}}))
    }),
    ("compute-escrow.pause_node", |g| {
        let (id, p) = (g.id("node_id"), g.rng.gen_bool(0.5));
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"pause_node": {"node_id": id, "paused": p}}),
        )
    }),
    ("compute-escrow.retire_node", |g| {
        let id = g.id("node_id");
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"retire_node": {"node_id": id}}),
        )
    }),
    ("compute-escrow.withdraw_bond", |g| {
        let id = g.id("node_id");
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"withdraw_bond": {"node_id": id}}),
        )
    }),
    ("compute-escrow.assign_job", |g| {
        let job = g.id("job_id");
        let n = g.rng.gen_range(0..3);
        let assignments: Vec<Value> = (0..n)
            .map(|_| json!({"node_id": g.id("node_id"), "units": g.units()}))
            .collect();
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"assign_job": {"job_id": job, "assignments": assignments}}),
        )
    }),
    ("compute-escrow.accept_assignment", |g| {
        let (job, node) = (g.id("job_id"), g.id("node_id"));
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"accept_assignment": {"job_id": job, "node_id": node}}),
        )
    }),
    ("compute-escrow.decline_assignment", |g| {
        let (job, node) = (g.id("job_id"), g.id("node_id"));
        g.exec(
            Role::Node,
            "compute-escrow",
            json!({"decline_assignment": {"job_id": job, "node_id": node}}),
        )
    }),
    ("compute-escrow.cancel_job", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"cancel_job": {"job_id": job}}),
        )
    }),
    ("compute-escrow.submit_result", |g| {
        let job = g.id("job_id");
        g.exec(Role::Node, "compute-escrow", json!({"submit_result": {"job_id": job, "result_hash": "ab".repeat(32), "result_uri": "ipfs://result"}}))
    }),
    ("compute-escrow.accept_result", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"accept_result": {"job_id": job}}),
        )
    }),
    ("compute-escrow.finalize", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"finalize": {"job_id": job}}),
        )
    }),
    ("compute-escrow.dispute", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Clinic,
            "compute-escrow",
            json!({"dispute": {"job_id": job, "reason": "the segmentation is wrong"}}),
        )
    }),
    ("compute-escrow.resolve", |g| {
        let job = g.id("job_id");
        let resolution = match g.rng.gen_range(0..4) {
            0 => json!("pay"),
            1 => json!("refund"),
            2 => json!({"split": {"clinic_share": g.rng.gen_range(0..=10_000u32)}}),
            _ => json!({"split": {"clinic_share": 10_001}}),
        };
        let at_fault: Vec<u64> = (0..g.rng.gen_range(0..2))
            .map(|_| g.id("node_id"))
            .collect();
        g.exec(
            Role::Arbiter,
            "compute-escrow",
            json!({"resolve": {"job_id": job, "resolution": resolution, "at_fault": at_fault}}),
        )
    }),
    ("compute-escrow.expire", |g| {
        let job = g.id("job_id");
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"expire": {"job_id": job}}),
        )
    }),
    ("compute-escrow.update_config", |g| {
        g.exec(Role::Anyone, "compute-escrow", json!({"update_config": {}}))
    }),
    ("compute-escrow.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "compute-escrow",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("compute-escrow.circuit", |g| g.circuit("compute-escrow")),
    ("compute-escrow.update_ownership", |g| {
        g.ownership("compute-escrow")
    }),
    // depin-rewards
    ("depin-rewards.receive:fund", |g| {
        let amount = g.amount();
        g.send(Role::Anyone, "depin-rewards", amount, json!({"fund": {}}))
    }),
    ("depin-rewards.record_units", |g| {
        let (node, op, units, fees) = (
            g.id("node_id"),
            g.anyone().addr.to_string(),
            g.units(),
            g.amount(),
        );
        g.exec(Role::Anyone, "depin-rewards", json!({"record_units": {"node_id": node, "operator": op, "units": units, "fees": fees}}))
    }),
    ("depin-rewards.attest", |g| {
        let (epoch, node) = (g.epoch(), g.id("node_id"));
        let uptime = g.one(&["0.99", "1", "0.5", "1.5", "0"]);
        let qos = g.rng.gen_range(0..5u8);
        g.exec(Role::Oracle, "depin-rewards", json!({"attest": {"epoch": epoch, "node_id": node, "attestation": {"uptime": uptime, "qos_tier": qos, "region": "cn-west", "energy": "a"}}}))
    }),
    ("depin-rewards.refresh_score", |g| {
        let (epoch, node) = (g.epoch(), g.id("node_id"));
        g.exec(
            Role::Anyone,
            "depin-rewards",
            json!({"refresh_score": {"epoch": epoch, "node_id": node}}),
        )
    }),
    ("depin-rewards.close_epochs", |g| {
        let limit = g.limit();
        g.exec(
            Role::Anyone,
            "depin-rewards",
            json!({"close_epochs": {"limit": limit}}),
        )
    }),
    ("depin-rewards.claim", |g| {
        let (node, limit) = (g.id("node_id"), g.limit());
        g.exec(
            Role::Node,
            "depin-rewards",
            json!({"claim": {"node_id": node, "limit": limit}}),
        )
    }),
    ("depin-rewards.update_config", |g| {
        g.exec(Role::Anyone, "depin-rewards", json!({"update_config": {}}))
    }),
    ("depin-rewards.update_ownership", |g| {
        g.ownership("depin-rewards")
    }),
    // incentive-points
    ("incentive-points.receive:subscribe", |g| {
        let (tier, referrer) = (g.rng.gen_range(0..4u32), g.maybe_actor());
        let amount = g.subscription_price(tier);
        g.send(
            Role::Clinic,
            "incentive-points",
            amount,
            json!({"subscribe": {"tier": tier, "referrer": referrer}}),
        )
    }),
    ("incentive-points.subscribe", |g| {
        let (tier, referrer) = (g.rng.gen_range(0..4u32), g.maybe_actor());
        let funds = g.usdc_funds(10_000_000_000);
        g.exec_with(
            Role::Clinic,
            "incentive-points",
            json!({"subscribe": {"tier": tier, "referrer": referrer}}),
            funds,
        )
    }),
    ("incentive-points.award", |g| {
        let (patient, category, points) = (g.patient(), g.category(), g.points());
        g.exec(
            Role::Clinic,
            "incentive-points",
            json!({"award": {"patient": patient, "category": category, "points": points}}),
        )
    }),
    ("incentive-points.award_for", |g| {
        let (provider, patient, category, points) = (
            g.pick(Role::Clinic).addr.to_string(),
            g.patient(),
            g.category(),
            g.points(),
        );
        g.exec(Role::Anyone, "incentive-points", json!({"award_for": {"provider": provider, "patient": patient, "category": category, "points": points}}))
    }),
    ("incentive-points.redeem", |g| {
        let (partner, points) = (g.pick(Role::Partner).addr.to_string(), g.points());
        g.exec(
            Role::Patient,
            "incentive-points",
            json!({"redeem": {"partner": partner, "points": points}}),
        )
    }),
    ("incentive-points.convert", |g| {
        let points = g.points();
        g.exec(
            Role::Patient,
            "incentive-points",
            json!({"convert": {"points": points}}),
        )
    }),
    ("incentive-points.grant", |g| {
        let (to, amount) = (g.anyone().addr.to_string(), g.amount());
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"grant": {"recipient": to, "amount": amount, "memo": "fuzz"}}),
        )
    }),
    ("incentive-points.approve_partner", |g| {
        let p = g.anyone().addr.to_string();
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"approve_partner": {"partner": p, "name": "pharmacy"}}),
        )
    }),
    ("incentive-points.remove_partner", |g| {
        let p = g.pick(Role::Partner).addr.to_string();
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"remove_partner": {"partner": p}}),
        )
    }),
    ("incentive-points.receive:register_partner", |g| {
        let amount = if g.rng.gen_bool(0.7) {
            g.suite.config.points.partner_fee
        } else {
            g.amount()
        };
        g.send(
            Role::Partner,
            "incentive-points",
            amount,
            json!({"register_partner": {"name": "a pharmacy"}}),
        )
    }),
    ("incentive-points.receive:fund_partner", |g| {
        let amount = g.amount();
        g.send(
            Role::Partner,
            "incentive-points",
            amount,
            json!({"fund_partner": {}}),
        )
    }),
    ("incentive-points.receive:fund_pool", |g| {
        let amount = g.amount();
        g.send(
            Role::Anyone,
            "incentive-points",
            amount,
            json!({"fund_pool": {}}),
        )
    }),
    ("incentive-points.update_config", |g| {
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"update_config": {}}),
        )
    }),
    ("incentive-points.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "incentive-points",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("incentive-points.circuit", |g| {
        g.circuit("incentive-points")
    }),
    ("incentive-points.update_ownership", |g| {
        g.ownership("incentive-points")
    }),
    // payfi
    ("payfi.issue_invoice", |g| {
        let payer = g.maybe_patient();
        let denom = if g.rng.gen_bool(0.5) {
            json!("btt")
        } else {
            json!({"native": g.one(&[USDC, WRONG_DENOM])})
        };
        let amount = g.amount();
        let due = g
            .now()
            .plus_seconds(g.rng.gen_range(0..30 * 86_400))
            .seconds()
            .to_string()
            + "000000000";
        let points = if g.rng.gen_bool(0.4) {
            json!({"category": g.category(), "points": g.points()})
        } else {
            Value::Null
        };
        let analytics = g.rng.gen_bool(0.5);
        g.exec(Role::Clinic, "payfi", json!({"issue_invoice": {"payer": payer, "denom": denom, "amount": amount, "due": due, "memo_hash": "cd".repeat(32), "points": points, "analytics": analytics}}))
    }),
    ("payfi.cancel_invoice", |g| {
        let id = g.id("invoice_id");
        g.exec(
            Role::Clinic,
            "payfi",
            json!({"cancel_invoice": {"invoice_id": id}}),
        )
    }),
    ("payfi.pay", |g| {
        let id = g.id("invoice_id");
        let amount = g.invoice_due(id);
        let funds = g.usdc_funds(amount.u128().min(1_000_000_000_000));
        g.exec_with(
            Role::Patient,
            "payfi",
            json!({"pay": {"invoice_id": id, "amount": amount}}),
            funds,
        )
    }),
    ("payfi.receive:pay", |g| {
        let id = g.id("invoice_id");
        let amount = g.invoice_due(id);
        g.send(
            Role::Patient,
            "payfi",
            amount,
            json!({"pay": {"invoice_id": id, "amount": amount}}),
        )
    }),
    ("payfi.refund", |g| {
        let (id, amount) = (g.id("payment_id"), g.maybe_amount());
        g.exec(
            Role::Clinic,
            "payfi",
            json!({"refund": {"payment_id": id, "amount": amount}}),
        )
    }),
    ("payfi.settle", |g| {
        let limit = g.limit();
        g.exec(Role::Anyone, "payfi", json!({"settle": {"limit": limit}}))
    }),
    ("payfi.set_rate", |g| {
        let rate = g.one(&["5", "4.9", "0", "1000000", "0.000001"]);
        let pay = g.one(&[USDC, WRONG_DENOM]);
        g.exec(
            Role::Feeder,
            "payfi",
            json!({"set_rate": {"pay": pay, "invoice": "btt", "rate": rate}}),
        )
    }),
    ("payfi.update_config", |g| {
        g.exec(Role::Anyone, "payfi", json!({"update_config": {}}))
    }),
    ("payfi.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "payfi",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("payfi.circuit", |g| g.circuit("payfi")),
    ("payfi.update_ownership", |g| g.ownership("payfi")),
    // rwa-nft
    ("rwa-nft.mint", |g| {
        let m = g.mint();
        let funds = g.usdc_funds(1_000_000);
        g.exec_with(Role::Issuer, "rwa-nft", json!({"mint": m}), funds)
    }),
    ("rwa-nft.receive:mint", |g| {
        let m = g.mint();
        let amount = g.amount();
        g.send(Role::Issuer, "rwa-nft", amount, json!({"mint": m}))
    }),
    ("rwa-nft.appraise", |g| {
        let (id, value) = (g.token_id(), g.amount());
        g.exec(
            Role::Appraiser,
            "rwa-nft",
            json!({"appraise": {"token_id": id, "value": value, "report_sha256": "ef".repeat(32)}}),
        )
    }),
    ("rwa-nft.accept_revaluation", |g| {
        let id = g.token_id();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"accept_revaluation": {"token_id": id}}),
        )
    }),
    ("rwa-nft.receive:accept_revaluation", |g| {
        let (id, amount) = (g.token_id(), g.amount());
        g.send(
            Role::Clinic,
            "rwa-nft",
            amount,
            json!({"accept_revaluation": {"token_id": id}}),
        )
    }),
    ("rwa-nft.transfer_nft", |g| {
        let (to, id) = (g.anyone().addr.to_string(), g.token_id());
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"transfer_nft": {"recipient": to, "token_id": id}}),
        )
    }),
    ("rwa-nft.send_nft", |g| {
        let id = g.token_id();
        let shares = g.amount();
        let hook = json!({"fractionalize": {"shares": shares, "symbol": "FUZZ", "denom": g.one(&[USDC, WRONG_DENOM, "btt"]), "reserve_price": g.amount(), "curator": null}});
        let vaults = g.suite.deployment.vaults.to_string();
        let msg = to_json_binary(&hook).unwrap_or_default();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"send_nft": {"contract": vaults, "token_id": id, "msg": msg}}),
        )
    }),
    ("rwa-nft.approve", |g| {
        let (to, id) = (g.anyone().addr.to_string(), g.token_id());
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"approve": {"spender": to, "token_id": id, "expires": null}}),
        )
    }),
    ("rwa-nft.revoke", |g| {
        let (to, id) = (g.anyone().addr.to_string(), g.token_id());
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"revoke": {"spender": to, "token_id": id}}),
        )
    }),
    ("rwa-nft.approve_all", |g| {
        let to = g.anyone().addr.to_string();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"approve_all": {"operator": to, "expires": null}}),
        )
    }),
    ("rwa-nft.revoke_all", |g| {
        let to = g.anyone().addr.to_string();
        g.exec(
            Role::Clinic,
            "rwa-nft",
            json!({"revoke_all": {"operator": to}}),
        )
    }),
    ("rwa-nft.burn", |g| {
        let id = g.token_id();
        g.exec(Role::Clinic, "rwa-nft", json!({"burn": {"token_id": id}}))
    }),
    ("rwa-nft.update_config", |g| {
        g.exec(Role::Anyone, "rwa-nft", json!({"update_config": {}}))
    }),
    ("rwa-nft.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "rwa-nft",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("rwa-nft.circuit", |g| g.circuit("rwa-nft")),
    ("rwa-nft.update_ownership", |g| g.ownership("rwa-nft")),
    // rwa-fractionalizer
    ("rwa-fractionalizer.shares_moved", |g| {
        let (from, to, amount) = (
            g.anyone().addr.to_string(),
            g.anyone().addr.to_string(),
            g.amount(),
        );
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"shares_moved": {"from": from, "to": to, "amount": amount}}),
        )
    }),
    ("rwa-fractionalizer.list", |g| {
        let (vault, shares, price) = (
            g.id("vault_id"),
            g.share_amount(),
            g.rng.gen_range(0..1_000_000u128),
        );
        g.exec(Role::Investor, "rwa-fractionalizer", json!({"list": {"vault_id": vault, "shares": shares, "price_per_share": price.to_string()}}))
    }),
    ("rwa-fractionalizer.cancel_listing", |g| {
        let id = g.id("listing_id");
        g.exec(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"cancel_listing": {"listing_id": id}}),
        )
    }),
    ("rwa-fractionalizer.buy", |g| {
        let (id, shares) = (g.id("listing_id"), g.share_amount());
        let usual = g.rng.gen_range(1..100_000_000_000u128);
        let funds = g.usdc_funds(usual);
        g.exec_with(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"buy": {"listing_id": id, "shares": shares}}),
            funds,
        )
    }),
    ("rwa-fractionalizer.receive:buy", |g| {
        let (id, shares, amount) = (g.id("listing_id"), g.share_amount(), g.amount());
        g.send(
            Role::Investor,
            "rwa-fractionalizer",
            amount,
            json!({"buy": {"listing_id": id, "shares": shares}}),
        )
    }),
    ("rwa-fractionalizer.deposit_income", |g| {
        let id = g.id("vault_id");
        let usual = g.rng.gen_range(1..10_000_000_000u128);
        let funds = g.usdc_funds(usual);
        g.exec_with(
            Role::Clinic,
            "rwa-fractionalizer",
            json!({"deposit_income": {"vault_id": id}}),
            funds,
        )
    }),
    ("rwa-fractionalizer.receive:deposit_income", |g| {
        let (id, amount) = (g.id("vault_id"), g.amount());
        g.send(
            Role::Clinic,
            "rwa-fractionalizer",
            amount,
            json!({"deposit_income": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.claim_income", |g| {
        let id = g.id("vault_id");
        g.exec(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"claim_income": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.collect_fees", |g| {
        let id = g.id("vault_id");
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"collect_fees": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.signal_reserve", |g| {
        let id = g.id("vault_id");
        let price = g.maybe_amount();
        g.exec(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"signal_reserve": {"vault_id": id, "price": price}}),
        )
    }),
    ("rwa-fractionalizer.bid", |g| {
        let id = g.id("vault_id");
        let usual = g.rng.gen_range(1..2_000_000_000_000u128);
        let funds = g.usdc_funds(usual);
        g.exec_with(
            Role::Investor,
            "rwa-fractionalizer",
            json!({"bid": {"vault_id": id}}),
            funds,
        )
    }),
    ("rwa-fractionalizer.receive:bid", |g| {
        let (id, amount) = (g.id("vault_id"), g.amount());
        g.send(
            Role::Investor,
            "rwa-fractionalizer",
            amount,
            json!({"bid": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.settle_auction", |g| {
        let id = g.id("vault_id");
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"settle_auction": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.receive:feature", |g| {
        let (id, amount) = (g.id("vault_id"), g.amount());
        g.send(
            Role::Clinic,
            "rwa-fractionalizer",
            amount,
            json!({"feature": {"vault_id": id}}),
        )
    }),
    ("rwa-fractionalizer.update_config", |g| {
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"update_config": {}}),
        )
    }),
    ("rwa-fractionalizer.update_fee_routing", |g| {
        g.exec(
            Role::Anyone,
            "rwa-fractionalizer",
            json!({"update_fee_routing": {"payees": null, "routes": []}}),
        )
    }),
    ("rwa-fractionalizer.circuit", |g| {
        g.circuit("rwa-fractionalizer")
    }),
    ("rwa-fractionalizer.update_ownership", |g| {
        g.ownership("rwa-fractionalizer")
    }),
    // rwa-shares (one per vault)
    ("rwa-shares.transfer", |g| g.shares_msg("transfer")),
    ("rwa-shares.burn", |g| g.shares_msg("burn")),
    ("rwa-shares.increase_allowance", |g| {
        g.shares_msg("increase_allowance")
    }),
    ("rwa-shares.transfer_from", |g| {
        g.shares_msg("transfer_from")
    }),
    ("rwa-shares.decrease_allowance", |g| {
        g.shares_msg("decrease_allowance")
    }),
    ("rwa-shares.send_from", |g| g.shares_msg("send_from")),
    ("rwa-shares.burn_from", |g| g.shares_msg("burn_from")),
    ("rwa-shares.mint", |g| g.shares_msg("mint")),
    ("rwa-shares.update_minter", |g| {
        g.shares_msg("update_minter")
    }),
    ("rwa-shares.update_marketing", |g| {
        g.shares_msg("update_marketing")
    }),
    ("rwa-shares.upload_logo", |g| g.shares_msg("upload_logo")),
    ("rwa-shares.send:redeem", |g| g.shares_msg("redeem")),
    ("rwa-shares.send:redeem_nft", |g| g.shares_msg("redeem_nft")),
    // stories: whole lifecycles, step by step
    ("story.job", |g| g.job_story()),
    ("story.payment", |g| g.payment_story()),
    ("story.listing", |g| g.listing_story()),
    // time
    ("wait", |g| {
        let seconds = g.one(&[
            1u64,
            60,
            3_600,
            86_400,
            3 * 86_400,
            EPOCH_SECONDS,
            30 * 86_400,
            90 * 86_400,
            200 * 86_400,
        ]);
        Op::Wait { seconds }
    }),
];

impl Gen<'_> {
    /// `op` signed by `who` with probability `p`, when there is one.
    fn signed_by(&mut self, op: Op, who: Option<Addr>, p: f64) -> Op {
        match (op, who) {
            (
                Op::Exec {
                    name,
                    contract,
                    msg,
                    funds,
                    ..
                },
                Some(who),
            ) if self.rng.gen_bool(p) => Op::Exec {
                name,
                sender: who,
                contract,
                msg,
                funds,
            },
            (op, _) => op,
        }
    }

    /// An active node of the escrow: (id, operator, hardware class).
    fn active_node(&mut self) -> Option<(u64, Addr, String)> {
        let top = self.ledger.top_id("node_id");
        let q = self.suite.app.wrap();
        let mut active = vec![];
        for node_id in 1..=top.min(64) {
            if let Ok(n) = q.query_wasm_smart::<btt_types::compute::Node>(
                &self.suite.deployment.escrow,
                &json!({"node": {"node_id": node_id}}),
            ) {
                if n.status == btt_types::compute::NodeStatus::Active {
                    active.push((n.id, n.operator, n.spec.hardware_class));
                }
            }
        }
        active.choose(self.rng).cloned()
    }

    fn exec_as(&mut self, sender: &Addr, contract: &str, msg: Value, funds: Vec<Coin>) -> Op {
        let message = msg
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        Op::Exec {
            name: format!("{contract}.{message}"),
            sender: sender.clone(),
            contract: self.contract_addr(contract),
            msg,
            funds,
        }
    }

    /// A clinic posts a job for an active node's class at the quoted price and assigns it;
    /// the node accepts, runs and submits; then the clinic accepts, or disputes and the
    /// arbiter resolves, or time runs out and anyone finalizes or expires it.
    fn job_story(&mut self) -> Op {
        let Some((node_id, operator, class)) = self.active_node() else {
            return Op::Wait { seconds: 1 };
        };
        let clinic = self.pick(Role::Clinic).addr;
        let units = self.one(&[1u64, 10, 100]);
        let spec = json!({
            "compute_units": units,
            "hardware_class": class,
            "urgency": self.one(&["standard", "priority", "urgent"]),
            "data_gb": self.one(&[1u64, 20]),
            "run_seconds": self.one(&[86_400u64, 7 * 86_400]),
            "review_seconds": 86_400,
        });
        let price = self.job_price(&spec);
        let job_id = self.ledger.top_id("job_id") + 1;
        let token = self.suite.deployment.token.addr().clone();
        let escrow = self.suite.deployment.escrow.clone();
        let mut ops = vec![Op::Send {
            name: "compute-escrow.receive:post_job (story)".into(),
            sender: clinic.clone(),
            token,
            contract: escrow,
            amount: price,
            hook: json!({"post_job": spec}),
        }];
        ops.push(self.exec_as(&clinic, "compute-escrow", json!({"assign_job": {"job_id": job_id, "assignments": [{"node_id": node_id, "units": units}]}}), vec![]));
        if self.rng.gen_bool(0.15) {
            ops.push(self.exec_as(
                &operator,
                "compute-escrow",
                json!({"decline_assignment": {"job_id": job_id, "node_id": node_id}}),
                vec![],
            ));
            ops.push(self.exec_as(
                &clinic,
                "compute-escrow",
                json!({"cancel_job": {"job_id": job_id}}),
                vec![],
            ));
            return Op::Chain {
                story: "a declined job".into(),
                ops,
            };
        }
        ops.push(self.exec_as(
            &operator,
            "compute-escrow",
            json!({"accept_assignment": {"job_id": job_id, "node_id": node_id}}),
            vec![],
        ));
        if self.rng.gen_bool(0.15) {
            ops.push(Op::Wait {
                seconds: 8 * 86_400,
            });
            let anyone = self.anyone().addr;
            ops.push(self.exec_as(
                &anyone,
                "compute-escrow",
                json!({"expire": {"job_id": job_id}}),
                vec![],
            ));
            return Op::Chain {
                story: "a missed deadline".into(),
                ops,
            };
        }
        ops.push(Op::Wait { seconds: 3_600 });
        ops.push(self.exec_as(&operator, "compute-escrow", json!({"submit_result": {"job_id": job_id, "result_hash": "ab".repeat(32), "result_uri": "ipfs://result"}}), vec![]));
        let arbiter = self.suite.actors.arbiter[0].addr.clone();
        let story = match self.rng.gen_range(0..4) {
            0 => {
                ops.push(self.exec_as(
                    &clinic,
                    "compute-escrow",
                    json!({"dispute": {"job_id": job_id, "reason": "wrong segmentation"}}),
                    vec![],
                ));
                let resolution = match self.rng.gen_range(0..3) {
                    0 => json!("pay"),
                    1 => json!("refund"),
                    _ => json!({"split": {"clinic_share": self.rng.gen_range(0..=10_000u32)}}),
                };
                let at_fault: Vec<u64> = if self.rng.gen_bool(0.5) {
                    vec![node_id]
                } else {
                    vec![]
                };
                ops.push(self.exec_as(&arbiter, "compute-escrow", json!({"resolve": {"job_id": job_id, "resolution": resolution, "at_fault": at_fault}}), vec![]));
                "a disputed job"
            }
            1 => {
                ops.push(Op::Wait {
                    seconds: 2 * 86_400,
                });
                let anyone = self.anyone().addr;
                ops.push(self.exec_as(
                    &anyone,
                    "compute-escrow",
                    json!({"finalize": {"job_id": job_id}}),
                    vec![],
                ));
                "a job finalized after its review window"
            }
            _ => {
                ops.push(self.exec_as(
                    &clinic,
                    "compute-escrow",
                    json!({"accept_result": {"job_id": job_id}}),
                    vec![],
                ));
                "an accepted job"
            }
        };
        // The node claims its mining when the epoch has closed.
        if self.rng.gen_bool(0.5) {
            ops.push(Op::Wait {
                seconds: EPOCH_SECONDS,
            });
            let anyone = self.anyone().addr;
            ops.push(self.exec_as(
                &anyone,
                "depin-rewards",
                json!({"close_epochs": {"limit": null}}),
                vec![],
            ));
            ops.push(self.exec_as(
                &operator,
                "depin-rewards",
                json!({"claim": {"node_id": node_id, "limit": null}}),
                vec![],
            ));
        }
        Op::Chain {
            story: story.into(),
            ops,
        }
    }

    /// A clinic invoices a patient; the patient pays in full (BTT or USDC); the clinic may
    /// refund part; after the settlement window anyone settles.
    fn payment_story(&mut self) -> Op {
        let clinic = self.pick(Role::Clinic).addr;
        let patient = self.pick(Role::Patient).addr;
        let in_btt = self.rng.gen_bool(0.5);
        let amount = Uint128::new(self.rng.gen_range(1..2_000u128) * 1_000_000);
        let invoice_id = self.ledger.top_id("invoice_id") + 1;
        let payment_id = self.ledger.top_id("payment_id") + 1;
        let due = (self.now().plus_seconds(30 * 86_400).nanos()).to_string();
        let denom = if in_btt {
            json!("btt")
        } else {
            json!({"native": USDC})
        };
        let points = if self.rng.gen_bool(0.5) {
            json!({"category": self.category(), "points": 10})
        } else {
            Value::Null
        };
        let mut ops = vec![self.exec_as(&clinic, "payfi", json!({"issue_invoice": {"payer": patient.to_string(), "denom": denom, "amount": amount, "due": due, "memo_hash": "cd".repeat(32), "points": points, "analytics": true}}), vec![])];
        if in_btt {
            ops.push(Op::Send {
                name: "payfi.receive:pay (story)".into(),
                sender: patient.clone(),
                token: self.suite.deployment.token.addr().clone(),
                contract: self.suite.deployment.payfi.clone(),
                amount,
                hook: json!({"pay": {"invoice_id": invoice_id, "amount": amount}}),
            });
        } else {
            ops.push(self.exec_as(
                &patient,
                "payfi",
                json!({"pay": {"invoice_id": invoice_id, "amount": amount}}),
                vec![coin(amount.u128(), USDC)],
            ));
        }
        if self.rng.gen_bool(0.3) {
            let part = amount.multiply_ratio(self.rng.gen_range(1..=10u128), 10u128);
            ops.push(self.exec_as(
                &clinic,
                "payfi",
                json!({"refund": {"payment_id": payment_id, "amount": part}}),
                vec![],
            ));
        }
        ops.push(Op::Wait {
            seconds: self.one(&[3_600u64, 86_400, 7 * 86_400]),
        });
        let anyone = self.anyone().addr;
        ops.push(self.exec_as(&anyone, "payfi", json!({"settle": {"limit": null}}), vec![]));
        Op::Chain {
            story: "an invoice paid and settled".into(),
            ops,
        }
    }

    /// A holder of a trading vault's shares lists some; an investor buys them, or the seller
    /// cancels; holders claim their income.
    fn listing_story(&mut self) -> Op {
        let vault_id = self.id("vault_id");
        let q = self.suite.app.wrap();
        let Ok(v) = q.query_wasm_smart::<btt_types::fractionalizer::VaultResponse>(
            &self.suite.deployment.vaults,
            &btt_types::fractionalizer::QueryMsg::Vault { vault_id },
        ) else {
            return Op::Wait { seconds: 1 };
        };
        let mut holders = vec![];
        for a in self.suite.actors.all() {
            let held: cw20::BalanceResponse = q
                .query_wasm_smart(
                    &v.vault.shares_token,
                    &cw20::Cw20QueryMsg::Balance {
                        address: a.addr.to_string(),
                    },
                )
                .unwrap_or(cw20::BalanceResponse {
                    balance: Uint128::zero(),
                });
            if !held.balance.is_zero() {
                holders.push((a.addr.clone(), held.balance));
            }
        }
        let Some((seller, held)) = holders.choose(self.rng).cloned() else {
            return Op::Wait { seconds: 1 };
        };
        let shares = held.multiply_ratio(self.rng.gen_range(1..=10u128), 10u128);
        let price = Uint128::new(self.rng.gen_range(1..5_000u128));
        let listing_id = self.ledger.top_id("listing_id") + 1;
        // The vault takes listed shares by an allowance on the seller's shares.
        let mut ops = vec![
            Op::Exec {
                name: "rwa-shares.increase_allowance (story)".into(),
                sender: seller.clone(),
                contract: v.vault.shares_token.clone(),
                msg: json!({"increase_allowance": {"spender": self.suite.deployment.vaults.to_string(), "amount": shares, "expires": null}}),
                funds: vec![],
            },
            self.exec_as(
                &seller,
                "rwa-fractionalizer",
                json!({"list": {"vault_id": vault_id, "shares": shares, "price_per_share": price}}),
                vec![],
            ),
        ];
        if self.rng.gen_bool(0.2) {
            ops.push(self.exec_as(
                &seller,
                "rwa-fractionalizer",
                json!({"cancel_listing": {"listing_id": listing_id}}),
                vec![],
            ));
        } else {
            let buyer = self.pick(Role::Investor).addr;
            let take = shares.multiply_ratio(self.rng.gen_range(1..=4u128), 4u128);
            ops.push(Op::Buy {
                buyer,
                listing_id,
                shares: take,
            });
        }
        ops.push(self.exec_as(
            &seller,
            "rwa-fractionalizer",
            json!({"claim_income": {"vault_id": vault_id}}),
            vec![],
        ));
        Op::Chain {
            story: "shares listed and bought".into(),
            ops,
        }
    }

    /// What the escrow quotes for `spec` (seven times in ten), or any amount.
    fn job_price(&mut self, spec: &Value) -> Uint128 {
        let quote = self
            .suite
            .app
            .wrap()
            .query_wasm_smart::<btt_types::compute::QuoteResponse>(
                &self.suite.deployment.escrow,
                &json!({"quote": {"spec": spec, "clinic": null, "denom": null}}),
            );
        match quote {
            Ok(q) if self.rng.gen_bool(0.7) => q.price,
            _ => self.amount(),
        }
    }

    /// What is left to pay on invoice `id` (seven times in ten), or any amount.
    fn invoice_due(&mut self, id: u64) -> Uint128 {
        let invoice = self.suite.app.wrap().query_wasm_smart::<Value>(
            &self.suite.deployment.payfi,
            &json!({"invoice": {"invoice_id": id}}),
        );
        let due = invoice.ok().and_then(|v| {
            let i = v.get("invoice").unwrap_or(&v);
            let amount: u128 = i.get("amount")?.as_str()?.parse().ok()?;
            let paid: u128 = i.get("paid")?.as_str()?.parse().ok()?;
            Some(Uint128::new(amount.saturating_sub(paid)))
        });
        match due {
            Some(d) if self.rng.gen_bool(0.7) => d,
            _ => self.amount(),
        }
    }

    /// One of `xs`, uniformly.
    fn one<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.rng.gen_range(0..xs.len())]
    }

    fn group(&self, role: Role) -> &[Actor] {
        let a = &self.suite.actors;
        match role {
            Role::Clinic => &a.clinics,
            Role::Node => &a.nodes,
            Role::Institution => &a.institutions,
            Role::Investor => &a.investors,
            Role::Patient => &a.patients,
            Role::Issuer => &a.issuer,
            Role::Appraiser => &a.appraiser,
            Role::Oracle => &a.oracles,
            Role::Arbiter => &a.arbiter,
            Role::Guardian => &a.guardian,
            Role::Feeder => &a.feeder,
            Role::Partner => &a.partner,
            Role::Anyone => &a.strangers,
        }
    }

    /// Anyone at all, strangers included.
    fn anyone(&mut self) -> Actor {
        let all = self.suite.actors.all();
        all.choose(self.rng)
            .map(|a| (*a).clone())
            .unwrap_or_else(|| self.group(Role::Anyone)[0].clone())
    }

    /// Mostly someone of `role`; one time in five anyone.
    fn pick(&mut self, role: Role) -> Actor {
        if self.rng.gen_bool(0.2) {
            return self.anyone();
        }
        let group = self.group(role).to_vec();
        group
            .choose(self.rng)
            .cloned()
            .unwrap_or_else(|| self.anyone())
    }

    fn contract_addr(&self, name: &str) -> Addr {
        let d = &self.suite.deployment;
        d.contracts()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| (*a).clone())
            .unwrap_or_else(|| d.token.addr().clone())
    }

    fn contract(&mut self) -> Addr {
        let all = self.suite.deployment.contracts();
        all.choose(self.rng)
            .map(|(_, a)| (*a).clone())
            .unwrap_or_else(|| self.suite.deployment.token.addr().clone())
    }

    fn now(&self) -> cosmwasm_std::Timestamp {
        self.suite.app.block_info().time
    }

    /// An amount of ubtt (or of anything): zero, one, ordinary, large and absurd.
    fn amount(&mut self) -> Uint128 {
        let n: u128 = match self.rng.gen_range(0..20) {
            0 => 0,
            1 => 1,
            2 => u128::MAX / 3,
            3 => 10u128.pow(30),
            4..=8 => self.rng.gen_range(1..1_000_000),
            9..=16 => self.rng.gen_range(1..1_000) * 1_000_000,
            _ => self.rng.gen_range(1..20_000) * 1_000_000,
        };
        Uint128::new(n)
    }

    fn maybe_amount(&mut self) -> Option<Uint128> {
        self.rng.gen_bool(0.6).then(|| self.amount())
    }

    fn share_amount(&mut self) -> Uint128 {
        Uint128::new(match self.rng.gen_range(0..6) {
            0 => 0,
            1 => 1,
            2 => 1_000_000_000,
            _ => self.rng.gen_range(1..200_000),
        })
    }

    fn deposit(&mut self) -> Uint128 {
        let deposit = self.suite.config.governance.deposit;
        match self.rng.gen_range(0..4) {
            0 => deposit - Uint128::one(),
            1 => self.amount(),
            _ => deposit,
        }
    }

    fn bond(&mut self) -> Uint128 {
        let bond = self.suite.config.compute.min_bond;
        match self.rng.gen_range(0..4) {
            0 => bond - Uint128::one(),
            1 => self.amount(),
            _ => bond,
        }
    }

    fn subscription_price(&mut self, tier: u32) -> Uint128 {
        let tiers = &self.suite.config.points.tiers;
        match (self.rng.gen_range(0..3), tiers.get(tier as usize)) {
            (0, _) | (_, None) => self.amount(),
            (_, Some(t)) => t.price,
        }
    }

    /// USDC funds for a message that takes them, `usual` being a right amount: mostly that,
    /// sometimes none, one uusdc, the wrong denom, or two coins.
    fn usdc_funds(&mut self, usual: u128) -> Vec<Coin> {
        let usual = usual.max(1);
        match self.rng.gen_range(0..10) {
            0 => vec![],
            1 => vec![coin(1, USDC)],
            2 => vec![coin(usual, WRONG_DENOM)],
            3 => vec![coin(usual, USDC), coin(1, WRONG_DENOM)],
            _ => vec![coin(usual, USDC)],
        }
    }

    /// Funds where none belong, one message in twenty.
    fn stray_funds(&mut self) -> Vec<Coin> {
        match self.rng.gen_range(0..40) {
            0 => vec![coin(1, USDC)],
            1 => vec![coin(1_000, WRONG_DENOM)],
            _ => vec![],
        }
    }

    /// An id of `kind`: mostly one assigned, sometimes the next, zero or the largest.
    fn id(&mut self, kind: &str) -> u64 {
        let top = self.ledger.top_id(kind);
        let old = self.ledger.template_ids.get(kind).copied().unwrap_or(0);
        // Half the time one the sequence itself created, when it created any.
        if top > old && self.rng.gen_bool(0.5) {
            return self.rng.gen_range(old + 1..=top);
        }
        match self.rng.gen_range(0..20) {
            0 => 0,
            1 => u64::MAX,
            2 | 3 => top.saturating_add(1),
            _ if top == 0 => 1,
            _ => {
                // The recent ones more often: they are the live ones.
                let low = if self.rng.gen_bool(0.6) {
                    top.saturating_sub(4).max(1)
                } else {
                    1
                };
                self.rng.gen_range(low..=top)
            }
        }
    }

    fn schedule_id(&mut self) -> u64 {
        let ids: Vec<u64> = self
            .suite
            .deployment
            .schedule_ids
            .values()
            .copied()
            .collect();
        if self.rng.gen_bool(0.1) {
            return 999;
        }
        ids.choose(self.rng).copied().unwrap_or(1)
    }

    fn token_id(&mut self) -> String {
        let ids: Vec<&String> = self.ledger.token_ids.iter().collect();
        if self.rng.gen_bool(0.1) || ids.is_empty() {
            return "no-such-asset".into();
        }
        ids.choose(self.rng)
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    fn limit(&mut self) -> Option<u32> {
        self.one(&[None, Some(0), Some(1), Some(5), Some(u32::MAX)])
    }

    fn units(&mut self) -> u64 {
        self.one(&[0, 1, 10, 100, 1_000, u64::MAX])
    }

    fn points(&mut self) -> u64 {
        self.one(&[0, 1, 10, 50, 200, 5_000, u64::MAX])
    }

    fn epoch(&mut self) -> u32 {
        let start = self.suite.config.start;
        let now = (self.now().seconds() - start.seconds()) / EPOCH_SECONDS;
        let e = now as i64 + self.rng.gen_range(-3..=1);
        e.max(0) as u32
    }

    fn vote(&mut self) -> Value {
        json!(self.one(&["yes", "no", "abstain", "no_with_veto"]))
    }

    fn fund(&mut self) -> Value {
        json!(self.one(&[
            "ecosystem_development",
            "unallocated_reserve",
            "development_fees",
            "operational_reserve",
            "deposits_held",
            "vetoed_deposits"
        ]))
    }

    fn category(&mut self) -> String {
        let cats: Vec<String> = self
            .suite
            .config
            .points
            .categories
            .iter()
            .map(|c| c.name.clone())
            .collect();
        if self.rng.gen_bool(0.1) {
            return "no-such-category".into();
        }
        cats.choose(self.rng).cloned().unwrap_or_default()
    }

    fn patient(&mut self) -> String {
        self.pick(Role::Patient).addr.to_string()
    }

    fn maybe_patient(&mut self) -> Option<String> {
        self.rng.gen_bool(0.7).then(|| self.patient())
    }

    fn maybe_actor(&mut self) -> Option<String> {
        self.rng
            .gen_bool(0.4)
            .then(|| self.anyone().addr.to_string())
    }

    fn hardware_class(&mut self) -> String {
        let classes: Vec<String> = self
            .suite
            .config
            .compute
            .hardware_classes
            .iter()
            .map(|c| c.name.clone())
            .collect();
        if self.rng.gen_bool(0.1) {
            return "quantum".into();
        }
        classes.choose(self.rng).cloned().unwrap_or_default()
    }

    fn node_spec(&mut self) -> Value {
        json!({
            "hardware_class": self.hardware_class(),
            "gpu_count": self.one(&[0u32, 1, 4, 24, 64, u32::MAX]),
            "region": self.one(&["cn-west", "eu-central", ""]),
            "energy_rating": self.one(&["a", "b", "c", "d", "e"]),
            "endpoint": "https://node.example",
        })
    }

    fn job_spec(&mut self) -> Value {
        json!({
            "compute_units": self.one(&[0u64, 1, 10, 100, 1_000, u64::MAX]),
            "hardware_class": self.hardware_class(),
            "urgency": self.one(&["standard", "priority", "urgent"]),
            "data_gb": self.one(&[0u64, 1, 20, 10_000]),
            "run_seconds": self.one(&[0u64, 3_600, 86_400, 7 * 86_400, 30 * 86_400, 30 * 86_400 + 1]),
            "review_seconds": self.one(&[0u64, 3_600, 86_400]),
        })
    }

    fn mint(&mut self) -> Value {
        let n = self.rng.gen_range(0..1_000u32);
        json!({
            "token_id": format!("fz-{n}"),
            "owner": self.pick(Role::Clinic).addr.to_string(),
            "token_uri": null,
            "asset": {
                "class": self.one(&["equipment", "property", "intellectual_property", "service_rights", "spaceship"]),
                "description": "an asset of the fuzzer",
                "value": self.amount(),
                "denom": self.one(&["btt", USDC]),
                "appraiser": "DAO-approved appraiser",
                "complexity": self.one(&["simple", "standard", "complex"]),
                "documents": [{"sha256": "12".repeat(32), "uri": "ipfs://doc"}],
                "jurisdiction": "CN-44",
                "regulatory_id": format!("NMPA-FZ-{n}"),
            }
        })
    }

    fn exec(&mut self, role: Role, contract: &str, msg: Value) -> Op {
        let funds = self.stray_funds();
        self.exec_with(role, contract, msg, funds)
    }

    /// Who rightly holds the thing `msg` names, where the alphabet can tell: a job's clinic, a
    /// node's operator, an invoice's provider, an NFT's owner.
    fn holder(&self, contract: &str, msg: &Value) -> Option<Addr> {
        let fields = msg.as_object()?.values().next()?;
        let q = self.suite.app.wrap();
        let d = &self.suite.deployment;
        let find = |v: &Value, key: &str| -> Option<Addr> {
            let inner = v
                .as_object()?
                .values()
                .next()
                .filter(|i| i.is_object())
                .unwrap_or(v);
            v.get(key)
                .or_else(|| inner.get(key))?
                .as_str()
                .map(Addr::unchecked)
        };
        if contract == "compute-escrow" {
            if let Some(node_id) = fields.get("node_id").and_then(Value::as_u64) {
                if self.rng_bit(node_id) {
                    let v: Value = q
                        .query_wasm_smart(&d.escrow, &json!({"node": {"node_id": node_id}}))
                        .ok()?;
                    return find(&v, "operator");
                }
            }
            let job_id = fields.get("job_id")?.as_u64()?;
            let v: Value = q
                .query_wasm_smart(&d.escrow, &json!({"job": {"job_id": job_id}}))
                .ok()?;
            return find(&v, "clinic");
        }
        if contract == "payfi" {
            let invoice_id = match fields.get("payment_id").and_then(Value::as_u64) {
                Some(payment_id) => {
                    let p: Value = q
                        .query_wasm_smart(&d.payfi, &json!({"payment": {"payment_id": payment_id}}))
                        .ok()?;
                    p.get("invoice_id")
                        .or_else(|| p.get("payment").and_then(|x| x.get("invoice_id")))?
                        .as_u64()?
                }
                None => fields.get("invoice_id")?.as_u64()?,
            };
            let v: Value = q
                .query_wasm_smart(&d.payfi, &json!({"invoice": {"invoice_id": invoice_id}}))
                .ok()?;
            return find(&v, "provider");
        }
        if contract == "rwa-nft" {
            let token_id = fields.get("token_id")?.as_str()?;
            let v: Value = q
                .query_wasm_smart(
                    &d.nft,
                    &json!({"owner_of": {"token_id": token_id, "include_expired": null}}),
                )
                .ok()?;
            return find(&v, "owner");
        }
        if contract == "depin-rewards" {
            let node_id = fields.get("node_id")?.as_u64()?;
            let v: Value = q
                .query_wasm_smart(&d.escrow, &json!({"node": {"node_id": node_id}}))
                .ok()?;
            return find(&v, "operator");
        }
        None
    }

    /// Whether a message naming both a node and a job is signed as the node (odd ids) or the
    /// job's clinic: deterministic, so the draw does not depend on the chain's answers.
    fn rng_bit(&self, node_id: u64) -> bool {
        node_id % 2 == 1
    }

    fn exec_with(&mut self, role: Role, contract: &str, msg: Value, funds: Vec<Coin>) -> Op {
        let mut sender = self.pick(role).addr;
        // Seven times in ten the rightful holder signs, so lifecycles get past their first step.
        // Nobody signs for a contract: a holder that is one stays with the drawn sender.
        if !matches!(
            role,
            Role::Anyone | Role::Arbiter | Role::Oracle | Role::Guardian | Role::Feeder
        ) && self.rng.gen_bool(0.7)
        {
            if let Some(holder) = self.holder(contract, &msg) {
                if self
                    .suite
                    .app
                    .wrap()
                    .query_wasm_contract_info(&holder)
                    .is_err()
                {
                    sender = holder;
                }
            }
        }
        let message = msg
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        Op::Exec {
            name: format!("{contract}.{message}"),
            sender,
            contract: self.contract_addr(contract),
            msg,
            funds,
        }
    }

    /// BTT one time in ten the attacker's fake BTT.
    fn btt_or_fake(&mut self) -> (Addr, &'static str) {
        if self.rng.gen_bool(0.1) {
            (self.suite.fake_btt.clone(), "fake-btt")
        } else {
            (self.suite.deployment.token.addr().clone(), "btt")
        }
    }

    fn send(&mut self, role: Role, contract: &str, amount: Uint128, hook: Value) -> Op {
        let (token, via) = self.btt_or_fake();
        let mut sender = self.pick(role).addr;
        if via == "fake-btt" {
            sender = self.suite.actors.strangers[2].addr.clone();
        }
        let message = hook
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        let suffix = if via == "fake-btt" { " (fake BTT)" } else { "" };
        Op::Send {
            name: format!("{contract}.receive:{message}{suffix}"),
            sender,
            token,
            contract: self.contract_addr(contract),
            amount,
            hook,
        }
    }

    fn token_msg(&mut self, kind: &str) -> Op {
        let (token, via) = self.btt_or_fake();
        let mut sender = self.anyone().addr;
        if via == "fake-btt" {
            sender = self.suite.actors.strangers[2].addr.clone();
        }
        let amount = self.amount();
        let other = self.anyone().addr.to_string();
        let owner = self.anyone().addr.to_string();
        let contract = self.contract().to_string();
        // The *_from messages mostly spend an allowance someone granted on this token.
        let granted: Vec<(Addr, Addr)> = self
            .ledger
            .allowances
            .iter()
            .filter(|(t, _, _)| *t == token)
            .map(|(_, o, s)| (o.clone(), s.clone()))
            .collect();
        let (owner, sender) = match (kind.ends_with("_from"), granted.choose(self.rng)) {
            (true, Some((o, s))) if self.rng.gen_bool(0.7) => (o.to_string(), s.clone()),
            _ => (owner, sender),
        };
        let msg = match kind {
            "transfer" => json!({"transfer": {"recipient": other, "amount": amount}}),
            "burn" => json!({"burn": {"amount": amount}}),
            "send" => {
                json!({"send": {"contract": contract, "amount": amount, "msg": to_json_binary(&json!({"unknown_hook": {}})).unwrap_or_default()}})
            }
            "increase_allowance" => {
                json!({"increase_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "decrease_allowance" => {
                json!({"decrease_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "transfer_from" => {
                json!({"transfer_from": {"owner": owner, "recipient": other, "amount": amount}})
            }
            "send_from" => {
                json!({"send_from": {"owner": owner, "contract": contract, "amount": amount, "msg": to_json_binary(&json!({"fund": {}})).unwrap_or_default()}})
            }
            "burn_from" => json!({"burn_from": {"owner": owner, "amount": amount}}),
            "update_marketing" => {
                json!({"update_marketing": {"project": "https://fake.example", "description": "BTT", "marketing": null}})
            }
            _ => json!({"upload_logo": {"url": "https://fake.example/logo.png"}}),
        };
        let suffix = if via == "fake-btt" { " (fake BTT)" } else { "" };
        Op::Exec {
            name: format!("btt-token.{kind}{suffix}"),
            sender,
            contract: token,
            msg,
            funds: self.stray_funds(),
        }
    }

    /// A vault's shares token, from the chain; for a vault that does not exist, BTT itself
    /// (`None`: the message goes to BTT, which must refuse what it does not know).
    fn shares_token(&mut self) -> Option<Addr> {
        let vault_id = self.id("vault_id");
        self.suite
            .app
            .wrap()
            .query_wasm_smart::<btt_types::fractionalizer::VaultResponse>(
                &self.suite.deployment.vaults,
                &btt_types::fractionalizer::QueryMsg::Vault { vault_id },
            )
            .map(|v| v.vault.shares_token)
            .ok()
    }

    fn shares_msg(&mut self, kind: &str) -> Op {
        let (token, suffix) = match self.shares_token() {
            Some(t) => (t, ""),
            None => (self.suite.deployment.token.addr().clone(), " (to BTT)"),
        };
        let sender = self.pick(Role::Investor).addr;
        let amount = self.share_amount();
        let other = self.anyone().addr.to_string();
        let owner = self.anyone().addr.to_string();
        let vaults = self.suite.deployment.vaults.to_string();
        let hook = |h: Value| to_json_binary(&h).unwrap_or_default();
        // The *_from messages mostly spend an allowance someone granted on this token.
        let granted: Vec<(Addr, Addr)> = self
            .ledger
            .allowances
            .iter()
            .filter(|(t, _, _)| *t == token)
            .map(|(_, o, s)| (o.clone(), s.clone()))
            .collect();
        let (owner, sender) = match (kind.ends_with("_from"), granted.choose(self.rng)) {
            (true, Some((o, s))) if self.rng.gen_bool(0.7) => (o.to_string(), s.clone()),
            _ => (owner, sender),
        };
        let msg = match kind {
            "transfer" => json!({"transfer": {"recipient": other, "amount": amount}}),
            "burn" => json!({"burn": {"amount": amount}}),
            "increase_allowance" => {
                json!({"increase_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "transfer_from" => {
                json!({"transfer_from": {"owner": owner, "recipient": other, "amount": amount}})
            }
            "redeem" => {
                json!({"send": {"contract": vaults, "amount": amount, "msg": hook(json!({"redeem": {}}))}})
            }
            "redeem_nft" => {
                json!({"send": {"contract": vaults, "amount": amount, "msg": hook(json!({"redeem_nft": {}}))}})
            }
            "decrease_allowance" => {
                json!({"decrease_allowance": {"spender": other, "amount": amount, "expires": null}})
            }
            "send_from" => {
                json!({"send_from": {"owner": owner, "contract": vaults, "amount": amount, "msg": hook(json!({"redeem": {}}))}})
            }
            "burn_from" => json!({"burn_from": {"owner": owner, "amount": amount}}),
            "mint" => json!({"mint": {"recipient": other, "amount": amount}}),
            "update_minter" => json!({"update_minter": {"new_minter": other}}),
            "update_marketing" => {
                json!({"update_marketing": {"project": null, "description": "shares", "marketing": null}})
            }
            _ => json!({"upload_logo": {"url": "https://fake.example/logo.png"}}),
        };
        Op::Exec {
            name: format!("rwa-shares.{kind}{suffix}"),
            sender,
            contract: token,
            msg,
            funds: self.stray_funds(),
        }
    }

    fn circuit(&mut self, contract: &str) -> Op {
        let msg = match self.rng.gen_range(0..3) {
            0 => json!({"circuit": {"pause": {"reason": "fuzz"}}}),
            1 => json!({"circuit": {"unpause": {}}}),
            _ => {
                json!({"circuit": {"set_guardian": {"guardian": self.anyone().addr.to_string(), "sunset": "4000000000000000000"}}})
            }
        };
        // The guardian may pause; keep it rare, or every sequence would be a paused one.
        let role = if self.rng.gen_bool(0.3) {
            Role::Guardian
        } else {
            Role::Anyone
        };
        self.exec(role, contract, msg)
    }

    fn ownership(&mut self, contract: &str) -> Op {
        let msg = match self.rng.gen_range(0..3) {
            0 => {
                json!({"update_ownership": {"transfer_ownership": {"new_owner": self.anyone().addr.to_string(), "expiry": null}}})
            }
            1 => json!({"update_ownership": "accept_ownership"}),
            _ => json!({"update_ownership": "renounce_ownership"}),
        };
        self.exec(Role::Anyone, contract, msg)
    }

    /// A whole proposal: one of the things the DAO does, voted by the institutions.
    fn proposal(&mut self) -> Op {
        let d = &self.suite.deployment;
        let wasm = |contract: &Addr, msg: Value| -> CosmosMsg {
            WasmMsg::Execute {
                contract_addr: contract.to_string(),
                msg: to_json_binary(&msg).unwrap_or_default(),
                funds: vec![],
            }
            .into()
        };
        let to = self.anyone().addr.to_string();
        let amount = self.amount();
        let fund = self.fund();
        let (title, msgs) = match self.rng.gen_range(0..6) {
            0 => ("a text proposal", vec![]),
            1 => (
                "spend from a fund",
                vec![wasm(
                    d.dao.addr(),
                    json!({"spend": {"fund": fund, "recipient": to, "denom": "btt", "amount": amount}}),
                )],
            ),
            2 => {
                let id = self.schedule_id();
                let tranche = self.rng.gen_range(0..6u32);
                (
                    "approve a foundation tranche",
                    vec![wasm(
                        d.vesting.addr(),
                        json!({"approve_tranche": {"schedule_id": id, "tranche": tranche}}),
                    )],
                )
            }
            3 => {
                let mut fees = self.suite.config.payments.fees.clone();
                fees.by_priority[0] = btt_types::bps::Bps(self.rng.gen_range(0..200));
                let update =
                    btt_types::payfi::ExecuteMsg::UpdateConfig(btt_types::payfi::ConfigUpdate {
                        fees: Some(fees),
                        ..Default::default()
                    });
                (
                    "change the PayFi base fee",
                    vec![wasm(
                        &d.payfi,
                        serde_json::to_value(update).unwrap_or_default(),
                    )],
                )
            }
            4 => {
                let c = self.contract();
                (
                    "pause and unpause a contract",
                    vec![
                        wasm(&c, json!({"circuit": {"pause": {"reason": "governance"}}})),
                        wasm(&c, json!({"circuit": {"unpause": {}}})),
                    ],
                )
            }
            _ => {
                let c = self.contract();
                (
                    "pause a contract",
                    vec![wasm(
                        &c,
                        json!({"circuit": {"pause": {"reason": "governance"}}}),
                    )],
                )
            }
        };
        let mut votes: Vec<(Addr, VoteOption)> = vec![];
        for i in self.suite.actors.institutions.clone() {
            if !self.rng.gen_bool(0.8) {
                continue;
            }
            let v = match self.rng.gen_range(0..10) {
                0 => VoteOption::No,
                1 => VoteOption::Abstain,
                2 => VoteOption::NoWithVeto,
                _ => VoteOption::Yes,
            };
            votes.push((i.addr, v));
        }
        Op::Proposal {
            title: title.into(),
            proposer: self.pick(Role::Institution).addr,
            deposit: self.deposit(),
            msgs,
            votes,
            veto: self.rng.gen_bool(0.1),
        }
    }
}

/// Draws one operation.
pub fn draw(g: &mut Gen) -> Op {
    let (_, f) = ALPHABET[g.rng.gen_range(0..ALPHABET.len())];
    f(g)
}
