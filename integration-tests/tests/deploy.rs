//! The one deployment routine: on the embedded chain it writes a manifest of all ten contracts
//! with the DAO as admin; as a dry run on each shipped testnet it plans the uploads (with the
//! artifacts' checksums), instantiations, wiring, genesis and hand-over, in that order.

use btt_deploy::deploy::CODES;
use btt_deploy::dryrun::{artifact_checksums, DryRunChain};
use btt_deploy::manifest::manifest;
use btt_deploy::multitest::{deploy_genesis, local_app, local_config};
use btt_deploy::networks;
use cosmwasm_std::Timestamp;

#[test]
fn the_embedded_manifest_lists_all_ten_contracts_with_the_dao_as_admin() {
    let mut app = local_app();
    let deployer = app.api().addr_make("deployer");
    let config = local_config(&app, app.block_info().time);
    let deployment = deploy_genesis(&mut app, &deployer, &config).unwrap();
    let m = manifest(&deployment, &config, &artifact_checksums());
    assert_eq!(m.contracts.len(), 10);
    assert_eq!(
        m.code_ids.len(),
        11,
        "ten contracts and the per-vault shares token"
    );
    let dao = deployment.dao.addr().to_string();
    for c in &m.contracts {
        assert_eq!(c.admin, dao, "{}", c.name);
        let info = app.wrap().query_wasm_contract_info(&c.address).unwrap();
        assert_eq!(
            info.admin.map(|a| a.to_string()),
            Some(dao.clone()),
            "{} on chain",
            c.name
        );
        assert_eq!(info.code_id, c.code_id, "{}", c.name);
    }
    let total: cosmwasm_std::Uint128 = m.genesis.allocation.iter().map(|a| a.amount).sum();
    assert_eq!(total, btt_types::units::TOTAL_SUPPLY);
    // the artifacts built from these sources are named with their checksums
    assert_eq!(m.checksums.len(), 11, "{:?}", m.checksums);
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["chain_id"], app.block_info().chain_id);
}

#[test]
fn a_dry_run_on_each_testnet_plans_uploads_instantiations_wiring_and_hand_over_in_order() {
    let known = networks::known();
    assert!(known.len() >= 2, "at least two testnets ship: {known:?}");
    let sums = artifact_checksums();
    for name in known {
        let network = networks::load(&name).unwrap();
        let api = networks::placeholder_api(&network);
        let config = networks::network_config(
            &network,
            &|role: &str| api.addr_make(role).to_string(),
            Timestamp::from_seconds(1_767_225_600),
        );
        let mut chain = DryRunChain::new(network.clone(), api.addr_make("deployer"));
        let deployment = btt_deploy::deploy::deploy(&mut chain, &config).unwrap();
        let kinds: Vec<&str> = chain.txs.iter().map(|t| t.kind.as_str()).collect();
        // 11 uploads first, each with the checksum of its artifact
        assert!(kinds[..11].iter().all(|k| *k == "MsgStoreCode"), "{name}");
        for (tx, code) in chain.txs[..11].iter().zip(CODES) {
            let file = code.artifact();
            assert_eq!(tx.body["sha256"], sums[&file], "{name} {file}");
        }
        // ten instantiations, then wiring and genesis, ending with ten admin hand-overs
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == "MsgInstantiateContract")
                .count(),
            10
        );
        assert!(
            kinds[kinds.len() - 10..]
                .iter()
                .all(|k| *k == "MsgUpdateAdmin"),
            "{name}"
        );
        let whats: Vec<&str> = chain.txs.iter().map(|t| t.what.as_str()).collect();
        let pos = |needle: &str| whats.iter().position(|w| w.contains(needle)).unwrap();
        assert!(pos("pointing staking at the DAO") < pos("funding the vesting schedules"));
        assert!(pos("funding the vesting schedules") < pos("offering ownership of btt-vesting"));
        assert!(deployment
            .dao
            .addr()
            .as_str()
            .starts_with(&network.bech32_prefix));
        let printed = chain.render();
        assert!(printed.contains(&network.chain_id) && printed.contains("nothing is sent"));
    }
}
