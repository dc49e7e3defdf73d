// Which function runs each kubectl command path.
import { runApply } from "./apply.ts";
import { runCanI } from "./auth-can-i.ts";
import type { Run } from "./common.ts";
import { runCurrentContext, runGetClusters, runGetContexts, runGetUsers, runUseContext } from "./config.ts";
import { runDeleteContext, runRenameContext, runSetContext } from "./config-edit.ts";
import { runConfigView } from "./config-view.ts";
import { runCreate } from "./create.ts";
import { runDelete } from "./delete.ts";
import { runDescribe } from "./describe.ts";
import { runDiff } from "./diff.ts";
import { runDrain } from "./drain.ts";
import { runExpose } from "./expose.ts";
import { runGet } from "./get.ts";
import { runApiResources, runClusterInfo, runVersion } from "./info.ts";
import { runMetadataEdit } from "./label.ts";
import { runLogs } from "./logs.ts";
import { runExec } from "./logs-exec.ts";
import { runCordon, runTaint } from "./nodes.ts";
import { runPatch } from "./patch.ts";
import { runReplace } from "./replace.ts";
import { runRollout } from "./rollout.ts";
import { runRun } from "./run.ts";
import { runScale } from "./scale.ts";
import { runSetEnv } from "./set-env.ts";
import { runSetImage } from "./set-image.ts";
import { runApiVersions, runTop } from "./top-versions.ts";
import { runWait } from "./wait.ts";

/** A command implementation: writes through `run` and returns the exit code. */
export type CommandFn = (run: Run) => number;

/** Command implementations by path (`get`, `create deployment`, `rollout status`); groups by first word. */
export const COMMANDS: Record<string, CommandFn> = {
  get: runGet,
  describe: runDescribe,
  run: runRun,
  create: runCreate,
  apply: runApply,
  patch: runPatch,
  replace: runReplace,
  diff: runDiff,
  delete: runDelete,
  expose: runExpose,
  scale: runScale,
  rollout: runRollout,
  label: runMetadataEdit,
  annotate: runMetadataEdit,
  logs: runLogs,
  exec: runExec,
  cordon: runCordon,
  uncordon: runCordon,
  drain: runDrain,
  taint: runTaint,
  "set image": runSetImage,
  "set env": runSetEnv,
  wait: runWait,
  version: runVersion,
  "cluster-info": runClusterInfo,
  "api-resources": runApiResources,
  "api-versions": runApiVersions,
  "top node": runTop,
  "top pod": runTop,
  "auth can-i": runCanI,
  "config view": runConfigView,
  "config current-context": runCurrentContext,
  "config get-contexts": runGetContexts,
  "config get-clusters": runGetClusters,
  "config get-users": runGetUsers,
  "config use-context": runUseContext,
  "config set-context": runSetContext,
  "config delete-context": runDeleteContext,
  "config rename-context": runRenameContext,
};
