// Payments: a patient's invoices, paid in the invoice's denom or converted from another at the
// feeder's rate (with the conversion fee) within a maximum spend; a provider's invoices and the
// payments waiting out the settlement window (refundable by the provider until then), which
// anyone settles once it has passed; and a form to issue an invoice.

import { useState } from "react";
import { Action, Amount, Head, AmountInput, Section, Show, useAmountField } from "../components";
import { needsWallet, useApp, type AppCtx } from "../context";
import { formatAmount, formatBps } from "../lib/amount";
import { allPages, composers, date, denomSymbol, hook, PAGE, queries, seconds } from "../lib/clients";
import { useLoad } from "../lib/hooks";
import type { ConfigResponse, Invoice, Payment } from "../generated/Payfi.types";
import { IssueInvoice } from "./IssueInvoice";

/** The rate key and display symbol of a payfi asset. */
const keyOf = (asset: Invoice["asset"]) => ("native" in asset ? asset.native : "btt");

export function Payments() {
  const ctx = useApp();
  const address = ctx.conn?.address;
  const q = queries(ctx.reader, ctx.contracts);
  const state = useLoad(async () => {
    if (!address) return undefined;
    const [config, owed, issued, pending, block] = await Promise.all([
      q.payfi.config(),
      allPages(
        (s) => q.payfi.invoicesByPayer({ payer: address, limit: PAGE, startAfter: s }).then((r) => r.invoices),
        (i) => i.id,
      ),
      allPages(
        (s) => q.payfi.invoicesByProvider({ provider: address, limit: PAGE, startAfter: s }).then((r) => r.invoices),
        (i) => i.id,
      ),
      q.payfi.pendingSettlements({ limit: PAGE }),
      ctx.reader.block(),
    ]);
    const holdings: Record<string, bigint> = { btt: BigInt((await q.token.balance({ address })).balance) };
    for (const denom of config.native_denoms) holdings[denom] = await ctx.reader.balance(address, denom);
    const mine = new Set(issued.map((i) => i.id));
    return {
      config,
      owed,
      issued,
      settling: pending.payments.filter((p) => mine.has(p.invoice_id)),
      holdings,
      now: block.time,
    };
  }, [address, ctx.refreshKey]);

  if (!address) {
    return (
      <Section title="Payments">
        <p className="muted">Connect Keplr to see and pay your invoices.</p>
      </Section>
    );
  }
  return (
    <Show state={state}>
      {(d) =>
        d && (
          <>
            <Section title="Invoices to you" testId="invoices-to-pay">
              {d.owed.length === 0 && <p className="muted">No invoices.</p>}
              {[...d.owed].reverse().map((inv) => (
                <PayInvoice key={inv.id} ctx={ctx} invoice={inv} config={d.config} holdings={d.holdings} now={d.now} />
              ))}
            </Section>
            <Section title="Invoices you issued" testId="invoices-issued">
              {d.issued.length === 0 ? (
                <p className="muted">You have issued no invoices.</p>
              ) : (
                <table>
                  <Head columns={["Invoice", "Payer", "Amount", "Paid", "Status"]} />
                  <tbody>
                    {[...d.issued].reverse().map((inv) => (
                      <tr key={inv.id}>
                        <td>#{inv.id}</td>
                        <td className="mono">{inv.payer ? `${inv.payer.slice(0, 14)}…` : "anyone"}</td>
                        <td>
                          <Amount raw={inv.amount} symbol={denomSymbol(keyOf(inv.asset))} />
                        </td>
                        <td>
                          <Amount raw={inv.paid} symbol={denomSymbol(keyOf(inv.asset))} />
                        </td>
                        <td>
                          <span className="pill">{inv.status}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Settlements ctx={ctx} payments={d.settling} now={d.now} />
            <IssueInvoice ctx={ctx} denoms={d.config.native_denoms} now={d.now} />
          </>
        )
      }
    </Show>
  );
}

function PayInvoice(props: {
  ctx: AppCtx;
  invoice: Invoice;
  config: ConfigResponse;
  holdings: Record<string, bigint>;
  now: number;
}) {
  const { ctx, invoice, config, holdings, now } = props;
  const own = keyOf(invoice.asset);
  const remaining = BigInt(invoice.amount) - BigInt(invoice.paid);
  const [payWith, setPayWith] = useState(own);
  const [rate, setRate] = useState<{ key: string; rate?: string; error?: string }>();
  const amount = useAmountField({ max: remaining, maxLabel: "what is still owed" });
  const maxSpend = useAmountField({ max: holdings[payWith] ?? 0n, maxLabel: `your ${denomSymbol(payWith)}` });
  const [error, setError] = useState<string>();
  const address = ctx.conn?.address;
  const options = ["btt", ...config.native_denoms];
  const converting = payWith !== own;
  const sym = denomSymbol(own);

  const choose = async (key: string) => {
    setPayWith(key);
    setRate(undefined);
    if (key === own) return;
    try {
      const r = await queries(ctx.reader, ctx.contracts).payfi.rate({ invoice: own, pay: key });
      if (r.rates.length === 0)
        return setRate({ key, error: `No ${denomSymbol(key)} → ${denomSymbol(own)} rate is posted.` });
      if (!r.median) {
        return setRate({ key, error: "Too few fresh feeder rates; ask the feeders to post new ones." });
      }
      setRate({ key, rate: r.median });
    } catch (e) {
      setRate({ key, error: String((e as Error)?.message ?? e) });
    }
  };

  /** What paying `raw` costs in the chosen denom at the rate, fee included (rounded up). */
  const estimate = (raw: bigint): bigint | undefined => {
    if (!converting || !rate?.rate) return undefined;
    const [whole, frac = ""] = rate.rate.split(".");
    const scaled = BigInt(whole + frac.padEnd(18, "0").slice(0, 18));
    const base = (raw * 10n ** 18n + scaled - 1n) / scaled;
    return (base * BigInt(10_000 + config.fees.conversion) + 9_999n) / 10_000n;
  };

  let reason = needsWallet(ctx);
  if (!reason && invoice.status !== "open") reason = `The invoice is ${invoice.status}.`;
  if (!reason && converting && !rate?.rate) reason = rate?.error ?? "Waiting for the rate.";

  const pay = () => {
    setError(undefined);
    amount.touch();
    if (!amount.parsed.ok || !address) return;
    let spend = amount.parsed.raw;
    if (converting) {
      maxSpend.touch();
      if (!maxSpend.parsed.ok) return;
      spend = maxSpend.parsed.raw;
      const needed = estimate(amount.parsed.raw);
      if (needed !== undefined && spend < needed) {
        return setError(
          `At this rate it costs about ${formatAmount(needed)} ${denomSymbol(payWith)}; raise the maximum spend.`,
        );
      }
    } else if (spend > (holdings[own] ?? 0n)) {
      return setError(`You hold ${formatAmount(holdings[own] ?? 0n)} ${denomSymbol(own)}.`);
    }
    const raw = amount.parsed.raw.toString();
    const send = composers(address, ctx.contracts);
    const msg =
      payWith === "btt"
        ? send.token.send({
            contract: ctx.contracts.payfi,
            amount: spend.toString(),
            msg: hook({ pay: { invoice_id: invoice.id, amount: raw } }),
          })
        : send.payfi.pay({ invoiceId: invoice.id, amount: raw }, [{ denom: payWith, amount: spend.toString() }]);
    ctx.send({
      label: `pay ${formatAmount(raw)} ${sym} of invoice #${invoice.id}${converting ? ` in ${denomSymbol(payWith)}` : ""}`,
      msgs: [msg],
      expects: [
        {
          contract: ctx.contracts.payfi,
          query: { invoice: { invoice_id: invoice.id } },
          path: "paid",
          change: `+${raw}`,
        },
      ],
    });
  };

  const est = amount.parsed.ok ? estimate(amount.parsed.raw) : undefined;
  return (
    <article className="card" data-testid={`invoice-${invoice.id}`}>
      <h3>
        Invoice #{invoice.id} <span className="pill">{invoice.status}</span>
      </h3>
      <p>
        <Amount raw={invoice.amount} symbol={sym} />, paid <Amount raw={invoice.paid} symbol={sym} />, due{" "}
        {date(seconds(invoice.due))}
        {invoice.status === "open" && seconds(invoice.due) < now && <span className="error"> (overdue)</span>}.
      </p>
      {invoice.status === "open" && (
        <>
          <div className="row">
            <AmountInput label={`Amount (${sym})`} field={amount} symbol={sym} testId={`pay-amount-${invoice.id}`} />
            <label className="field">
              <span>Pay with</span>
              <select value={payWith} onChange={(e) => choose(e.target.value)} data-testid={`pay-with-${invoice.id}`}>
                {options.map((o) => (
                  <option key={o} value={o}>
                    {denomSymbol(o)} (you hold {formatAmount(holdings[o] ?? 0n)})
                  </option>
                ))}
              </select>
            </label>
            {converting && (
              <AmountInput
                label={`Maximum spend (${denomSymbol(payWith)})`}
                field={maxSpend}
                symbol={denomSymbol(payWith)}
                testId={`pay-max-${invoice.id}`}
              />
            )}
            <Action label="Pay" testId={`pay-${invoice.id}`} disabledReason={reason} onClick={pay} />
          </div>
          {converting && rate?.rate && (
            <p className="muted" data-testid={`pay-estimate-${invoice.id}`}>
              1 {denomSymbol(payWith)} = {rate.rate} {sym}; conversion fee {formatBps(config.fees.conversion)}.
              {est !== undefined &&
                ` This payment costs about ${formatAmount(est)} ${denomSymbol(payWith)}; change comes back.`}
            </p>
          )}
          {error && (
            <p className="error" role="alert" data-testid={`pay-error-${invoice.id}`}>
              {error}
            </p>
          )}
        </>
      )}
    </article>
  );
}

function Settlements({ ctx, payments, now }: { ctx: AppCtx; payments: Payment[]; now: number }) {
  const address = ctx.conn?.address;
  const due = payments.filter((p) => seconds(p.settles_at) <= now);
  return (
    <Section title="Payments settling to you" testId="settlements">
      {payments.length === 0 ? (
        <p className="muted">No payments are waiting to settle.</p>
      ) : (
        <ul>
          {payments.map((p) => (
            <li key={p.id} data-testid={`settling-${p.id}`}>
              Payment #{p.id} for invoice #{p.invoice_id}:{" "}
              <Amount raw={p.invoice_amount} symbol={denomSymbol(keyOf(p.asset))} /> settles{" "}
              {date(seconds(p.settles_at))}{" "}
              <Action
                label="Refund"
                testId={`refund-${p.id}`}
                disabledReason={
                  needsWallet(ctx) ?? (seconds(p.settles_at) <= now ? "Its refund window is over." : undefined)
                }
                onClick={() =>
                  address &&
                  ctx.send({
                    label: `refund payment #${p.id}`,
                    msgs: [composers(address, ctx.contracts).payfi.refund({ paymentId: p.id })],
                    expects: [
                      {
                        contract: ctx.contracts.payfi,
                        query: { payment: { payment_id: p.id } },
                        path: "status",
                        change: "=refunded",
                      },
                      { contract: ctx.contracts.payfi, query: { totals: {} }, path: "pending", change: "-1" },
                    ],
                  })
                }
              />
            </li>
          ))}
        </ul>
      )}
      <Action
        label="Settle"
        testId="settle"
        disabledReason={
          needsWallet(ctx) ?? (due.length === 0 ? "No payment has finished its settlement window." : undefined)
        }
        onClick={() =>
          address &&
          ctx.send({
            label: `settle ${due.length} payments`,
            msgs: [composers(address, ctx.contracts).payfi.settle({ limit: PAGE })],
            expects: [
              { contract: ctx.contracts.payfi, query: { totals: {} }, path: "pending", change: `-${due.length}` },
            ],
          })
        }
      />
    </Section>
  );
}
