import { createContext, useContext } from "react";
import type { ChainReader, Tx } from "./lib/chain";
import type { Contracts, NetworkConfig } from "./lib/config";
import type { Connection } from "./lib/wallet";

export interface AppCtx {
  network: NetworkConfig;
  contracts: Contracts;
  /** Reads the chain (the connected client, or a read-only one). */
  reader: ChainReader;
  /** The connected account, once Keplr is connected. */
  conn?: Connection;
  /** Changes after every transaction, so pages reload their queries. */
  refreshKey: number;
  /** Signs and sends `tx`; resolves once it is included (or captured, in the browser tests). */
  send(tx: Tx): Promise<void>;
}

export const AppContext = createContext<AppCtx | undefined>(undefined);

export function useApp(): AppCtx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("useApp outside the app");
  return ctx;
}

/** Why an action needs a wallet, or `undefined` once one is connected. */
export function needsWallet(ctx: AppCtx): string | undefined {
  return ctx.conn ? undefined : "Connect Keplr first.";
}
