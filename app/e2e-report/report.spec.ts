import { expect, test } from "@playwright/test";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

// BTT_REPORT names the page (default ../out/report.html); BTT_REPORT_SCREENSHOT, where the
// screenshot goes (scripts/report-test.sh writes docs/report.png with --update).
const page_path = resolve(process.env.BTT_REPORT ?? "../out/report.html");
const CHARTS = ["unlock", "emission", "supply", "fees", "stakers", "roi", "mix"];

test("every chart of the report has data and every table has rows", async ({ page }) => {
  expect(existsSync(page_path), `${page_path} exists: run scripts/run.sh first`).toBe(true);
  await page.goto(pathToFileURL(page_path).href);
  await expect(page.getByRole("heading", { name: "BTT living economy" })).toBeVisible();
  for (const name of CHARTS) {
    const figure = page.locator(`figure[data-chart="${name}"]`);
    await expect(figure, `chart ${name}`).toHaveCount(1);
    const points = Number(await figure.getAttribute("data-points"));
    expect(points, `chart ${name} has data points`).toBeGreaterThan(0);
    // Something is drawn: a line, an area or a bar of non-zero size.
    const drawn = await figure.evaluate((f) => {
      const shapes = [...f.querySelectorAll("polyline, polygon, rect")];
      return shapes.some((s) => {
        const box = (s as SVGGraphicsElement).getBBox();
        return s.getAttribute("fill") !== "#ffffff" && (box.width > 1 || box.height > 1);
      });
    });
    expect(drawn, `chart ${name} draws something`).toBe(true);
  }
  // The emission chart's paid line is not flat zero: mining was paid.
  const paid = await page.locator('figure[data-chart="emission"] polyline').nth(1).getAttribute("points");
  const ys = (paid ?? "").split(" ").map((p) => Number(p.split(",")[1]));
  expect(new Set(ys).size, "the paid line moves").toBeGreaterThan(1);
  for (const heading of ["Node returns by scale", "Revenue mix against the paper", "Proposals"]) {
    const table = page.locator(`h2:has-text("${heading}") + table`);
    expect(await table.locator("tr").count(), `${heading} has rows`).toBeGreaterThan(1);
  }
  await page.screenshot({
    path: process.env.BTT_REPORT_SCREENSHOT ?? "test-results/report.png",
    fullPage: false,
  });
});
