// The browser tests' setup: the app served with the main job's embedded-chain snapshot
// (e2e/snapshot.json) as its network, manifest and query answers, a Keplr-compatible test
// wallet as window.keplr, and every transaction the app would broadcast captured. Each test's
// captures are written to test-results/captured/; the teardown checks them against
// e2e/captured.json, which the Rust replay test runs on the embedded chain.

import { test as base, expect, type Page } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stableJson } from "../src/lib/stableJson";

const here = dirname(fileURLToPath(import.meta.url));
export const snapshot = JSON.parse(readFileSync(join(here, "snapshot.json"), "utf8"));
export const capturedDir = join(here, "..", "test-results", "captured");

/** The address of the contract `name` (e.g. "depin-rewards") in the snapshot's manifest. */
export function contractAddress(name: string): string {
  const found = snapshot.manifest.contracts.find((c: { name: string }) => c.name === name);
  if (!found) throw new Error(`no ${name} in the snapshot's manifest`);
  return found.address;
}

/** The snapshot's answer to `query` on the contract `name`, as the page receives it. */
export function answerOf(name: string, query: unknown) {
  const answers = snapshot.queries[contractAddress(name)] ?? {};
  const key = stableJson(query);
  if (!(key in answers)) throw new Error(`the snapshot has no answer to ${name} ${key}`);
  return answers[key];
}

/** How the test wallet behaves. */
export interface WalletOptions {
  /** The actor it signs as (a name of snapshot.actors); none: Keplr is not installed. */
  actor?: string;
  /** Rejects the connection request, as a user pressing "Reject" would. */
  reject?: boolean;
}

/** Opens the app at `hash` with the wallet; returns what the wallet saw. */
export async function openApp(page: Page, hash: string, wallet: WalletOptions) {
  await page.route("**/config/network.json", (r) => r.fulfill({ json: snapshot.network }));
  await page.route("**/config/manifest.json", (r) => r.fulfill({ json: snapshot.manifest }));
  const address = wallet.actor ? snapshot.actors[wallet.actor] : undefined;
  await page.addInitScript(
    ({ snapshot, address, reject }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__captured = [];
      w.__keplrCalls = [];
      w.__BTT_TEST__ = {
        snapshot,
        capture: (tx: unknown) => (w.__captured as unknown[]).push(tx),
      };
      if (!address) return;
      w.__walletAddress = address;
      const calls = w.__keplrCalls as unknown[];
      w.keplr = {
        experimentalSuggestChain: async (info: unknown) => {
          calls.push({ suggest: info });
          if (reject) throw new Error("Request rejected");
        },
        enable: async (chainId: string) => {
          calls.push({ enable: chainId });
        },
        getOfflineSigner: (chainId: string) => ({
          getAccounts: async () => [{ address: w.__walletAddress, algo: "secp256k1", pubkey: new Uint8Array(33) }],
          signDirect: async () => {
            throw new Error(`the test wallet of ${chainId} signs nothing: transactions are captured`);
          },
        }),
      };
    },
    { snapshot, address, reject: wallet.reject ?? false },
  );
  await page.goto(`/${hash}`);
}

/** Switches the test wallet to another actor's account, as a user does in Keplr. */
export async function switchAccount(page: Page, actor: string) {
  await page.evaluate((address) => {
    (window as unknown as Record<string, unknown>).__walletAddress = address;
    window.dispatchEvent(new Event("keplr_keystorechange"));
  }, snapshot.actors[actor]);
}

/** Connects the wallet and waits for the account to show. */
export async function connectWallet(page: Page) {
  await page.getByTestId("connect").click();
  await expect(page.getByTestId("account")).toBeVisible();
}

/** The transactions captured so far on the page. */
export async function captured(page: Page): Promise<{ label: string; msgs: unknown[]; expects: unknown[] }[]> {
  return page.evaluate(() => (window as unknown as { __captured: never[] }).__captured);
}

/** Saves what a test captured, for the teardown's check against e2e/captured.json. */
export function saveCaptured(name: string, txs: unknown[]) {
  mkdirSync(capturedDir, { recursive: true });
  writeFileSync(join(capturedDir, `${name}.json`), JSON.stringify(txs, null, 2) + "\n");
}

/** Screenshots a person looks at: docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(here, "..", "..", "docs", "screenshots", `${name}.png`), fullPage: true });
}

export const test = base.extend<{ noMissingQueries: void }>({
  // Fails any test whose page asked for a query the snapshot lacks.
  noMissingQueries: [
    async ({ page }, use) => {
      await use();
      const missing = await page.getByText("query not in the snapshot").count();
      expect(missing, "queries missing from e2e/snapshot.json").toBe(0);
    },
    { auto: true },
  ],
});
export { expect };
