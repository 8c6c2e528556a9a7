// The live browser tests' setup: the app pointed at the local chain (deploy/networks/local.json
// and out/manifest-local.json), and window.keplr backed by a real signer. The page's offline
// signer hands each SignDoc to Node (page.exposeFunction), where CosmJS's
// DirectSecp256k1HdWallet signs it with the actor's test mnemonic from
// deploy/localnet/accounts.json; the app broadcasts the signed transaction to the node itself.

import { test as base, expect, type Page } from "@playwright/test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { fromBase64 } from "@cosmjs/encoding";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const json = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8"));

export const network = json("deploy/networks/local.json");
export const manifest = json("out/manifest-local.json");
/** What the Rust live tests left open: a listing, its vault, an invoice to patient-bob, and the
 * last job id they used (jobs and challenges). */
export const left: { vault_id: number; listing_id: number; invoice_id: number; last_job_id: number } =
  json("out/live-state.json");
const accounts: { name: string; address: string; mnemonic: string }[] = json("deploy/localnet/accounts.json").accounts;

/** The local test account `name`. */
export function account(name: string) {
  const a = accounts.find((x) => x.name === name);
  if (!a) throw new Error(`no local account ${name}`);
  return a;
}

/** The vesting schedule id of an allocation category in the manifest. */
export function scheduleOf(category: string): number {
  const row = manifest.genesis.allocation.find((r: { category: string }) => r.category === category);
  if (!row?.schedule_id) throw new Error(`no schedule for ${category}`);
  return row.schedule_id;
}

/** Opens the app at `hash` with Keplr signing as the local account `actor`, and connects. */
export async function openLive(page: Page, hash: string, actor: string) {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(account(actor).mnemonic, { prefix: network.bech32_prefix });
  const [acct] = await wallet.getAccounts();
  await page.route("**/config/network.json", (r) => r.fulfill({ json: network }));
  await page.route("**/config/manifest.json", (r) => r.fulfill({ json: manifest }));
  await page.exposeFunction("__liveAccount", () => ({ address: acct.address, pubkey: Array.from(acct.pubkey) }));
  await page.exposeFunction(
    "__liveSign",
    async (doc: { bodyBytes: string; authInfoBytes: string; chainId: string; accountNumber: string }) => {
      const signed = await wallet.signDirect(acct.address, {
        bodyBytes: fromBase64(doc.bodyBytes),
        authInfoBytes: fromBase64(doc.authInfoBytes),
        chainId: doc.chainId,
        accountNumber: BigInt(doc.accountNumber),
      });
      return signed.signature;
    },
  );
  await page.addInitScript(() => {
    const w = window as unknown as {
      keplr: unknown;
      __liveAccount: () => Promise<{ address: string; pubkey: number[] }>;
      __liveSign: (doc: unknown) => Promise<unknown>;
    };
    const b64 = (u: Uint8Array) => btoa(Array.from(u, (c) => String.fromCharCode(c)).join(""));
    w.keplr = {
      experimentalSuggestChain: async () => {},
      enable: async () => {},
      getOfflineSigner: () => ({
        getAccounts: async () => {
          const a = await w.__liveAccount();
          return [{ address: a.address, algo: "secp256k1", pubkey: Uint8Array.from(a.pubkey) }];
        },
        signDirect: async (
          _signer: string,
          doc: { bodyBytes: Uint8Array; authInfoBytes: Uint8Array; chainId: string; accountNumber: bigint },
        ) => ({
          signed: doc,
          signature: await w.__liveSign({
            bodyBytes: b64(doc.bodyBytes),
            authInfoBytes: b64(doc.authInfoBytes),
            chainId: doc.chainId,
            accountNumber: doc.accountNumber.toString(),
          }),
        }),
      }),
    };
  });
  await page.goto(`/${hash}`);
  await page.getByTestId("connect").click();
  await expect(page.getByTestId("account")).toBeVisible();
}

/** Waits for the transaction `label` to be included (the app then reloads from the chain). */
export async function included(page: Page, label: string | RegExp) {
  const status = page.getByTestId("tx-status");
  await expect(status).toContainText(label, { timeout: 60_000 });
  await expect(status).toContainText("sent (");
  await expect(status).not.toHaveClass(/error/);
}

export const test = base;
export { expect };
