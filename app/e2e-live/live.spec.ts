// Real transactions from the browser: each test signs with a local test account through the
// Keplr interface, the app broadcasts to the local wasmd node, and the page then shows the new
// state it reads back from the chain. They run in order, after the Rust live tests.

import { account, expect, included, left, openLive, scheduleOf, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("M DAO claims its vested BTT and the page shows the balance from the chain", async ({ page }) => {
  await openLive(page, "#/portfolio", "m-dao");
  const id = scheduleOf("MDao");
  const balance = page.getByTestId("balance");
  await expect(balance.locator(".amount")).toHaveText("0.000000 BTT");
  await page.getByTestId(`claim-${id}`).click();
  await included(page, `claim vesting #${id}`);
  await expect(balance.locator(".amount")).toHaveText(/^[1-9][\d,]*\.\d{6} BTT$/);
});

test("M DAO stakes 100 BTT with the 6-month lock and sees its stake", async ({ page }) => {
  await openLive(page, "#/staking", "m-dao");
  await page.getByTestId("tier-2").check();
  await page.getByTestId("stake-amount").fill("100");
  await page.getByTestId("stake-submit").click();
  await included(page, "stake 100.000000 BTT with the 6 months lock");
  await expect(page.getByTestId("your-stake")).toContainText("100.000000");
  await expect(page.getByTestId("your-stake")).toContainText("Locked for");
});

test("BitHive proposes a grant and votes yes on it while it is open", async ({ page }) => {
  await openLive(page, "#/governance", "bithive");
  await page.getByTestId("proposal-title").fill("A live grant");
  await page.getByTestId("proposal-recipient").fill(account("clinic").address);
  await page.getByTestId("proposal-amount").fill("10");
  await page.getByTestId("proposal-description").fill("Proposed from the browser on the local chain.");
  await page.getByTestId("propose").click();
  await included(page, "create proposal");
  // The proposals the Rust live tests made are #1 and #2; this one is #3.
  const card = page.getByTestId("proposal-3");
  await expect(card.locator(".pill")).toHaveText("open");
  await card.getByRole("button", { name: "Yes" }).click();
  await included(page, "vote yes on proposal #3");
  await expect(card).toContainText(/Yes[^\d]*[1-9]/);
});

test("the clinic quotes a compute job and posts it at the quoted price", async ({ page }) => {
  await openLive(page, "#/compute", "china-digital-healthcare");
  await page.getByTestId("job-class").selectOption("gpu-standard");
  await page.getByTestId("job-units").fill("500");
  await page.getByTestId("job-urgency").selectOption("standard");
  await page.getByTestId("job-data").fill("5");
  await page.getByTestId("job-days").fill("1");
  await page.getByTestId("job-review").fill("1");
  await page.getByTestId("job-quote").click();
  await expect(page.getByTestId("job-price")).toContainText("BTT");
  await page.getByTestId("job-post").click();
  await included(page, "post a standard job of 500 units");
  // The Rust live tests posted a job and two challenges; this is the next, listed from the chain
  // as posted.
  await expect(page.getByTestId(`job-${left.last_job_id + 1}`)).toContainText("posted");
});

test("a patient buys listed shares and holds them", async ({ page }) => {
  await openLive(page, "#/assets", "patient-bob");
  const { listing_id, vault_id } = left;
  await page.getByTestId(`buy-shares-${listing_id}`).fill("1000");
  await page.getByTestId(`buy-quote-${listing_id}`).click();
  await expect(page.getByTestId(`buy-total-${listing_id}`)).toContainText("USDC");
  await page.getByTestId(`buy-${listing_id}`).click();
  await included(page, `buy 1,000 shares of vault #${vault_id}`);
  await expect(page.getByTestId(`holding-${vault_id}`)).toContainText("You hold 1,000 shares");
});

test("a patient pays an invoice in USDC and it shows paid", async ({ page }) => {
  await openLive(page, "#/payments", "patient-bob");
  const id = left.invoice_id;
  const card = page.getByTestId(`invoice-${id}`);
  await expect(card.locator(".pill")).toHaveText("open");
  await page.getByTestId(`pay-amount-${id}`).fill("250");
  await page.getByTestId(`pay-${id}`).click();
  await included(page, `of invoice #${id}`);
  await expect(card.locator(".pill")).toHaveText("paid");
});
