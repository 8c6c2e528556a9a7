import { describe, expect, it } from "vitest";
import { DECIMALS, formatAmount, formatBps, formatMultiplier, parseAmount, mulFloor } from "./amount";

/** ubtt of a whole number of BTT. */
const btt = (whole: number) => BigInt(whole) * 10n ** BigInt(DECIMALS);

describe("formatAmount", () => {
  it("shows ubtt as BTT with 6 decimals and grouped thousands", () => {
    expect(formatAmount("1234567890")).toBe("1,234.567890");
    expect(formatAmount(0n)).toBe("0.000000");
    expect(formatAmount("21000000000000")).toBe("21,000,000.000000");
    expect(formatAmount(1n)).toBe("0.000001");
    expect(formatAmount(-1500000n)).toBe("-1.500000");
  });
});

describe("parseAmount", () => {
  it("reads BTT into ubtt", () => {
    expect(parseAmount("12.5")).toEqual({ ok: true, raw: 12_500_000n });
    expect(parseAmount("1,000")).toEqual({ ok: true, raw: btt(1000) });
    expect(parseAmount(".000001")).toEqual({ ok: true, raw: 1n });
  });

  it("refuses empty, negative, non-numbers, zero and too many decimals", () => {
    expect(parseAmount("")).toEqual({ ok: false, error: "Enter an amount." });
    expect(parseAmount("-1")).toEqual({ ok: false, error: "The amount cannot be negative." });
    expect(parseAmount("abc")).toEqual({ ok: false, error: "Enter a number, like 12.5." });
    expect(parseAmount(".")).toEqual({ ok: false, error: "Enter a number, like 12.5." });
    expect(parseAmount("0")).toEqual({ ok: false, error: "The amount must be more than 0." });
    expect(parseAmount("1.0000001")).toEqual({ ok: false, error: "At most 6 decimals." });
  });

  it("refuses more than the balance", () => {
    expect(parseAmount("10.000001", { max: btt(10), maxLabel: "your balance" })).toEqual({
      ok: false,
      error: "More than your balance (10.000000).",
    });
    expect(parseAmount("10", { max: btt(10) })).toEqual({ ok: true, raw: btt(10) });
  });
});

describe("rates", () => {
  it("shows basis points and multipliers", () => {
    expect(formatBps(75)).toBe("0.75%");
    expect(formatMultiplier("2.5")).toBe("2.5×");
    expect(formatMultiplier("1")).toBe("1.0×");
  });
});

describe("mulFloor", () => {
  it("multiplies by a Decimal and rounds down like Uint128::mul_floor", () => {
    expect(mulFloor(400n, "1000")).toBe(400_000n);
    expect(mulFloor(3n, "0.5")).toBe(1n);
    expect(mulFloor(7n, "0.333333333333333333")).toBe(2n);
    expect(mulFloor(0n, "12.5")).toBe(0n);
    expect(mulFloor(10n ** 20n, "1.000000000000000001")).toBe(10n ** 20n + 100n);
  });
});
