import { captured, connectWallet, expect, openApp, saveCaptured, snapshot, test } from "./fixtures";

const { vault_id, listing_id } = snapshot.ids;

test("a patient buys listed shares at the quoted price", async ({ page }) => {
  await openApp(page, "#/assets", { actor: "patient-alice" });
  await connectWallet(page);
  await expect(page.getByTestId(`holding-${vault_id}`)).toContainText("You hold 100,000 shares");
  await expect(page.getByTestId(`buy-${listing_id}`)).toBeDisabled();
  await page.getByTestId(`buy-shares-${listing_id}`).fill("1.5");
  await page.getByTestId(`buy-quote-${listing_id}`).click();
  await expect(page.getByTestId(`buy-error-${listing_id}`)).toHaveText("A number of shares must be a whole number.");
  await page.getByTestId(`buy-shares-${listing_id}`).fill("999999999");
  await page.getByTestId(`buy-quote-${listing_id}`).click();
  await expect(page.getByTestId(`buy-error-${listing_id}`)).toContainText("are listed");
  await page.getByTestId(`buy-shares-${listing_id}`).fill(String(snapshot.inputs.buy_shares));
  await page.getByTestId(`buy-quote-${listing_id}`).click();
  await expect(page.getByTestId(`buy-total-${listing_id}`)).toContainText("USDC");
  await page.getByTestId(`buy-${listing_id}`).click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("assets-buy-shares", await captured(page));
});

test("a bid below the reserve is refused in the page; one at the reserve starts the buyout", async ({ page }) => {
  await openApp(page, "#/assets", { actor: "patient-alice" });
  await connectWallet(page);
  await expect(page.getByTestId(`buyout-${vault_id}`)).toContainText("a bid at the reserve price starts one");
  await page.getByTestId(`bid-amount-${vault_id}`).fill("49999.999999");
  await page.getByTestId(`bid-${vault_id}`).click();
  await expect(page.getByTestId(`bid-error-${vault_id}`)).toContainText("The lowest bid now is 50,000.000000 USDC");
  await page.getByTestId(`bid-amount-${vault_id}`).fill("50000");
  await page.getByTestId(`bid-${vault_id}`).click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("assets-bid", await captured(page));
});
