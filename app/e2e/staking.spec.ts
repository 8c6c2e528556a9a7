import { captured, connectWallet, expect, openApp, saveCaptured, snapshot, test } from "./fixtures";

test("a staker sees lock multipliers, stakes with a lock, and locked stakes say when they unlock", async ({ page }) => {
  await openApp(page, "#/staking", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  await expect(page.getByTestId("stake")).toContainText("2.5×");
  await expect(page.getByTestId("fee-tier")).toContainText("discount, priority");
  const locked = page.locator("[data-testid^=unbond-]").first();
  await expect(locked).toBeDisabled();
  await expect(page.getByTestId("your-stake")).toContainText("Locked for");
  await expect(page.getByTestId("claim-unbonded")).toBeDisabled();

  await page.getByTestId("tier-2").check();
  await page.getByTestId("stake-amount").fill("100000000");
  await page.getByTestId("stake-submit").click();
  await expect(page.getByTestId("stake-amount-error")).toContainText("More than your balance");
  await page.getByTestId("stake-amount").fill("0");
  await page.getByTestId("stake-submit").click();
  await expect(page.getByTestId("stake-amount-error")).toHaveText("The amount must be more than 0.");
  expect(await captured(page)).toHaveLength(0);
  await page.getByTestId("stake-amount").fill("100");
  await page.getByTestId("stake-submit").click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  const txs = await captured(page);
  expect(txs[0].label).toBe("stake 100.000000 BTT with the 6 months lock");
  saveCaptured("staking-stake-with-lock", txs);
});

test("a staker unbonds a stake without a lock, claims a matured unbonding and claims rewards", async ({ page }) => {
  await openApp(page, "#/staking", { actor: "bitwave-protocol-labs" });
  await connectWallet(page);
  const [open] = snapshot.ids.stakes;
  await expect(page.getByTestId(`unbond-${open}`)).toBeEnabled();
  await page.getByTestId(`unbond-${open}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`unbond stake #${open}: sent`);
  await expect(page.getByTestId("claims")).toContainText("500.000000 BTT claimable");
  await page.getByTestId("claim-unbonded").click();
  await expect(page.getByTestId("tx-status")).toContainText("claim unbonded: sent");
  await expect(page.getByTestId("staking-rewards")).toContainText("102.557012 BTT");
  await page.getByTestId("claim-rewards").click();
  await expect(page.getByTestId("tx-status")).toContainText("claim staking rewards: sent");
  const txs = await captured(page);
  expect(txs.map((t) => t.label)).toEqual([`unbond stake #${open}`, "claim unbonded", "claim staking rewards"]);
  saveCaptured("staking-unbond-claim-unbonded-and-rewards", txs);
});
