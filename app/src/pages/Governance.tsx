// Governance: proposals with status, tally, quorum and threshold progress and time left; voting
// with the voter's power at the proposal's start height; creating a proposal with the deposit;
// executing a passed proposal once its timelock is over.

import { useState } from "react";
import { Action, Amount, AmountInput, Section, Show, useAmountField } from "../components";
import { needsWallet, useApp, type AppCtx } from "../context";
import { formatAmount } from "../lib/amount";
import { allPages, composers, duration, hook, PAGE, queries, seconds } from "../lib/clients";
import { useLoad } from "../lib/hooks";
import { validateAddress } from "../lib/address";
import type { Fund, FundBalance, ProposalResponse, TallyResponse, VoteOption } from "../generated/BttDao.types";

const VOTES: [VoteOption, string][] = [
  ["yes", "Yes"],
  ["no", "No"],
  ["abstain", "Abstain"],
  ["no_with_veto", "No with veto"],
];

/** How many proposals show before "Show all". */
const NEWEST = 10;

const pct = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Number((part * 10_000n) / whole) / 100);

export function Governance() {
  const ctx = useApp();
  const address = ctx.conn?.address;
  const q = queries(ctx.reader, ctx.contracts);
  const [showAll, setShowAll] = useState(false);
  const state = useLoad(async () => {
    const [config, treasury, list, block] = await Promise.all([
      q.dao.config(),
      q.dao.treasury({ denoms: [] }),
      allPages(
        (s) => q.dao.proposals({ limit: PAGE, startAfter: s }).then((r) => r.proposals),
        (p) => p.proposal.id,
      ),
      ctx.reader.block(),
    ]);
    const proposals = await Promise.all(
      [...list].reverse().map(async (p) => {
        if (p.status !== "open") return { p };
        const tally = await q.dao.tally({ proposalId: p.proposal.id });
        if (!address) return { p, tally };
        const [vote, power] = await Promise.all([
          q.dao.vote({ proposalId: p.proposal.id, voter: address }),
          q.staking.votingPower({ address, height: p.proposal.start_height }),
        ]);
        return { p, tally, vote, power: power.power };
      }),
    );
    const balance = address ? (await q.token.balance({ address })).balance : undefined;
    return { config, treasury, proposals, now: block.time, balance };
  }, [address, ctx.refreshKey]);

  return (
    <Show state={state}>
      {(d) => (
        <>
          <Section title="Proposals" testId="proposals">
            <p className="muted">
              Quorum {Number(d.config.rules.quorum) * 100}% of the voting power at the start height; passes with more
              than {Number(d.config.rules.threshold) * 100}% Yes of the non-abstaining votes; vetoed above{" "}
              {Number(d.config.rules.veto_threshold) * 100}% No with veto. Voting lasts{" "}
              {duration(d.config.voting_period_seconds)}, then a {duration(d.config.timelock_seconds)} timelock.
            </p>
            {d.proposals.length === 0 && <p className="muted">No proposals yet.</p>}
            {(showAll ? d.proposals : d.proposals.slice(0, NEWEST)).map(({ p, tally, vote, power }) => (
              <ProposalCard
                key={p.proposal.id}
                ctx={ctx}
                p={p}
                tally={tally}
                myVote={vote?.vote}
                myPower={power}
                now={d.now}
                quorum={Number(d.config.rules.quorum)}
                threshold={Number(d.config.rules.threshold)}
              />
            ))}
            {!showAll && d.proposals.length > NEWEST && (
              <button type="button" onClick={() => setShowAll(true)} data-testid="show-all-proposals">
                Show all {d.proposals.length} proposals
              </button>
            )}
          </Section>
          <Treasury funds={d.treasury.funds} />
          <NewProposal ctx={ctx} deposit={d.config.deposit} balance={d.balance} />
        </>
      )}
    </Show>
  );
}

/** The treasury's labelled funds: what each holds, by denom. */
const FUNDS: [Fund, string][] = [
  ["ecosystem_development", "Ecosystem Development Fund"],
  ["unallocated_reserve", "Unallocated reserve"],
  ["development_fees", "Development fund (fee inflows)"],
  ["operational_reserve", "Operational reserve (fee inflows)"],
  ["deposits_held", "Deposits held for proposals"],
  ["vetoed_deposits", "Deposits kept from vetoed proposals"],
];

function Treasury({ funds }: { funds: FundBalance[] }) {
  return (
    <Section title="Treasury" testId="treasury">
      <p className="muted">Labelled funds of the DAO. A proposal spends from a named fund and never beyond it.</p>
      <table data-testid="treasury-funds">
        <tbody>
          {FUNDS.map(([fund, label]) => {
            const held = funds.filter((f) => f.fund === fund);
            return (
              <tr key={fund} data-testid={`fund-${fund}`}>
                <td>{label}</td>
                <td>
                  {held.length === 0
                    ? "0"
                    : held.map((f) => (
                        <span key={f.denom}>
                          <Amount
                            raw={f.amount}
                            symbol={f.denom === "btt" ? "BTT" : f.denom.replace(/^u/, "").toUpperCase()}
                          />{" "}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

function ProposalCard(props: {
  ctx: AppCtx;
  p: ProposalResponse;
  tally?: TallyResponse;
  myVote?: VoteOption;
  myPower?: string;
  now: number;
  quorum: number;
  threshold: number;
}) {
  const { ctx, p, tally, myVote, myPower, now } = props;
  const prop = p.proposal;
  const t = tally?.tally ?? prop.tally;
  const total = BigInt(prop.total_power);
  const turnout = BigInt(t.yes) + BigInt(t.no) + BigInt(t.abstain) + BigInt(t.no_with_veto);
  const deciding = BigInt(t.yes) + BigInt(t.no) + BigInt(t.no_with_veto);
  const ends = seconds(prop.voting_ends_at);
  const executable = seconds(prop.executable_at);
  const id = prop.id;
  const address = ctx.conn?.address;
  const send = address ? composers(address, ctx.contracts) : undefined;

  let voteReason = needsWallet(ctx);
  if (!voteReason && p.status !== "open") voteReason = "Voting is over.";
  if (!voteReason && now >= ends) voteReason = "Voting has ended.";
  if (!voteReason && (myPower ?? "0") === "0") {
    voteReason = `You had no voting power at height ${prop.start_height}, when voting opened.`;
  }
  let executeReason = needsWallet(ctx);
  if (!executeReason && p.status !== "passed") executeReason = "Only a passed proposal can be executed.";
  if (!executeReason && now < executable) executeReason = `Timelock: executable in ${duration(executable - now)}.`;

  return (
    <article className="card" data-testid={`proposal-${id}`}>
      <h3>
        #{id} {prop.title} <span className={`pill ${p.status}`}>{p.status.replace(/_/g, " ")}</span>
      </h3>
      <p>{prop.description}</p>
      <p className="muted">
        {p.status === "open"
          ? now < ends
            ? `Voting ends in ${duration(ends - now)}.`
            : "Voting has ended; the outcome is decided on the next action."
          : p.status === "passed"
            ? now < executable
              ? `Executable in ${duration(executable - now)}.`
              : "Executable now."
            : ""}{" "}
        Deposit <Amount raw={prop.deposit} />. Total power <Amount raw={prop.total_power} />.
      </p>
      <table>
        <tbody>
          <tr>
            <td>Yes</td>
            <td>
              <Amount raw={t.yes} />
            </td>
            <td>No</td>
            <td>
              <Amount raw={t.no} />
            </td>
            <td>Abstain</td>
            <td>
              <Amount raw={t.abstain} />
            </td>
            <td>No with veto</td>
            <td>
              <Amount raw={t.no_with_veto} />
            </td>
          </tr>
        </tbody>
      </table>
      <Progress
        label={`Turnout ${pct(turnout, total)}% of ${props.quorum * 100}% quorum`}
        value={pct(turnout, total)}
        mark={props.quorum * 100}
        testId={`quorum-${id}`}
      />
      <Progress
        label={`Yes ${pct(BigInt(t.yes), deciding)}% of non-abstaining votes (threshold ${props.threshold * 100}%)`}
        value={pct(BigInt(t.yes), deciding)}
        mark={props.threshold * 100}
        testId={`threshold-${id}`}
      />
      {p.status === "open" && (
        <div className="row">
          <span className="muted">
            {myPower !== undefined && (
              <>
                Your power at height {prop.start_height}: <Amount raw={myPower} />.{" "}
              </>
            )}
            {myVote && `You voted ${myVote.replace(/_/g, " ")}.`}
          </span>
          {VOTES.map(([option, label]) => (
            <Action
              key={option}
              label={label}
              testId={`vote-${id}-${option}`}
              disabledReason={voteReason}
              onClick={() =>
                send &&
                ctx.send({
                  label: `vote ${option} on proposal #${id}`,
                  msgs: [send.dao.vote({ proposalId: id, vote: option })],
                  expects: [
                    {
                      contract: ctx.contracts.dao,
                      query: { vote: { proposal_id: id, voter: address } },
                      path: "vote",
                      change: `=${option}`,
                    },
                  ],
                })
              }
            />
          ))}
        </div>
      )}
      {(p.status === "passed" || p.status === "open") && (
        <Action
          label="Execute"
          testId={`execute-${id}`}
          disabledReason={executeReason}
          onClick={() =>
            send &&
            ctx.send({
              label: `execute proposal #${id}`,
              msgs: [send.dao.execute({ proposalId: id })],
              expects: [
                {
                  contract: ctx.contracts.dao,
                  query: { proposal: { proposal_id: id } },
                  path: "status",
                  change: "=executed",
                },
              ],
            })
          }
        />
      )}
    </article>
  );
}

function Progress({ label, value, mark, testId }: { label: string; value: number; mark: number; testId: string }) {
  return (
    <div className="field" data-testid={testId}>
      <span>{label}</span>
      <div className="progress" role="progressbar" aria-valuenow={value} aria-valuemin={0} aria-valuemax={100}>
        <div style={{ width: `${Math.min(100, value)}%` }} />
        <span className="mark" style={{ left: `${mark}%` }} />
      </div>
    </div>
  );
}

/** A proposal paying BTT from a named treasury fund (or none: a text proposal), with the deposit. */
function NewProposal({ ctx, deposit, balance }: { ctx: AppCtx; deposit: string; balance?: string }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [recipient, setRecipient] = useState("");
  const [fund, setFund] = useState<Fund>("ecosystem_development");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const amount = useAmountField({ allowZero: false });
  const address = ctx.conn?.address;
  let reason = needsWallet(ctx);
  if (!reason && balance !== undefined && BigInt(balance) < BigInt(deposit)) {
    reason = `You need ${formatAmount(deposit)} BTT for the deposit; you hold ${formatAmount(balance)}.`;
  }
  const submit = () => {
    const found: Record<string, string> = {};
    if (title.trim() === "") found.title = "Enter a title.";
    else if (new TextEncoder().encode(title).length > 128) found.title = "At most 128 bytes.";
    if (new TextEncoder().encode(description).length > 4096) found.description = "At most 4,096 bytes.";
    const msgs: unknown[] = [];
    if (recipient.trim() !== "" || amount.text.trim() !== "") {
      const bad = validateAddress(recipient.trim(), ctx.network.bech32_prefix);
      if (bad) found.recipient = bad;
      amount.touch();
      if (amount.parsed.ok) {
        msgs.push({
          wasm: {
            execute: {
              contract_addr: ctx.contracts.dao,
              msg: hook({
                spend: { fund, recipient: recipient.trim(), denom: "btt", amount: amount.parsed.raw.toString() },
              }),
              funds: [],
            },
          },
        });
      } else {
        found.amount = amount.parsed.error;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !address) return;
    const send = composers(address, ctx.contracts);
    ctx.send({
      label: "create proposal",
      msgs: [
        send.token.send({
          contract: ctx.contracts.dao,
          amount: deposit,
          msg: hook({ propose: { title: title.trim(), description: description.trim(), msgs } }),
        }),
      ],
      expects: [
        {
          contract: ctx.contracts.token,
          query: { balance: { address } },
          path: "balance",
          change: `-${deposit}`,
        },
      ],
    });
  };
  return (
    <Section title="New proposal" testId="new-proposal">
      <p className="muted">
        A proposal holds a deposit of <Amount raw={deposit} />, refunded unless it is vetoed.
      </p>
      <label className="field">
        <span>Title</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="proposal-title" />
        {errors.title && (
          <span className="error" role="alert">
            {errors.title}
          </span>
        )}
      </label>
      <label className="field">
        <span>Description</span>
        <textarea
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="proposal-description"
        />
        {errors.description && (
          <span className="error" role="alert">
            {errors.description}
          </span>
        )}
      </label>
      <div className="row">
        <label className="field">
          <span>Pay BTT from</span>
          <select value={fund} onChange={(e) => setFund(e.target.value as Fund)} data-testid="proposal-fund">
            {FUNDS.filter(([f]) => f !== "deposits_held").map(([f, label]) => (
              <option key={f} value={f}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>to (optional)</span>
          <input
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            placeholder={`${ctx.network.bech32_prefix}1…`}
            size={48}
            data-testid="proposal-recipient"
          />
          {errors.recipient && (
            <span className="error" role="alert" data-testid="proposal-recipient-error">
              {errors.recipient}
            </span>
          )}
        </label>
        <AmountInput label="Amount" field={amount} testId="proposal-amount" />
      </div>
      <Action label="Propose" testId="propose" disabledReason={reason} onClick={submit} />
    </Section>
  );
}
