// Compute: the price of a job spec (with the clinic's staking discount), posting the job with
// exactly that price, the clinic's jobs with their next step (assign, accept or dispute the
// result); for the operator's nodes their capacity (declared, verified, counted, effective now)
// and mining rewards (claimable, locked until an epoch closes) with a Claim, the challenges
// offered to them (accept or decline, then answer) and their other jobs (accept, submit); and
// registering a node with the bond that covers its capacity.

import { useState } from "react";
import { Action, Amount, Head, AmountInput, Section, Show, useAmountField } from "../components";
import { needsWallet, useApp, type AppCtx } from "../context";
import { formatAmount, formatBps, formatMultiplier, wholeNumber } from "../lib/amount";
import { allPages, assetSymbol, composers, date, hook, PAGE, queries, seconds } from "../lib/clients";
import { useLoad } from "../lib/hooks";
import {
  bondToCover,
  capacityCovered,
  challengeStake,
  decimalAtomics,
  declaredCapacity,
  formatCapacity,
  isOpenChallenge,
  openChallenges,
  WARM_UP_EPOCHS,
} from "../lib/mining";
import { ChallengeActions, ClinicJobActions, NodeJobActions } from "./JobActions";
import type {
  ConfigResponse,
  Job,
  JobSpec,
  Node,
  QuoteResponse,
  Urgency,
  EnergyRating,
} from "../generated/ComputeEscrow.types";
import type { NodeResponse } from "../generated/DepinRewards.types";

const URGENCIES: Urgency[] = ["standard", "priority", "urgent"];
const ENERGY: EnergyRating[] = ["a", "b", "c", "d", "e"];

/** The job form's number fields after the urgency: form key, label, test id. */
const JOB_NUMBERS = [
  ["data_gb", "Data (GB)", "job-data"],
  ["run_days", "Days to run once accepted", "job-days"],
  ["review_days", "Review (days)", "job-review"],
] as const;

export function Compute() {
  const ctx = useApp();
  const address = ctx.conn?.address;
  const q = queries(ctx.reader, ctx.contracts);
  const state = useLoad(async () => {
    const [config, nodes, block] = await Promise.all([
      q.escrow.config(),
      allPages(
        (s) => q.escrow.nodes({ limit: PAGE, startAfter: s }).then((r) => r.nodes),
        (n) => n.id,
      ),
      ctx.reader.block(),
    ]);
    const jobs = address
      ? await allPages(
          (s) => q.escrow.jobsByClinic({ clinic: address, limit: PAGE, startAfter: s }).then((r) => r.jobs),
          (j) => j.id,
        )
      : undefined;
    const balance = address ? (await q.token.balance({ address })).balance : undefined;
    const mine = address ? nodes.filter((n) => n.operator === address) : [];
    const nodeJobs = await Promise.all(
      mine.map(async (node) => ({
        node,
        jobs: await allPages(
          (s) => q.escrow.jobsByNode({ nodeId: node.id, limit: PAGE, startAfter: s }).then((r) => r.jobs),
          (j) => j.id,
        ),
      })),
    );
    return { config, nodes, jobs, nodeJobs, now: block.time, balance };
  }, [address, ctx.refreshKey]);

  return (
    <Show state={state}>
      {(d) => (
        <>
          <PostJob ctx={ctx} config={d.config} balance={d.balance} />
          <Section title="Your jobs" testId="jobs">
            {!d.jobs ? (
              <p className="muted">Connect Keplr to see the jobs you posted.</p>
            ) : d.jobs.length === 0 ? (
              <p className="muted">You have posted no jobs.</p>
            ) : (
              <table>
                <Head columns={["Job", "Class", "Units", "Urgency", "Price", "Deadline", "Status", ""]} />
                <tbody>
                  {[...d.jobs].reverse().map((j) => (
                    <tr key={j.id} data-testid={`job-${j.id}`}>
                      <td>#{j.id}</td>
                      <td>{j.spec.hardware_class}</td>
                      <td>{j.spec.compute_units.toLocaleString("en-US")}</td>
                      <td>{j.spec.urgency}</td>
                      <td>
                        <Amount raw={j.price} symbol={assetSymbol(j.asset)} />
                      </td>
                      <td>{j.deadline ? date(seconds(j.deadline)) : "on acceptance"}</td>
                      <td>
                        <span className="pill">{j.status}</span>
                      </td>
                      <td>
                        <ClinicJobActions ctx={ctx} job={j} nodes={d.nodes} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          {d.nodeJobs.length > 0 && (
            <>
              <MyNodes ctx={ctx} config={d.config} nodes={d.nodeJobs.map((n) => n.node)} />
              <Challenges ctx={ctx} config={d.config} nodeJobs={d.nodeJobs} now={d.now} />
            </>
          )}
          {d.nodeJobs.length > 0 && (
            <Section title="Jobs on your nodes" testId="node-jobs">
              <table>
                <Head columns={["Job", "Node", "Units", "Deadline", "Status", ""]} />
                <tbody>
                  {d.nodeJobs.flatMap(({ node, jobs }) =>
                    [...jobs]
                      .reverse()
                      .filter((j) => !isOpenChallenge(j))
                      .map((j) => (
                        <tr key={`${node.id}-${j.id}`} data-testid={`node-job-${j.id}`}>
                          <td>
                            #{j.id}
                            {j.challenge ? " (challenge)" : ""}
                          </td>
                          <td>#{node.id}</td>
                          <td>{j.assignments.find((a) => a.node_id === node.id)?.units.toLocaleString("en-US")}</td>
                          <td>{j.deadline ? date(seconds(j.deadline)) : "on acceptance"}</td>
                          <td>
                            <span className="pill">{j.status}</span>
                          </td>
                          <td>
                            <NodeJobActions ctx={ctx} job={j} node={node} />
                          </td>
                        </tr>
                      )),
                  )}
                </tbody>
              </table>
            </Section>
          )}
          <RegisterNode ctx={ctx} config={d.config} balance={d.balance} />
          <Section title="Nodes" testId="nodes">
            <table>
              <Head
                columns={["Node", "Class", "GPUs", "Region", "Bond", "Declared", "Verified", "Counted", "Status"]}
              />
              <tbody>
                {d.nodes.map((n) => (
                  <tr key={n.id} data-testid={`node-row-${n.id}`}>
                    <td>
                      #{n.id}
                      {n.operator === address ? " (yours)" : ""}
                    </td>
                    <td>{n.spec.hardware_class}</td>
                    <td>{n.spec.gpu_count}</td>
                    <td>{n.spec.region}</td>
                    <td>
                      <Amount raw={n.bond} />
                    </td>
                    <td>{formatCapacity(declaredCapacity(n.spec, d.config.hardware_classes))}</td>
                    <td>{formatCapacity(n.verified_capacity)}</td>
                    <td>{formatCapacity(n.counted_capacity)}</td>
                    <td>{typeof n.status === "string" ? n.status : "retired"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </>
      )}
    </Show>
  );
}

/** A node the pool has not heard of yet (no capacity reported, no job done) has no record in
 * depin-rewards: its Node query fails with "not found". */
async function poolNode(ctx: AppCtx, nodeId: number): Promise<NodeResponse | null> {
  try {
    return await queries(ctx.reader, ctx.contracts).depin.node({ nodeId });
  } catch (e) {
    if (/not found/i.test(String((e as Error)?.message ?? e))) return null;
    throw e;
  }
}

/** The operator's nodes: capacity as declared, verified by challenge, counted (covered by the
 * bond) and effective in the pool now (after warm-up), and mining rewards claimable or locked. */
function MyNodes({ ctx, config, nodes }: { ctx: AppCtx; config: ConfigResponse; nodes: Node[] }) {
  const q = queries(ctx.reader, ctx.contracts);
  const state = useLoad(
    () =>
      Promise.all(
        nodes.map(async (node) => {
          const [mining, pending] = await Promise.all([poolNode(ctx, node.id), q.depin.pending({ nodeId: node.id })]);
          return { node, mining, pending };
        }),
      ),
    [ctx.conn?.address, ctx.refreshKey],
  );
  const address = ctx.conn?.address;
  return (
    <Section title="Your nodes" testId="my-nodes">
      <p className="muted">
        A GPU counts its class's capacity weight; a challenge verifies the capacity declared; the bond covers{" "}
        <Amount raw={config.bond_per_capacity_unit} /> a unit of it. New capacity warms up over 4 epochs. Capacity
        rewards stay locked until the epoch shown closes.
      </p>
      <Show state={state}>
        {(rows) => (
          <table>
            <Head
              columns={[
                "Node",
                "Declared",
                "Verified",
                "Bond covers",
                "Counted",
                "Effective now",
                "Claimable",
                "Locked",
                "",
              ]}
            />
            <tbody>
              {rows.map(({ node, mining, pending }) => (
                <tr key={node.id} data-testid={`my-node-${node.id}`}>
                  <td>
                    #{node.id} ({node.spec.gpu_count} × {node.spec.hardware_class})
                  </td>
                  <td data-testid={`declared-${node.id}`}>
                    {formatCapacity(declaredCapacity(node.spec, config.hardware_classes))}
                  </td>
                  <td data-testid={`verified-${node.id}`}>{formatCapacity(node.verified_capacity)}</td>
                  <td>{formatCapacity(capacityCovered(node.bond, config.bond_per_capacity_unit))}</td>
                  <td data-testid={`counted-${node.id}`}>{formatCapacity(node.counted_capacity)}</td>
                  <td>
                    <span data-testid={`effective-${node.id}`}>
                      {mining ? formatCapacity(mining.effective_capacity) : "not in the pool yet"}
                    </span>
                    {mining && (
                      <CapacityNote capacity={mining.capacity} effective={mining.effective_capacity} nodeId={node.id} />
                    )}
                  </td>
                  <td data-testid={`claimable-${node.id}`}>
                    <Amount raw={pending.amount} />
                  </td>
                  <td data-testid={`locked-${node.id}`}>
                    {!mining || mining.locked.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      mining.locked.map((l) => (
                        <div key={l.unlocks_after} data-testid={`locked-${node.id}-${l.unlocks_after}`}>
                          <Amount raw={l.amount} /> until epoch {l.unlocks_after} closes
                        </div>
                      ))
                    )}
                    {mining && mining.forfeited !== "0" && (
                      <div className="muted">
                        forfeited <Amount raw={mining.forfeited} />
                      </div>
                    )}
                  </td>
                  <td>
                    <Action
                      label="Claim"
                      testId={`claim-node-${node.id}`}
                      disabledReason={
                        needsWallet(ctx) ?? (pending.amount === "0" ? "Nothing unlocked to claim yet." : undefined)
                      }
                      onClick={() =>
                        address &&
                        ctx.send({
                          label: `claim mining rewards of node #${node.id}`,
                          msgs: [composers(address, ctx.contracts).depin.claim({ nodeId: node.id, limit: undefined })],
                          expects: [
                            {
                              contract: ctx.contracts.token,
                              query: { balance: { address } },
                              path: "balance",
                              change: `+${pending.amount}`,
                            },
                            {
                              contract: ctx.contracts.depin,
                              query: { pending: { node_id: node.id } },
                              path: "amount",
                              change: "=0",
                            },
                          ],
                        })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </Section>
  );
}

/** Where a node's capacity in the pool stands: the epoch of its last confirmation, the target
 * it warms up to (in full 4 epochs after the epoch it was set in, while a confirmation is in
 * force), an epoch it scores 0 in. */
function CapacityNote({
  capacity,
  effective,
  nodeId,
}: {
  capacity: NodeResponse["capacity"];
  effective: string;
  nodeId: number;
}) {
  const parts = [];
  if (capacity.confirmed != null) parts.push(`confirmed in epoch ${capacity.confirmed}`);
  if (decimalAtomics(effective) < decimalAtomics(capacity.target)) {
    parts.push(
      `counts ${formatCapacity(capacity.target)} from epoch ${capacity.since + WARM_UP_EPOCHS} while a confirmation is in force`,
    );
  }
  if (capacity.blocked != null) parts.push(`scores 0 in epoch ${capacity.blocked}`);
  if (parts.length === 0) return null;
  return (
    <div className="muted" data-testid={`capacity-note-${nodeId}`}>
      {parts.join("; ")}
    </div>
  );
}

/** Challenges offered to the operator's nodes: accept or decline, then submit the answer. */
function Challenges({
  ctx,
  config,
  nodeJobs,
  now,
}: {
  ctx: AppCtx;
  config: ConfigResponse;
  nodeJobs: { node: Node; jobs: Job[] }[];
  now: number;
}) {
  const open = openChallenges(nodeJobs);
  return (
    <Section title="Challenges to your nodes" testId="challenges">
      <p className="muted">
        A challenge is a real job with a committed answer. Declining an oracle's challenge costs that epoch's capacity
        reward (a bounty's costs nothing); accepting puts the bond behind the capacity tested at stake, lost with a
        wrong or late answer.
      </p>
      {open.length === 0 ? (
        <p className="muted">No challenge waits for your nodes.</p>
      ) : (
        <table>
          <Head columns={["Job", "Node", "Capacity tested", "Posted by", "Price", "At stake", "Due", ""]} />
          <tbody>
            {open.map(({ node, job, step }) => {
              const challenge = job.challenge!;
              const due =
                step === "answer"
                  ? job.deadline && seconds(job.deadline)
                  : seconds(job.offered_at ?? job.posted_at) + config.offer_seconds;
              return (
                <tr key={job.id} data-testid={`challenge-${job.id}`}>
                  <td>#{job.id}</td>
                  <td>#{node.id}</td>
                  <td>{formatCapacity(challenge.capacity)}</td>
                  <td>{challenge.by_oracle ? "oracle" : "bounty"}</td>
                  <td>
                    <Amount raw={job.price} symbol={assetSymbol(job.asset)} />
                  </td>
                  <td>
                    <Amount raw={challengeStake(challenge.capacity, config.bond_per_capacity_unit, node.bond)} />
                  </td>
                  <td>
                    {due ? `${step === "answer" ? "answer" : "decide"} by ${date(due)}` : ""}
                    {due && due <= now ? " (passed)" : ""}
                  </td>
                  <td>
                    <ChallengeActions ctx={ctx} job={job} node={node} step={step} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function PostJob({ ctx, config, balance }: { ctx: AppCtx; config: ConfigResponse; balance?: string }) {
  const [form, setForm] = useState({
    hardware_class: config.hardware_classes[0]?.name ?? "",
    compute_units: "",
    urgency: "standard" as Urgency,
    data_gb: "0",
    run_days: "3",
    review_days: "2",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [quote, setQuote] = useState<{ spec: JobSpec; answer: QuoteResponse }>();
  const [quoteError, setQuoteError] = useState<string>();
  const address = ctx.conn?.address;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [key]: e.target.value });
    setQuote(undefined);
  };

  const specOf = (): JobSpec | undefined => {
    const found: Record<string, string> = {};
    const units = wholeNumber(form.compute_units, "compute units");
    const data = wholeNumber(form.data_gb, "data in GB", 0);
    const days = wholeNumber(form.run_days, "days to run");
    const review = wholeNumber(form.review_days, "review days");
    if (!units.ok) found.compute_units = units.error;
    if (!data.ok) found.data_gb = data.error;
    if (!days.ok) found.run_days = days.error;
    if (!review.ok) found.review_days = review.error;
    else if (review.value > 14) found.review_days = "Review days must be at most 14.";
    setErrors(found);
    if (!units.ok || !data.ok || !days.ok || !review.ok || Object.keys(found).length > 0) return undefined;
    return {
      hardware_class: form.hardware_class,
      compute_units: units.value,
      urgency: form.urgency,
      data_gb: data.value,
      run_seconds: days.value * 86_400,
      review_seconds: review.value * 86_400,
    };
  };

  const getQuote = async () => {
    setQuoteError(undefined);
    const spec = specOf();
    if (!spec) return;
    try {
      const answer = await queries(ctx.reader, ctx.contracts).escrow.quote({ spec, clinic: address });
      setQuote({ spec, answer });
    } catch (e) {
      setQuoteError(String((e as Error)?.message ?? e));
    }
  };

  let postReason = needsWallet(ctx);
  if (!postReason && !quote) postReason = "Get a quote first.";
  if (!postReason && quote && balance !== undefined && BigInt(balance) < BigInt(quote.answer.price)) {
    postReason = `The job costs ${formatAmount(quote.answer.price)} BTT; you hold ${formatAmount(balance)}.`;
  }

  return (
    <Section title="Post a compute job" testId="post-job">
      <div className="row">
        <label className="field">
          <span>Hardware class</span>
          <select value={form.hardware_class} onChange={set("hardware_class")} data-testid="job-class">
            {config.hardware_classes.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({formatAmount(c.unit_price)} BTT a unit)
              </option>
            ))}
          </select>
        </label>
        <Field
          label="Compute units"
          value={form.compute_units}
          onChange={set("compute_units")}
          error={errors.compute_units}
          testId="job-units"
        />
        <label className="field">
          <span>Urgency</span>
          <select value={form.urgency} onChange={set("urgency")} data-testid="job-urgency">
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {u} ({formatMultiplier(config.urgency[u])})
              </option>
            ))}
          </select>
        </label>
        {JOB_NUMBERS.map(([key, label, testId]) => (
          <Field key={key} label={label} value={form[key]} onChange={set(key)} error={errors[key]} testId={testId} />
        ))}
      </div>
      <div className="row">
        <button type="button" onClick={getQuote} data-testid="job-quote">
          Get quote
        </button>
        {quote && (
          <span data-testid="job-price">
            Price <Amount raw={quote.answer.price} /> (list <Amount raw={quote.answer.list_price} />, staking discount{" "}
            {formatBps(quote.answer.discount)})
          </span>
        )}
        {quoteError && (
          <span className="error" role="alert">
            {quoteError}
          </span>
        )}
      </div>
      <Action
        label="Post job"
        testId="job-post"
        disabledReason={postReason}
        onClick={() =>
          quote &&
          address &&
          ctx.send({
            label: `post a ${quote.spec.urgency} job of ${quote.spec.compute_units} units`,
            msgs: [
              composers(address, ctx.contracts).token.send({
                contract: ctx.contracts.escrow,
                amount: quote.answer.price,
                msg: hook({ post_job: quote.spec }),
              }),
            ],
            expects: [
              { contract: ctx.contracts.escrow, query: { totals: {} }, path: "jobs", change: "+1" },
              {
                contract: ctx.contracts.token,
                query: { balance: { address } },
                path: "balance",
                change: `-${quote.answer.price}`,
              },
            ],
          })
        }
      />
    </Section>
  );
}

function RegisterNode({ ctx, config, balance }: { ctx: AppCtx; config: ConfigResponse; balance?: string }) {
  const [form, setForm] = useState({
    hardware_class: config.hardware_classes[0]?.name ?? "",
    gpu_count: "8",
    region: "",
    energy_rating: "a" as EnergyRating,
    endpoint: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const bond = useAmountField({
    max: balance === undefined ? undefined : BigInt(balance),
    maxLabel: "your balance",
  });
  const address = ctx.conn?.address;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const gpus = wholeNumber(form.gpu_count, "the GPU count");
  const declared = gpus.ok
    ? declaredCapacity({ gpu_count: gpus.value, hardware_class: form.hardware_class }, config.hardware_classes)
    : undefined;
  const submit = () => {
    const found: Record<string, string> = {};
    if (!gpus.ok) found.gpu_count = gpus.error;
    if (form.region.trim() === "") found.region = "Enter a region.";
    if (!/^https:\/\/\S+$/.test(form.endpoint.trim())) found.endpoint = "Enter an https:// endpoint.";
    bond.touch();
    if (bond.parsed.ok && bond.parsed.raw < BigInt(config.min_bond)) {
      found.bond = `The bond must be at least ${formatAmount(config.min_bond)} BTT.`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !bond.parsed.ok || !gpus.ok || !address) return;
    const spec = {
      hardware_class: form.hardware_class,
      gpu_count: gpus.value,
      region: form.region.trim(),
      energy_rating: form.energy_rating,
      endpoint: form.endpoint.trim(),
    };
    ctx.send({
      label: `register a ${spec.hardware_class} node`,
      msgs: [
        composers(address, ctx.contracts).token.send({
          contract: ctx.contracts.escrow,
          amount: bond.parsed.raw.toString(),
          msg: hook({ register_node: spec }),
        }),
      ],
      expects: [{ contract: ctx.contracts.escrow, query: { totals: {} }, path: "nodes", change: "+1" }],
    });
  };
  return (
    <Section title="Register a node" testId="register-node">
      <p className="muted">
        A node bonds at least <Amount raw={config.min_bond} />, and <Amount raw={config.bond_per_capacity_unit} /> for
        each unit of capacity it mines with; its operator accepts each job offered before its bond is at stake; it is
        slashed when it misses an accepted job's deadline, is found at fault or fails a challenge.
      </p>
      <div className="row">
        <label className="field">
          <span>Hardware class</span>
          <select value={form.hardware_class} onChange={set("hardware_class")}>
            {config.hardware_classes.map((c) => (
              <option key={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
        <Field
          label="GPUs"
          value={form.gpu_count}
          onChange={set("gpu_count")}
          error={errors.gpu_count}
          testId="node-gpus"
        />
        <Field label="Region" value={form.region} onChange={set("region")} error={errors.region} testId="node-region" />
        <label className="field">
          <span>Energy rating</span>
          <select value={form.energy_rating} onChange={set("energy_rating")}>
            {ENERGY.map((e) => (
              <option key={e} value={e}>
                {e.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <Field
          label="Endpoint"
          value={form.endpoint}
          onChange={set("endpoint")}
          error={errors.endpoint}
          testId="node-endpoint"
        />
        <AmountInput label="Bond" field={bond} testId="node-bond" />
      </div>
      {declared && (
        <p data-testid="node-bond-cover">
          {formatCapacity(declared)} capacity units declared: a bond of{" "}
          <Amount raw={bondToCover(declared, config.bond_per_capacity_unit, config.min_bond)} /> covers them all.
        </p>
      )}
      {errors.bond && (
        <p className="error" role="alert" data-testid="node-bond-min">
          {errors.bond}
        </p>
      )}
      <Action label="Register node" testId="node-register" disabledReason={needsWallet(ctx)} onClick={submit} />
    </Section>
  );
}

function Field(props: {
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error?: string;
  testId: string;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        value={props.value}
        onChange={props.onChange}
        data-testid={props.testId}
        aria-invalid={!!props.error}
        size={10}
      />
      {props.error && (
        <span className="error" role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </span>
      )}
    </label>
  );
}
