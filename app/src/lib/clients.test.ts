import { describe, expect, it } from "vitest";
import { allPages, duration, PAGE } from "./clients";

describe("allPages", () => {
  it("follows start_after while pages are full", async () => {
    const items = Array.from({ length: 65 }, (_, i) => ({ id: i + 1 }));
    const asked: (number | undefined)[] = [];
    const all = await allPages(
      async (startAfter) => {
        asked.push(startAfter);
        return items.filter((x) => x.id > (startAfter ?? 0)).slice(0, PAGE);
      },
      (x) => x.id,
    );
    expect(all).toEqual(items);
    expect(asked).toEqual([undefined, 30, 60]);
  });

  it("stops at the page cap", async () => {
    let calls = 0;
    const all = await allPages(
      async (s) => {
        calls += 1;
        return Array.from({ length: PAGE }, (_, i) => ({ id: (s ?? 0) + i + 1 }));
      },
      (x) => x.id,
      3,
    );
    expect(calls).toBe(3);
    expect(all).toHaveLength(3 * PAGE);
  });
});

describe("duration", () => {
  it("reads as days and hours, hours and minutes, or minutes", () => {
    expect(duration(7 * 86_400)).toBe("7d 0h");
    expect(duration(3_660)).toBe("1h 1m");
    expect(duration(59)).toBe("0m");
    expect(duration(-5)).toBe("0m");
  });
});
