// The operating-system files of an Ubuntu 22.04.5 node that readers tend to cat.
import type { FileTree } from "./filesystem.ts";

/** What the host files depend on. */
export interface HostFileParams {
  hostname: string;
  /** Every cluster node as [ip, name], written to /etc/hosts as the lab provisioner does. */
  hosts: ReadonlyArray<readonly [string, string]>;
  upstreamDns: string;
}

const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

/** Write /etc/os-release, hostname, hosts, resolv.conf and the usual top-level directories. */
export function writeHostFiles(fs: FileTree, p: HostFileParams, now: number): void {
  for (const dir of [
    "/etc",
    "/root",
    "/tmp",
    "/var/log",
    "/run/systemd/resolve",
    "/usr/bin",
    "/usr/lib",
    "/usr/sbin",
    "/home",
    "/opt",
    "/proc",
  ]) {
    fs.mkdirp(dir, now);
  }
  for (const [link, target] of [
    ["/bin", "usr/bin"],
    ["/lib", "usr/lib"],
    ["/sbin", "usr/sbin"],
    ["/var/run", "/run"],
  ] as const) {
    fs.symlink(target, link, now);
  }
  fs.writeFile("/usr/lib/os-release", OS_RELEASE, now);
  fs.symlink("../usr/lib/os-release", "/etc/os-release", now);
  fs.writeFile("/etc/hostname", `${p.hostname}\n`, now);
  const hosts = p.hosts.map(([ip, name]) => `${ip} ${name}\n`).join("");
  fs.writeFile(
    "/etc/hosts",
    `127.0.0.1 localhost\n${hosts}\n# IPv6 hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
    now,
  );
  fs.writeFile(
    "/run/systemd/resolve/stub-resolv.conf",
    "# Managed by systemd-resolved: the local stub resolver answers on 127.0.0.53.\n# Pods do not use it; the kubelet points them at /run/systemd/resolve/resolv.conf.\n\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n",
    now,
  );
  fs.writeFile(
    "/run/systemd/resolve/resolv.conf",
    `# Managed by systemd-resolved: the uplink DNS servers.\n\nnameserver ${p.upstreamDns}\nsearch .\n`,
    now,
  );
  fs.symlink("../run/systemd/resolve/stub-resolv.conf", "/etc/resolv.conf", now);
}
