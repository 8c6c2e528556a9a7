// Keplr: suggest the configured network, ask the user to connect, and sign with its offline
// signer through CosmJS's SigningCosmWasmClient at the network's gas price. Every way this can
// go wrong ends in a `WalletError` with a message a person can act on.

import type { OfflineSigner } from "@cosmjs/proto-signing";
import type { ChainReader, ChainWriter } from "./chain";
import { cosmjsReader } from "./chain";
import type { KeplrChainInfo, NetworkConfig } from "./config";
import { keplrChainInfo } from "./config";
import { capturingWriter, snapshotReader, testHarness } from "./testHarness";

/** The part of Keplr's `window.keplr` the app uses. */
export interface Keplr {
  experimentalSuggestChain(info: KeplrChainInfo): Promise<void>;
  enable(chainId: string): Promise<void>;
  getOfflineSigner(chainId: string): OfflineSigner;
}

declare global {
  interface Window {
    keplr?: Keplr;
  }
}

export type WalletProblem = "missing" | "rejected" | "no-funds" | "failed";

export class WalletError extends Error {
  constructor(
    readonly problem: WalletProblem,
    message: string,
  ) {
    super(message);
  }
}

export const MESSAGES: Record<WalletProblem, string> = {
  missing: "Keplr is not installed. Install the Keplr browser extension, then reload this page.",
  rejected: "The request was rejected in Keplr. Connect again and approve it to continue.",
  "no-funds": "This account has no {fee} to pay fees. Fund it from the network's faucet first.",
  failed: "Keplr could not connect: {reason}",
};

/** A read-only view of the chain, before any wallet is connected. */
export async function readOnly(network: NetworkConfig): Promise<ChainReader> {
  const test = testHarness();
  if (test) return snapshotReader(test.snapshot);
  // CosmJS's clients are loaded on first use, so the first page renders before them.
  const { CosmWasmClient } = await import("@cosmjs/cosmwasm-stargate");
  return cosmjsReader(await CosmWasmClient.connect(network.rpc));
}

/** The connected account. */
export interface Connection {
  address: string;
  reader: ChainReader;
  writer: ChainWriter;
  /** Its balance of the fee denom; zero means it cannot send anything yet. */
  feeBalance: bigint;
}

const rejected = (e: unknown) => /reject|denied|cancel/i.test(String((e as Error)?.message ?? e));

/** Connects Keplr to `network`. */
export async function connect(network: NetworkConfig): Promise<Connection> {
  const keplr = window.keplr;
  if (!keplr) throw new WalletError("missing", MESSAGES.missing);
  try {
    await keplr.experimentalSuggestChain(keplrChainInfo(network));
    await keplr.enable(network.chain_id);
  } catch (e) {
    if (rejected(e)) throw new WalletError("rejected", MESSAGES.rejected);
    throw new WalletError("failed", MESSAGES.failed.replace("{reason}", String((e as Error)?.message ?? e)));
  }
  const signer = keplr.getOfflineSigner(network.chain_id);
  const [account] = await signer.getAccounts();
  if (!account) throw new WalletError("failed", MESSAGES.failed.replace("{reason}", "no account"));
  const test = testHarness();
  let reader: ChainReader;
  let writer: ChainWriter;
  if (test) {
    reader = snapshotReader(test.snapshot);
    writer = capturingWriter(test, account.address);
  } else {
    const [{ SigningCosmWasmClient }, { GasPrice }] = await Promise.all([
      import("@cosmjs/cosmwasm-stargate"),
      import("@cosmjs/stargate"),
    ]);
    const client = await SigningCosmWasmClient.connectWithSigner(network.rpc, signer, {
      gasPrice: GasPrice.fromString(`${network.gas_price}${network.fee_denom}`),
      // Ask for the transaction every second (CosmJS waits 3 s by default): fast local blocks.
      broadcastPollIntervalMs: 1_000,
    });
    reader = cosmjsReader(client);
    writer = {
      sender: account.address,
      send: async (tx) => {
        try {
          const res = await client.signAndBroadcast(account.address, tx.msgs, "auto", tx.label);
          if (res.code !== 0) throw new Error(res.rawLog ?? `code ${res.code}`);
          return res.transactionHash;
        } catch (e) {
          if (rejected(e)) throw new WalletError("rejected", MESSAGES.rejected);
          throw e;
        }
      },
    };
  }
  const feeBalance = await reader.balance(account.address, network.fee_denom);
  return { address: account.address, reader, writer, feeBalance };
}

/** The warning for an account without fee funds, or `undefined`. */
export function fundsWarning(c: Connection, network: NetworkConfig): string | undefined {
  return c.feeBalance === 0n ? MESSAGES["no-funds"].replace("{fee}", network.fee_symbol) : undefined;
}
