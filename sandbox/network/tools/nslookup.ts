// nslookup in its two busybox forms: the resolver-based applet of busybox before 1.29 (getaddrinfo, then a
// reverse lookup of every address) and the rewritten one since, which talks DNS itself; nodes use its output too.
import { busyboxBanner } from "../../images/busybox.ts";
import type { CommandOutput } from "../../node/ps.ts";
import { dnsQuery, parseAnswer, parseResolvConf } from "../dns.ts";
import { resolveAll, resolveName, reverseLookup, type Site, sendTo } from "../site.ts";

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: "", stderr, exitCode });

/** Whether a busybox release has the nslookup before the 1.29 rewrite (1.28 and older). */
function classicNslookup(version: string | undefined): boolean {
  const [major, minor] = (version ?? "").split(".").map(Number);
  return major === 1 && minor < 29;
}

// The site with `server` as its only nameserver, as nslookup's second argument makes it.
function askingServer(site: Site, server: string): Site {
  return { ...site, resolvConf: `nameserver ${server}\n${site.resolvConf.replace(/^nameserver.*$/gm, "")}` };
}

/** `nslookup NAME [SERVER]`: the form the image's busybox release has. */
export function runNslookup(site: Site, args: string[]): CommandOutput {
  return site.flavor === "busybox" && classicNslookup(site.busyboxVersion)
    ? runClassicNslookup(site, args)
    : runModernNslookup(site, args);
}

/** busybox < 1.29: print the server and the name as getaddrinfo found them, each address with its PTR name. */
function runClassicNslookup(site: Site, args: string[]): CommandOutput {
  if (!args[0] || args[0].startsWith("-") || args.length > 2)
    return fail(
      `${busyboxBanner(site.busyboxVersion)}\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n`,
    );
  const [name, server] = args;
  let ns = parseResolvConf(site.resolvConf).nameservers[0] ?? "127.0.0.1";
  if (server !== undefined) {
    const r = resolveName(site, server);
    if (!r.ok) return fail(`nslookup: bad address '${server}'\n`);
    ns = r.ip;
  }
  const at = server === undefined ? site : askingServer(site, ns);
  // printf("%-10s %s\n") for the headers; an address without a PTR record (or no answer) shows bare.
  const header = (label: string, host: string) => `${label.padEnd(10)} ${host}\n`;
  const addresses = (ips: string[]) =>
    ips
      .map((ip, i) => {
        const rev = reverseLookup(at, ip);
        return `Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ""}\n`;
      })
      .join("");
  const head = `${header("Server:", ns)}${addresses([ns])}\n`;
  // Only IPv4 is modelled: getaddrinfo's AAAA answers (::1 for localhost) are left out.
  const ips = resolveAll(at, name);
  if (ips.length === 0) return { stdout: head, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  return { stdout: `${head}${header("Name:", name)}${addresses(ips)}`, stderr: "", exitCode: 0 };
}

/** busybox >= 1.29 (and the nodes): ask the resolv.conf (or given) server, following the search list. */
function runModernNslookup(site: Site, args: string[]): CommandOutput {
  const [name, server] = args.filter((a) => !a.startsWith("-"));
  if (!name)
    return fail(
      `${busyboxBanner(site.busyboxVersion)}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n`,
    );
  const conf = parseResolvConf(site.resolvConf);
  const ns = server ?? conf.nameservers[0] ?? "127.0.0.1";
  const at = site.flavor === "ubuntu" ? `${ns}#53` : `${ns}:53`;
  const head = `Server:\t\t${ns}\nAddress:\t${at}\n\n`;
  const s2 = server ? askingServer(site, server) : site;
  const probe = sendTo(s2, { proto: "udp", dst: ns, dport: 53, payload: dnsQuery(name) });
  if (!probe.ok)
    return { stdout: `;; connection timed out; no servers could be reached\n\n`, stderr: "", exitCode: 1 };
  const res = resolveName({ ...s2, hosts: "" }, name);
  if (!res.ok) {
    const fq = res.reason === "servfail" ? name : res.fqdn;
    const code = res.reason === "servfail" ? "SERVFAIL" : "NXDOMAIN";
    return { stdout: `${head}** server can't find ${fq}: ${code}\n\n`, stderr: "", exitCode: 1 };
  }
  const again = sendTo(s2, { proto: "udp", dst: ns, dport: 53, payload: dnsQuery(res.fqdn) });
  const ips = again.ok ? parseAnswer(again.response).ips : [res.ip];
  const body = ips.map((ip) => `Name:\t${res.fqdn}\nAddress: ${ip}\n`).join("");
  return { stdout: `${head}${body}\n`, stderr: "", exitCode: 0 };
}
