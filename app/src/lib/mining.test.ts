import { describe, expect, it } from "vitest";
import type { Job, Node } from "../generated/ComputeEscrow.types";
import {
  answerProblem,
  bondOfCapacity,
  bondToCover,
  capacityCovered,
  challengeStake,
  commitmentOf,
  decimalAtomics,
  decimalOf,
  declaredCapacity,
  formatCapacity,
  isOpenChallenge,
  openChallenges,
} from "./mining";

const CLASSES = [
  { name: "gpu-standard", unit_price: "10000", capacity_weight: "1" },
  { name: "gpu-high", unit_price: "25000", capacity_weight: "2.5" },
  { name: "legacy", unit_price: "5000" },
];
/** 150 BTT a capacity unit, in ubtt. */
const PER_UNIT = "150000000";

describe("contract decimals", () => {
  it("read and write exactly, to 18 places", () => {
    expect(decimalAtomics("2.5")).toBe(25n * 10n ** 17n);
    expect(decimalAtomics("8")).toBe(8n * 10n ** 18n);
    expect(decimalOf(decimalAtomics("0.000000000000000001"))).toBe("0.000000000000000001");
    expect(decimalOf(decimalAtomics("12.340"))).toBe("12.34");
    expect(decimalOf(0n)).toBe("0");
  });

  it("show capacity with at most two decimals, rounded down, grouped", () => {
    expect(formatCapacity("8")).toBe("8");
    expect(formatCapacity("2.5")).toBe("2.5");
    expect(formatCapacity("3.339")).toBe("3.33");
    expect(formatCapacity("12500.25")).toBe("12,500.25");
    expect(formatCapacity(undefined)).toBe("0");
  });
});

describe("declaredCapacity", () => {
  it("is the GPUs times the class's weight, as the escrow counts it", () => {
    expect(declaredCapacity({ gpu_count: 8, hardware_class: "gpu-standard" }, CLASSES)).toBe("8");
    expect(declaredCapacity({ gpu_count: 3, hardware_class: "gpu-high" }, CLASSES)).toBe("7.5");
  });

  it("counts 1 a GPU for a class stored before weights or not listed", () => {
    expect(declaredCapacity({ gpu_count: 4, hardware_class: "legacy" }, CLASSES)).toBe("4");
    expect(declaredCapacity({ gpu_count: 2, hardware_class: "gone" }, CLASSES)).toBe("2");
  });
});

describe("bonds by capacity", () => {
  it("cover bond / bond per unit units, rounded down", () => {
    expect(capacityCovered("600000000", PER_UNIT)).toBe("4");
    expect(capacityCovered("1000000000", PER_UNIT)).toBe("6.666666666666666666");
    expect(capacityCovered("1000000000", "0")).toBe("0");
  });

  it("cost per unit rounded up, and at least the minimum bond to cover a node", () => {
    expect(bondOfCapacity("7.5", PER_UNIT)).toBe(1_125_000_000n);
    expect(bondOfCapacity("0.000000000000000001", PER_UNIT)).toBe(1n);
    expect(bondToCover("8", PER_UNIT, "600000000")).toBe(1_200_000_000n);
    expect(bondToCover("2", PER_UNIT, "600000000")).toBe(600_000_000n);
  });

  it("put at stake in a challenge the bond behind the capacity tested, capped by the bond", () => {
    expect(challengeStake("2", PER_UNIT, "600000000")).toBe(300_000_000n);
    expect(challengeStake("8", PER_UNIT, "600000000")).toBe(600_000_000n);
  });
});

describe("challenge answers", () => {
  const answer = "segmentation-42";
  const commitment = commitmentOf(answer);

  it("commit to the lowercase hex SHA-256 of the answer", () => {
    expect(commitmentOf("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it("are refused before signing unless they hash to the commitment", () => {
    expect(answerProblem(answer, commitment)).toBeUndefined();
    expect(answerProblem(answer, commitment.toUpperCase())).toBeUndefined();
    expect(answerProblem(`${answer} `, commitment)).toMatch(/does not hash to the challenge's commitment/);
    expect(answerProblem("", commitment)).toBe("Enter the answer.");
    expect(answerProblem("x".repeat(257), commitment)).toBe("The answer is at most 256 bytes.");
  });
});

describe("openChallenges", () => {
  const node = (id: number) => ({ id }) as Node;
  const job = (id: number, status: Job["status"], accepted: number[], challenge = true) =>
    ({
      id,
      status,
      accepted,
      challenge: challenge ? { capacity: "8", commitment: "00".repeat(32), by_oracle: true } : null,
    }) as Job;

  it("lists the challenges to decide and to answer, oldest first, and nothing else", () => {
    const open = openChallenges([
      {
        node: node(1),
        jobs: [
          job(9, "assigned", [1]),
          job(3, "offered", []),
          job(4, "offered", [], false),
          job(5, "paid", [1]),
          job(6, "refunded", []),
        ],
      },
      { node: node(2), jobs: [job(7, "offered", [])] },
    ]);
    expect(open.map((c) => [c.job.id, c.node.id, c.step])).toEqual([
      [3, 1, "decide"],
      [7, 2, "decide"],
      [9, 1, "answer"],
    ]);
  });

  it("knows an open challenge from a settled one or a plain job", () => {
    expect(isOpenChallenge(job(1, "offered", []))).toBe(true);
    expect(isOpenChallenge(job(1, "assigned", [1]))).toBe(true);
    expect(isOpenChallenge(job(1, "paid", [1]))).toBe(false);
    expect(isOpenChallenge(job(1, "offered", [], false))).toBe(false);
  });
});
