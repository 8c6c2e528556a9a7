// The generated query clients and message composers, bound to the deployment's addresses.

import { BttTokenQueryClient } from "../generated/BttToken.client";
import { BttVestingQueryClient } from "../generated/BttVesting.client";
import { BttVestingMsgComposer } from "../generated/BttVesting.message-composer";
import { BttStakingQueryClient } from "../generated/BttStaking.client";
import { BttStakingMsgComposer } from "../generated/BttStaking.message-composer";
import { PayfiMsgComposer } from "../generated/Payfi.message-composer";
import { IncentivePointsMsgComposer } from "../generated/IncentivePoints.message-composer";
import { ComputeEscrowMsgComposer } from "../generated/ComputeEscrow.message-composer";
import { DepinRewardsMsgComposer } from "../generated/DepinRewards.message-composer";
import { BttDaoQueryClient } from "../generated/BttDao.client";
import { BttDaoMsgComposer } from "../generated/BttDao.message-composer";
import { BttTokenMsgComposer } from "../generated/BttToken.message-composer";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import { ComputeEscrowQueryClient } from "../generated/ComputeEscrow.client";
import { DepinRewardsQueryClient } from "../generated/DepinRewards.client";
import { IncentivePointsQueryClient } from "../generated/IncentivePoints.client";
import { PayfiQueryClient } from "../generated/Payfi.client";
import { RwaFractionalizerQueryClient } from "../generated/RwaFractionalizer.client";
import { RwaFractionalizerMsgComposer } from "../generated/RwaFractionalizer.message-composer";
import { asClient, type SmartQuerier } from "./chain";
import type { Contracts } from "./config";

/** Query clients of the ten contracts. */
export function queries(reader: SmartQuerier, c: Contracts) {
  const client = asClient(reader);
  return {
    token: new BttTokenQueryClient(client, c.token),
    vesting: new BttVestingQueryClient(client, c.vesting),
    staking: new BttStakingQueryClient(client, c.staking),
    dao: new BttDaoQueryClient(client, c.dao),
    escrow: new ComputeEscrowQueryClient(client, c.escrow),
    depin: new DepinRewardsQueryClient(client, c.depin),
    points: new IncentivePointsQueryClient(client, c.points),
    payfi: new PayfiQueryClient(client, c.payfi),
    vaults: new RwaFractionalizerQueryClient(client, c.vaults),
  };
}

/** Message composers signed by `sender`. */
export function composers(sender: string, c: Contracts) {
  return {
    token: new BttTokenMsgComposer(sender, c.token),
    dao: new BttDaoMsgComposer(sender, c.dao),
    vesting: new BttVestingMsgComposer(sender, c.vesting),
    staking: new BttStakingMsgComposer(sender, c.staking),
    payfi: new PayfiMsgComposer(sender, c.payfi),
    points: new IncentivePointsMsgComposer(sender, c.points),
    escrow: new ComputeEscrowMsgComposer(sender, c.escrow),
    depin: new DepinRewardsMsgComposer(sender, c.depin),
    vaults: new RwaFractionalizerMsgComposer(sender, c.vaults),
  };
}

/** The most items one page of a list query asks for (the contracts clamp at 30). */
export const PAGE = 30;

/** The symbol of a vault's or invoice's asset. */
export function assetSymbol(asset: { cw20: string } | { native: string }): string {
  if ("cw20" in asset) return "BTT";
  const denom = asset.native;
  return denom.startsWith("u") ? denom.slice(1).toUpperCase() : denom.toUpperCase();
}

/** How a payment denom key shows: "btt" is BTT, "uusdc" is USDC, others as they are. */
export function denomSymbol(key: string): string {
  return key === "btt" ? "BTT" : key.startsWith("u") ? key.slice(1).toUpperCase() : key;
}

/** The base64 JSON of a cw20 `Send` hook. */
export function hook(msg: unknown): string {
  return toBase64(toUtf8(JSON.stringify(msg)));
}

/** A `Timestamp` (nanoseconds as a string) in seconds. */
export function seconds(ts: string): number {
  return Number(BigInt(ts) / 1_000_000_000n);
}

/** "3d 4h", "25m" or "0m": a duration for people. */
export function duration(secs: number): string {
  const s = Math.max(0, Math.floor(secs));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m`;
}

/** A unix time in seconds as a date people read (UTC). */
export function date(secs: number): string {
  return new Date(secs * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** Every item of a paginated list query (ascending ids, `PAGE` at a time), at most
 * `maxPages` pages: the contracts clamp each page, so long lists take several queries. */
export async function allPages<T>(
  fetch: (startAfter?: number) => Promise<T[]>,
  idOf: (item: T) => number,
  maxPages = 20,
): Promise<T[]> {
  const all: T[] = [];
  let startAfter: number | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetch(startAfter);
    all.push(...page);
    if (page.length < PAGE) break;
    startAfter = idOf(page[page.length - 1]);
  }
  return all;
}
