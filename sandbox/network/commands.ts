// Register the network commands on the node shell: ip (with netns), iptables, curl, wget, nc, ping,
// nslookup, nsenter and explain.
import {
  type NodeCommandContext,
  registerNodeCommand,
  runNodeCommand,
  setHostAddresses,
} from "../node/commands.ts";
import type { Machine } from "../node/machine.ts";
import type { CommandOutput } from "../node/ps.ts";
import { runExplain } from "./explain.ts";
import { networkOf } from "./install.ts";
import type { Site } from "./site.ts";
import type { NetStack } from "./stack.ts";
import { NET_TOOLS } from "./tools/table.ts";

let override: NetStack | undefined;

function read(m: Machine, path: string): string {
  try {
    return m.fs.readFile(path);
  } catch {
    return "";
  }
}

/** The site of a node shell command: the host namespace, or the one nsenter / ip netns exec chose. */
export function nodeSite(m: Machine, now: number): Site | undefined {
  const net = networkOf(m);
  if (!net) return undefined;
  return {
    fabric: net.cluster.fabric,
    node: net.node,
    stack: override ?? net.node.host,
    resolvConf: read(m, "/etc/resolv.conf"),
    hosts: read(m, "/etc/hosts"),
    hostname: m.hostname,
    now,
    random: net.cluster.random,
    flavor: "ubuntu",
  };
}

function withStack(m: Machine, stack: NetStack, argv: string[], ctx: NodeCommandContext): CommandOutput {
  const prev = override;
  override = stack;
  try {
    return runNodeCommand(m, argv, { ...ctx, netns: stack.inode });
  } finally {
    override = prev;
  }
}

function nsenter(m: Machine, args: string[], ctx: NodeCommandContext): CommandOutput {
  let pid = 0;
  let net = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith("-"); i++) {
    const a = args[i];
    if (a === "-t" || a === "--target") pid = Number(args[++i]);
    else if (a.startsWith("--target=")) pid = Number(a.slice(9));
    else if (/^-[a-zA-Z]*n/.test(a) || a === "--net" || a === "-a" || a === "--all") net = true;
  }
  const rest = args.slice(i);
  const p = m.processes.get(pid);
  if (!p)
    return {
      stdout: "",
      stderr: `nsenter: cannot open /proc/${pid}/ns/net: No such file or directory\n`,
      exitCode: 1,
    };
  const argv = rest.length ? rest : ["bash"];
  const stack = net ? networkOf(m)?.node.stackOf(p.ns.net) : undefined;
  return stack ? withStack(m, stack, argv, ctx) : runNodeCommand(m, argv, ctx);
}

function ip(m: Machine, args: string[], ctx: NodeCommandContext): CommandOutput {
  const net = networkOf(m);
  if (args[0] === "-n" || args[0] === "-netns") {
    const e = m.netns.get(args[1] ?? "");
    const stack = e && net?.node.stackOf(e.inode);
    if (!stack)
      return {
        stdout: "",
        stderr: `Cannot open network namespace "${args[1]}": No such file or directory\n`,
        exitCode: 1,
      };
    return withStack(m, stack, ["ip", ...args.slice(2)], ctx);
  }
  if (args[0] === "netns") {
    if (!args[1] || args[1] === "list" || args[1] === "ls" || args[1] === "show")
      return { stdout: m.netns.formatList(), stderr: "", exitCode: 0 };
    if (args[1] === "exec") {
      const e = m.netns.get(args[2] ?? "");
      const stack = e && net?.node.stackOf(e.inode);
      if (!stack)
        return {
          stdout: "",
          stderr: `Cannot open network namespace "${args[2]}": No such file or directory\n`,
          exitCode: 1,
        };
      return withStack(m, stack, args.slice(3), ctx);
    }
  }
  const site = nodeSite(m, ctx.now);
  if (!site)
    return { stdout: "", stderr: "ip: the network model is not attached to this machine\n", exitCode: 1 };
  return NET_TOOLS.ip(site, args, ctx.stdin ?? "");
}

/** Add the network commands to the node shell's table. */
export function registerNetworkCommands(): void {
  for (const [name, tool] of Object.entries(NET_TOOLS)) {
    if (name === "ip") continue;
    registerNodeCommand(name, (m, args, ctx) => {
      const site = nodeSite(m, ctx.now);
      if (!site) return { stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
      return tool(site, args, ctx.stdin ?? "");
    });
  }
  registerNodeCommand("ip", ip);
  registerNodeCommand("nsenter", nsenter);
  // hostname -I lists the host namespace's addresses in interface order, loopback left out.
  setHostAddresses((m) =>
    (networkOf(m)?.node.host.links ?? []).flatMap((l) =>
      l.kind === "loopback" ? [] : l.addrs.filter((a) => a.scope === "global").map((a) => a.ip),
    ),
  );
  registerNodeCommand("explain", (m, args, ctx) => {
    const site = nodeSite(m, ctx.now);
    const net = networkOf(m);
    if (!site || !net) return { stdout: "", stderr: "explain: no network model\n", exitCode: 1 };
    return runExplain(net.cluster, site, args);
  });
}
