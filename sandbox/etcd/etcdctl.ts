// etcdctl v3.5.16 as kubeadm's etcd image ships it, talking to the cluster's etcd over a modelled TLS connection.
import { runEndpointHealth, runEndpointStatus, runMemberList, runVersion } from "./etcdctl-cluster.ts";
import {
  type EtcdctlContext,
  type EtcdctlResult,
  EXIT_BAD_FEATURE,
  exitWithError,
  type Invocation,
} from "./etcdctl-command.ts";
import { connectionFailure } from "./etcdctl-connect.ts";
import { FlagError, type FlagSpec, parseFlags } from "./etcdctl-flags.ts";
import { DEL_FLAGS, GET_FLAGS, PUT_FLAGS, runDel, runGet, runPut } from "./etcdctl-kv.ts";
import { runWatch, WATCH_FLAGS } from "./etcdctl-watch.ts";
import type { Etcd } from "./store.ts";

export type { EtcdctlContext, EtcdctlResult } from "./etcdctl-command.ts";

const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "endpoints", kind: "string" },
  { name: "cacert", kind: "string" },
  { name: "cert", kind: "string" },
  { name: "key", kind: "string" },
  { name: "write-out", short: "w", kind: "string" },
  { name: "hex", kind: "bool" },
  { name: "user", kind: "string" },
  { name: "password", kind: "string" },
  { name: "dial-timeout", kind: "string" },
  { name: "command-timeout", kind: "string" },
  { name: "keepalive-time", kind: "string" },
  { name: "keepalive-timeout", kind: "string" },
  { name: "insecure-transport", kind: "bool" },
  { name: "insecure-skip-tls-verify", kind: "bool" },
  { name: "insecure-discovery", kind: "bool" },
  { name: "discovery-srv", short: "d", kind: "string" },
  { name: "discovery-srv-name", kind: "string" },
  { name: "debug", kind: "bool" },
  { name: "help", short: "h", kind: "bool" },
];

interface CommandSpec {
  flags: FlagSpec[];
  needsServer: boolean;
  run: (inv: Invocation, stdin?: string) => EtcdctlResult;
}

const COMMANDS: Record<string, CommandSpec> = {
  get: { flags: GET_FLAGS, needsServer: true, run: runGet },
  put: { flags: PUT_FLAGS, needsServer: true, run: runPut },
  del: { flags: DEL_FLAGS, needsServer: true, run: runDel },
  watch: { flags: WATCH_FLAGS, needsServer: true, run: runWatch },
  "member list": { flags: [{ name: "hex", kind: "bool" }], needsServer: true, run: runMemberList },
  "endpoint status": {
    flags: [{ name: "cluster", kind: "bool" }],
    needsServer: true,
    run: runEndpointStatus,
  },
  "endpoint health": {
    flags: [{ name: "cluster", kind: "bool" }],
    needsServer: true,
    run: runEndpointHealth,
  },
  version: { flags: [], needsServer: false, run: runVersion },
};
const GROUPS = new Set(["member", "endpoint"]);
const ALL_FLAGS = [...GLOBAL_FLAGS, ...Object.values(COMMANDS).flatMap((c) => c.flags)];

/** Run etcdctl with argv (without the program name) against the cluster's etcd. */
export function runEtcdctl(etcd: Etcd, argv: string[], ctx: EtcdctlContext, stdin?: string): EtcdctlResult {
  const env = ctx.env ?? {};
  const api = env.ETCDCTL_API ?? "";
  if (api === "2") {
    // Deviation: etcdctl's v2 mode exists in 3.5, but kubeadm's etcd serves no v2 API and the model has none.
    return {
      stdout: "",
      stderr: "Error: the etcd v2 API is not enabled on this cluster (unset ETCDCTL_API or set it to 3)\n",
      exitCode: 1,
    };
  }
  if (api !== "" && api !== "3")
    return { stdout: "", stderr: `unsupported API version ${api}\n`, exitCode: 1 };
  try {
    return dispatch(etcd, argv, ctx, env, stdin);
  } catch (e) {
    // Cobra prints the command's usage after a flag error; the model prints only the error line.
    if (e instanceof FlagError) return exitWithError(1, e.message);
    throw e;
  }
}

function dispatch(
  etcd: Etcd,
  argv: string[],
  ctx: EtcdctlContext,
  env: Record<string, string>,
  stdin?: string,
): EtcdctlResult {
  const words = parseFlags(argv, ALL_FLAGS).args;
  if (words.length === 0) return { stdout: USAGE, stderr: "", exitCode: 0 };
  let name = words[0];
  if (GROUPS.has(name)) {
    if (words.length < 2) return { stdout: USAGE, stderr: "", exitCode: 0 };
    name = `${words[0]} ${words[1]}`;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    const bad = GROUPS.has(words[0]) ? words[1] : words[0];
    const parent = GROUPS.has(words[0]) ? `etcdctl ${words[0]}` : "etcdctl";
    return {
      stdout: "",
      stderr: `Error: unknown command "${bad}" for "${parent}"\nRun '${parent} --help' for usage.\n`,
      exitCode: 1,
    };
  }
  const rest = removeWords(argv, name.split(" "));
  const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...cmd.flags]);
  for (const spec of GLOBAL_FLAGS) {
    const envName = `ETCDCTL_${spec.name.toUpperCase().replaceAll("-", "_")}`;
    if (env[envName] === undefined) continue;
    if (parsed.values.has(spec.name)) {
      return exitWithError(
        1,
        `conflicting environment variable "${envName}" is shadowed by corresponding command-line flag (either unset environment variable or disable flag)`,
      );
    }
    parsed.values.set(spec.name, spec.kind === "bool" ? env[envName] === "true" : env[envName]);
  }
  const format = String(parsed.values.get("write-out") ?? "simple");
  if (!["simple", "json", "fields", "table", "protobuf"].includes(format))
    return exitWithError(EXIT_BAD_FEATURE, "unsupported output format");
  const endpoints = String(parsed.values.get("endpoints") ?? "127.0.0.1:2379").split(",");
  const inv: Invocation = {
    etcd,
    ctx,
    flags: parsed.values,
    args: parsed.args,
    format: format as Invocation["format"],
    hex: parsed.values.get("hex") === true,
    endpoint: endpoints[0],
  };
  if (cmd.needsServer) {
    const failure = connectionFailure(inv, name);
    if (failure) return failure;
  }
  return cmd.run(inv, stdin);
}

// Drop the command words (first occurrences, in order) from argv, keeping flags and arguments.
function removeWords(argv: string[], words: string[]): string[] {
  const out = [...argv];
  let from = 0;
  for (const w of words) {
    const i = out.indexOf(w, from);
    out.splice(i, 1);
    from = i;
  }
  return out;
}

// Deviation: the real help lists every command and global flag; this one lists what the model implements.
const USAGE = `NAME:
	etcdctl - A simple command line client for etcd3.

USAGE:
	etcdctl [flags]

VERSION:
	3.5.16

API VERSION:
	3.5


COMMANDS:
	del			Removes the specified key or range of keys [key, range_end)
	endpoint health		Checks the healthiness of endpoints specified in \`--endpoints\` flag
	endpoint status		Prints out the status of endpoints specified in \`--endpoints\` flag
	get			Gets the key or a range of keys
	member list		Lists all members in the cluster
	put			Puts the given key into the store
	version			Prints the version of etcdctl
	watch			Watches events stream on keys or prefixes

OPTIONS:
      --cacert=""				verify certificates of TLS-enabled secure servers using this CA bundle
      --cert=""					identify secure client using this TLS certificate file
      --endpoints=[127.0.0.1:2379]		gRPC endpoints
      --key=""					identify secure client using this TLS key file
  -w, --write-out="simple"			set the output format (fields, json, protobuf, simple, table)
`;
