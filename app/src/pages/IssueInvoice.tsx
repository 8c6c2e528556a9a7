// Payments: a provider issues an invoice (to a payer, or to anyone) in BTT or an accepted native
// denom, due some days from now, with its memo kept off chain (only its SHA-256 is stored).

import { useState } from "react";
import { AmountInput, Section, useAmountField } from "../components";
import type { AppCtx } from "../context";
import { needsWallet } from "../context";
import { validateAddress } from "../lib/address";
import { formatAmount, wholeNumber } from "../lib/amount";
import { composers, denomSymbol } from "../lib/clients";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function IssueInvoice({ ctx, denoms, now }: { ctx: AppCtx; denoms: string[]; now: number }) {
  const address = ctx.conn?.address;
  const [payer, setPayer] = useState("");
  const [denom, setDenom] = useState("btt");
  const [days, setDays] = useState("30");
  const [memo, setMemo] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const amount = useAmountField({});
  const issue = async () => {
    amount.touch();
    if (!address) return;
    const found: Record<string, string> = {};
    const who = payer.trim();
    if (who !== "") {
      const bad = validateAddress(who, ctx.network.bech32_prefix);
      if (bad) found.payer = bad;
    }
    const d = wholeNumber(days, "a number of days");
    if (!d.ok) found.days = d.error;
    if (memo.trim() === "") found.memo = "Describe what the invoice is for.";
    setErrors(found);
    if (!amount.parsed.ok || Object.keys(found).length > 0 || !d.ok) return;
    const due = BigInt(now + d.value * 86_400) * 1_000_000_000n;
    const raw = amount.parsed.raw.toString();
    ctx.send({
      label: `issue an invoice of ${formatAmount(raw)} ${denomSymbol(denom)}${who ? ` to ${who.slice(0, 14)}…` : ""}`,
      msgs: [
        composers(address, ctx.contracts).payfi.issueInvoice({
          payer: who === "" ? undefined : who,
          denom: denom === "btt" ? "btt" : { native: denom },
          amount: raw,
          due: due.toString(),
          memoHash: await sha256Hex(memo.trim()),
          analytics: false,
        }),
      ],
      expects: [{ contract: ctx.contracts.payfi, query: { totals: {} }, path: "invoices", change: "+1" }],
    });
  };
  const reason = needsWallet(ctx);
  const field = (label: string, key: string, value: string, set: (v: string) => void) => (
    <label className="field">
      <span>{label}</span>
      <input value={value} onChange={(e) => set(e.target.value)} data-testid={`issue-${key}`} />
      {errors[key] && (
        <span className="error" role="alert" data-testid={`issue-${key}-error`}>
          {errors[key]}
        </span>
      )}
    </label>
  );
  return (
    <Section title="Issue an invoice" testId="issue-invoice">
      {field("Payer (empty: anyone may pay)", "payer", payer, setPayer)}
      <label className="field">
        <span>Denom</span>
        <select value={denom} onChange={(e) => setDenom(e.target.value)} data-testid="issue-denom">
          {["btt", ...denoms].map((k) => (
            <option key={k} value={k}>
              {denomSymbol(k)}
            </option>
          ))}
        </select>
      </label>
      <AmountInput label="Amount" field={amount} symbol={denomSymbol(denom)} testId="issue-amount" />
      {field("Due in days", "days", days, setDays)}
      {field("Memo (only its SHA-256 goes on chain)", "memo", memo, setMemo)}
      <button type="button" onClick={issue} disabled={!!reason} title={reason} data-testid="issue-submit">
        Issue invoice
      </button>
    </Section>
  );
}
