// Compute: the steps of a job after it is posted. The clinic assigns a posted job to a node,
// then accepts a submitted result or disputes it; a node's operator accepts an assignment and
// submits the result, and accepts or declines a challenge, then submits its answer (checked
// against the commitment before signing: a wrong answer fails the challenge at once). Each step
// is offered only where the job's status allows it.

import { useState } from "react";
import { Action } from "../components";
import type { AppCtx } from "../context";
import { needsWallet } from "../context";
import { composers } from "../lib/clients";
import { answerProblem, type ChallengeStep } from "../lib/mining";
import type { Job, Node } from "../generated/ComputeEscrow.types";

const statusIs = (contract: string, jobId: number, status: string) => ({
  contract,
  query: { job: { job_id: jobId } },
  path: "status",
  change: `=${status}`,
});

/** The clinic's step on its job `job`: assign (posted), accept or dispute (submitted). */
export function ClinicJobActions({ ctx, job, nodes }: { ctx: AppCtx; job: Job; nodes: Node[] }) {
  const address = ctx.conn?.address;
  const active = nodes.filter((n) => n.status === "active" && n.spec.hardware_class === job.spec.hardware_class);
  const [nodeId, setNodeId] = useState(active[0]?.id);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  if (!address) return null;
  const send = composers(address, ctx.contracts);
  const escrow = ctx.contracts.escrow;
  if (job.status === "posted") {
    return (
      <span className="action">
        <select
          value={nodeId}
          onChange={(e) => setNodeId(Number(e.target.value))}
          data-testid={`assign-node-${job.id}`}
        >
          {active.map((n) => (
            <option key={n.id} value={n.id}>
              node #{n.id} ({n.spec.region})
            </option>
          ))}
        </select>
        <Action
          label="Assign"
          testId={`assign-${job.id}`}
          disabledReason={
            needsWallet(ctx) ?? (nodeId === undefined ? `No active ${job.spec.hardware_class} node.` : undefined)
          }
          onClick={() =>
            nodeId !== undefined &&
            ctx.send({
              label: `assign job #${job.id} to node #${nodeId}`,
              msgs: [
                send.escrow.assignJob({
                  jobId: job.id,
                  assignments: [{ node_id: nodeId, units: job.spec.compute_units }],
                }),
              ],
              expects: [statusIs(escrow, job.id, "offered")],
            })
          }
        />
      </span>
    );
  }
  if (job.status === "submitted") {
    const dispute = () => {
      setError(undefined);
      const why = reason.trim();
      if (why === "") return setError("Say why you dispute the result.");
      if (new TextEncoder().encode(why).length > 256) return setError("At most 256 bytes.");
      ctx.send({
        label: `dispute job #${job.id}`,
        msgs: [send.escrow.dispute({ jobId: job.id, reason: why })],
        expects: [statusIs(escrow, job.id, "disputed")],
      });
    };
    return (
      <span className="action">
        <Action
          label="Accept result"
          testId={`accept-result-${job.id}`}
          onClick={() =>
            ctx.send({
              label: `accept the result of job #${job.id}`,
              msgs: [send.escrow.acceptResult({ jobId: job.id })],
              expects: [statusIs(escrow, job.id, "paid")],
            })
          }
        />
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Why the result is wrong"
          data-testid={`dispute-reason-${job.id}`}
        />
        <Action label="Dispute" testId={`dispute-${job.id}`} onClick={dispute} />
        {error && (
          <span className="error" role="alert" data-testid={`dispute-error-${job.id}`}>
            {error}
          </span>
        )}
      </span>
    );
  }
  return null;
}

/** The operator's step on a job of its node `node`: accept the assignment, or submit the result.
 * A challenge has its own steps ({@link ChallengeActions}). */
export function NodeJobActions({ ctx, job, node }: { ctx: AppCtx; job: Job; node: Node }) {
  const address = ctx.conn?.address;
  const [hash, setHash] = useState("");
  const [uri, setUri] = useState("");
  const [error, setError] = useState<string>();
  if (!address || job.challenge) return null;
  const send = composers(address, ctx.contracts);
  const escrow = ctx.contracts.escrow;
  if (job.status === "offered" && !job.accepted.includes(node.id)) {
    return (
      <Action
        label="Accept assignment"
        testId={`accept-assignment-${job.id}`}
        onClick={() =>
          ctx.send({
            label: `accept job #${job.id} on node #${node.id}`,
            msgs: [send.escrow.acceptAssignment({ jobId: job.id, nodeId: node.id })],
            expects: [{ contract: escrow, query: { job: { job_id: job.id } }, path: "accepted.length", change: "+1" }],
          })
        }
      />
    );
  }
  if (job.status === "assigned") {
    const submit = () => {
      setError(undefined);
      const h = hash.trim().toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(h)) return setError("The result hash is 64 hex digits (SHA-256).");
      const u = uri.trim();
      if (u === "" || u.length > 256) return setError("Give where the result is (at most 256 bytes).");
      ctx.send({
        label: `submit the result of job #${job.id}`,
        msgs: [send.escrow.submitResult({ jobId: job.id, resultHash: h, resultUri: u })],
        expects: [statusIs(escrow, job.id, "submitted")],
      });
    };
    return (
      <span className="action">
        <input
          value={hash}
          onChange={(e) => setHash(e.target.value)}
          placeholder="sha256 of the result"
          data-testid={`result-hash-${job.id}`}
        />
        <input
          value={uri}
          onChange={(e) => setUri(e.target.value)}
          placeholder="ipfs://…"
          data-testid={`result-uri-${job.id}`}
        />
        <Action label="Submit result" testId={`submit-result-${job.id}`} onClick={submit} />
        {error && (
          <span className="error" role="alert" data-testid={`submit-error-${job.id}`}>
            {error}
          </span>
        )}
      </span>
    );
  }
  return null;
}

/** The operator's step on a challenge to its node `node`: accept or decline it (`decide`), or
 * submit the answer whose SHA-256 is the commitment (`answer`). */
export function ChallengeActions({ ctx, job, node, step }: { ctx: AppCtx; job: Job; node: Node; step: ChallengeStep }) {
  const address = ctx.conn?.address;
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string>();
  if (!address || !job.challenge) return null;
  const send = composers(address, ctx.contracts);
  const escrow = ctx.contracts.escrow;
  if (step === "decide") {
    return (
      <span className="action">
        <Action
          label="Accept challenge"
          testId={`accept-challenge-${job.id}`}
          onClick={() =>
            ctx.send({
              label: `accept challenge #${job.id} on node #${node.id}`,
              msgs: [send.escrow.acceptAssignment({ jobId: job.id, nodeId: node.id })],
              expects: [statusIs(escrow, job.id, "assigned")],
            })
          }
        />
        <Action
          label="Decline"
          testId={`decline-challenge-${job.id}`}
          onClick={() =>
            ctx.send({
              label: `decline challenge #${job.id} on node #${node.id}`,
              msgs: [send.escrow.declineAssignment({ jobId: job.id, nodeId: node.id })],
              expects: [statusIs(escrow, job.id, "refunded")],
            })
          }
        />
      </span>
    );
  }
  const submit = () => {
    const problem = answerProblem(answer, job.challenge!.commitment);
    setError(problem);
    if (problem) return;
    ctx.send({
      label: `answer challenge #${job.id} on node #${node.id}`,
      msgs: [send.escrow.submitResult({ jobId: job.id, resultHash: answer, resultUri: "" })],
      expects: [statusIs(escrow, job.id, "paid")],
    });
  };
  return (
    <span className="action">
      <input
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        placeholder="The challenge's answer"
        data-testid={`challenge-answer-${job.id}`}
      />
      <Action label="Submit answer" testId={`submit-answer-${job.id}`} onClick={submit} />
      {error && (
        <span className="error" role="alert" data-testid={`answer-error-${job.id}`}>
          {error}
        </span>
      )}
    </span>
  );
}
