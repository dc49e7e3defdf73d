// `hostname` as net-tools' hostname 3.23 prints it: the name, -s/-f/-d, -i from /etc/hosts and -I from the
// host's interfaces.
import type { CommandOutput } from "./ps.ts";

const USAGE = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

/** What hostname reads: the kernel's name, /etc/hosts, and the host's interface addresses. */
export interface HostnameInputs {
  hostname: string;
  hosts: string;
  /** IPv4 addresses of the host's interfaces in interface order, loopback excluded. */
  addresses: () => string[];
}

const LONG: Record<string, string> = {
  "--short": "s",
  "--fqdn": "f",
  "--long": "f",
  "--domain": "d",
  "--ip-address": "i",
  "--all-ip-addresses": "I",
  "--alias": "a",
  "--all-fqdns": "A",
  "--help": "h",
  "--version": "V",
};

/** Run `hostname` to show names and addresses. */
export function runHostname(args: readonly string[], h: HostnameInputs): CommandOutput {
  const ok = (stdout: string): CommandOutput => ({ stdout, stderr: "", exitCode: 0 });
  let mode = "";
  for (const a of args) {
    const flags = a.startsWith("--") ? [LONG[a] ?? a] : a.startsWith("-") ? [...a.slice(1)] : null;
    // Setting the name (an operand) is not modelled: the name shown stays the machine's.
    if (!flags) continue;
    for (const f of flags) {
      if (f.startsWith("--"))
        return { stdout: "", stderr: `hostname: unrecognized option '${f}'\n${USAGE}`, exitCode: 255 };
      if (!"sfdiIaAhV".includes(f))
        return { stdout: "", stderr: `hostname: invalid option -- '${f}'\n${USAGE}`, exitCode: 255 };
      mode = f;
    }
  }
  const short = h.hostname.split(".")[0];
  switch (mode) {
    case "h":
      return ok(USAGE);
    case "V":
      return { stdout: "", stderr: "hostname 3.23\n", exitCode: 0 };
    case "s":
      return ok(`${short}\n`);
    case "d":
      return ok("\n");
    case "a":
    case "A":
      return ok("\n");
    case "i": {
      // getaddrinfo() on the name: the files backend answers from /etc/hosts.
      const ips = h.hosts
        .split("\n")
        .map((l) => l.replace(/#.*/, "").trim().split(/\s+/))
        .filter((w) => w.length > 1 && w.slice(1).includes(h.hostname))
        .map((w) => w[0]);
      return ok(`${[...new Set(ips)].join(" ")}\n`);
    }
    case "I":
      // Each address is followed by a space, so the line ends in one.
      return ok(
        `${h
          .addresses()
          .map((ip) => `${ip} `)
          .join("")}\n`,
      );
    default:
      return ok(`${h.hostname}\n`);
  }
}
