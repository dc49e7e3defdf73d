// `kubectl exec`: run a command inside a running container, in its network namespace, with only the
// executables its image ships. `sh -c` scripts run through the modelled shell grammar.
import type { Pod } from "../api/types.ts";
import { processEnv } from "../images/env.ts";
import { formatDate } from "../images/shell.ts";
import { parseShell, type ShNode, ShSyntaxError, type Word } from "../images/shell-parse.ts";
import type { CommandResult } from "../kubectl/context.ts";
import type { ExecTarget } from "../node/cri-types.ts";
import type { ClusterNetwork } from "./install.ts";
import type { NodeNetwork } from "./node-network.ts";
import type { Site } from "./site.ts";
import { NET_TOOLS } from "./tools/table.ts";

/** The resolv.conf the kubelet writes for a pod (dnsPolicy ClusterFirst unless host networking or Default). */
export function podResolvConf(pod: Pod | undefined, dnsIP: string, nodeResolv: string): string {
  const policy = pod?.spec.dnsPolicy ?? "ClusterFirst";
  if (policy === "Default" || (policy === "ClusterFirst" && pod?.spec.hostNetwork)) return nodeResolv;
  const ns = pod?.metadata.namespace ?? "default";
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${dnsIP}\noptions ndots:5\n`;
}

/** The /etc/hosts the kubelet manages for a pod. */
export function podHosts(ip: string, hostname: string): string {
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${hostname}\n`;
}

function nodeFile(node: NodeNetwork, path: string): string {
  try {
    return node.machine.fs.readFile(path);
  } catch {
    return "";
  }
}

/** The site of a container: its pod's namespace, resolv.conf and hosts file. */
export function containerSite(net: ClusterNetwork, node: NodeNetwork, t: ExecTarget, now: number): Site {
  const pod = net.api.tryGet<Pod>("pods", t.podNamespace, t.labels["io.kubernetes.pod.name"] ?? "");
  const stack = (t.hostNetwork ? node.host : node.stackOf(t.net)) ?? node.host;
  const resolv = podResolvConf(pod, net.dnsIP, nodeFile(node, "/run/systemd/resolve/resolv.conf"));
  return {
    fabric: net.fabric,
    node,
    stack,
    resolvConf: resolv,
    hosts: t.hostNetwork ? nodeFile(node, "/etc/hosts") : podHosts(t.podIp, t.hostname),
    hostname: t.hostname,
    now,
    random: net.random,
    flavor: t.binaries.includes("wget") ? "busybox" : "debian",
  };
}

type Out = { stdout: string; stderr: string; code: number };

function runOne(site: Site, t: ExecTarget, argv: string[], stdin: string, shell: boolean): Out {
  const exe = (argv[0] ?? "").split("/").pop() ?? "";
  const ok = (stdout: string): Out => ({ stdout, stderr: "", code: 0 });
  if (!t.binaries.includes(exe)) {
    if (shell) return { stdout: "", stderr: `sh: ${argv[0]}: not found\n`, code: 127 };
    return {
      stdout: "",
      stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`,
      code: 126,
    };
  }
  const args = argv.slice(1);
  const env = processEnv(t.env, site.hostname);
  const files: Record<string, string> = {
    "/etc/resolv.conf": site.resolvConf,
    "/etc/hosts": site.hosts,
    "/etc/hostname": `${site.hostname}\n`,
  };
  switch (exe) {
    case "cat": {
      let out = "";
      let err = "";
      for (const f of args) {
        if (files[f] !== undefined) out += files[f];
        else
          err +=
            site.flavor === "busybox"
              ? `cat: can't open '${f}': No such file or directory\n`
              : `cat: ${f}: No such file or directory\n`;
      }
      return { stdout: out || (args.length ? "" : stdin), stderr: err, code: err ? 1 : 0 };
    }
    case "hostname":
      return ok(`${site.hostname}\n`);
    case "env":
    case "printenv": {
      if (exe === "printenv" && args.length) {
        const found = args.filter((a) => env[a] !== undefined);
        const out = found.map((a) => `${env[a]}\n`).join("");
        return { stdout: out, stderr: "", code: found.length === args.length ? 0 : 1 };
      }
      return ok(
        Object.entries(env)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(""),
      );
    }
    case "echo":
      return ok(args[0] === "-n" ? args.slice(1).join(" ") : `${args.join(" ")}\n`);
    case "true":
    case "sleep":
      return ok("");
    case "false":
      return { stdout: "", stderr: "", code: 1 };
    case "date":
      return ok(`${formatDate(site.now)}\n`);
    case "id":
      return ok("uid=0(root) gid=0(root) groups=0(root)\n");
    case "whoami":
      return ok("root\n");
    case "sh":
    case "ash":
    case "bash":
      return args[0] === "-c" ? runScript(site, t, args[1] ?? "", stdin) : ok("");
  }
  const tool = NET_TOOLS[exe];
  if (!tool)
    return { stdout: "", stderr: `${exe}: this command is not modelled inside containers\n`, code: 126 };
  const r = tool(site, args, stdin);
  return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode };
}

function runScript(site: Site, t: ExecTarget, script: string, stdin: string): Out {
  let tree: ShNode;
  try {
    tree = parseShell(script);
  } catch (e) {
    if (!(e instanceof ShSyntaxError)) throw e;
    return { stdout: "", stderr: `${e.message}\n`, code: 2 };
  }
  const acc: Out = { stdout: "", stderr: "", code: 0 };
  const vars: Record<string, string> = processEnv(t.env, site.hostname);
  const word = (w: Word) =>
    w
      .map((p) =>
        p.t === "lit"
          ? p.v
          : p.t === "var"
            ? (vars[p.v] ?? "")
            : p.v.trim() === "hostname"
              ? site.hostname
              : "",
      )
      .join("");
  let steps = 0;
  const run = (n: ShNode): number => {
    if (++steps > 1000) return 1;
    switch (n.t) {
      case "seq":
        return n.items.reduce((_, item) => run(item), 0);
      case "and": {
        const l = run(n.l);
        return l === 0 ? run(n.r) : l;
      }
      case "or": {
        const l = run(n.l);
        return l !== 0 ? run(n.r) : l;
      }
      case "if":
        return run(n.cond) === 0 ? run(n.then) : n.else ? run(n.else) : 0;
      case "for": {
        let last = 0;
        for (const v of n.words.map(word).flatMap((x) => x.split(/\s+/).filter(Boolean))) {
          vars[n.name] = v;
          last = run(n.body);
        }
        return last;
      }
      case "while":
        return 0;
      case "cmd": {
        const argv = n.words.map(word);
        const r = runOne(site, t, argv, stdin, true);
        acc.stdout += r.stdout;
        acc.stderr += r.stderr;
        vars["?"] = String(r.code);
        return r.code;
      }
    }
  };
  acc.code = run(tree);
  return acc;
}

/** Run argv in a container as the runtime's exec does: output and the process's exit code. */
export function execInContainer(
  net: ClusterNetwork,
  node: NodeNetwork,
  t: ExecTarget,
  argv: string[],
  stdin: string,
  now: number,
): CommandResult {
  if (t.state !== "CONTAINER_RUNNING")
    return {
      stdout: "",
      stderr: `error: unable to upgrade connection: container not found ("${t.labels["io.kubernetes.container.name"] ?? ""}")\n`,
      exitCode: 1,
    };
  const site = containerSite(net, node, t, now);
  const r = runOne(site, t, argv, stdin, false);
  // kubectl itself adds "command terminated with exit code N" for a non-zero exit.
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.code };
}
