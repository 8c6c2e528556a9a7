// Generates the TypeScript clients of every contract from the committed JSON schemas
// (../schema/<contract>/) into src/generated/, with @cosmwasm/ts-codegen.
//   node scripts/codegen.mjs          rewrite src/generated/
//   node scripts/codegen.mjs --check  fail when src/generated/ differs from the schemas
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import codegen from "@cosmwasm/ts-codegen";

const app = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemas = join(app, "..", "schema");
const target = join(app, "src", "generated");
const check = process.argv.includes("--check");

/** "rwa-fractionalizer" → "RwaFractionalizer" */
const pascal = (name) =>
  name
    .split("-")
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");

const contracts = readdirSync(schemas, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ name: pascal(entry.name), dir: join(schemas, entry.name) }))
  .sort((a, b) => a.name.localeCompare(b.name));

const out = mkdtempSync(join(tmpdir(), "btt-codegen-"));
try {
  await codegen.default({
    contracts,
    outPath: out,
    options: {
      bundle: { enabled: false },
      types: { enabled: true },
      client: { enabled: true },
      messageComposer: { enabled: true },
      reactQuery: { enabled: false },
      recoil: { enabled: false },
      useContractsHook: { enabled: false },
    },
  });
  // The generated files import every type of their contract, and btt-dao's `vote` is both a
  // query and a message, which the generated signing client class cannot type. The app uses
  // only the query clients, the message composers and the types, so the generated files are
  // not type-checked themselves (what they export still is, where the app uses it).
  for (const file of readdirSync(out)) {
    const path = join(out, file);
    writeFileSync(path, `// @ts-nocheck\n${readFileSync(path, "utf8")}`);
  }
  if (check) {
    try {
      execFileSync("diff", ["-ru", target, out], { stdio: "pipe" });
    } catch (e) {
      process.stderr.write(String(e.stdout).slice(0, 4000));
      console.error("app/src/generated is stale: run `npm run codegen` in app/ and commit the result");
      process.exit(1);
    }
    console.log(`app/src/generated matches the schemas of ${contracts.length} contracts`);
  } else {
    rmSync(target, { recursive: true, force: true });
    cpSync(out, target, { recursive: true });
    console.log(`wrote app/src/generated for ${contracts.length} contracts`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
