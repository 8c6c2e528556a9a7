import { defineConfig } from "@playwright/test";

// The main job's HTML report (out/report.html of `scripts/run.sh`), opened from disk in Debian's
// Chromium: every chart must have data. No server: the page is self-contained.
export default defineConfig({
  testDir: "e2e-report",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" },
    viewport: { width: 1100, height: 900 },
  },
});
