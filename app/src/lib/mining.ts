// Mining by capacity (DESIGN §3 "Mining emission"): a node declares GPUs of a hardware class,
// each counting the class's `capacity_weight` units; an oracle's challenge verifies them; the
// units its bond covers count. Challenges are real jobs offered to one node with the SHA-256 of
// the answer committed: the node accepts or declines, then submits the answer itself, and a
// wrong answer fails at once. Capacity units are contract `Decimal`s (18 places), computed here
// exactly in bigint, never in floats.

import { sha256 } from "@cosmjs/crypto";
import { toHex, toUtf8 } from "@cosmjs/encoding";
import type { Job, Node } from "../generated/ComputeEscrow.types";

/** Epochs new capacity takes to count in full in depin-rewards (25/50/75/100%). */
export const WARM_UP_EPOCHS = 4;

const PLACES = 18;
const ONE = 10n ** BigInt(PLACES);

/** A contract `Decimal` ("2.5") in units of 10^-18. */
export function decimalAtomics(decimal: string): bigint {
  const [whole, frac = ""] = decimal.split(".");
  return BigInt(whole || "0") * ONE + BigInt(frac.padEnd(PLACES, "0").slice(0, PLACES) || "0");
}

/** Units of 10^-18 as a contract `Decimal` ("2.5", "8"): exact, no trailing zeros. */
export function decimalOf(atomics: bigint): string {
  const whole = atomics / ONE;
  const frac = (atomics % ONE).toString().padStart(PLACES, "0").replace(/0+$/, "");
  return frac === "" ? whole.toString() : `${whole}.${frac}`;
}

/** Capacity units for people: at most `places` decimals (rounded down), thousands grouped; a
 * field stored before capacity (absent) is 0. */
export function formatCapacity(decimal: string | null | undefined, places = 2): string {
  const atomics = decimalAtomics(decimal ?? "0");
  const step = 10n ** BigInt(PLACES - places);
  const shown = decimalOf((atomics / step) * step);
  const [whole, frac] = shown.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}

/** The capacity a node declares: its GPUs × its class's weight (1 for a class not listed or
 * stored before weights), as compute-escrow's `declared_capacity` computes it. */
export function declaredCapacity(
  spec: { gpu_count: number; hardware_class: string },
  classes: { name: string; capacity_weight?: string | null }[],
): string {
  const weight = classes.find((c) => c.name === spec.hardware_class)?.capacity_weight ?? "1";
  return decimalOf(BigInt(spec.gpu_count) * decimalAtomics(weight));
}

/** ubtt of `capacity` units at `perUnit` ubtt a unit, rounded up (as a challenge's slash is). */
export function bondOfCapacity(capacity: string, perUnit: string): bigint {
  const atomics = decimalAtomics(capacity) * BigInt(perUnit);
  return (atomics + ONE - 1n) / ONE;
}

/** The capacity units a bond covers (`bond / bond_per_capacity_unit`, rounded down); none
 * when no bond per unit is set. */
export function capacityCovered(bond: string, perUnit: string): string {
  const per = BigInt(perUnit);
  return per === 0n ? "0" : decimalOf((BigInt(bond) * ONE) / per);
}

/** The bond a node needs for all of `capacity` to count: the minimum bond, or more. */
export function bondToCover(capacity: string, perUnit: string, minBond: string): bigint {
  const needed = bondOfCapacity(capacity, perUnit);
  const min = BigInt(minBond);
  return needed > min ? needed : min;
}

/** What failing a challenge of `capacity` units slashes from a node bonding `bond`. */
export function challengeStake(capacity: string, perUnit: string, bond: string): bigint {
  const owed = bondOfCapacity(capacity, perUnit);
  const held = BigInt(bond);
  return owed < held ? owed : held;
}

/** Lowercase hex SHA-256 of an answer: what a challenge's `commitment` must equal. */
export function commitmentOf(answer: string): string {
  return toHex(sha256(toUtf8(answer)));
}

/** What the operator does next with a challenge: accept or decline it, or submit its answer. */
export type ChallengeStep = "decide" | "answer";

/** An open challenge to one of the operator's nodes. */
export interface OpenChallenge {
  node: Node;
  job: Job;
  step: ChallengeStep;
}

/** The challenges waiting for the operator, oldest first: offered to one of its nodes and not
 * accepted yet (decide), or accepted and running (answer). Settled ones are not open. */
export function openChallenges(nodeJobs: { node: Node; jobs: Job[] }[]): OpenChallenge[] {
  const open: OpenChallenge[] = [];
  for (const { node, jobs } of nodeJobs) {
    for (const job of jobs) {
      if (!job.challenge) continue;
      if (job.status === "offered" && !job.accepted.includes(node.id)) open.push({ node, job, step: "decide" });
      else if (job.status === "assigned" && job.accepted.includes(node.id)) open.push({ node, job, step: "answer" });
    }
  }
  return open.sort((a, b) => a.job.id - b.job.id);
}

/** Whether `job` is a challenge still waiting for its node. */
export function isOpenChallenge(job: Job): boolean {
  return !!job.challenge && (job.status === "offered" || job.status === "assigned");
}

/** Why an answer cannot be submitted, or `undefined` when it hashes to the commitment. */
export function answerProblem(answer: string, commitment: string): string | undefined {
  if (answer === "") return "Enter the answer.";
  if (toUtf8(answer).length > 256) return "The answer is at most 256 bytes.";
  if (commitmentOf(answer) !== commitment.toLowerCase()) {
    return "This answer does not hash to the challenge's commitment: submitting it would fail the challenge.";
  }
  return undefined;
}
