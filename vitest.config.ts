import { defineConfig } from "vitest/config";

// Two projects: `unit` needs nothing built; `browser` drives real Chromium against dist/,
// so `npm test` builds the site between the two (see package.json).
export default defineConfig({
  test: {
    pool: "threads",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**"],
          // Tests check behaviour, not speed (the benches do): a busy machine must not fail them.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // One Chromium at a time: parallel pages make the timing-based tests (runaway cells) flaky.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
