// Amounts: the chain counts in the smallest unit (ubtt, 6 decimals); people read and type BTT.
// Every amount a page shows goes through `formatAmount`, and every amount a user types through
// `parseAmount`, which refuses bad input with a message before anything is signed.

/** Decimals of BTT (and of the USDC of the test chains). */
export const DECIMALS = 6;

/** "1234567890" ubtt → "1,234.567890" (always 6 decimals, thousands grouped). */
export function formatAmount(raw: string | bigint, decimals = DECIMALS): string {
  const value = typeof raw === "bigint" ? raw : BigInt(raw);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(decimals);
  const whole = (abs / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = (abs % unit).toString().padStart(decimals, "0");
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? "." + frac : ""}`;
}

export type Parsed = { ok: true; raw: bigint } | { ok: false; error: string };

export interface AmountRules {
  /** The most the user may spend (their balance, or what is claimable), in the smallest unit. */
  max?: bigint;
  /** What `max` is, for the message ("your balance"). */
  maxLabel?: string;
  /** Whether zero is acceptable (it never is for a payment). */
  allowZero?: boolean;
  decimals?: number;
}

/** Parses what a user typed as an amount of BTT into ubtt, or says why it cannot be sent. */
export function parseAmount(input: string, rules: AmountRules = {}): Parsed {
  const decimals = rules.decimals ?? DECIMALS;
  const text = input.trim().replace(/,/g, "");
  if (text === "") return { ok: false, error: "Enter an amount." };
  if (text.startsWith("-")) return { ok: false, error: "The amount cannot be negative." };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) {
    return { ok: false, error: "Enter a number, like 12.5." };
  }
  const frac = match[2] ?? "";
  if (frac.length > decimals) {
    return { ok: false, error: `At most ${decimals} decimals.` };
  }
  const raw = BigInt(match[1] || "0") * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, "0") || "0");
  if (raw === 0n && !rules.allowZero) return { ok: false, error: "The amount must be more than 0." };
  if (rules.max !== undefined && raw > rules.max) {
    return {
      ok: false,
      error: `More than ${rules.maxLabel ?? "the maximum"} (${formatAmount(rules.max, decimals)}).`,
    };
  }
  return { ok: true, raw };
}

/** Basis points as a percentage: 75 → "0.75%". */
export function formatBps(bps: number): string {
  return `${(bps / 100).toFixed(2)}%`;
}

/** A Decimal string ("1.5") as a multiplier: "1.5×". */
export function formatMultiplier(decimal: string): string {
  const n = Number(decimal);
  return `${Number.isInteger(n) ? n.toFixed(1) : String(n)}×`;
}

/** A whole number from a form field, or why it is not one. */
export function wholeNumber(
  text: string,
  label: string,
  min = 1,
): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (t === "") return { ok: false, error: `Enter ${label}.` };
  if (!/^\d+$/.test(t))
    return { ok: false, error: `${label[0].toUpperCase()}${label.slice(1)} must be a whole number.` };
  const value = Number(t);
  if (value < min) return { ok: false, error: `${label[0].toUpperCase()}${label.slice(1)} must be at least ${min}.` };
  return { ok: true, value };
}

/** `n × decimal`, rounded down, as the contracts' `Uint128::mul_floor(Decimal)` does (18 places). */
export function mulFloor(n: bigint, decimal: string): bigint {
  const [whole, frac = ""] = decimal.split(".");
  const scaled = BigInt(whole) * 10n ** 18n + BigInt(frac.padEnd(18, "0").slice(0, 18));
  return (n * scaled) / 10n ** 18n;
}
