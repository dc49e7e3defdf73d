import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

const ROOT = join(import.meta.dirname, "..", "golden");

/**
 * Compare text with the golden file `test/golden/<name>`.
 * Missing or changed goldens fail; `npm run test:update` (UPDATE_GOLDENS=1) rewrites them on purpose.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, name);
  if (process.env.UPDATE_GOLDENS === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file test/golden/${name} is missing; run npm run test:update to create it`);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
