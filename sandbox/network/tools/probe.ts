// nc and ping: busybox flavours inside pods, the Ubuntu ones on nodes.
import { busyboxBanner } from "../../images/busybox.ts";
import type { CommandOutput } from "../../node/ps.ts";
import { resolveName, type Site, sendTo, strerror } from "../site.ts";

// /etc/services names netcat-openbsd prints for well-known ports.
const SERVICES: Record<number, string> = { 22: "ssh", 53: "domain", 80: "http", 443: "https", 6379: "redis" };

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: "", stderr, exitCode });

/** `nc [-z] [-v] [-u] [-w SECS] HOST PORT`: open a connection, optionally send stdin, print the reply. */
export function runNc(site: Site, args: string[], stdin = ""): CommandOutput {
  const flags = args.filter((a) => a.startsWith("-")).join("");
  const pos = args.filter((a, i) => !a.startsWith("-") && !/^-\w*w$/.test(args[i - 1] ?? ""));
  const [host, portText] = pos;
  const port = Number(portText);
  if (!host || !Number.isInteger(port))
    return fail(
      site.flavor === "ubuntu"
        ? "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
        : `${busyboxBanner(site.busyboxVersion)}\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n`,
    );
  const res = resolveName(site, host);
  if (!res.ok)
    return fail(
      site.flavor === "ubuntu"
        ? `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`
        : `nc: bad address '${host}'\n`,
    );
  const udp = flags.includes("u");
  const r = sendTo(site, {
    proto: udp ? "udp" : "tcp",
    dst: res.ip,
    dport: port,
    payload: flags.includes("z") ? "" : stdin,
  });
  const verbose = flags.includes("v");
  if (!r.ok)
    return fail(
      site.flavor === "ubuntu"
        ? `nc: connect to ${host} port ${port} (${udp ? "udp" : "tcp"}) failed: ${strerror(r)}\n`
        : `nc: ${host} (${res.ip}:${port}): ${strerror(r)}\n`,
    );
  const said = verbose
    ? site.flavor === "ubuntu"
      ? `Connection to ${host} ${port} port [${udp ? "udp" : "tcp"}/${SERVICES[port] ?? "*"}] succeeded!\n`
      : `${host} (${res.ip}:${port}) open\n`
    : "";
  return { stdout: flags.includes("z") ? "" : r.response, stderr: said, exitCode: 0 };
}

/** `ping -c N HOST`: ICMP echo along the path (Service IPs do not answer: kube-proxy only DNATs TCP/UDP). */
export function runPing(site: Site, args: string[]): CommandOutput {
  const ci = args.indexOf("-c");
  // Real ping runs until interrupted; the model stops after 4 so that no command hangs the shell.
  const count = ci >= 0 ? Number(args[ci + 1]) : 4;
  const host = args
    .filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-c" && args[i - 1] !== "-W")
    .pop();
  if (!host)
    return fail(
      site.flavor === "ubuntu"
        ? "ping: usage error: Destination address required\n"
        : `${busyboxBanner(site.busyboxVersion)}\n\nUsage: ping [OPTIONS] HOST\n`,
    );
  const res = resolveName(site, host);
  if (!res.ok)
    return fail(
      site.flavor === "ubuntu"
        ? `ping: ${host}: Name or service not known\n`
        : `ping: bad address '${host}'\n`,
      site.flavor === "ubuntu" ? 2 : 1,
    );
  const r = sendTo(site, { proto: "icmp", dst: res.ip, dport: 0, payload: "" });
  const hopsAway =
    r.hops.filter((h) => h.kind === "vxlan").length > 0
      ? 62
      : r.hops.some((h) => h.kind === "bridge" || h.kind === "veth")
        ? 63
        : 64;
  const ttl = r.ok && r.dst === site.stack.primaryAddress() ? 64 : hopsAway;
  const times = Array.from({ length: count }, (_, i) => 0.05 + ((i * 37) % 11) / 100);
  const fmt = (t: number) => t.toFixed(3);
  const busy = site.flavor !== "ubuntu";
  let out = busy
    ? `PING ${host} (${res.ip}): 56 data bytes\n`
    : `PING ${host} (${res.ip}) 56(84) bytes of data.\n`;
  if (r.ok)
    times.forEach((t, i) => {
      out += busy
        ? `64 bytes from ${res.ip}: seq=${i} ttl=${ttl} time=${fmt(t)} ms\n`
        : `64 bytes from ${res.ip}: icmp_seq=${i + 1} ttl=${ttl} time=${t.toFixed(3)} ms\n`;
    });
  const got = r.ok ? count : 0;
  const loss = r.ok ? 0 : 100;
  out += `\n--- ${host} ping statistics ---\n`;
  out += busy
    ? `${count} packets transmitted, ${got} packets received, ${loss}% packet loss\n`
    : `${count} packets transmitted, ${got} received, ${loss}% packet loss, time ${(count - 1) * 1000 + 3}ms\n`;
  if (r.ok) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / count;
    out += busy
      ? `round-trip min/avg/max = ${fmt(min)}/${fmt(avg)}/${fmt(max)} ms\n`
      : `rtt min/avg/max/mdev = ${fmt(min)}/${fmt(avg)}/${fmt(max)}/0.021 ms\n`;
  }
  return { stdout: out, stderr: "", exitCode: r.ok ? 0 : 1 };
}
