import { captured, connectWallet, expect, openApp, saveCaptured, screenshot, snapshot, test } from "./fixtures";

const open = `proposal-${snapshot.ids.proposal_id}`;

test("proposals show status, tally, quorum and time left; a staker votes yes", async ({ page }) => {
  await openApp(page, "#/governance", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  const card = page.getByTestId(open);
  await expect(card.locator(".pill")).toHaveText("open");
  await expect(card).toContainText("Voting ends in");
  await expect(card.getByTestId(`quorum-${snapshot.ids.proposal_id}`)).toContainText("quorum");
  await expect(card).toContainText("Your power at height");
  await expect(page.locator(".pill.executed").first()).toBeVisible();
  await expect(card.getByRole("button", { name: "Execute" })).toBeDisabled();
  await expect(card).toContainText("Only a passed proposal can be executed.");
  await screenshot(page, "governance");
  await card.getByRole("button", { name: "Yes" }).click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("governance-vote-yes", await captured(page));
});

test("the treasury shows every labelled fund, and a payment names the fund it draws from", async ({ page }) => {
  await openApp(page, "#/governance", { actor: "patient-alice" });
  await expect(page.getByTestId("fund-ecosystem_development")).toContainText("BTT");
  await expect(page.getByTestId("fund-unallocated_reserve")).toContainText("2,310,000");
  await expect(page.getByTestId("fund-deposits_held")).toContainText("BTT");
  await expect(page.getByTestId("proposal-fund")).toHaveValue("ecosystem_development");
});

test("without power at the start height the vote buttons say why they are disabled", async ({ page }) => {
  await openApp(page, "#/governance", { actor: "patient-alice" });
  await connectWallet(page);
  const card = page.getByTestId(open);
  await expect(card.getByRole("button", { name: "Yes" })).toBeDisabled();
  await expect(card).toContainText("You had no voting power at height");
  await expect(page.getByTestId("propose")).toBeDisabled();
  await expect(page.getByTestId("new-proposal")).toContainText("for the deposit");
});

test("bad proposal input is refused in the page, then a good one is signed", async ({ page }) => {
  await openApp(page, "#/governance", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  await page.getByTestId("propose").click();
  await expect(page.getByTestId("new-proposal")).toContainText("Enter a title.");
  await page.getByTestId("proposal-title").fill("Fund a second audit");
  await page.getByTestId("proposal-recipient").fill("cosmwasm1notanaddress");
  await page.getByTestId("proposal-amount").fill("-5");
  await page.getByTestId("propose").click();
  await expect(page.getByTestId("proposal-recipient-error")).toHaveText("Not a valid address.");
  await expect(page.getByTestId("proposal-amount-error")).toHaveText("The amount cannot be negative.");
  await page.getByTestId("proposal-amount").fill("1.1234567");
  await expect(page.getByTestId("proposal-amount-error")).toHaveText("At most 6 decimals.");
  await page.getByTestId("proposal-recipient").fill("");
  await page.getByTestId("proposal-amount").fill("5");
  await page.getByTestId("propose").click();
  await expect(page.getByTestId("proposal-recipient-error")).toHaveText("Enter an address.");
  await page.getByTestId("proposal-amount").fill("");
  expect(await captured(page)).toHaveLength(0);
  await page.getByTestId("proposal-recipient").fill(snapshot.actors["bithive"]);
  await page.getByTestId("proposal-amount").fill("1,000");
  await page.getByTestId("proposal-description").fill("A second audit after the first one's fixes.");
  await page.getByTestId("propose").click();
  await expect(page.getByTestId("tx-status")).toContainText("create proposal: sent");
  const txs = await captured(page);
  expect(txs).toHaveLength(1);
  saveCaptured("governance-create-proposal", txs);
});

test("a passed proposal whose timelock is over is executed by anyone", async ({ page }) => {
  const id = snapshot.ids.passed_id;
  await openApp(page, "#/governance", { actor: "patient-alice" });
  await connectWallet(page);
  const card = page.getByTestId(`proposal-${id}`);
  await expect(card.locator(".pill")).toHaveText("passed");
  await expect(card).toContainText("Executable now.");
  await card.getByRole("button", { name: "Execute" }).click();
  await expect(page.getByTestId("tx-status")).toContainText(`execute proposal #${id}: sent`);
  saveCaptured("governance-execute-passed", await captured(page));
});
