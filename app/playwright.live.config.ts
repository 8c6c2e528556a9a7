import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The live browser tests (e2e-live/): the production build against the local wasmd node of
// scripts/localnet.sh and its deployment (out/manifest-local.json), with a test wallet behind
// the Keplr interface that really signs. scripts/live-test.sh runs them after the Rust live
// tests, while the node is up. Everything else is the browser tests' config.
export default defineConfig({
  ...base,
  testDir: "e2e-live",
  globalTeardown: undefined,
  timeout: 90_000,
  use: { ...base.use, baseURL: "http://127.0.0.1:4174" },
  webServer: {
    command: "npx vite preview --host 127.0.0.1 --port 4174 --strictPort",
    url: "http://127.0.0.1:4174",
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
