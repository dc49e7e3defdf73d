// `ss` (iproute2 5.15) over the node's socket table: listening sockets with -l, -t, -u, -n, -p.
import type { Process } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";
import { bindAddress, type Listener } from "./sockets.ts";

// ss prints the dual-stack wildcard as `*`, IPv4 addresses as they are; the peer of a listening socket is
// the wildcard of its family (`0.0.0.0`, `*` or `[::]`).
function peerOf(addr: string): string {
  return addr === "*" || addr.startsWith("[") ? addr.replace(/^\[.*\]$/, "[::]") : "0.0.0.0";
}

/** Run `ss` against the listeners of one network namespace. */
export function runSs(
  args: readonly string[],
  listeners: readonly Listener[],
  proc: (pid: number) => Process | undefined,
): CommandOutput {
  const flags = new Set<string>();
  for (const a of args) {
    if (!/^-[a-zA-Z]+$/.test(a))
      return { stdout: "", stderr: `ss: bad option ${JSON.stringify(a)}\n`, exitCode: 1 };
    for (const f of a.slice(1)) {
      if (!"ltunpaH".includes(f))
        return {
          stdout: "",
          stderr: `ss: invalid option -- '${f}'\nUsage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n`,
          exitCode: 1,
        };
      flags.add(f);
    }
  }
  // Without -t or -u ss lists every kind; the model only has TCP and UDP listeners.
  const protos =
    flags.has("t") || flags.has("u")
      ? [...(flags.has("t") ? ["tcp"] : []), ...(flags.has("u") ? ["udp"] : [])]
      : ["tcp", "udp"];
  // Only listening sockets are modelled, so plain `ss` (established only) prints the header alone.
  const shown = flags.has("l") || flags.has("a") ? listeners.filter((l) => protos.includes(l.proto)) : [];
  const both = protos.length > 1;
  const rows = shown.map((l) => {
    const p = proc(l.pid);
    const addr = bindAddress(l);
    return {
      netid: l.proto,
      state: l.proto === "tcp" ? "LISTEN" : "UNCONN",
      recvQ: "0",
      sendQ: l.proto === "tcp" ? String(l.backlog ?? 4096) : "0",
      local: l.dev ? `${addr}%${l.dev}` : addr,
      localPort: flags.has("n") ? String(l.port) : (SERVICES[l.port] ?? String(l.port)),
      peer: peerOf(addr),
      peerPort: "*",
      // The fd number is the model's own; real ones depend on what the daemon opened first.
      process: flags.has("p") && p ? `users:(("${p.comm}",pid=${p.pid},fd=${l.fd ?? 3}))` : "",
    };
  });
  // ss right-aligns addresses and left-aligns ports around the colon; the header's Process follows the
  // peer port with no separator, as iproute2 prints it.
  const w = (min: number, f: (r: (typeof rows)[number]) => string) =>
    Math.max(min, ...rows.map((r) => f(r).length));
  const W = {
    netid: w(5, (r) => r.netid),
    state: w(6, (r) => r.state),
    q: 6,
    local: w(13, (r) => r.local),
    localPort: w(4, (r) => r.localPort),
    peer: w(12, (r) => r.peer),
    peerPort: w(4, (r) => r.peerPort),
  };
  const head = `${both ? `${"Netid".padEnd(W.netid)} ` : ""}${"State".padEnd(W.state)} ${"Recv-Q".padEnd(W.q)} ${"Send-Q".padEnd(W.q)} ${"Local Address".padStart(W.local)}:${"Port".padEnd(W.localPort)} ${"Peer Address".padStart(W.peer)}:${"Port".padEnd(W.peerPort)}Process`;
  const body = rows.map((r) =>
    `${both ? `${r.netid.padEnd(W.netid)} ` : ""}${r.state.padEnd(W.state)} ${r.recvQ.padEnd(W.q)} ${r.sendQ.padEnd(W.q)} ${r.local.padStart(W.local)}:${r.localPort.padEnd(W.localPort)} ${r.peer.padStart(W.peer)}:${r.peerPort.padEnd(W.peerPort)} ${r.process}`.trimEnd(),
  );
  const stdout = [...(flags.has("H") ? [] : [head]), ...body].map((l) => `${l}\n`).join("");
  return { stdout, stderr: "", exitCode: 0 };
}

// /etc/services names ss prints without -n.
const SERVICES: Record<number, string> = {
  53: "domain",
  80: "http",
  443: "https",
  2379: "2379",
  6443: "6443",
};
