import type { Job, Node } from "../src/generated/ComputeEscrow.types";
import { formatAmount } from "../src/lib/amount";
import { bondToCover, declaredCapacity, formatCapacity, openChallenges } from "../src/lib/mining";
import { answerOf, captured, connectWallet, expect, openApp, saveCaptured, snapshot, test } from "./fixtures";

const job = snapshot.inputs.job;
const escrowConfig = answerOf("compute-escrow", { config: {} });
const nodes: Node[] = answerOf("compute-escrow", { nodes: { limit: 30 } }).nodes;

/** The snapshot's nodes of `actor`, with their jobs (one page each, as the tour has). */
function nodesOf(actor: string): { node: Node; jobs: Job[] }[] {
  return nodes
    .filter((n) => n.operator === snapshot.actors[actor])
    .map((node) => ({
      node,
      jobs: answerOf("compute-escrow", { jobs_by_node: { node_id: node.id, limit: 30 } }).jobs,
    }));
}

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
  await expect(page.getByTestId("node-bond-min")).toContainText(`at least ${formatAmount(escrowConfig.min_bond)} BTT`);
  const declared = declaredCapacity({ gpu_count: 8, hardware_class: "gpu-standard" }, escrowConfig.hardware_classes);
  const cover = bondToCover(declared, escrowConfig.bond_per_capacity_unit, escrowConfig.min_bond);
  await expect(page.getByTestId("node-bond-cover")).toHaveText(
    `${formatCapacity(declared)} capacity units declared: a bond of ${formatAmount(cover)} BTT covers them all.`,
  );
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

test("an operator sees its node's capacity declared, verified, counted and effective, and claims its rewards", async ({
  page,
}) => {
  await openApp(page, "#/compute", { actor: "bitwave-protocol-labs" });
  await connectWallet(page);
  const [{ node }] = nodesOf("bitwave-protocol-labs");
  const mining = answerOf("depin-rewards", { node: { node_id: node.id } });
  const pending = answerOf("depin-rewards", { pending: { node_id: node.id } });
  const declared = formatCapacity(declaredCapacity(node.spec, escrowConfig.hardware_classes));
  await expect(page.getByTestId(`declared-${node.id}`)).toHaveText(declared);
  await expect(page.getByTestId(`verified-${node.id}`)).toHaveText(formatCapacity(node.verified_capacity));
  await expect(page.getByTestId(`counted-${node.id}`)).toHaveText(formatCapacity(node.counted_capacity));
  await expect(page.getByTestId(`effective-${node.id}`)).toHaveText(formatCapacity(mining.effective_capacity));
  if (mining.capacity.confirmed != null) {
    await expect(page.getByTestId(`capacity-note-${node.id}`)).toContainText(
      `confirmed in epoch ${mining.capacity.confirmed}`,
    );
  }
  await expect(page.getByTestId(`claimable-${node.id}`)).toHaveText(`${formatAmount(pending.amount)} BTT`);
  const locks: { unlocks_after: number; amount: string }[] = mining.locked;
  if (locks.length === 0) await expect(page.getByTestId(`locked-${node.id}`)).toHaveText("none");
  for (const lock of locks) {
    await expect(page.getByTestId(`locked-${node.id}-${lock.unlocks_after}`)).toHaveText(
      `${formatAmount(lock.amount)} BTT until epoch ${lock.unlocks_after} closes`,
    );
  }
  // Every node shows its capacity in the list of nodes too.
  await expect(page.getByTestId(`node-row-${node.id}`)).toContainText(declared);
  await page.getByTestId(`claim-node-${node.id}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`claim mining rewards of node #${node.id}: sent`);
  const txs = await captured(page);
  expect(txs).toHaveLength(1);
  expect(txs[0].msgs).toEqual([expect.objectContaining({ msg: { claim: { node_id: node.id } } })]);
  saveCaptured("compute-claim-mining-rewards", txs);
});

test("an operator sees the challenges open for its nodes, and no challenge among its other jobs", async ({ page }) => {
  await openApp(page, "#/compute", { actor: "bitwave-protocol-labs" });
  await connectWallet(page);
  const mine = nodesOf("bitwave-protocol-labs");
  const open = openChallenges(mine);
  await expect(page.getByTestId("challenges")).toBeVisible();
  if (open.length === 0) {
    await expect(page.getByTestId("challenges")).toContainText("No challenge waits for your nodes.");
  }
  for (const { job, node, step } of open) {
    const row = page.getByTestId(`challenge-${job.id}`);
    await expect(row).toContainText(`#${node.id}`);
    await expect(row).toContainText(formatCapacity(job.challenge!.capacity));
    await expect(row).toContainText(job.challenge!.by_oracle ? "oracle" : "bounty");
    await expect(page.getByTestId(`node-job-${job.id}`)).toHaveCount(0);
    if (step === "decide") {
      await expect(page.getByTestId(`accept-challenge-${job.id}`)).toBeEnabled();
      await expect(page.getByTestId(`decline-challenge-${job.id}`)).toBeEnabled();
    } else {
      // A wrong answer would fail the challenge and slash the bond: refused before signing.
      await page.getByTestId(`challenge-answer-${job.id}`).fill("not the answer");
      await page.getByTestId(`submit-answer-${job.id}`).click();
      await expect(page.getByTestId(`answer-error-${job.id}`)).toContainText(
        "does not hash to the challenge's commitment",
      );
    }
  }
  expect(await captured(page)).toHaveLength(0);
});

test("an operator accepts one challenge, declines another and answers a third, checked against its commitment", async ({
  page,
}) => {
  // The tour's challenges to node #1 (snapshot.ids.challenges) and the answer of the accepted one.
  const challenges: { offered: number[]; accepted: number } | undefined = snapshot.ids.challenges;
  test.skip(!challenges, "the snapshot's tour posts no challenge (btt-economy app_state)");
  const { offered, accepted } = challenges!;
  await openApp(page, "#/compute", { actor: "bitwave-protocol-labs" });
  await connectWallet(page);
  await page.getByTestId(`accept-challenge-${offered[0]}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`accept challenge #${offered[0]} on node #1: sent`);
  await page.getByTestId(`decline-challenge-${offered[1]}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`decline challenge #${offered[1]} on node #1: sent`);
  await page.getByTestId(`challenge-answer-${accepted}`).fill(`${snapshot.inputs.challenge_answer} `);
  await page.getByTestId(`submit-answer-${accepted}`).click();
  await expect(page.getByTestId(`answer-error-${accepted}`)).toContainText(
    "does not hash to the challenge's commitment",
  );
  await page.getByTestId(`challenge-answer-${accepted}`).fill(snapshot.inputs.challenge_answer);
  await page.getByTestId(`submit-answer-${accepted}`).click();
  await expect(page.getByTestId("tx-status")).toContainText(`answer challenge #${accepted} on node #1: sent`);
  const txs = await captured(page);
  expect(txs).toHaveLength(3);
  saveCaptured("compute-accept-decline-and-answer-challenges", txs);
});
