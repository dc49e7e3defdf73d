// What every kubectl command shares: output streams, kubectl's error texts, namespace and type resolution.
import { lookupResource, type ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import type { FlagValue } from "../cli/index.ts";
import type { KubectlContext } from "../context.ts";
import { contextNamespace } from "../kubeconfig/namespace.ts";

/** Parsed flags by long name. */
export type Flags = Record<string, FlagValue>;

/** One invocation: the context, parsed input, and both output streams (streamed and collected). */
export class Run {
  readonly ctx: KubectlContext;
  readonly args: string[];
  readonly flags: Flags;
  readonly flagsSet: Set<string>;
  readonly afterDash: string[];
  /** The command path, e.g. `get` or `create deployment`. */
  command = "";
  stdout = "";
  stderr = "";
  private defaultNamespace?: string;

  constructor(ctx: KubectlContext, args: string[], flags: Flags, flagsSet: Set<string>, afterDash: string[]) {
    this.ctx = ctx;
    this.args = args;
    this.flags = flags;
    this.flagsSet = flagsSet;
    this.afterDash = afterDash;
  }

  /** Write to stdout. */
  out(text: string): void {
    if (!text) return;
    this.stdout += text;
    this.ctx.write("stdout", text);
  }

  /** Write to stderr. */
  err(text: string): void {
    if (!text) return;
    this.stderr += text;
    this.ctx.write("stderr", text);
  }

  /** Read a string flag. */
  str(name: string): string {
    return String(this.flags[name] ?? "");
  }

  /** Read a boolean flag. */
  bool(name: string): boolean {
    return this.flags[name] === true;
  }

  /** Read a number flag. */
  num(name: string): number {
    return Number(this.flags[name] ?? 0);
  }

  /** Read a list flag. */
  list(name: string): string[] {
    const v = this.flags[name];
    return Array.isArray(v) ? v : [];
  }

  /** The namespace of the command: `-n`, else the kubeconfig context's namespace, else `default`. */
  get namespace(): string {
    const flag = this.str("namespace");
    if (flag) return flag;
    this.defaultNamespace ??= contextNamespace(this.ctx, this.str("kubeconfig"), this.str("context"));
    return this.defaultNamespace;
  }

  /** Virtual time now. */
  get now(): number {
    return this.ctx.api.loop.now();
  }
}

/** A failure whose stderr text is already worded as kubectl words it (ends in a newline). */
export class CliError extends Error {
  readonly text: string;
  readonly exitCode: number;
  constructor(text: string, exitCode = 1) {
    super(text);
    this.text = text.endsWith("\n") ? text : `${text}\n`;
    this.exitCode = exitCode;
  }
}

/** Throw kubectl's `error: <msg>` failure. */
export function fail(message: string): never {
  throw new CliError(`error: ${message}`);
}

/** Word an error as kubectl's CheckErr prints it (FIDELITY §3.1), ending in a newline. */
export function errorText(e: unknown): string {
  if (e instanceof CliError) return e.text;
  if (e instanceof StatusError) return `${statusText(e)}\n`;
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith("error: ") ? `${msg.replace(/\n$/, "")}\n` : `error: ${msg.replace(/\n$/, "")}\n`;
}

/** Word a Status error as kubectl prints it (no trailing newline). */
export function statusText(e: StatusError): string {
  const s = e.status;
  if (s.reason === "Invalid") {
    const d = s.details;
    let prefix = "The request is invalid";
    if (d && (d.kind || d.name)) prefix = `The ${d.kind ?? ""} "${d.name ?? ""}" is invalid`;
    const causes = (d?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
    if (causes.length === 0) return s.message ? `${prefix}: ${s.message}` : prefix;
    if (causes.length === 1) return `${prefix}: ${causes[0]}`;
    return `${prefix}: \n${causes.map((c) => `* ${c}`).join("\n")}`;
  }
  if (s.reason === "BadRequest" && s.message.startsWith("the server doesn't have a resource type"))
    return `error: ${s.message}`;
  if (s.reason === "Unauthorized") return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

/** Resolve a resource type as typed, or fail with the unknown-type error. */
export function resolveType(name: string): ResourceType {
  const rt = name ? lookupResource(name) : undefined;
  if (!rt) fail(`the server doesn't have a resource type "${name}"`);
  return rt;
}

/** Split `TYPE NAME...`, `TYPE/NAME ...` arguments into (type, name) pairs; names may be empty. */
export function typeNamePairs(args: string[]): { rt: ResourceType; names: string[] }[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    const out: { rt: ResourceType; names: string[] }[] = [];
    for (const a of args) {
      const i = a.indexOf("/");
      if (i < 0)
        fail(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      const rt = resolveType(a.slice(0, i));
      const name = a.slice(i + 1);
      if (!name) fail(`arguments in resource/name form must have a single resource and name`);
      out.push({ rt, names: [name] });
    }
    return out;
  }
  const types = args[0].split(",").filter((t) => t !== "");
  return types.map((t) => ({ rt: resolveType(t), names: args.slice(1) }));
}

/** The namespace an object of this type lives in for this command. */
export function nsFor(rt: ResourceType, run: Run): string | undefined {
  return rt.namespaced ? run.namespace : undefined;
}

/** The dry-run mode of a command (`none`, `client`, `server`), failing on bad values as kubectl does. */
export function dryRun(run: Run): "none" | "client" | "server" {
  const v = run.str("dry-run") || "none";
  if (v === "none" || v === "client" || v === "server") return v;
  if (v === "true") return "client";
  if (v === "false") return "none";
  return fail(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The suffix a dry run adds to success lines. */
export function dryRunSuffix(mode: "none" | "client" | "server"): string {
  return mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
}

/** Sort objects by namespace then name, as list results come back. */
export function byName(a: KubeObject, b: KubeObject): number {
  const an = `${a.metadata.namespace ?? ""}/${a.metadata.name ?? ""}`;
  const bn = `${b.metadata.namespace ?? ""}/${b.metadata.name ?? ""}`;
  return an < bn ? -1 : an > bn ? 1 : 0;
}
