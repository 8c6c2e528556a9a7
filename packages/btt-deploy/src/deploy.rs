//! The one deployment routine of the suite, for any [`DeployChain`]: the embedded cw-multi-test
//! chain, a dry run of a network, or a network itself.
//!
//! In dependency order it stores every code, instantiates the ten contracts, wires every address
//! (token, staking, DAO, fee recipients, oracles, arbiter, pools), runs genesis (the allocation
//! table exactly) and hands ownership and wasm admin of every contract to the DAO.

use std::collections::BTreeMap;

use anyhow::{ensure, Context};
use btt_types::allocation::{Category, PoolHolder};
use btt_types::compute;
use btt_types::dao::{self, DaoContract};
use btt_types::staking::{self, StakingContract};
use btt_types::token::{self, TokenContract};
use btt_types::vesting::{self, VestingContract};
use btt_types::{depin, fractionalizer, rwa_nft};
use cosmwasm_std::{Addr, CosmosMsg, WasmMsg};

use crate::chain::{execute, instantiate, query, DeployChain};
use crate::genesis::{plan, token_instantiate_msg, GenesisConfig, PoolHolders};
use btt_types::contracts::{Code, CodeIds};

use crate::deployment::Deployment;

/// The codes, in the order they are uploaded.
pub use btt_types::contracts::CODES;

/// Stores every code; returns their ids and the checksums the chain reported.
fn store_all<C: DeployChain>(chain: &mut C) -> anyhow::Result<(CodeIds, BTreeMap<String, String>)> {
    let mut ids = CodeIds::default();
    let mut checksums = BTreeMap::new();
    for code in CODES {
        let name = code.name();
        let (id, sum) = chain
            .store(name)
            .with_context(|| format!("storing {name}"))?;
        ids.0.insert(code, id);
        if let Some(sum) = sum {
            checksums.insert(name.to_string(), sum);
        }
    }
    Ok((ids, checksums))
}

/// Deploys the suite and runs genesis with the chain's deployer paying for everything:
/// 1. stores every code; instantiates btt-token (the whole supply to the deployer), btt-vesting,
///    btt-staking and btt-dao, and points staking at the DAO;
/// 2. instantiates depin-rewards and compute-escrow, incentive-points and payfi, rwa-nft and
///    rwa-fractionalizer, wiring each to the others;
/// 3. funds the vesting schedules in one `Send` and sends the pools (mining to depin-rewards,
///    community incentives to incentive-points, ecosystem fund and unallocated reserve to the DAO);
/// 4. hands the DAO ownership of every owned contract (offered, then accepted through the DAO's
///    `AcceptOwnership`), the token's marketing role, and wasm admin of all ten;
/// 5. where the chain answers queries, checks the deployer ends with 0 BTT and each schedule is
///    its row.
pub fn deploy<C: DeployChain>(chain: &mut C, config: &GenesisConfig) -> anyhow::Result<Deployment> {
    let deployer = chain.deployer();
    let (code_ids, checksums) = store_all(chain)?;
    let admin = Some(deployer.to_string());
    let gov = &config.governance;

    let token = TokenContract(instantiate(
        chain,
        code_ids.get(Code::Token),
        "btt-token",
        &token_instantiate_msg(deployer.as_str(), Some(deployer.to_string())),
        admin.clone(),
    )?);
    let vesting = VestingContract(instantiate(
        chain,
        code_ids.get(Code::Vesting),
        "btt-vesting",
        &vesting::InstantiateMsg {
            token: token.addr().to_string(),
            owner: None,
        },
        admin.clone(),
    )?);
    let staking = StakingContract(instantiate(
        chain,
        code_ids.get(Code::Staking),
        "btt-staking",
        &staking::InstantiateMsg {
            token: token.addr().to_string(),
            lock_tiers: gov.lock_tiers.clone(),
            unbonding_seconds: gov.unbonding_seconds,
            fee_tiers: gov.fee_tiers.clone(),
            tier_age_seconds: gov.tier_age_seconds,
            reward_denoms: gov.reward_denoms.clone(),
            reward_period_seconds: gov.reward_period_seconds,
            min_reward_power: gov.min_reward_power,
            owner: None,
            dao: None,
        },
        admin.clone(),
    )?);
    let dao = DaoContract(instantiate(
        chain,
        code_ids.get(Code::Dao),
        "btt-dao",
        &dao::InstantiateMsg {
            token: token.addr().to_string(),
            staking: staking.addr().to_string(),
            voting_period_seconds: gov.voting_period_seconds,
            timelock_seconds: gov.timelock_seconds,
            deposit: gov.deposit,
            rules: gov.rules.clone(),
            guardian: Some(gov.guardian.clone()),
            guardian_sunset: Some(gov.guardian_sunset),
        },
        admin.clone(),
    )?);
    execute(
        chain,
        staking.addr(),
        &staking::ExecuteMsg::UpdateConfig(staking::ConfigUpdate {
            dao: Some(dao.addr().to_string()),
            ..staking::ConfigUpdate::default()
        }),
        "pointing staking at the DAO",
    )?;

    let (escrow, depin) = deploy_compute(chain, config, &code_ids, &token, &staking, &dao)?;
    let (points, payfi) = deploy_payments(chain, config, &code_ids, &token, &staking, &dao)?;
    let (nft, vaults) = deploy_rwa(chain, config, &code_ids, &token, &staking, &dao)?;

    let holders = PoolHolders {
        mining: depin.to_string(),
        community: points.to_string(),
        dao: dao.addr().to_string(),
    };
    let plan = plan(config, &holders)?;
    chain.execute(
        vesting.fund_msg(&token, plan.vesting_total(), plan.new_schedules())?,
        "funding the vesting schedules",
    )?;
    for pool in &plan.pools {
        let msg = match pool.holder {
            PoolHolder::CommunityIncentives => token.send_msg(
                &pool.recipient,
                pool.amount,
                &btt_types::points::ReceiveMsg::FundPool {},
            )?,
            PoolHolder::MiningRewards => {
                token.send_msg(&pool.recipient, pool.amount, &depin::ReceiveMsg::Fund {})?
            }
            PoolHolder::LaunchGrant => token.transfer_msg(&pool.recipient, pool.amount)?,
            PoolHolder::DaoTreasury => {
                let fund = match pool.category {
                    Category::EcosystemDevelopmentFund => dao::Fund::EcosystemDevelopment,
                    _ => dao::Fund::UnallocatedReserve,
                };
                token.send_msg(
                    &pool.recipient,
                    pool.amount,
                    &dao::ReceiveMsg::Deposit { fund },
                )?
            }
        };
        chain.execute(msg, &format!("sending the {:?} pool", pool.category))?;
    }

    // The circuit breaker of every contract that takes value: the DAO's foundation guardian
    // may pause new value until its sunset (the DAO always may).
    let set_guardian = serde_json::json!({
        "circuit": btt_types::circuit::CircuitMsg::SetGuardian {
            guardian: Some(gov.guardian.clone()),
            sunset: gov.guardian_sunset,
        }
    });
    // Every genesis instance, written once; the guardian, ownership and admin steps filter it.
    let instances = [
        (Code::Token, token.addr().clone()),
        (Code::Vesting, vesting.addr().clone()),
        (Code::Staking, staking.addr().clone()),
        (Code::Dao, dao.addr().clone()),
        (Code::Escrow, escrow.clone()),
        (Code::Depin, depin.clone()),
        (Code::Points, points.clone()),
        (Code::Payfi, payfi.clone()),
        (Code::Nft, nft.clone()),
        (Code::Vaults, vaults.clone()),
    ];
    for (code, contract) in instances.iter().filter(|(c, _)| c.has_circuit()) {
        execute(
            chain,
            contract,
            &set_guardian,
            &format!(
                "appointing the guardian of {}'s circuit breaker",
                code.name()
            ),
        )?;
    }
    let administered: Vec<(&str, Addr)> = instances
        .iter()
        .map(|(c, a)| (c.name(), a.clone()))
        .collect();
    let owned: Vec<(&str, Addr)> = instances
        .iter()
        .filter(|(c, _)| c.is_owned())
        .map(|(c, a)| (c.name(), a.clone()))
        .collect();
    hand_over_to_dao(chain, &token, &dao, &owned, &administered)?;

    let balance: Option<cw20::BalanceResponse> = query(
        chain,
        token.addr(),
        &cw20::Cw20QueryMsg::Balance {
            address: deployer.to_string(),
        },
    )?;
    if let Some(left) = balance.map(|b| b.balance) {
        ensure!(
            left.is_zero(),
            "the deployer still holds {left} ubtt after genesis"
        );
    }
    let mut schedule_ids = BTreeMap::new();
    for (i, planned) in plan.schedules.iter().enumerate() {
        let id = i as u64 + 1;
        let stored: Option<vesting::ScheduleResponse> = query(
            chain,
            vesting.addr(),
            &vesting::QueryMsg::Schedule { schedule_id: id },
        )?;
        if let Some(stored) = stored.map(|s| s.schedule) {
            ensure!(
                stored.category == planned.schedule.category
                    && stored.total == planned.schedule.amount,
                "schedule {id} is not the {:?} row",
                planned.category
            );
        }
        schedule_ids.insert(planned.category, id);
    }
    Ok(Deployment {
        chain_id: chain.chain_id(),
        deployer,
        token,
        vesting,
        staking,
        dao,
        escrow,
        depin,
        points,
        payfi,
        nft,
        vaults,
        code_ids,
        checksums,
        schedule_ids,
        plan,
    })
}

/// depin-rewards (epoch 0 at genesis) and compute-escrow (fees: development fund and reserve
/// to the DAO, foundation to the foundation's address); depin is pointed at the escrow.
fn deploy_compute<C: DeployChain>(
    chain: &mut C,
    config: &GenesisConfig,
    code_ids: &CodeIds,
    token: &TokenContract,
    staking: &StakingContract,
    dao: &DaoContract,
) -> anyhow::Result<(Addr, Addr)> {
    let c = &config.compute;
    let admin = Some(chain.deployer().to_string());
    let depin = instantiate(
        chain,
        code_ids.get(Code::Depin),
        "depin-rewards",
        &depin::InstantiateMsg {
            token: token.addr().to_string(),
            escrow: None,
            oracles: c.oracles.clone(),
            start: config.start,
            multipliers: c.multipliers.clone(),
            payout: c.payout.clone(),
            owner: None,
        },
        admin.clone(),
    )?;
    let escrow = instantiate(
        chain,
        code_ids.get(Code::Escrow),
        "compute-escrow",
        &compute::InstantiateMsg {
            token: token.addr().to_string(),
            staking: staking.addr().to_string(),
            depin: Some(depin.to_string()),
            arbiter: c.arbiter.clone(),
            hardware_classes: c.hardware_classes.clone(),
            urgency: c.urgency.clone(),
            price_per_gb: c.price_per_gb,
            native_rates: c.native_rates.clone(),
            contributors: c.contributors,
            fee_routing: config.fee_routing(
                &compute::stream_set(c.contributors),
                dao.addr().as_str(),
                staking.addr().as_str(),
            )?,
            min_bond: c.min_bond,
            bond_per_capacity_unit: c.bond_per_capacity_unit,
            slash: c.slash,
            reserve: dao.addr().to_string(),
            run_window: c.run_window.clone(),
            bond_unbonding_seconds: c.bond_unbonding_seconds,
            offer_seconds: c.offer_seconds,
            owner: None,
        },
        admin,
    )?;
    execute(
        chain,
        &depin,
        &depin::ExecuteMsg::UpdateConfig(depin::ConfigUpdate {
            escrow: Some(escrow.to_string()),
            ..depin::ConfigUpdate::default()
        }),
        "pointing depin-rewards at the escrow",
    )?;
    Ok((escrow, depin))
}

/// incentive-points (fees to the DAO) and payfi (fees to the DAO, points awarded through
/// incentive-points); incentive-points is pointed at payfi for awards and clawbacks.
fn deploy_payments<C: DeployChain>(
    chain: &mut C,
    config: &GenesisConfig,
    code_ids: &CodeIds,
    token: &TokenContract,
    staking: &StakingContract,
    dao: &DaoContract,
) -> anyhow::Result<(Addr, Addr)> {
    let admin = Some(chain.deployer().to_string());
    let points = instantiate(
        chain,
        code_ids.get(Code::Points),
        "incentive-points",
        &btt_types::points::InstantiateMsg {
            token: token.addr().to_string(),
            fee_routing: config.fee_routing(
                &btt_types::points::FEE_STREAMS,
                dao.addr().as_str(),
                staking.addr().as_str(),
            )?,
            payfi: None,
            rules: config.points.clone(),
            owner: None,
        },
        admin.clone(),
    )?;
    let p = &config.payments;
    let payfi = instantiate(
        chain,
        code_ids.get(Code::Payfi),
        "payfi",
        &btt_types::payfi::InstantiateMsg {
            token: token.addr().to_string(),
            staking: staking.addr().to_string(),
            points: Some(points.to_string()),
            fee_routing: config.fee_routing(
                &btt_types::payfi::FEE_STREAMS,
                dao.addr().as_str(),
                staking.addr().as_str(),
            )?,
            feeders: p.feeders.clone(),
            fees: p.fees.clone(),
            settlement_seconds: p.settlement_seconds,
            fast_settlement: p.fast_settlement.clone(),
            max_rate_age_seconds: p.max_rate_age_seconds,
            min_feeders: p.min_feeders,
            max_rate_move: p.max_rate_move,
            native_denoms: p.native_denoms.clone(),
            owner: None,
        },
        admin,
    )?;
    execute(
        chain,
        &points,
        &btt_types::points::ExecuteMsg::UpdateConfig(Box::new(btt_types::points::ConfigUpdate {
            payfi: Some(payfi.to_string()),
            ..Default::default()
        })),
        "pointing incentive-points at payfi",
    )?;
    Ok((points, payfi))
}

/// rwa-nft and rwa-fractionalizer (the vaults instantiate rwa-shares by code id).
fn deploy_rwa<C: DeployChain>(
    chain: &mut C,
    config: &GenesisConfig,
    code_ids: &CodeIds,
    token: &TokenContract,
    staking: &StakingContract,
    dao: &DaoContract,
) -> anyhow::Result<(Addr, Addr)> {
    let r = &config.rwa;
    let (dao, staking) = (dao.addr().as_str(), staking.addr().as_str());
    let admin = Some(chain.deployer().to_string());
    let nft = instantiate(
        chain,
        code_ids.get(Code::Nft),
        "rwa-nft",
        &rwa_nft::InstantiateMsg {
            name: "BTT medical assets".into(),
            symbol: "BTTRWA".into(),
            owner: None,
            token: token.addr().to_string(),
            issuers: r.issuers.clone(),
            appraisers: r.appraisers.clone(),
            native_denoms: r.native_denoms.clone(),
            fees: r.nft_fees.clone(),
            fee_routing: config.fee_routing(&rwa_nft::FEE_STREAMS, dao, staking)?,
            burn_threshold: r.burn_threshold,
        },
        admin.clone(),
    )?;
    let vaults = instantiate(
        chain,
        code_ids.get(Code::Vaults),
        "rwa-fractionalizer",
        &fractionalizer::InstantiateMsg {
            owner: None,
            nft: nft.to_string(),
            token: token.addr().to_string(),
            staking: staking.into(),
            shares_code_id: code_ids.get(Code::Shares),
            native_denoms: r.native_denoms.clone(),
            fees: r.vault_fees.clone(),
            fee_routing: config.fee_routing(&fractionalizer::FEE_STREAMS, dao, staking)?,
            burn_threshold: r.burn_threshold,
            buyout: r.buyout.clone(),
        },
        admin,
    )?;
    Ok((nft, vaults))
}

/// Ownership of the `owned` cw-ownable contracts (offered, then accepted through the DAO's
/// `AcceptOwnership`), the token's marketing role, and wasm admin of every `administered`
/// contract go to the DAO.
fn hand_over_to_dao<C: DeployChain>(
    chain: &mut C,
    token: &TokenContract,
    dao: &DaoContract,
    owned: &[(&str, Addr)],
    administered: &[(&str, Addr)],
) -> anyhow::Result<()> {
    let offer = cw_ownable::Action::TransferOwnership {
        new_owner: dao.addr().to_string(),
        expiry: None,
    };
    for (name, contract) in owned {
        execute(
            chain,
            contract,
            &vesting::ExecuteMsg::UpdateOwnership(offer.clone()),
            &format!("offering ownership of {name} to the DAO"),
        )?;
        execute(
            chain,
            dao.addr(),
            &dao::ExecuteMsg::AcceptOwnership {
                contract: contract.to_string(),
            },
            &format!("the DAO accepting ownership of {name}"),
        )?;
    }
    execute(
        chain,
        token.addr(),
        &token::ExecuteMsg::UpdateMarketing {
            project: None,
            description: None,
            marketing: Some(dao.addr().to_string()),
        },
        "making the DAO the token's marketing address",
    )?;
    for (name, contract) in administered {
        let msg: CosmosMsg = WasmMsg::UpdateAdmin {
            contract_addr: contract.to_string(),
            admin: dao.addr().to_string(),
        }
        .into();
        chain.execute(msg, &format!("making the DAO wasm admin of {name}"))?;
    }
    Ok(())
}
