import { defineConfig } from "@playwright/test";

// The live browser tests (e2e-live/): the production build against the local wasmd node of
// scripts/localnet.sh and its deployment (out/manifest-local.json), with a test wallet behind
// the Keplr interface that really signs. scripts/live-test.sh runs them after the Rust live
// tests, while the node is up.
export default defineConfig({
  testDir: "e2e-live",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:4174",
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" },
    viewport: { width: 1200, height: 900 },
  },
  webServer: {
    command: "npx vite preview --host 127.0.0.1 --port 4174 --strictPort",
    url: "http://127.0.0.1:4174",
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
