import { captured, connectWallet, expect, openApp, saveCaptured, snapshot, test } from "./fixtures";

const [usdcInvoice, bttInvoice] = snapshot.ids.invoice_ids;

test("a patient pays an invoice in its own denom, never more than is owed", async ({ page }) => {
  await openApp(page, "#/payments", { actor: "patient-alice" });
  await connectWallet(page);
  const card = page.getByTestId(`invoice-${usdcInvoice}`);
  await expect(card).toContainText("250.000000 USDC");
  await page.getByTestId(`pay-amount-${usdcInvoice}`).fill("250.01");
  await page.getByTestId(`pay-${usdcInvoice}`).click();
  await expect(page.getByTestId(`pay-amount-${usdcInvoice}-error`)).toHaveText(
    "More than what is still owed (250.000000).",
  );
  await page.getByTestId(`pay-amount-${usdcInvoice}`).fill("");
  await page.getByTestId(`pay-${usdcInvoice}`).click();
  await expect(page.getByTestId(`pay-amount-${usdcInvoice}-error`)).toHaveText("Enter an amount.");
  expect(await captured(page)).toHaveLength(0);
  await page.getByTestId(`pay-amount-${usdcInvoice}`).fill("250");
  await page.getByTestId(`pay-${usdcInvoice}`).click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("payments-pay-invoice", await captured(page));
});

test("a BTT invoice is paid in USDC at the feeder's rate within a maximum spend", async ({ page }) => {
  await openApp(page, "#/payments", { actor: "patient-alice" });
  await connectWallet(page);
  await page.getByTestId(`pay-amount-${bttInvoice}`).fill("40");
  await page.getByTestId(`pay-with-${bttInvoice}`).selectOption("uusdc");
  await expect(page.getByTestId(`pay-estimate-${bttInvoice}`)).toContainText("costs about 201.500000 USDC");
  await page.getByTestId(`pay-max-${bttInvoice}`).fill("150");
  await page.getByTestId(`pay-${bttInvoice}`).click();
  await expect(page.getByTestId(`pay-error-${bttInvoice}`)).toContainText("raise the maximum spend");
  await page.getByTestId(`pay-max-${bttInvoice}`).fill("205");
  await page.getByTestId(`pay-${bttInvoice}`).click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("payments-pay-converted", await captured(page));
});

test("a provider sees the invoices it issued", async ({ page }) => {
  await openApp(page, "#/payments", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  await expect(page.getByTestId("invoices-issued")).toContainText(`#${usdcInvoice}`);
  await expect(page.getByTestId("settle")).toBeDisabled();
});

test("a provider refunds a payment inside its settlement window", async ({ page }) => {
  await openApp(page, "#/payments", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  const id = snapshot.ids.payment_id;
  await expect(page.getByTestId(`settling-${id}`)).toContainText("30.000000 USDC");
  await page.getByTestId(`refund-${id}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`refund payment #${id}: sent`);
  saveCaptured("payments-refund-inside-the-window", await captured(page));
});

test("a provider issues an invoice, refused in the page until it is complete", async ({ page }) => {
  await openApp(page, "#/payments", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  await page.getByTestId("issue-payer").fill("cosmwasm1notanaddress");
  await page.getByTestId("issue-days").fill("0.5");
  await page.getByTestId("issue-submit").click();
  await expect(page.getByTestId("issue-payer-error")).toHaveText("Not a valid address.");
  await expect(page.getByTestId("issue-days-error")).toHaveText("A number of days must be a whole number.");
  await expect(page.getByTestId("issue-memo-error")).toHaveText("Describe what the invoice is for.");
  await expect(page.getByTestId("issue-amount-error")).toHaveText("Enter an amount.");
  expect(await captured(page)).toHaveLength(0);
  await page.getByTestId("issue-payer").fill(snapshot.actors["patient-alice"]);
  await page.getByTestId("issue-denom").selectOption("uusdc");
  await page.getByTestId("issue-amount").fill("75");
  await page.getByTestId("issue-days").fill("14");
  await page.getByTestId("issue-memo").fill("Follow-up consultation, 2026-12-02");
  await page.getByTestId("issue-submit").click();
  await expect(page.getByTestId("tx-status")).toContainText("issue an invoice of 75.000000 USDC to");
  const txs = await captured(page);
  expect(txs).toHaveLength(1);
  saveCaptured("payments-issue-an-invoice", txs);
});
