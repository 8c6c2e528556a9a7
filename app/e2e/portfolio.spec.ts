import { formatAmount } from "../src/lib/amount";
import {
  answerOf,
  captured,
  connectWallet,
  expect,
  openApp,
  saveCaptured,
  screenshot,
  snapshot,
  test,
} from "./fixtures";

const BTT = /^\d{1,3}(,\d{3})*\.\d{6} BTT$/;

test("the clinic sees its BTT and vesting in BTT and claims what has vested", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  const balance = page.getByTestId("balance").locator(".amount");
  await expect(balance).toHaveText(BTT);
  const row = page.locator("[data-testid^=schedule-]").first();
  await expect(row).toContainText("China Digital Healthcare Group");
  const claim = row.getByRole("button", { name: "Claim" });
  await expect(claim).toBeEnabled();
  await screenshot(page, "portfolio");
  await claim.click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  const txs = await captured(page);
  expect(txs).toHaveLength(1);
  expect(txs[0].label).toMatch(/^claim vesting #\d+$/);
  saveCaptured("portfolio-claim-vesting", txs);
});

test("a patient sees points and claims income from an asset vault", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "patient-alice" });
  await connectWallet(page);
  await expect(page.getByTestId("points")).toContainText("points");
  await expect(page.getByTestId("vesting")).toContainText("No vesting schedules");
  const income = page.getByTestId(`income-${snapshot.ids.vault_id}`);
  await expect(income.locator(".amount")).toHaveText(/^\d{1,3}(,\d{3})*\.\d{6} USDC$/);
  await income.getByRole("button", { name: "Claim income" }).click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("portfolio-claim-income", await captured(page));
});

test("before connecting, the portfolio asks for a wallet", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "patient-alice" });
  await expect(page.getByText("Connect Keplr to see your BTT")).toBeVisible();
});

test("a node operator sees the mining rewards claimable and locked for its node and claims them", async ({ page }) => {
  await openApp(page, "#/portfolio", { actor: "bitwave-protocol-labs" });
  await connectWallet(page);
  const pending = answerOf("depin-rewards", { pending: { node_id: 1 } });
  await expect(page.getByTestId("mining")).toContainText(
    /Node #1: \d[\d,]*\.\d{6} BTT claimable, \d[\d,]*\.\d{6} BTT locked/,
  );
  await expect(page.getByTestId("mining-1")).toContainText(
    `${formatAmount(pending.amount)} BTT claimable, ${formatAmount(pending.locked)} BTT locked`,
  );
  await page.getByTestId("claim-mining-1").click();
  await expect(page.getByTestId("tx-status")).toContainText("claim mining rewards of node #1: sent");
  saveCaptured("portfolio-claim-mining-rewards", await captured(page));
});

test("a patient converts points to BTT and redeems points at a partner, refused in the page first", async ({
  page,
}) => {
  await openApp(page, "#/portfolio", { actor: "patient-alice" });
  await connectWallet(page);
  await expect(page.getByTestId("points")).toContainText("250 points");
  await page.getByTestId("convert-points").fill("251");
  await page.getByTestId("convert-submit").click();
  await expect(page.getByTestId("convert-error")).toHaveText("You have 250 points.");
  await page.getByTestId("convert-points").fill("1.5");
  await page.getByTestId("convert-submit").click();
  await expect(page.getByTestId("convert-error")).toHaveText("A number of points must be a whole number.");
  await page.getByTestId("convert-points").fill("100");
  await expect(page.getByTestId("convert-preview")).toContainText("BTT");
  await page.getByTestId("convert-provider").fill("cosmwasm1notanaddress");
  await page.getByTestId("convert-submit").click();
  await expect(page.getByTestId("convert-error")).toHaveText("Not a valid address.");
  await page.getByTestId("convert-provider").fill(String(snapshot.inputs.provider));
  await page.getByTestId("convert-submit").click();
  await expect(page.getByTestId("tx-status")).toContainText("convert 100 points to BTT: sent");

  await page.getByTestId("redeem-partner").fill("cosmwasm1notanaddress");
  await page.getByTestId("redeem-points").fill("50");
  await page.getByTestId("redeem-submit").click();
  await expect(page.getByTestId("redeem-error")).toHaveText("Not a valid address.");
  await page.getByTestId("redeem-partner").fill(String(snapshot.inputs.partner));
  await page.getByTestId("redeem-submit").click();
  await expect(page.getByTestId("tx-status")).toContainText("redeem 50 points at Riverside Pharmacy: sent");
  const txs = await captured(page);
  expect(txs.map((t) => t.label)).toEqual(["convert 100 points to BTT", "redeem 50 points at Riverside Pharmacy"]);
  saveCaptured("portfolio-convert-and-redeem-points", txs);
});
