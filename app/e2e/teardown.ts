// After the browser tests: the captured transactions of every test, in test-name order, must
// equal e2e/captured.json (what the Rust replay test replays). UPDATE_CAPTURED=1 rewrites it.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export default function teardown() {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, "..", "test-results", "captured");
  if (!existsSync(dir)) return;
  const all: Record<string, unknown> = {};
  for (const file of readdirSync(dir).sort()) {
    all[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(dir, file), "utf8"));
  }
  const text = JSON.stringify(all, null, 2) + "\n";
  const committed = join(here, "captured.json");
  if (process.env.UPDATE_CAPTURED === "1") {
    writeFileSync(committed, text);
    console.log(`wrote e2e/captured.json (${Object.keys(all).length} tests)`);
    return;
  }
  const before = existsSync(committed) ? readFileSync(committed, "utf8") : "";
  if (before !== text) {
    writeFileSync(join(dir, "..", "captured.json"), text);
    throw new Error(
      "the app now signs different messages than e2e/captured.json: run `UPDATE_CAPTURED=1 npm run e2e` " +
        "in app/, check the diff, commit it, and the replay test runs the new messages",
    );
  }
}
