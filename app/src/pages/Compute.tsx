// Compute: the price of a job spec (with the clinic's staking discount), posting the job with
// exactly that price, the clinic's jobs with their next step (assign, accept or dispute the
// result), the jobs on the operator's nodes (accept, submit), and registering a node.

import { useState } from "react";
import { Action, Amount, Head, AmountInput, Section, Show, useAmountField } from "../components";
import { needsWallet, useApp, type AppCtx } from "../context";
import { formatAmount, formatBps, formatMultiplier, wholeNumber } from "../lib/amount";
import { allPages, assetSymbol, composers, date, hook, PAGE, queries, seconds } from "../lib/clients";
import { useLoad } from "../lib/hooks";
import { ClinicJobActions, NodeJobActions } from "./JobActions";
import type { ConfigResponse, JobSpec, QuoteResponse, Urgency, EnergyRating } from "../generated/ComputeEscrow.types";

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
            <Section title="Jobs on your nodes" testId="node-jobs">
              <table>
                <Head columns={["Job", "Node", "Units", "Deadline", "Status", ""]} />
                <tbody>
                  {d.nodeJobs.flatMap(({ node, jobs }) =>
                    [...jobs].reverse().map((j) => (
                      <tr key={`${node.id}-${j.id}`} data-testid={`node-job-${j.id}`}>
                        <td>#{j.id}</td>
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
              <Head columns={["Node", "Class", "GPUs", "Region", "Bond", "Status"]} />
              <tbody>
                {d.nodes.map((n) => (
                  <tr key={n.id}>
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
  const submit = () => {
    const found: Record<string, string> = {};
    const gpus = wholeNumber(form.gpu_count, "the GPU count");
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
        A node bonds at least <Amount raw={config.min_bond} />; its operator accepts each job offered before its bond is
        at stake; it is slashed when it misses an accepted job's deadline or is found at fault.
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
