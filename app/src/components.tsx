// Small building blocks every page uses: amounts, inputs that validate before signing, buttons
// that say why they are disabled, and sections.

import { useState, type ReactNode } from "react";
import { formatAmount, parseAmount, type AmountRules } from "./lib/amount";
import type { Loaded } from "./lib/hooks";

/** An amount in the smallest unit, shown with 6 decimals and its symbol. */
export function Amount({ raw, symbol = "BTT" }: { raw: string | bigint; symbol?: string }) {
  return (
    <span className="amount">
      {formatAmount(raw)} <span className="symbol">{symbol}</span>
    </span>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Renders `children(data)` once loaded, or the loading state, or the error. */
export function Show<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.error)
    return (
      <p className="error" role="alert">
        {state.error}
      </p>
    );
  if (state.data === undefined) return <p className="muted">Loading…</p>;
  return <>{children(state.data)}</>;
}

/** A button that is disabled with a visible reason when `disabledReason` is set. */
export function Action({
  label,
  onClick,
  disabledReason,
  testId,
}: {
  label: string;
  onClick: () => void;
  disabledReason?: string;
  testId?: string;
}) {
  return (
    <span className="action">
      <button type="button" onClick={onClick} disabled={!!disabledReason} title={disabledReason} data-testid={testId}>
        {label}
      </button>
      {disabledReason && <span className="reason">{disabledReason}</span>}
    </span>
  );
}

/** An amount field: what the user typed, parsed by the rules; the error shows under it. */
export function useAmountField(rules: AmountRules) {
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const parsed = parseAmount(text, rules);
  return {
    text,
    parsed,
    /** The error to show (only once the user tried to submit or typed something). */
    error: touched && !parsed.ok ? parsed.error : undefined,
    setText: (t: string) => {
      setText(t);
      setTouched(t !== "");
    },
    touch: () => setTouched(true),
  };
}

export function AmountInput({
  label,
  field,
  testId,
  symbol = "BTT",
}: {
  label: string;
  field: ReturnType<typeof useAmountField>;
  testId?: string;
  symbol?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <span className="input-row">
        <input
          inputMode="decimal"
          value={field.text}
          onChange={(e) => field.setText(e.target.value)}
          placeholder="0.000000"
          data-testid={testId}
          aria-invalid={!!field.error}
        />
        <span className="symbol">{symbol}</span>
      </span>
      {field.error && (
        <span className="error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {field.error}
        </span>
      )}
    </label>
  );
}

/** A table's header row. */
export function Head({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i}>{c}</th>
        ))}
      </tr>
    </thead>
  );
}
