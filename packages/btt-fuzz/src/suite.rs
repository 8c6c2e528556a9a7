//! The deployed economy every sequence starts from: the whole suite deployed by the one
//! routine, six months of the living economy run on it (nodes bonded, jobs open, vaults
//! trading, stakes locked, proposals decided), and the fuzzer's own actors funded, with a fake
//! cw20 that calls itself BTT. Built once; [`Suite::reset`] brings it back in a few
//! milliseconds.

use anyhow::Context;
use btt_deploy::deployment::Deployment;
use btt_deploy::genesis::GenesisConfig;
use btt_deploy::multitest::{deploy_genesis, local_app_on, local_config};
use btt_economy::governance::pass_proposal;
use btt_economy::living::assumptions::Assumptions;
use btt_economy::living::world::{Faucet, World, USDC};
use btt_economy::living::{run_with, RunParams};
use btt_types::contracts::Code;
use btt_types::dao::Fund;
use btt_types::units::{TOTAL_SUPPLY, UBTT_PER_BTT};
use cosmwasm_std::{coins, Addr, BlockInfo, Uint128};
use cw20::Cw20Coin;
use cw_multi_test::Executor;

use crate::ledger::Ledger;
use crate::storage::{Snapshot, SnapshotStorage};

pub use crate::actors::{Actor, Actors};
pub use crate::storage::FuzzApp;

/// A denom no contract accepts.
pub const WRONG_DENOM: &str = "uatom";

/// BTT the DAO grants each actor who is not an institution before the fuzzing starts.
pub const FUNDING_BTT: u128 = 25_000;

/// Months of the living economy before the fuzzing starts.
pub const WARM_UP_MONTHS: u64 = 6;

/// The deployed suite, its actors, and the state every sequence starts from.
pub struct Suite {
    pub app: FuzzApp,
    pub deployment: Deployment,
    pub config: GenesisConfig,
    pub actors: Actors,
    /// A cw20 instance of btt-token's own code, all of it held by the attacker.
    pub fake_btt: Addr,
    template: Snapshot,
    template_block: BlockInfo,
    /// The ledger as of the template.
    pub ledger: Ledger,
}

fn actor(app: &FuzzApp, name: &str) -> Actor {
    Actor {
        name: name.to_string(),
        addr: app.api().addr_make(name),
    }
}

fn named(addrs: &[String], names: &[&str]) -> Vec<Actor> {
    addrs
        .iter()
        .zip(names)
        .map(|(a, n)| Actor {
            name: n.to_string(),
            addr: Addr::unchecked(a),
        })
        .collect()
}

/// The id the fractionalizer gives its next listing (listings sold out are gone, so no query
/// tells): a holder lists one share, the id is read, and the chain is put back.
fn next_listing_id(
    app: &mut FuzzApp,
    d: &Deployment,
    actors: &Actors,
) -> anyhow::Result<Option<u64>> {
    use btt_types::fractionalizer::{QueryMsg, VaultResponse, VaultStatus};
    let before = app.storage().snapshot();
    let block = app.block_info();
    let totals: btt_types::fractionalizer::FractionalizerTotalsResponse = app
        .wrap()
        .query_wasm_smart(&d.vaults, &QueryMsg::Totals {})?;
    let mut found = None;
    'vaults: for vault_id in 1..=totals.vaults {
        let v: VaultResponse = app
            .wrap()
            .query_wasm_smart(&d.vaults, &QueryMsg::Vault { vault_id })?;
        if v.vault.status != VaultStatus::Active {
            continue;
        }
        for a in actors.all() {
            let held: cw20::BalanceResponse = app.wrap().query_wasm_smart(
                &v.vault.shares_token,
                &cw20::Cw20QueryMsg::Balance {
                    address: a.addr.to_string(),
                },
            )?;
            if held.balance.is_zero() {
                continue;
            }
            let allow = cw20::Cw20ExecuteMsg::IncreaseAllowance {
                spender: d.vaults.to_string(),
                amount: Uint128::one(),
                expires: None,
            };
            let list = btt_types::fractionalizer::ExecuteMsg::List {
                vault_id,
                shares: Uint128::one(),
                price_per_share: Uint128::one(),
            };
            if app
                .execute_contract(a.addr.clone(), v.vault.shares_token.clone(), &allow, &[])
                .is_ok()
            {
                if let Ok(res) = app.execute_contract(a.addr.clone(), d.vaults.clone(), &list, &[])
                {
                    found = btt_deploy::chain::wasm_attr(&res, "listing_id")?
                        .parse()
                        .ok();
                    break 'vaults;
                }
            }
        }
    }
    app.storage_mut().restore(&before);
    app.set_block(block);
    Ok(found)
}

impl Suite {
    /// Deploys, warms the economy up, funds the fuzzer's actors and takes the template.
    pub fn build() -> anyhow::Result<Suite> {
        let mut app = local_app_on(SnapshotStorage::default());
        let deployer = app.api().addr_make("deployer");
        let start = app.block_info().time;
        let config = local_config(&app, start);
        let deployment = deploy_genesis(&mut app, &deployer, &config)?;
        let assumptions = Assumptions {
            buyout_months: vec![5],
            ..Assumptions::paper()
        };
        let params = RunParams {
            months: WARM_UP_MONTHS,
            seed: 2025,
            scale: 1,
        };
        run_with(
            &mut app,
            &deployment,
            &config,
            params,
            assumptions.clone(),
            &mut |_| {},
        )
        .context("warming the economy up")?;
        let world = World::population(&app, &deployment, &config, params, assumptions);
        let people = |v: &mut dyn Iterator<Item = (String, Addr)>| -> Vec<Actor> {
            v.map(|(name, addr)| Actor { name, addr }).collect()
        };
        let actors = Actors {
            clinics: people(
                &mut world
                    .clinics
                    .iter()
                    .map(|c| (c.name.clone(), c.addr.clone())),
            ),
            nodes: people(
                &mut world
                    .nodes
                    .iter()
                    .map(|n| (n.name.clone(), n.operator.clone())),
            ),
            institutions: people(
                &mut world
                    .institutions
                    .iter()
                    .map(|i| (format!("{:?}", i.category).to_lowercase(), i.addr.clone())),
            ),
            investors: people(
                &mut world
                    .investors
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (format!("investor-{i}"), a.clone())),
            ),
            patients: (0..3)
                .map(|i| actor(&app, &format!("fuzz-patient-{i}")))
                .collect(),
            issuer: named(&config.rwa.issuers, &["issuer"]),
            appraiser: named(&config.rwa.appraisers, &["appraiser"]),
            oracles: named(
                &config.compute.oracles,
                &["oracle-1", "oracle-2", "oracle-3"],
            ),
            arbiter: named(std::slice::from_ref(&config.compute.arbiter), &["arbiter"]),
            guardian: named(
                std::slice::from_ref(&config.governance.guardian),
                &["guardian"],
            ),
            feeder: named(
                &config.payments.feeders,
                &["price-feeder", "price-feeder-2", "price-feeder-3"],
            ),
            partner: vec![Actor {
                name: "partner-pharmacy".into(),
                addr: world.partner.clone(),
            }],
            insurer: vec![Actor {
                name: "insurer".into(),
                addr: world.insurer.clone(),
            }],
            strangers: ["stranger-0", "stranger-1", "attacker"]
                .iter()
                .map(|n| actor(&app, n))
                .collect(),
        };
        // Outside money for the fuzzer's own people; BTT for everyone who is not an
        // institution, from the desk's inventory and half of each institution's balance.
        for a in actors.patients.iter().chain(&actors.strangers) {
            app.fund(&a.addr, &coins(1_000_000_000_000, USDC))?;
        }
        // BTT for everyone who is not an institution: the DAO grants it from the Ecosystem
        // Development Fund by a proposal the institutions pass.
        let institutions: Vec<&Addr> = actors.institutions.iter().map(|a| &a.addr).collect();
        let takers: Vec<Addr> = actors
            .all()
            .into_iter()
            .filter(|a| !institutions.contains(&&a.addr))
            .map(|a| a.addr.clone())
            .collect();
        let each = Uint128::new(FUNDING_BTT * UBTT_PER_BTT);
        let msgs = takers
            .iter()
            .map(|t| {
                deployment
                    .dao
                    .spend_msg(Fund::EcosystemDevelopment, t.to_string(), "btt", each)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let voters: Vec<Addr> = institutions.iter().map(|a| (*a).clone()).collect();
        let proposer = voters
            .iter()
            .find(|v| {
                deployment
                    .token
                    .balance(&app.wrap(), *v)
                    .is_ok_and(|b| b >= config.governance.deposit)
            })
            .cloned()
            .context("no institution can pay a proposal deposit")?;
        for batch in msgs.chunks(btt_types::dao::MAX_PROPOSAL_MSGS) {
            pass_proposal(
                &mut app,
                &deployment,
                &proposer,
                "Fund the fuzzer's actors",
                batch.to_vec(),
                &voters,
            )
            .context("the DAO funds the fuzzer's actors")?;
        }
        // The feeders quote 1 BTT = 5 USDC (tiers are priced in USDC, BTT pays at payfi's
        // median), then every clinic starts subscribed on the first tier (awarding points
        // needs it).
        for f in &actors.feeder {
            let rate = btt_types::payfi::ExecuteMsg::SetRate {
                pay: USDC.into(),
                invoice: "btt".into(),
                rate: cosmwasm_std::Decimal::percent(20),
            };
            app.execute_contract(f.addr.clone(), deployment.payfi.clone(), &rate, &[])
                .with_context(|| format!("{} quotes USDC in BTT", f.name))?;
        }
        let quote: btt_types::points::SubscriptionQuoteResponse = app.wrap().query_wasm_smart(
            &deployment.points,
            &btt_types::points::QueryMsg::SubscriptionQuote {
                tier: 0,
                seats: None,
                denom: "btt".into(),
            },
        )?;
        for c in &actors.clinics {
            let subscribe = btt_types::points::ReceiveMsg::Subscribe {
                tier: 0,
                referrer: None,
                seats: None,
            };
            let msg = deployment
                .token
                .send_msg(&deployment.points, quote.amount, &subscribe)?;
            app.execute(c.addr.clone(), msg)
                .with_context(|| format!("{} subscribes", c.name))?;
        }
        for a in actors.all() {
            app.fund(&a.addr, &coins(1_000_000_000_000, WRONG_DENOM))?;
        }
        let attacker = actors.strangers[2].addr.clone();
        let fake_btt = app.instantiate_contract(
            deployment.code_ids.get(Code::Token),
            attacker.clone(),
            &btt_types::token::InstantiateMsg {
                name: "BTT".into(),
                symbol: "BTT".into(),
                initial_balances: vec![Cw20Coin {
                    address: attacker.to_string(),
                    amount: TOTAL_SUPPLY,
                }],
                marketing: None,
            },
            &[],
            "fake BTT",
            None,
        )?;
        let mut ledger = Ledger::from_chain(&app, &deployment, &actors)?;
        if let Some(next) = next_listing_id(&mut app, &deployment, &actors)? {
            for ids in [&mut ledger.ids, &mut ledger.template_ids] {
                ids.insert("listing_id".into(), next - 1);
            }
        }
        let template = app.storage().snapshot();
        let template_block = app.block_info();
        Ok(Suite {
            app,
            deployment,
            config,
            actors,
            fake_btt,
            template,
            template_block,
            ledger,
        })
    }

    /// Back to the template: storage and clock as they were after [`Suite::build`].
    pub fn reset(&mut self) {
        self.app.storage_mut().restore(&self.template);
        self.app.set_block(self.template_block.clone());
    }

    /// Writes that reached the chain's storage so far.
    pub fn writes(&self) -> u64 {
        self.app.storage().writes()
    }

    /// The name of `addr`: an actor, a contract of the suite, or the address itself.
    pub fn name_of(&self, addr: &Addr) -> String {
        if let Some(n) = self.actors.name_of(addr) {
            return n;
        }
        if *addr == self.fake_btt {
            return "fake-btt".into();
        }
        self.deployment
            .contracts()
            .iter()
            .find(|(_, a)| *a == addr)
            .map_or_else(|| addr.to_string(), |(n, _)| n.to_string())
    }
}
