//! Proposals: made with a BTT deposit through a cw20 `Send`.

use btt_types::asset::Payment;
use btt_types::dao::{
    Proposal, ReceiveMsg, Status, Tally, MAX_DESCRIPTION_LEN, MAX_PROPOSAL_MSGS, MAX_TITLE_LEN,
};
use btt_types::math::Checked;
use btt_types::staking::StakingContract;
use cosmwasm_std::{
    ensure, from_json, Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, Uint128,
};
use cw20::Cw20ReceiveMsg;

use crate::state::{CONFIG, DEPOSITS_HELD, LAST_PROPOSAL_ID, PROPOSALS};
use crate::ContractError;

/// `Receive`: only from BTT; the hook is a proposal.
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = CONFIG.load(deps.storage)?.token;
    let Payment {
        sender: proposer,
        amount,
        ..
    } = Payment::from_hook::<ContractError>(deps.api, &info, &token, &wrapper)?;
    match from_json(&wrapper.msg)? {
        ReceiveMsg::Propose {
            title,
            description,
            msgs,
        } => propose(deps, env, proposer, amount, title, description, msgs),
        ReceiveMsg::Deposit { fund } => {
            crate::treasury::deposit_btt(deps.storage, &proposer, fund, amount)
        }
    }
}

fn propose(
    deps: DepsMut,
    env: Env,
    proposer: Addr,
    sent: Uint128,
    title: String,
    description: String,
    msgs: Vec<CosmosMsg>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        sent == config.deposit,
        ContractError::WrongDeposit {
            expected: config.deposit,
            sent,
        }
    );
    if title.is_empty() || title.len() > MAX_TITLE_LEN {
        return Err(ContractError::InvalidTitle { max: MAX_TITLE_LEN });
    }
    ensure!(
        description.len() <= MAX_DESCRIPTION_LEN,
        ContractError::DescriptionTooLong {
            max: MAX_DESCRIPTION_LEN,
        }
    );
    ensure!(
        msgs.len() <= MAX_PROPOSAL_MSGS,
        ContractError::TooManyMessages {
            max: MAX_PROPOSAL_MSGS,
        }
    );
    // Power at the start of this block: stake added from now on counts zero in this proposal.
    let start_height = env.block.height;
    let total_power =
        StakingContract(config.staking).total_power_at(&deps.querier, start_height)?;
    ensure!(!total_power.is_zero(), ContractError::NoVotingPower);
    let id = LAST_PROPOSAL_ID.load(deps.storage)?.add_checked(1)?;
    LAST_PROPOSAL_ID.save(deps.storage, &id)?;
    let voting_ends_at = env.block.time.plus_seconds(config.voting_period_seconds);
    let proposal = Proposal {
        id,
        proposer,
        title,
        description,
        msgs,
        deposit: sent,
        start_height,
        start_time: env.block.time,
        voting_ends_at,
        executable_at: voting_ends_at.plus_seconds(config.timelock_seconds),
        total_power,
        tally: Tally::default(),
        status: Status::Open,
    };
    PROPOSALS.save(deps.storage, id, &proposal)?;
    DEPOSITS_HELD.update(deps.storage, |held| -> Result<_, ContractError> {
        Ok(held.checked_add(sent)?)
    })?;
    Ok(Response::new()
        .add_attribute("action", "propose")
        .add_attribute("proposal_id", id.to_string())
        .add_attribute("proposer", &proposal.proposer)
        .add_attribute("deposit", sent)
        .add_attribute("start_height", start_height.to_string())
        .add_attribute("total_power", total_power)
        .add_attribute("voting_ends_at", voting_ends_at.seconds().to_string()))
}
