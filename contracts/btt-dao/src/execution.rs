//! Closing, executing and failing proposals, and the deposit that goes with each end.

use btt_types::dao::{ExecuteMsg, Proposal, Status};
use btt_types::token::TokenContract;
use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    ensure, to_json_binary, DepsMut, Env, MessageInfo, Reply, Response, Storage, SubMsg,
    SubMsgResult, WasmMsg,
};

use crate::config::assert_self;
use crate::state::{CONFIG, DEPOSITS_HELD, PROPOSALS};
use crate::tally::status_at;
use crate::ContractError;

/// Releases a proposal's deposit from the held amount; refunds it to the proposer when
/// `refund`, else it stays in the treasury.
pub fn release_deposit(
    storage: &mut dyn Storage,
    proposal: &Proposal,
    refund: bool,
) -> Result<Response, ContractError> {
    DEPOSITS_HELD.update(storage, |held| -> Result<_, ContractError> {
        Ok(held.checked_sub(proposal.deposit)?)
    })?;
    let mut res = Response::new().add_attribute("deposit", proposal.deposit);
    if refund {
        let token = TokenContract(CONFIG.load(storage)?.token);
        res = res
            .add_message(token.transfer_msg(&proposal.proposer, proposal.deposit)?)
            .add_attribute("deposit_refunded_to", &proposal.proposer);
    } else {
        crate::treasury::credit(
            storage,
            btt_types::dao::Fund::VetoedDeposits,
            btt_types::staking::BTT_REWARDS,
            proposal.deposit,
        )?;
        res = res.add_attribute("deposit_kept_by", "treasury (vetoed deposits)");
    }
    Ok(res)
}

fn load(storage: &dyn Storage, proposal_id: u64) -> Result<Proposal, ContractError> {
    PROPOSALS
        .may_load(storage, proposal_id)?
        .ok_or(ContractError::ProposalNotFound { proposal_id })
}

/// `Close`: after voting ends, records the outcome. Rejected: deposit refunded. Vetoed:
/// deposit kept. Passed: waits for `Execute` (which refunds).
pub fn close(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut proposal = load(deps.storage, proposal_id)?;
    ensure!(
        proposal.status == Status::Open,
        ContractError::VotingClosed { proposal_id }
    );
    ensure!(
        env.block.time >= proposal.voting_ends_at,
        ContractError::VotingNotEnded {
            proposal_id,
            ends_at: proposal.voting_ends_at,
        }
    );
    let rules = CONFIG.load(deps.storage)?.rules;
    proposal.status = status_at(&proposal, &rules, env.block.time);
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    let res = match proposal.status {
        Status::Rejected => release_deposit(deps.storage, &proposal, true)?,
        Status::Vetoed => release_deposit(deps.storage, &proposal, false)?,
        _ => Response::new(),
    };
    Ok(res
        .add_attribute("action", "close")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("status", format!("{:?}", proposal.status)))
}

/// `Execute`: a passed proposal after its timelock. The deposit is refunded, then its messages
/// run in one submessage to this contract: if any fails, all of them are undone and the reply
/// marks the proposal `ExecutionFailed`; the refund stands either way.
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut proposal = load(deps.storage, proposal_id)?;
    let rules = CONFIG.load(deps.storage)?.rules;
    let status = status_at(&proposal, &rules, env.block.time);
    ensure!(
        status == Status::Passed,
        ContractError::NotPassed {
            proposal_id,
            status,
        }
    );
    ensure!(
        env.block.time >= proposal.executable_at,
        ContractError::TimelockNotOver {
            proposal_id,
            executable_at: proposal.executable_at,
        }
    );
    proposal.status = Status::Executed;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    let run = WasmMsg::Execute {
        contract_addr: env.contract.address.to_string(),
        msg: to_json_binary(&ExecuteMsg::RunProposal { proposal_id })?,
        funds: vec![],
    };
    Ok(release_deposit(deps.storage, &proposal, true)?
        .add_submessage(SubMsg::reply_on_error(run, proposal_id))
        .add_attribute("action", "execute")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("messages", proposal.msgs.len().to_string()))
}

/// `RunProposal` (the DAO itself): the proposal's messages, then a check that the treasury still
/// covers every labelled fund, the deposits it holds for other proposals included.
pub fn run_proposal(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    proposal_id: u64,
) -> Result<Response, ContractError> {
    assert_self(&env, &info)?;
    let proposal = load(deps.storage, proposal_id)?;
    let check = WasmMsg::Execute {
        contract_addr: env.contract.address.to_string(),
        msg: to_json_binary(&ExecuteMsg::AssertDepositsCovered {})?,
        funds: vec![],
    };
    Ok(Response::new()
        .add_messages(proposal.msgs)
        .add_message(check)
        .add_attribute("action", "run_proposal")
        .add_attribute("proposal_id", proposal_id.to_string()))
}

/// The reply of a failed `RunProposal`: the proposal ends `ExecutionFailed`.
pub fn reply(deps: DepsMut, msg: Reply) -> Result<Response, ContractError> {
    let proposal_id = msg.id;
    let error = match msg.result {
        SubMsgResult::Err(error) => error,
        SubMsgResult::Ok(_) => return Ok(Response::new()),
    };
    let mut proposal = load(deps.storage, proposal_id)?;
    proposal.status = Status::ExecutionFailed;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    Ok(Response::new()
        .add_attribute("action", "execution_failed")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("error", error))
}

/// The cw-ownable message this DAO sends to accept an ownership transfer.
#[cw_serde]
enum OwnableExecuteMsg {
    UpdateOwnership(cw_ownable::Action),
}

/// `AcceptOwnership`: anyone may make the DAO accept ownership offered to it.
pub fn accept_ownership(
    deps: DepsMut,
    info: MessageInfo,
    contract: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let contract = deps.api.addr_validate(&contract)?;
    let msg = WasmMsg::Execute {
        contract_addr: contract.to_string(),
        msg: to_json_binary(&OwnableExecuteMsg::UpdateOwnership(
            cw_ownable::Action::AcceptOwnership,
        ))?,
        funds: vec![],
    };
    Ok(Response::new()
        .add_message(msg)
        .add_attribute("action", "accept_ownership")
        .add_attribute("contract", contract))
}
