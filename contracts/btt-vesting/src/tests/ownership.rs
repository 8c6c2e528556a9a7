use btt_testing::Harness;
use btt_types::migration::MigrationError;
use btt_types::vesting::{ExecuteMsg, MigrateMsg, QueryMsg};
use cosmwasm_std::{coins, Addr, DepsMut, Env, Response};
use cw_multi_test::{ContractWrapper, Executor};

use crate::contract::{execute, instantiate, query, CONTRACT_NAME, CONTRACT_VERSION};
use cw_ownable::{Action, Ownership, OwnershipError};
use cw_utils::PaymentError;

use super::suite::{quarterly, vesting_code, SuiteBuilder, NATIVE};
use crate::ContractError;

#[test]
fn ownership_moves_to_the_dao_in_two_steps_and_only_the_dao_approves_then() {
    let mut suite = SuiteBuilder::new()
        .with_schedule("alice", 3_570_000, |start| quarterly(start, 16, 223_125, 3))
        .build();
    let dao = suite.addr("dao").to_string();
    suite
        .execute(
            "owner",
            &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
                new_owner: dao,
                expiry: None,
            }),
        )
        .unwrap();
    // Until the DAO accepts, the old owner still approves.
    suite.approve("owner", 1, 0).unwrap();
    suite
        .execute("dao", &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership))
        .unwrap();
    let ownership: Ownership<Addr> = suite.query(&QueryMsg::Ownership {}).unwrap();
    assert_eq!(ownership.owner, Some(suite.addr("dao")));
    assert_eq!(
        suite.approve("owner", 1, 1).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    suite.approve("dao", 1, 1).unwrap();
}

#[test]
fn only_the_owner_transfers_ownership_and_without_funds() {
    let mut suite = SuiteBuilder::new().build();
    let transfer = ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
        new_owner: suite.addr("mallory").to_string(),
        expiry: None,
    });
    assert_eq!(
        suite.execute("mallory", &transfer).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(
        suite
            .execute_with_funds("owner", &transfer, &coins(1, NATIVE))
            .unwrap_err(),
        ContractError::Payment(PaymentError::NonPayable {})
    );
}

fn pretend_newer(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, "99.0.0")?;
    Ok(Response::new())
}

#[test]
fn migrates_to_the_same_code_and_refuses_a_downgrade() {
    let mut suite = SuiteBuilder::new().build();
    let owner = suite.addr("owner");
    let same = suite.app.store_code(vesting_code());
    suite
        .app
        .migrate_contract(owner.clone(), suite.vesting.clone(), &MigrateMsg {}, same)
        .unwrap();
    let newer = suite.app.store_code(Box::new(
        ContractWrapper::new(execute, instantiate, query).with_migrate(pretend_newer),
    ));
    suite
        .app
        .migrate_contract(owner.clone(), suite.vesting.clone(), &MigrateMsg {}, newer)
        .unwrap();
    let err = suite
        .app
        .migrate_contract(owner, suite.vesting.clone(), &MigrateMsg {}, same)
        .unwrap_err();
    assert_eq!(
        err.downcast::<ContractError>().unwrap(),
        ContractError::Migration(MigrationError::Downgrade {
            from: "99.0.0".into(),
            to: CONTRACT_VERSION.into()
        })
    );
}
