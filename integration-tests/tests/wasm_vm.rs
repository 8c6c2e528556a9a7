//! The optimized artifacts in cosmwasm-vm: instantiate, transfer, send-to-vesting and claim,
//! with the gas of each printed. Fails, never skips, when an artifact is missing.

use btt_deploy::genesis::token_instantiate_msg;
use btt_integration_tests::artifacts::{chain_capabilities, check_artifact, read_artifact};
use btt_integration_tests::vm::{print_gas, WasmChain};
use btt_types::token::{self, TokenContract};
use btt_types::units::{btt, MONTH_SECONDS, TOTAL_SUPPLY};
use btt_types::vesting::{self, CurveSpec, NewSchedule, ReceiveMsg, VestingStatus};
use cosmwasm_std::{to_json_binary, Addr, Uint128};
use cw20::{BalanceResponse, Cw20QueryMsg, TokenInfoResponse};

fn balance(chain: &WasmChain, token: &Addr, who: &Addr) -> Uint128 {
    let res: BalanceResponse = chain
        .query(
            token,
            &Cw20QueryMsg::Balance {
                address: who.to_string(),
            },
        )
        .unwrap();
    res.balance
}

#[test]
fn artifacts_pass_the_chain_checks() {
    let capabilities = chain_capabilities();
    for name in [
        "btt_token",
        "btt_vesting",
        "btt_staking",
        "btt_dao",
        "compute_escrow",
        "depin_rewards",
        "incentive_points",
        "payfi",
        "rwa_nft",
        "rwa_shares",
        "rwa_fractionalizer",
    ] {
        let wasm = read_artifact(name).unwrap();
        check_artifact(&wasm, &capabilities).unwrap_or_else(|e| panic!("{name}: {e:#}"));
        println!(
            "{name}.wasm: {} bytes, passes check_wasm with {capabilities:?}",
            wasm.len()
        );
    }
}

#[test]
fn token_and_vesting_run_as_real_wasm() {
    let token_wasm = read_artifact("btt_token").unwrap();
    let vesting_wasm = read_artifact("btt_vesting").unwrap();
    let mut chain = WasmChain::new();
    let deployer = chain.addr("deployer");
    let alice = chain.addr("alice");

    let (token, report) = chain
        .instantiate(
            &token_wasm,
            "btt-token",
            &deployer,
            &token_instantiate_msg(deployer.as_str(), None),
        )
        .unwrap();
    print_gas("instantiate token", &report);
    let info: TokenInfoResponse = chain.query(&token, &Cw20QueryMsg::TokenInfo {}).unwrap();
    assert_eq!(info.total_supply, TOTAL_SUPPLY);

    let report = chain
        .execute(
            &deployer,
            &token,
            &token::ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: btt(1_000),
            },
        )
        .unwrap();
    print_gas("transfer", &report);
    assert_eq!(balance(&chain, &token, &alice), btt(1_000));

    let (vesting, report) = chain
        .instantiate(
            &vesting_wasm,
            "btt-vesting",
            &deployer,
            &vesting::InstantiateMsg {
                token: token.to_string(),
                owner: None,
            },
        )
        .unwrap();
    print_gas("instantiate vesting", &report);

    let start = chain.block_time();
    let hook = ReceiveMsg::CreateSchedules {
        schedules: vec![NewSchedule {
            beneficiary: alice.to_string(),
            category: "BitHive".into(),
            amount: btt(2_100_000),
            curve: CurveSpec::DelayedLinear {
                start,
                delay_seconds: 6 * MONTH_SECONDS,
                linear_seconds: 36 * MONTH_SECONDS,
            },
        }],
    };
    let report = chain
        .execute(
            &deployer,
            &token,
            &token::ExecuteMsg::Send {
                contract: vesting.to_string(),
                amount: btt(2_100_000),
                msg: to_json_binary(&hook).unwrap(),
            },
        )
        .unwrap();
    print_gas("send to vesting", &report);
    assert_eq!(report.calls.len(), 2, "the token calls vesting's Receive");
    assert_eq!(balance(&chain, &token, &vesting), btt(2_100_000));

    chain.advance(24 * MONTH_SECONDS);
    let report = chain
        .execute(
            &alice,
            &vesting,
            &vesting::ExecuteMsg::Claim { schedule_id: 1 },
        )
        .unwrap();
    print_gas("claim (1 schedule)", &report);
    assert_eq!(balance(&chain, &token, &alice), btt(1_000) + btt(1_050_000));
    assert_eq!(balance(&chain, &token, &vesting), btt(1_050_000));
    let status: VestingStatus = chain
        .query(
            &vesting,
            &vesting::QueryMsg::Status {
                schedule_id: 1,
                at: None,
            },
        )
        .unwrap();
    assert_eq!(status.claimed, btt(1_050_000));
    assert_eq!(
        status.locked + status.claimable + status.claimed,
        status.total
    );

    // Claim gas does not grow with the number of schedules: 30 more, then the same claim.
    let bob = chain.addr("bob");
    let more = ReceiveMsg::CreateSchedules {
        schedules: (0..30)
            .map(|_| NewSchedule {
                beneficiary: bob.to_string(),
                category: "Other Institutional Investors".into(),
                amount: btt(1_000),
                curve: CurveSpec::DelayedLinear {
                    start,
                    delay_seconds: 3 * MONTH_SECONDS,
                    linear_seconds: 30 * MONTH_SECONDS,
                },
            })
            .collect(),
    };
    let report_fund = chain
        .execute(
            &deployer,
            &token,
            &token::ExecuteMsg::Send {
                contract: vesting.to_string(),
                amount: btt(30_000),
                msg: to_json_binary(&more).unwrap(),
            },
        )
        .unwrap();
    print_gas("fund 30 schedules", &report_fund);
    chain.advance(MONTH_SECONDS);
    let with_31 = chain
        .execute(
            &alice,
            &vesting,
            &vesting::ExecuteMsg::Claim { schedule_id: 1 },
        )
        .unwrap();
    print_gas("claim (31 schedules)", &with_31);
    let (one, many) = (report.total_gas() as f64, with_31.total_gas() as f64);
    assert!(
        (many - one).abs() / one < 0.02,
        "claim gas moved from {one} to {many} with 30 more schedules"
    );

    let report = chain
        .execute(&alice, &token, &token::ExecuteMsg::Burn { amount: btt(1) })
        .unwrap();
    print_gas("burn", &report);
    let info: TokenInfoResponse = chain.query(&token, &Cw20QueryMsg::TokenInfo {}).unwrap();
    assert_eq!(info.total_supply, TOTAL_SUPPLY - btt(1));
    // The typed helper builds the same message the VM just ran.
    let _ = TokenContract(token).burn_msg(btt(1)).unwrap();
}

#[test]
fn the_harness_moves_native_funds_emits_wasmd_events_and_restores_the_bank_on_failure() {
    use btt_integration_tests::fixtures::deploy_btt;
    use cosmwasm_std::{coins, BankMsg, CosmosMsg, WasmMsg};
    use cw_multi_test::Executor;

    let mut chain = WasmChain::new();
    let deployer = chain.addr("deployer");
    let (alice, bob) = (chain.addr("alice"), chain.addr("bob"));
    let token = deploy_btt(&mut chain, &deployer, vec![]).unwrap();
    chain.fund(&alice, &coins(100, "uusdc")).unwrap();

    // A bank send moves the coins and emits wasmd's transfer event.
    let send = BankMsg::Send {
        to_address: bob.to_string(),
        amount: coins(30, "uusdc"),
    };
    let res = Executor::execute(&mut chain, alice.clone(), send.into()).unwrap();
    assert!(res.events.iter().any(|e| e.ty == "transfer"));
    assert_eq!(chain.balance(&alice, "uusdc"), Uint128::new(70));
    assert_eq!(chain.balance(&bob, "uusdc"), Uint128::new(30));

    // More than the sender holds is refused and nothing moves.
    let too_much = BankMsg::Send {
        to_address: bob.to_string(),
        amount: coins(71, "uusdc"),
    };
    let err = Executor::execute(&mut chain, alice.clone(), too_much.into()).unwrap_err();
    assert!(
        err.to_string().contains("has 70uusdc, needs 71uusdc"),
        "{err}"
    );
    assert_eq!(chain.balance(&alice, "uusdc"), Uint128::new(70));

    // Funds attached to a message the contract refuses come back to the sender.
    let transfer = cw20::Cw20ExecuteMsg::Transfer {
        recipient: bob.to_string(),
        amount: btt(1),
    };
    let with_funds: CosmosMsg = WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&transfer).unwrap(),
        funds: coins(10, "uusdc"),
    }
    .into();
    let err = Executor::execute(&mut chain, deployer.clone(), with_funds).unwrap_err();
    assert!(format!("{err:#}").contains("needs 10uusdc"), "{err:#}");
    let with_alices_funds: CosmosMsg = WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&transfer).unwrap(),
        funds: coins(10, "uusdc"),
    }
    .into();
    let err = Executor::execute(&mut chain, alice.clone(), with_alices_funds).unwrap_err();
    assert!(err.to_string().contains("btt-token execute"), "{err}");
    assert_eq!(chain.balance(&alice, "uusdc"), Uint128::new(70));
    assert_eq!(chain.balance(&token, "uusdc"), Uint128::zero());

    // A contract call emits `execute` and `wasm` events led by the contract's address, and the
    // balance query of the chain answers through `EconomyChain::wrap`.
    let res = chain
        .execute_contract(deployer.clone(), token.clone(), &transfer, &[])
        .unwrap();
    let wasm = res.events.iter().find(|e| e.ty == "wasm").unwrap();
    assert_eq!(wasm.attributes[0].key, "_contract_address");
    assert_eq!(wasm.attributes[0].value, token.as_str());
    assert!(wasm
        .attributes
        .iter()
        .any(|a| a.key == "action" && a.value == "transfer"));
    assert!(res.events.iter().any(|e| e.ty == "execute"));
    let q = btt_deploy::chain::EconomyChain::wrap(&chain);
    assert_eq!(
        q.query_balance(&bob, "uusdc").unwrap().amount,
        Uint128::new(30)
    );
    assert_eq!(balance(&chain, &token, &bob), btt(1));
}
