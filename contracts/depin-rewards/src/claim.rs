//! `Claim`: a node's operator takes what its node earned and is unlocked, in constant work
//! (plus, for epochs closed by code before the two pools, a bounded page of those).

use btt_types::pagination::clamp_limit;
use btt_types::token::TokenContract;
use cosmwasm_std::{ensure, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::epochs::{add_to_carry, close_ended, MAX_CATCH_UP};
use crate::legacy::claimable;
use crate::miners::settle;
use crate::state::{CONFIG, CURSORS, EPOCHS, NODES, OPERATORS, POOL};
use crate::ContractError;

/// `Claim`: closes the ended epochs it can (an exit is never refused for epochs behind), folds
/// the node's last epoch, unlocks what has passed its lock and pays all that is claimable.
pub fn claim(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    node_id: u64,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let operator = OPERATORS
        .may_load(deps.storage, node_id)?
        .ok_or(ContractError::NodeNotFound { node_id })?;
    ensure!(
        operator == info.sender,
        ContractError::NotOperator { node_id }
    );
    let config = CONFIG.load(deps.storage)?;
    let mut pool = POOL.load(deps.storage)?;
    close_ended(
        deps.storage,
        &config,
        &mut pool,
        env.block.time,
        MAX_CATCH_UP,
    )?;
    let release = config.payout.carry_release_epochs;
    // Epochs closed by code before the two pools, a page at a time.
    let legacy = claimable(
        deps.storage,
        node_id,
        clamp_limit(limit),
        config.payout.fee_cap,
        pool.legacy_through,
    )?;
    if let Some(next) = legacy.next {
        CURSORS.save(deps.storage, node_id, &next)?;
        for (epoch, totals) in &legacy.epochs {
            EPOCHS.save(deps.storage, *epoch, totals)?;
        }
        pool.owed = pool.owed.checked_sub(legacy.owed()?)?;
        pool.held_back = pool.held_back.checked_add(legacy.held_back)?;
        let back = legacy.held_back.checked_add(legacy.dust)?;
        let from = pool.closed_through;
        add_to_carry(deps.storage, &mut pool, back, from, release)?;
    }
    let mut node = NODES.may_load(deps.storage, node_id)?.unwrap_or_default();
    settle(
        deps.storage,
        &mut pool,
        &mut node,
        config.payout.lock_epochs,
        release,
    )?;
    let amount = node.claimable.checked_add(legacy.amount)?;
    ensure!(
        !amount.is_zero() || legacy.next.is_some(),
        ContractError::NothingToClaim { node_id }
    );
    node.claimable = Uint128::zero();
    node.claimed = node.claimed.checked_add(amount)?;
    pool.owed = pool.owed.checked_sub(amount.checked_sub(legacy.amount)?)?;
    pool.paid = pool.paid.checked_add(amount)?;
    NODES.save(deps.storage, node_id, &node)?;
    POOL.save(deps.storage, &pool)?;
    let locked: Uint128 = node.locked.iter().map(|l| l.amount).sum();
    let mut res = Response::new()
        .add_attribute("action", "claim")
        .add_attribute("node_id", node_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("locked", locked);
    if !amount.is_zero() {
        res = res.add_message(TokenContract(config.token).transfer_msg(&operator, amount)?);
    }
    Ok(res)
}
