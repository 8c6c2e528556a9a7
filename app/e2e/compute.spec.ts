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

test("the clinic assigns a posted job to an active node", async ({ page }) => {
  await openApp(page, "#/compute", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  const id = snapshot.ids.jobs.posted;
  await expect(page.getByTestId(`job-${id}`)).toContainText("posted");
  await page.getByTestId(`assign-node-${id}`).selectOption("1");
  await page.getByTestId(`assign-${id}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`assign job #${id} to node #1: sent`);
  saveCaptured("compute-assign-a-job", await captured(page));
});

test("a node operator accepts an assignment and submits a result, checked in the page", async ({ page }) => {
  await openApp(page, "#/compute", { actor: "bitwave-protocol-labs" });
  await connectWallet(page);
  const { offered, assigned } = snapshot.ids.jobs;
  await expect(page.getByTestId(`node-job-${offered}`)).toContainText("offered");
  await page.getByTestId(`accept-assignment-${offered}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`accept job #${offered} on node #1: sent`);
  await page.getByTestId(`result-hash-${assigned}`).fill("not-a-hash");
  await page.getByTestId(`result-uri-${assigned}`).fill("ipfs://bafy-segmentation");
  await page.getByTestId(`submit-result-${assigned}`).click();
  await expect(page.getByTestId(`submit-error-${assigned}`)).toHaveText("The result hash is 64 hex digits (SHA-256).");
  await page.getByTestId(`result-hash-${assigned}`).fill("c3".repeat(32));
  await page.getByTestId(`submit-result-${assigned}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`submit the result of job #${assigned}: sent`);
  const txs = await captured(page);
  expect(txs).toHaveLength(2);
  saveCaptured("compute-accept-and-submit", txs);
});

test("the clinic accepts one submitted result and disputes another with a reason", async ({ page }) => {
  await openApp(page, "#/compute", { actor: "china-digital-healthcare" });
  await connectWallet(page);
  const [accept, dispute] = snapshot.ids.jobs.submitted;
  await page.getByTestId(`accept-result-${accept}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`accept the result of job #${accept}: sent`);
  await page.getByTestId(`dispute-${dispute}`).click();
  await expect(page.getByTestId(`dispute-error-${dispute}`)).toHaveText("Say why you dispute the result.");
  await page.getByTestId(`dispute-reason-${dispute}`).fill("The segmentation misses the left ventricle.");
  await page.getByTestId(`dispute-${dispute}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`dispute job #${dispute}: sent`);
  const txs = await captured(page);
  expect(txs).toHaveLength(2);
  saveCaptured("compute-accept-and-dispute-results", txs);
});
