//! btt-staking and btt-dao as optimized wasm in cosmwasm-vm: stake, propose, vote, execute and
//! claim, with gas; and the same stake, vote and claim measured with 10 and with 10,000 stakers
//! already staked.

use btt_deploy::genesis::GovernanceParams;
use btt_integration_tests::artifacts::read_artifact;
use btt_integration_tests::fixtures::{deploy_btt, deploy_staking};
use btt_integration_tests::vm::{print_gas, TxReport, WasmChain};
use btt_types::dao::{self, ProposalResponse, ReceiveMsg as DaoHook, Status, VoteOption};
use btt_types::staking::{self, ReceiveMsg as StakingHook};
use btt_types::token::{self, TokenContract};
use btt_types::units::btt;
use cosmwasm_std::{to_json_binary, Addr, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20QueryMsg};

const STAKE_EACH: Uint128 = btt(1_000);

struct Governance {
    chain: WasmChain,
    token: Addr,
    staking: Addr,
    dao: Addr,
    deployer: Addr,
    alice: Addr,
    params: GovernanceParams,
}

impl Governance {
    /// BTT, staking and the DAO as wasm; `stakers` accounts of 1,000 BTT each stake it; Alice
    /// stakes 10,000 BTT for 12 months; the treasury holds 100,000 BTT; 10,000 BTT of rewards.
    fn new(stakers: usize) -> Self {
        let mut chain = WasmChain::new();
        let deployer = chain.addr("deployer");
        let alice = chain.addr("alice");
        let params =
            GovernanceParams::suggested(chain.addr("guardian").to_string(), chain.block_time());
        let accounts: Vec<Addr> = (0..stakers)
            .map(|i| chain.addr(&format!("staker{i}")))
            .collect();
        let mut balances: Vec<Cw20Coin> = accounts
            .iter()
            .map(|a| Cw20Coin {
                address: a.to_string(),
                amount: STAKE_EACH,
            })
            .collect();
        balances.push(Cw20Coin {
            address: alice.to_string(),
            amount: btt(100_000),
        });
        let token = deploy_btt(&mut chain, &deployer, balances).unwrap();
        let staking = deploy_staking(&mut chain, &deployer, &token).unwrap();
        let dao_msg = dao::InstantiateMsg {
            token: token.to_string(),
            staking: staking.to_string(),
            voting_period_seconds: params.voting_period_seconds,
            timelock_seconds: params.timelock_seconds,
            deposit: params.deposit,
            rules: params.rules.clone(),
            guardian: None,
            guardian_sunset: None,
        };
        let (dao, _) = chain
            .instantiate(
                &read_artifact("btt_dao").unwrap(),
                "btt-dao",
                &deployer,
                &dao_msg,
            )
            .unwrap();
        let mut gov = Self {
            chain,
            token,
            staking,
            dao,
            deployer,
            alice,
            params,
        };
        for account in &accounts {
            gov.stake(account, STAKE_EACH, 0).unwrap();
        }
        let alice = gov.alice.clone();
        gov.stake(&alice, btt(10_000), 3).unwrap();
        let deployer = gov.deployer.clone();
        gov.send(
            &deployer,
            &gov.staking.clone(),
            btt(10_000),
            &StakingHook::DistributeRewards {},
        )
        .unwrap();
        gov.transfer(&deployer, &gov.dao.clone(), btt(100_000))
            .unwrap();
        gov.chain.advance(5);
        gov
    }

    fn send(
        &mut self,
        from: &Addr,
        to: &Addr,
        amount: Uint128,
        hook: &impl serde::Serialize,
    ) -> anyhow::Result<TxReport> {
        let msg = token::ExecuteMsg::Send {
            contract: to.to_string(),
            amount,
            msg: to_json_binary(hook)?,
        };
        self.chain.execute(from, &self.token, &msg)
    }

    fn transfer(&mut self, from: &Addr, to: &Addr, amount: Uint128) -> anyhow::Result<TxReport> {
        let msg = token::ExecuteMsg::Transfer {
            recipient: to.to_string(),
            amount,
        };
        self.chain.execute(from, &self.token, &msg)
    }

    fn stake(&mut self, who: &Addr, amount: Uint128, tier: u32) -> anyhow::Result<TxReport> {
        let staking = self.staking.clone();
        self.send(who, &staking, amount, &StakingHook::Stake { tier })
    }

    fn propose(&mut self, who: &Addr, pay_to: &Addr, amount: Uint128) -> anyhow::Result<TxReport> {
        let pay = TokenContract(self.token.clone()).transfer_msg(pay_to, amount)?;
        let hook = DaoHook::Propose {
            title: "Pay a contributor".into(),
            description: "Treasury grant".into(),
            msgs: vec![pay],
        };
        let (dao, deposit) = (self.dao.clone(), self.params.deposit);
        self.send(who, &dao, deposit, &hook)
    }

    fn vote(&mut self, who: &Addr, proposal_id: u64) -> anyhow::Result<TxReport> {
        let msg = dao::ExecuteMsg::Vote {
            proposal_id,
            vote: VoteOption::Yes,
        };
        self.chain.execute(who, &self.dao, &msg)
    }

    fn claim_rewards(&mut self, who: &Addr) -> anyhow::Result<TxReport> {
        self.chain
            .execute(who, &self.staking, &staking::ExecuteMsg::ClaimRewards {})
    }

    fn balance(&mut self, who: &Addr) -> Uint128 {
        let res: BalanceResponse = self
            .chain
            .query(
                &self.token,
                &Cw20QueryMsg::Balance {
                    address: who.to_string(),
                },
            )
            .unwrap();
        res.balance
    }

    fn proposal(&mut self, proposal_id: u64) -> ProposalResponse {
        self.chain
            .query(&self.dao, &dao::QueryMsg::Proposal { proposal_id })
            .unwrap()
    }
}

#[test]
fn stake_propose_vote_execute_and_claim_run_as_real_wasm() {
    let mut gov = Governance::new(10);
    let alice = gov.alice.clone();
    let bob = gov.chain.addr("bob");

    let report = gov.stake(&alice, btt(1_000), 1).unwrap();
    print_gas("stake", &report);
    let report = gov.propose(&alice, &bob, btt(2_500)).unwrap();
    print_gas("propose", &report);
    assert_eq!(
        report.calls.len(),
        2,
        "token Send, then the DAO's Receive (querying staking)"
    );
    let report = gov.vote(&alice, 1).unwrap();
    print_gas("vote", &report);
    let voting = gov.params.voting_period_seconds + gov.params.timelock_seconds;
    gov.chain.advance(voting);
    assert_eq!(gov.proposal(1).status, Status::Passed);
    let before = gov.balance(&alice);
    let report = gov
        .chain
        .execute(
            &bob,
            &gov.dao.clone(),
            &dao::ExecuteMsg::Execute { proposal_id: 1 },
        )
        .unwrap();
    print_gas("execute", &report);
    assert_eq!(gov.proposal(1).status, Status::Executed);
    assert_eq!(gov.balance(&bob), btt(2_500), "the treasury paid");
    assert_eq!(
        gov.balance(&alice),
        before + gov.params.deposit,
        "the deposit came back"
    );
    let report = gov.claim_rewards(&alice).unwrap();
    print_gas("claim rewards", &report);
    // The 10,000 BTT of rewards stream over 7 days (the vote and timelock took 9). Alice held
    // 15,000 of 25,000 power for the first 5 seconds, then 16,100 of 26,100 after her second
    // stake: her share is between the two, never more than the time she held the power.
    let got = gov.balance(&alice) - before - gov.params.deposit;
    let most = btt(10_000).multiply_ratio(16_100u128, 26_100u128);
    assert!(got > btt(6_000) && got <= most, "{got}");
}

#[test]
fn stake_vote_and_claim_cost_the_same_with_10_and_10_000_stakers() {
    let mut measured = vec![];
    for stakers in [10, 10_000] {
        let mut gov = Governance::new(stakers);
        let alice = gov.alice.clone();
        let bob = gov.chain.addr("bob");
        gov.propose(&alice, &bob, btt(1)).unwrap();
        let stake = gov.stake(&alice, btt(1_000), 1).unwrap().total_gas();
        let vote = gov.vote(&alice, 1).unwrap().total_gas();
        let claim = gov.claim_rewards(&alice).unwrap().total_gas();
        // A USDC fee deposit streams, then a claim pays BTT and USDC in one message.
        let payer = gov.chain.addr("payfi");
        gov.chain
            .fund(&payer, &[cosmwasm_std::coin(1_000_000_000, "uusdc")])
            .unwrap();
        let staking_addr = gov.staking.clone();
        let stream = gov
            .chain
            .execute_with_funds(
                &payer,
                &staking_addr,
                &staking::ExecuteMsg::DistributeRewards {},
                &[cosmwasm_std::coin(1_000_000, "uusdc")],
            )
            .unwrap()
            .total_gas();
        gov.chain.advance(86_400);
        let claim2 = gov.claim_rewards(&alice).unwrap().total_gas();
        assert!(gov.chain.balance(&alice, "uusdc") > Uint128::zero());
        // The circuit breaker: the owner pauses, and a stake is refused while paused.
        let deployer = gov.chain.addr("deployer");
        let pause = staking::ExecuteMsg::Circuit(btt_types::circuit::CircuitMsg::Pause {
            reason: "gas".into(),
        });
        let paused = gov
            .chain
            .execute(&deployer, &staking_addr, &pause)
            .unwrap()
            .total_gas();
        assert!(gov.stake(&alice, btt(1), 0).is_err());
        println!(
            "gas with {stakers:>6} stakers: stake {stake}, vote {vote}, claim {claim}, \
             stream {stream}, claim 2 denoms {claim2}, pause {paused}"
        );
        measured.push([stake, vote, claim, stream, claim2, paused]);
    }
    for (i, step) in [
        "stake",
        "vote",
        "claim",
        "stream usdc",
        "claim btt and usdc",
        "pause",
    ]
    .iter()
    .enumerate()
    {
        let (few, many) = (measured[0][i] as f64, measured[1][i] as f64);
        let change = (many - few) / few * 100.0;
        println!("{step}: {few} → {many} gas ({change:+.2}%)");
        assert!(
            change.abs() <= 10.0,
            "{step} gas moved {change:.2}% with 10,000 stakers"
        );
    }
}
