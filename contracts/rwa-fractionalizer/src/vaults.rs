//! Opening vaults (an NFT in, a shares token out) and the management fee.

use btt_types::asset::{asset_named, Asset};
use btt_types::fee_router::{FeeStream, Payable, Routed};
use btt_types::fractionalizer::{NftHook, SharesInstantiateMsg, Vault, VaultStatus, YEAR_SECONDS};
use btt_types::math::Checked;
use cosmwasm_std::{
    ensure, from_json, to_json_binary, Addr, Decimal256, DepsMut, Env, Event, MessageInfo,
    OverflowError, Reply, Response, StdError, StdResult, Storage, SubMsg, Timestamp, Uint128,
    Uint256, WasmMsg,
};
use cw20::Cw20ExecuteMsg;
use cw721::receiver::Cw721ReceiveMsg;

use crate::income::add_shares;
use crate::state::{
    load_vault, require_status, Config, Holder, BY_SHARES, CONFIG, HOLDERS, PENDING_VAULT, TOTALS,
    VAULTS,
};
use crate::ContractError;

/// Reply id of a shares token's instantiation.
pub const REPLY_SHARES: u64 = 1;
/// Most shares a vault may have (shares have 0 decimals).
pub const MAX_SHARES: u128 = 1_000_000_000_000_000;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidVault {
        reason: reason.into(),
    }
}

/// `ReceiveNft`: an rwa-nft arrived; open a vault and instantiate its shares token.
pub fn fractionalize(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw721ReceiveMsg,
) -> Result<Response, ContractError> {
    btt_types::circuit::ensure_open(deps.storage)?;
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    ensure!(
        info.sender == config.nft,
        ContractError::UnknownNft {
            expected: config.nft,
            got: info.sender,
        }
    );
    let depositor = deps.api.addr_validate(&wrapper.sender)?;
    let NftHook::Fractionalize {
        shares,
        symbol,
        denom,
        reserve_price,
        curator,
    } = from_json(&wrapper.msg)?;
    if shares.is_zero() || shares.u128() > MAX_SHARES {
        return Err(invalid("shares must be 1 to 10^15"));
    }
    ensure!(
        !reserve_price.is_zero(),
        invalid("the reserve price must be greater than zero")
    );
    let asset = asset_named(&denom, &config.token, &config.native_denoms)?;
    let curator = match curator {
        Some(c) => deps.api.addr_validate(&c)?,
        None => depositor.clone(),
    };
    let mut totals = TOTALS.load(deps.storage)?;
    totals.vaults = totals.vaults.add_checked(1)?;
    TOTALS.save(deps.storage, &totals)?;
    let id = totals.vaults;
    let vault = Vault {
        id,
        token_id: wrapper.token_id.clone(),
        depositor: depositor.clone(),
        curator,
        shares_token: env.contract.address.clone(),
        supply: shares,
        shares_issued: shares,
        asset,
        initial_reserve: reserve_price,
        management_fee: config.fees.management,
        fee_checkpoint: env.block.time,
        fee_carry: Decimal256::zero(),
        fee_minted: Uint128::zero(),
        status: VaultStatus::Active,
        income_index: Decimal256::zero(),
        income_deposited: Uint128::zero(),
        income_credited: Decimal256::zero(),
        income_paid: Uint128::zero(),
        signalled_shares: Uint128::zero(),
        signal_weight: Uint256::zero(),
        proceeds_left: Uint128::zero(),
        featured_until: None,
        created: env.block.time,
    };
    PENDING_VAULT.save(deps.storage, &vault)?;
    let admin = cw_ownable::get_ownership(deps.storage)?
        .owner
        .map(|o| o.into_string());
    let init = WasmMsg::Instantiate {
        admin,
        code_id: config.shares_code_id,
        msg: to_json_binary(&SharesInstantiateMsg {
            name: format!("BTT RWA vault {id} shares"),
            symbol,
            holder: depositor.to_string(),
            supply: shares,
        })?,
        funds: vec![],
        label: format!("btt-rwa-vault-{id}-shares"),
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(init, REPLY_SHARES))
        .add_attribute("action", "fractionalize")
        .add_attribute("vault_id", id.to_string())
        .add_attribute("token_id", wrapper.token_id)
        .add_attribute("depositor", depositor)
        .add_attribute("shares", shares))
}

/// The address in the `instantiate` event of a reply.
fn instantiated_address(reply: &Reply) -> Result<Addr, ContractError> {
    let res = reply
        .result
        .clone()
        .into_result()
        .map_err(StdError::generic_err)?;
    res.events
        .iter()
        .filter(|e| e.ty == "instantiate")
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == "_contract_address")
        .map(|a| Addr::unchecked(a.value.clone()))
        .ok_or_else(|| StdError::generic_err("no instantiated contract in the reply").into())
}

/// The shares token exists: record it and the depositor's shares.
pub fn shares_created(deps: DepsMut, reply: Reply) -> Result<Response, ContractError> {
    let mut vault = PENDING_VAULT
        .may_load(deps.storage)?
        .ok_or(ContractError::NoPendingVault)?;
    PENDING_VAULT.remove(deps.storage);
    vault.shares_token = deps
        .api
        .addr_validate(instantiated_address(&reply)?.as_str())?;
    BY_SHARES.save(deps.storage, &vault.shares_token, &vault.id)?;
    let holder = Holder {
        shares: vault.supply,
        ..Holder::default()
    };
    HOLDERS.save(deps.storage, (vault.id, &vault.depositor), &holder)?;
    VAULTS.save(deps.storage, vault.id, &vault)?;
    Ok(Response::new()
        .add_attribute("action", "shares_created")
        .add_attribute("vault_id", vault.id.to_string())
        .add_attribute("shares_token", vault.shares_token))
}

/// Fee shares accrued since the checkpoint (exact), while the vault is active.
pub fn fee_accrued(vault: &Vault, now: Timestamp) -> Result<Decimal256, OverflowError> {
    if vault.status != VaultStatus::Active {
        return Ok(vault.fee_carry);
    }
    let dt = now.seconds().saturating_sub(vault.fee_checkpoint.seconds());
    let numerator = Uint256::from(vault.shares_issued)
        .checked_mul(Uint256::from(vault.management_fee.0))?
        .checked_mul(Uint256::from(dt))?;
    let denominator = Uint256::from(10_000u64).checked_mul(Uint256::from(YEAR_SECONDS))?;
    vault
        .fee_carry
        .checked_add(Decimal256::from_ratio(numerator, denominator))
}

/// The mints of an accrued management fee, with the protocol part's `fee_routed` event.
#[derive(Default)]
pub struct Accrued {
    /// One mint per payee with a non-zero part.
    pub mints: Vec<WasmMsg>,
    /// The protocol part's event, when there is one.
    pub event: Option<Event>,
}

impl Accrued {
    /// `res` with the mints and the event.
    pub fn add_to(self, res: Response) -> Response {
        let res = res.add_messages(self.mints);
        match self.event {
            Some(e) => res.add_event(e),
            None => res,
        }
    }
}

/// Mints the whole fee shares accrued so far: the protocol's part (`management_protocol` of
/// all fee shares minted ever, so collecting often gains or loses nobody anything) through the
/// management stream to the development fund, foundation and reserve (each carrying its
/// remainder below a share, so collecting often starves none of them), the rest to the
/// curator. Fee shares are shares: each recipient's holding and income index are settled.
///
/// With `curator_redeems` the curator's own part is not minted: the curator is taking the NFT
/// out with every share in the same breath, so its part would be burned as it is minted. It
/// still counts as minted for the protocol's running part.
pub fn accrue_fee(
    storage: &mut dyn Storage,
    config: &Config,
    vault: &mut Vault,
    now: Timestamp,
) -> Result<Accrued, ContractError> {
    accrue(storage, config, vault, now, false)
}

/// [`accrue_fee`], the curator's own part left unminted when `curator_redeems`.
pub fn accrue(
    storage: &mut dyn Storage,
    config: &Config,
    vault: &mut Vault,
    now: Timestamp,
    curator_redeems: bool,
) -> Result<Accrued, ContractError> {
    let owed = fee_accrued(vault, now)?;
    vault.fee_checkpoint = now;
    let minted: Uint128 = owed
        .to_uint_floor()
        .try_into()
        .map_err(|_| StdError::generic_err("fee overflow"))?;
    vault.fee_carry = owed.checked_sub(Decimal256::from_ratio(minted, 1u128))?;
    if minted.is_zero() {
        return Ok(Accrued::default());
    }
    // The protocol's part of everything minted so far, rounded down once, less what it had.
    let rate = config.fees.management_protocol;
    let total = vault.fee_minted.checked_add(minted)?;
    let protocol = rate.of(total).checked_sub(rate.of(vault.fee_minted))?;
    vault.fee_minted = total;
    let mut accrued = Accrued::default();
    let routed = if protocol.is_zero() {
        Routed::default()
    } else {
        let asset = Asset::Cw20(vault.shares_token.clone());
        let unpayable = Payable {
            burn: false,
            stake: false,
        };
        let (split, event) = config.fee_routing.allot(
            storage,
            FeeStream::Management,
            &asset,
            unpayable,
            protocol,
        )?;
        accrued.event = Some(event);
        split.routed
    };
    let payees = &config.fee_routing.payees;
    let curator = vault.curator.clone();
    let curator_part = if curator_redeems {
        Uint128::zero()
    } else {
        minted.checked_sub(protocol)?
    };
    let parts = [
        (curator, curator_part),
        (payees.development_fund.clone(), routed.development_fund),
        (payees.foundation.clone(), routed.foundation),
        (payees.reserve.clone(), routed.reserve),
    ];
    for (to, amount) in parts.iter().filter(|(_, a)| !a.is_zero()) {
        add_shares(storage, vault, to, *amount)?;
        vault.supply = vault.supply.checked_add(*amount)?;
        accrued.mints.push(mint_msg(vault, to, *amount)?);
    }
    Ok(accrued)
}

fn mint_msg(vault: &Vault, to: &Addr, amount: Uint128) -> StdResult<WasmMsg> {
    Ok(WasmMsg::Execute {
        contract_addr: vault.shares_token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Mint {
            recipient: to.to_string(),
            amount,
        })?,
        funds: vec![],
    })
}

/// `CollectFees`: anyone mints the accrued management fee to the curator and the protocol.
pub fn collect_fees(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    vault_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut vault = load_vault(deps.storage, vault_id)?;
    require_status(&vault, &[VaultStatus::Active], "active")?;
    let before = vault.supply;
    let config = CONFIG.load(deps.storage)?;
    let accrued = accrue_fee(deps.storage, &config, &mut vault, env.block.time)?;
    VAULTS.save(deps.storage, vault_id, &vault)?;
    Ok(accrued
        .add_to(Response::new())
        .add_attribute("action", "collect_fees")
        .add_attribute("vault_id", vault_id.to_string())
        .add_attribute("curator", &vault.curator)
        .add_attribute("minted", vault.supply.checked_sub(before)?))
}
