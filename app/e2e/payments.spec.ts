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
