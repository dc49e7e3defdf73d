// Which function runs each kubectl command path.
import type { Run } from "./common.ts";
import { runGet } from "./get.ts";

/** A command implementation: writes through `run` and returns the exit code. */
export type CommandFn = (run: Run) => number;

/** Command implementations by path (`get`, `create deployment`, `rollout status`). */
export const COMMANDS: Record<string, CommandFn> = {
  get: runGet,
};
