import { captured, connectWallet, expect, openApp, saveCaptured, snapshot, test } from "./fixtures";

const job = snapshot.inputs.job;

test("a clinic prices a job spec and posts it at the quoted price", async ({ page }) => {
  await openApp(page, "#/compute", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  await expect(page.getByTestId("job-post")).toBeDisabled();
  await expect(page.getByTestId("post-job")).toContainText("Get a quote first.");
  await page.getByTestId("job-units").fill("-3");
  await page.getByTestId("job-quote").click();
  await expect(page.getByTestId("job-units-error")).toHaveText("Compute units must be a whole number.");
  await page.getByTestId("job-class").selectOption(job.hardware_class);
  await page.getByTestId("job-units").fill(String(job.compute_units));
  await page.getByTestId("job-urgency").selectOption(job.urgency);
  await page.getByTestId("job-data").fill(String(job.data_gb));
  await page.getByTestId("job-days").fill(String(job.run_days));
  await page.getByTestId("job-review").fill(String(job.review_days));
  await page.getByTestId("job-quote").click();
  await expect(page.getByTestId("job-price")).toContainText("BTT");
  await page.getByTestId("job-post").click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("compute-post-job", await captured(page));
});

test("a node registers with a bond of at least the minimum", async ({ page }) => {
  await openApp(page, "#/compute", { actor: "bithive" });
  await connectWallet(page);
  await page.getByTestId("node-region").fill("cn-east");
  await page.getByTestId("node-endpoint").fill("http://insecure.example");
  await page.getByTestId("node-bond").fill("10");
  await page.getByTestId("node-register").click();
  await expect(page.getByTestId("node-endpoint-error")).toHaveText("Enter an https:// endpoint.");
  await expect(page.getByTestId("node-bond-min")).toContainText("at least 10,000.000000 BTT");
  expect(await captured(page)).toHaveLength(0);
  await page.getByTestId("node-endpoint").fill("https://cn-east.gpu.example");
  await page.getByTestId("node-bond").fill("10000");
  await page.getByTestId("node-register").click();
  await expect(page.getByTestId("tx-status")).toContainText("sent");
  saveCaptured("compute-register-node", await captured(page));
});
