//! The genesis roles of the suite and a genesis config naming an address for each: the same for
//! the embedded chain, the artifacts in cosmwasm-vm, a dry run and the local chain.

use btt_types::allocation::Category;
use cosmwasm_std::Timestamp;

use crate::genesis::{
    suggested_points_rules, ComputeParams, GenesisConfig, GovernanceParams, PaymentParams,
    RwaParams,
};

/// Every role [`roles_config`] asks an address for.
pub const ROLES: [&str; 16] = [
    "bithive",
    "china-digital-healthcare",
    "bitwave-protocol-labs",
    "m-dao",
    "web3-ventures",
    "other-institutions",
    "technical-foundation",
    "foundation-guardian",
    "arbiter",
    "oracle-1",
    "oracle-2",
    "oracle-3",
    "price-feeder",
    "price-feeder-2",
    "price-feeder-3",
    "appraiser",
];

/// A genesis config with `addr(role)` as the address of each role of [`ROLES`], vesting from
/// `start`.
pub fn roles_config(addr: &dyn Fn(&str) -> String, start: Timestamp) -> GenesisConfig {
    let beneficiaries = [
        (Category::BitHive, "bithive"),
        (
            Category::ChinaDigitalHealthcareGroup,
            "china-digital-healthcare",
        ),
        (Category::BitWaveProtocolLabs, "bitwave-protocol-labs"),
        (Category::MDao, "m-dao"),
        (Category::Web3Ventures, "web3-ventures"),
        (Category::OtherInstitutionalInvestors, "other-institutions"),
        (
            Category::TechnicalDevelopmentFoundation,
            "technical-foundation",
        ),
    ]
    .into_iter()
    .map(|(category, name)| (category, addr(name)))
    .collect();
    GenesisConfig {
        start,
        beneficiaries,
        governance: GovernanceParams::suggested(addr("foundation-guardian"), start),
        compute: ComputeParams::suggested(
            addr("arbiter"),
            vec![addr("oracle-1"), addr("oracle-2"), addr("oracle-3")],
        ),
        points: suggested_points_rules(),
        payments: PaymentParams::suggested(vec![
            addr("price-feeder"),
            addr("price-feeder-2"),
            addr("price-feeder-3"),
        ]),
        rwa: RwaParams::suggested(
            vec![addr("china-digital-healthcare")],
            vec![addr("appraiser")],
        ),
        fee_routes: crate::genesis::suggested_fee_routes(),
        launch_grants: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conversion_rate_rests_on_two_of_three_feeders_at_genesis() {
        let config = roles_config(
            &|role: &str| format!("addr-{role}"),
            Timestamp::from_seconds(0),
        );
        let p = &config.payments;
        assert!(p.feeders.len() >= 3, "{:?}", p.feeders);
        assert!(p.min_feeders >= 2 && p.min_feeders as usize <= p.feeders.len());
        let mut distinct = p.feeders.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), p.feeders.len(), "distinct feeders");
        assert!(p.max_rate_move.0 > 0);
    }

    #[test]
    fn launch_grants_come_out_of_the_ecosystem_fund_and_the_plan_stays_the_supply() {
        use crate::genesis::{plan, GenesisError, LaunchGrant, PoolHolders};
        use btt_types::allocation::{Category, PoolHolder};
        use btt_types::units::{btt, TOTAL_SUPPLY};
        let mut config = roles_config(
            &|role: &str| format!("addr-{role}"),
            Timestamp::from_seconds(0),
        );
        let holders = PoolHolders {
            mining: "depin".into(),
            community: "points".into(),
            dao: "dao".into(),
        };
        let fund = |p: &crate::genesis::GenesisPlan| {
            p.pools
                .iter()
                .find(|t| {
                    t.holder == PoolHolder::DaoTreasury
                        && t.category == Category::EcosystemDevelopmentFund
                })
                .map(|t| t.amount)
        };
        let before = fund(&plan(&config, &holders).unwrap()).unwrap();
        let grant = |recipient: &str, amount| LaunchGrant {
            recipient: recipient.into(),
            amount,
            purpose: "capacity bond".into(),
        };
        config.launch_grants = vec![grant("node-a", btt(600)), grant("node-b", btt(24_000))];
        let with = plan(&config, &holders).unwrap();
        assert_eq!(fund(&with).unwrap(), before - btt(24_600));
        assert_eq!(with.total(), TOTAL_SUPPLY);
        assert!(with
            .pools
            .iter()
            .any(|t| t.holder == PoolHolder::LaunchGrant && t.recipient == "node-b"));
        config.launch_grants = vec![grant("node-a", btt(0))];
        assert_eq!(
            plan(&config, &holders).unwrap_err(),
            GenesisError::EmptyGrant("node-a".into())
        );
        config.launch_grants = vec![grant("node-a", before + btt(1))];
        assert!(matches!(
            plan(&config, &holders).unwrap_err(),
            GenesisError::GrantsExceedFund { .. }
        ));
    }

    #[test]
    fn roles_config_asks_only_for_the_listed_roles() {
        let asked = std::cell::RefCell::new(vec![]);
        roles_config(
            &|role: &str| {
                asked.borrow_mut().push(role.to_string());
                format!("addr-{role}")
            },
            Timestamp::from_seconds(0),
        );
        for role in asked.borrow().iter() {
            assert!(ROLES.contains(&role.as_str()), "{role} is not in ROLES");
        }
    }
}
