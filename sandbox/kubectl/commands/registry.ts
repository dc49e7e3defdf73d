// Which function runs each kubectl command path.
import { runApply } from "./apply.ts";
import type { Run } from "./common.ts";
import { runCreate } from "./create.ts";
import { runDelete } from "./delete.ts";
import { runGet } from "./get.ts";
import { runRun } from "./run.ts";

/** A command implementation: writes through `run` and returns the exit code. */
export type CommandFn = (run: Run) => number;

/** Command implementations by path (`get`, `create deployment`, `rollout status`); groups by first word. */
export const COMMANDS: Record<string, CommandFn> = {
  get: runGet,
  run: runRun,
  create: runCreate,
  apply: runApply,
  delete: runDelete,
};
