import { connectWallet, expect, openApp, snapshot, switchAccount, test } from "./fixtures";

test("without Keplr the app says to install it", async ({ page }) => {
  await openApp(page, "#/portfolio", {});
  await page.getByTestId("connect").click();
  await expect(page.getByTestId("wallet-message")).toHaveText(
    "Keplr is not installed. Install the Keplr browser extension, then reload this page.",
  );
});

test("a rejected connection says so and connects nothing", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "patient-alice", reject: true });
  await page.getByTestId("connect").click();
  await expect(page.getByTestId("wallet-message")).toContainText("rejected in Keplr");
  await expect(page.getByTestId("account")).toHaveCount(0);
});

test("Keplr is offered the chain built from the network config", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "patient-alice" });
  await connectWallet(page);
  const calls = await page.evaluate(() => (window as unknown as { __keplrCalls: unknown[] }).__keplrCalls);
  const suggest = (calls[0] as { suggest: Record<string, any> }).suggest;
  expect(suggest.chainId).toBe(snapshot.network.chain_id);
  expect(suggest.rpc).toBe(snapshot.network.rpc);
  expect(suggest.bech32Config.bech32PrefixAccAddr).toBe("cosmwasm");
  expect(suggest.feeCurrencies[0].coinMinimalDenom).toBe(snapshot.network.fee_denom);
  expect(suggest.feeCurrencies[0].gasPriceStep.low).toBe(Number(snapshot.network.gas_price));
  expect(calls[1]).toEqual({ enable: snapshot.network.chain_id });
  await expect(page.getByTestId("account")).toHaveText(snapshot.actors["patient-alice"]);
});

test("an account without fee funds is told to fund it", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "web3-ventures" });
  await connectWallet(page);
  await expect(page.getByTestId("wallet-message")).toHaveText(
    "This account has no STAKE to pay fees. Fund it from the network's faucet first.",
  );
});

test("switching accounts in Keplr connects the new account", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "patient-alice" });
  await connectWallet(page);
  await expect(page.getByTestId("vesting")).toContainText("No vesting schedules");
  await switchAccount(page, "china-digital-healthcare");
  await expect(page.getByTestId("account")).toHaveText(snapshot.actors["china-digital-healthcare"]);
  await expect(page.getByTestId("vesting")).toContainText("China Digital Healthcare Group");
});
