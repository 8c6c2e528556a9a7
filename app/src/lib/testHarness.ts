// The browser tests' side door (e2e/): when Playwright injects `window.__BTT_TEST__`, the app
// reads the chain from the main job's embedded-chain snapshot and hands every transaction to
// `capture` instead of broadcasting it. Nothing here runs in production.

import type { ChainReader, ChainWriter, ExecuteJson, Expectation } from "./chain";
import { executeJson } from "./chain";
import { stableJson } from "./stableJson";
import type { Manifest, NetworkConfig } from "./config";

/** What `btt-economy --app-snapshot` writes. */
export interface Snapshot {
  network: NetworkConfig;
  manifest: Manifest;
  block: { height: number; time: number };
  /** Actor name → address. */
  actors: Record<string, string>;
  /** Address → denom → amount. */
  balances: Record<string, Record<string, string>>;
  /** Contract address → stable JSON of the query → answer. */
  queries: Record<string, Record<string, unknown>>;
  /** What the state set up for the pages to act on. */
  ids: {
    proposal_id: number;
    passed_id: number;
    vault_id: number;
    listing_id: number;
    invoice_ids: number[];
    payment_id: number;
    stakes: number[];
    jobs: { posted: number; offered: number; assigned: number; submitted: number[] };
  };
  /** What the browser tests type into the forms. */
  inputs: Record<string, unknown>;
}

/** One captured transaction. */
export interface Captured {
  label: string;
  msgs: ExecuteJson[];
  expects: Expectation[];
}

export interface TestHarness {
  snapshot: Snapshot;
  capture(tx: Captured): void;
}

declare global {
  interface Window {
    __BTT_TEST__?: TestHarness;
  }
}

export function testHarness(): TestHarness | undefined {
  return window.__BTT_TEST__;
}

/** Queries answered from the snapshot; a query it lacks is an error the page shows. */
export function snapshotReader(s: Snapshot): ChainReader {
  return {
    queryContractSmart: async (address, msg) => {
      const answers = s.queries[address];
      const key = stableJson(msg);
      if (!answers || !(key in answers)) {
        throw new Error(`query not in the snapshot: ${address} ${key}`);
      }
      return answers[key];
    },
    balance: async (address, denom) => BigInt(s.balances[address]?.[denom] ?? "0"),
    block: async () => s.block,
  };
}

/** A writer that captures instead of broadcasting. */
export function capturingWriter(h: TestHarness, sender: string): ChainWriter {
  let n = 0;
  return {
    sender,
    send: async (tx) => {
      h.capture({ label: tx.label, msgs: executeJson(tx.msgs), expects: tx.expects });
      n += 1;
      return `CAPTURED${n.toString().padStart(4, "0")}`;
    },
  };
}
