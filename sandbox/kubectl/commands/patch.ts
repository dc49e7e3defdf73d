// kubectl patch: send a strategic merge, JSON merge or JSON patch for each named object and print
// `<kind>/<name> patched` (or `patched (no change)`); --dry-run=client and --local patch locally.
import type { ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { badRequest, StatusError } from "../../apiserver/errors.ts";
import { NO_RESOURCES_MESSAGE } from "../cli/resource-args.ts";
import { goQuote } from "../output/go-format.ts";
import { type Json, PatchFailure, type PatchType, parsePatchText } from "../patch/index.ts";
import { CliError, dryRun, errorText, fail, type Run, typeNamePairs } from "./common.ts";
import { manifestItems, manifestNamespace, namespaceMismatch } from "./file-args.ts";
import { changed, type PatchJob, patchLocally, patchOnServer } from "./patch-apply.ts";
import { type Patched, patchScale, patchStatus } from "./patch-subresource.ts";
import { outputFormat, printResult } from "./print.ts";

const TYPES = ["json", "merge", "strategic"];
const SUBRESOURCES = ["status", "scale"];

function readPatch(run: Run): Json | PatchFailure {
  const file = run.str("patch-file");
  let text = run.str("patch");
  if (file) {
    const content = run.ctx.readFile(file);
    if (content === undefined) fail(`unable to read patch file: open ${file}: no such file or directory`);
    text = content;
  }
  try {
    return parsePatchText(text);
  } catch (e) {
    if (e instanceof PatchFailure) return e;
    // kubectl quotes the -p value here, even when the patch came from --patch-file.
    return fail(`unable to parse ${goQuote(run.str("patch"))}: ${(e as Error).message}`);
  }
}

interface Target {
  rt: ResourceType;
  name: string;
  namespace?: string;
  /** The object from `-f`, for --local. */
  fromFile?: KubeObject;
}

function targets(run: Run): Target[] {
  const files = run.list("filename");
  if (files.length === 0) {
    if (run.args.length === 0) fail(NO_RESOURCES_MESSAGE);
    return typeNamePairs(run.args).flatMap(({ rt, names }) => {
      if (names.length === 0) fail("resource(s) were provided, but no name was specified");
      return names.map((name) => ({ rt, name, namespace: rt.namespaced ? run.namespace : undefined }));
    });
  }
  return manifestItems(run, files).map((item) => {
    if (!item.ok) fail(item.message);
    const mismatch = namespaceMismatch(run, item.rt, item.obj);
    if (mismatch) fail(mismatch);
    const namespace = manifestNamespace(run, item.rt, item.obj);
    const fromFile = { ...item.obj, metadata: { ...item.obj.metadata, namespace } };
    return { rt: item.rt, name: item.obj.metadata.name ?? "", namespace, fromFile };
  });
}

function validate(run: Run): PatchJob {
  const mode = dryRun(run);
  const local = run.bool("local");
  if (run.str("patch") && run.str("patch-file")) fail("cannot specify --patch and --patch-file together");
  if (!run.str("patch") && !run.str("patch-file"))
    fail("must specify --patch or --patch-file containing the contents of the patch");
  if (local && run.args.length > 0) fail("cannot specify --local and server resources");
  if (local && mode === "server")
    fail("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  const type = run.str("type").toLowerCase();
  if (run.str("type") && !TYPES.includes(type))
    fail(`--type must be one of [json merge strategic], not ${goQuote(run.str("type"))}`);
  const sub = run.str("subresource");
  if (sub && !SUBRESOURCES.includes(sub))
    fail(`invalid subresource value: ${goQuote(sub)}. Must be one of [status scale]`);
  return { type: (type || "strategic") as PatchType, patch: null, mode };
}

// The server refuses a patch that renames or moves the object it was sent to.
function checkIdentity(patched: KubeObject, live: KubeObject): void {
  const ns = patched.metadata?.namespace;
  if (ns && live.metadata.namespace && ns !== live.metadata.namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  const name = patched.metadata?.name ?? "";
  if (name !== live.metadata.name) {
    throw badRequest(
      `the name of the object (${name}) does not match the name on the URL (${live.metadata.name})`,
    );
  }
}

// An object named by `-f` is not fetched first: kubectl patches (and compares with) the file's copy
// locally, and compares the server's answer with it too, so `-f` rarely reports "no change".
function patchTarget(run: Run, job: PatchJob, t: Target): Patched {
  if (t.fromFile && (run.bool("local") || job.mode === "client")) {
    const obj = patchLocally(job, t.rt.kind, t.fromFile);
    return { obj, rt: t.rt, didPatch: changed(t.fromFile, obj) };
  }
  const live = run.ctx.api.get<KubeObject>(t.rt.plural, t.namespace, t.name);
  const sub = run.str("subresource");
  if (sub === "scale") return patchScale(run, job, t.rt, live);
  if (sub === "status") return patchStatus(run, job, t.rt, live);
  if (job.mode === "client") {
    const obj = patchLocally(job, t.rt.kind, live);
    return { obj, rt: t.rt, didPatch: changed(live, obj) };
  }
  const result = patchLive(run, job, t.rt, live);
  return t.fromFile ? { ...result, didPatch: changed(t.fromFile, result.obj) } : result;
}

// The server's side of a patch: apply, validate as an update, and skip the write when nothing changes.
function patchLive(run: Run, job: PatchJob, rt: ResourceType, live: KubeObject): Patched {
  const patched = patchOnServer(job, rt.kind, live);
  checkIdentity(patched, live);
  patched.metadata = { ...patched.metadata, resourceVersion: live.metadata.resourceVersion };
  const preview = run.ctx.api.update<KubeObject>(rt.plural, patched, { dryRun: true });
  if (!changed(preview, live)) return { obj: live, rt, didPatch: false };
  const obj =
    job.mode === "server" ? preview : run.ctx.api.update<KubeObject>(rt.plural, patched, { handOff: true });
  return { obj, rt, didPatch: true };
}

/** Run `kubectl patch`. */
export function runPatch(run: Run): number {
  const job = validate(run);
  job.patch = readPatch(run);
  const list = targets(run);
  const fmt = outputFormat(run);
  if (list.length === 0) fail("no objects passed to patch");
  const errors: unknown[] = [];
  for (const t of list) {
    try {
      const { obj, rt, didPatch } = patchTarget(run, job, t);
      // kubectl patch sets its printer's operation after adding the dry-run suffix, so a dry run
      // prints plain `patched`.
      printResult(run, fmt, obj, rt, didPatch ? "patched" : "patched (no change)");
    } catch (e) {
      if (!(e instanceof StatusError) && !(e instanceof CliError)) throw e;
      errors.push(e);
    }
  }
  for (const e of errors) run.err(errorText(e));
  return errors.length > 0 ? 1 : 0;
}
