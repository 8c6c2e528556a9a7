// How pages read the chain and send transactions. In the browser with Keplr these are CosmJS's
// CosmWasmClient and SigningCosmWasmClient; in the browser tests, the test harness injects a
// reader answering from the main job's embedded-chain snapshot and a writer that captures every
// message (e2e/), so a Rust test can replay them on the embedded chain.

import type { EncodeObject } from "@cosmjs/proto-signing";
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromUtf8 } from "@cosmjs/encoding";

/** What the generated query clients need of a client. */
export interface SmartQuerier {
  queryContractSmart(address: string, msg: Record<string, unknown>): Promise<unknown>;
}

/** Reading the chain. */
export interface ChainReader extends SmartQuerier {
  /** A native balance, in the smallest unit. */
  balance(address: string, denom: string): Promise<bigint>;
  /** The latest block: height and time in unix seconds. */
  block(): Promise<{ height: number; time: number }>;
}

/** What a page promises a transaction does, checked when it is replayed on the embedded chain. */
export interface Expectation {
  /** A query before and after the transaction ... */
  contract: string;
  query: Record<string, unknown>;
  /** ... whose answer at this dotted path ... */
  path: string;
  /** ... changes by this much ("+1000000", "-5"), or becomes this value ("=passed"). */
  change: string;
}

/** A transaction the app asks the wallet to sign. */
export interface Tx {
  /** What it is for ("claim vesting"), shown to the user and recorded with the capture. */
  label: string;
  msgs: EncodeObject[];
  /** What it does, as the page said. */
  expects: Expectation[];
}

/** Signing and broadcasting as the connected account. */
export interface ChainWriter {
  sender: string;
  /** Signs and broadcasts; resolves with the transaction hash. */
  send(tx: Tx): Promise<string>;
}

/** A MsgExecuteContract as JSON: what the replay test reads. */
export interface ExecuteJson {
  sender: string;
  contract: string;
  msg: unknown;
  funds: { denom: string; amount: string }[];
}

/** Decodes the messages of a transaction into JSON (only contract executions are sent). */
export function executeJson(msgs: EncodeObject[]): ExecuteJson[] {
  return msgs.map((m) => {
    if (m.typeUrl !== "/cosmwasm.wasm.v1.MsgExecuteContract") {
      throw new Error(`The app sends only contract executions, not ${m.typeUrl}.`);
    }
    const v = m.value as {
      sender: string;
      contract: string;
      msg: Uint8Array;
      funds: { denom: string; amount: string }[];
    };
    return {
      sender: v.sender,
      contract: v.contract,
      msg: JSON.parse(fromUtf8(v.msg)),
      funds: v.funds.map((c) => ({ denom: c.denom, amount: c.amount })),
    };
  });
}

/** CosmJS's client as a reader. */
export function cosmjsReader(client: CosmWasmClient): ChainReader {
  return {
    queryContractSmart: (address, msg) => client.queryContractSmart(address, msg),
    balance: async (address, denom) => BigInt((await client.getBalance(address, denom)).amount),
    block: async () => {
      const b = await client.getBlock();
      return { height: b.header.height, time: Math.floor(Date.parse(b.header.time) / 1000) };
    },
  };
}

/** The reader as the client the generated query clients take. */
export function asClient(reader: SmartQuerier): CosmWasmClient {
  return reader as unknown as CosmWasmClient;
}
