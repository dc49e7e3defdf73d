// What an Ubuntu 22.04 cloud VM runs after boot: kernel threads and the systemd services of a kubeadm node.
import type { UnitSpec } from "./systemd.ts";

/** A kernel thread at boot: pid, name, ps STAT. */
export type KernelThread = readonly [pid: number, comm: string, stat: string];

// A 2-vCPU 5.15 guest has ~100 kernel threads; the model keeps a representative set with real pids.
export const KERNEL_THREADS: readonly KernelThread[] = [
  [2, "kthreadd", "S"],
  [3, "rcu_gp", "I<"],
  [4, "rcu_par_gp", "I<"],
  [5, "slub_flushwq", "I<"],
  [6, "netns", "I<"],
  [8, "kworker/0:0H-events_highpri", "I<"],
  [10, "mm_percpu_wq", "I<"],
  [11, "rcu_tasks_rude_", "S"],
  [12, "rcu_tasks_trace", "S"],
  [13, "ksoftirqd/0", "S"],
  [14, "rcu_sched", "I"],
  [15, "migration/0", "S"],
  [16, "idle_inject/0", "S"],
  [18, "cpuhp/0", "S"],
  [19, "cpuhp/1", "S"],
  [20, "idle_inject/1", "S"],
  [21, "migration/1", "S"],
  [22, "ksoftirqd/1", "S"],
  [24, "kworker/1:0H-events_highpri", "I<"],
  [25, "kdevtmpfs", "S"],
  [26, "inet_frag_wq", "I<"],
  [27, "kauditd", "S"],
  [28, "khungtaskd", "S"],
  [29, "oom_reaper", "S"],
  [30, "writeback", "I<"],
  [31, "kcompactd0", "S"],
  [32, "ksmd", "SN"],
  [33, "khugepaged", "SN"],
  [80, "kintegrityd", "I<"],
  [81, "kblockd", "I<"],
  [82, "blkcg_punt_bio", "I<"],
  [90, "kswapd0", "S"],
  [91, "ecryptfs-kthrea", "S"],
  [93, "kthrotld", "I<"],
  [104, "scsi_eh_0", "S"],
  [106, "scsi_eh_1", "S"],
  [141, "jbd2/sda1-8", "S"],
  [142, "ext4-rsv-conver", "I<"],
];

/** The mnt namespace the kernel gives kdevtmpfs at boot. */
export const KDEVTMPFS_MNT_NS = 4026531862;

/** A boot service: its unit, pid, start offset after boot, and namespaces systemd sandboxing gives it. */
export interface BootService {
  unit: UnitSpec;
  pid: number;
  offsetMs: number;
  privateNs?: Array<"mnt" | "uts">;
}

const sd = (
  name: string,
  description: string,
  docs: string[],
  argv: string[],
  extra: Partial<UnitSpec> = {},
): UnitSpec => ({
  name,
  description,
  unitPath: `/lib/systemd/system/${name}`,
  enabled: true,
  docs,
  execStart: argv.join(" "),
  spawn: { argv, stat: "Ss", rssKb: 6000, vszKb: 18000 },
  memoryKb: 6000,
  ...extra,
});

/** The services every node boots with, before kubeadm's kubelet (which {@link kubeletUnit} describes). */
export const BOOT_SERVICES: readonly BootService[] = [
  {
    pid: 391,
    offsetMs: 2100,
    unit: sd(
      "systemd-journald.service",
      "Journal Service",
      ["man:systemd-journald.service(8)", "man:journald.conf(5)"],
      ["/lib/systemd/systemd-journald"],
      {
        spawn: {
          argv: ["/lib/systemd/systemd-journald"],
          stat: "S<s",
          rssKb: 15800,
          vszKb: 56700,
          cpuRate: 0.0005,
        },
      },
    ),
  },
  {
    pid: 428,
    offsetMs: 2400,
    privateNs: ["mnt"],
    unit: sd(
      "systemd-udevd.service",
      "Rule-based Manager for Device Events and Files",
      ["man:systemd-udevd.service(8)", "man:udev(7)"],
      ["/lib/systemd/systemd-udevd"],
    ),
  },
  {
    pid: 598,
    offsetMs: 3300,
    privateNs: ["mnt"],
    unit: sd(
      "systemd-networkd.service",
      "Network Configuration",
      ["man:systemd-networkd.service(8)"],
      ["/lib/systemd/systemd-networkd"],
      {
        spawn: {
          argv: ["/lib/systemd/systemd-networkd"],
          uid: 100,
          user: "systemd-network",
          stat: "Ss",
          rssKb: 8200,
          vszKb: 16500,
        },
      },
    ),
  },
  {
    pid: 601,
    offsetMs: 3400,
    privateNs: ["mnt"],
    unit: sd(
      "systemd-resolved.service",
      "Network Name Resolution",
      [
        "man:systemd-resolved.service(8)",
        "man:org.freedesktop.resolve1(5)",
        "https://www.freedesktop.org/wiki/Software/systemd/writing-network-configuration-managers",
        "https://www.freedesktop.org/wiki/Software/systemd/writing-resolver-clients",
      ],
      ["/lib/systemd/systemd-resolved"],
      {
        spawn: {
          argv: ["/lib/systemd/systemd-resolved"],
          uid: 101,
          user: "systemd-resolve",
          stat: "Ss",
          rssKb: 12800,
          vszKb: 25500,
        },
      },
    ),
  },
  {
    pid: 640,
    offsetMs: 3700,
    unit: sd(
      "cron.service",
      "Regular background program processing daemon",
      ["man:cron(8)"],
      ["/usr/sbin/cron", "-f", "-P"],
    ),
  },
  {
    pid: 641,
    offsetMs: 3700,
    unit: sd(
      "dbus.service",
      "D-Bus System Message Bus",
      ["man:dbus-daemon(1)"],
      [
        "@dbus-daemon",
        "--system",
        "--address=systemd:",
        "--nofork",
        "--nopidfile",
        "--systemd-activation",
        "--syslog-only",
      ],
      {
        execStart:
          "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only",
        spawn: {
          argv: [
            "@dbus-daemon",
            "--system",
            "--address=systemd:",
            "--nofork",
            "--nopidfile",
            "--systemd-activation",
            "--syslog-only",
          ],
          uid: 102,
          user: "messagebus",
          stat: "Ss",
          rssKb: 4800,
          vszKb: 8800,
        },
      },
    ),
  },
  {
    pid: 650,
    offsetMs: 3800,
    privateNs: ["mnt", "uts"],
    unit: sd(
      "systemd-logind.service",
      "User Login Management",
      [
        "man:sd-login(3)",
        "man:systemd-logind.service(8)",
        "man:logind.conf(5)",
        "man:org.freedesktop.login1(5)",
      ],
      ["/lib/systemd/systemd-logind"],
    ),
  },
  {
    pid: 671,
    offsetMs: 3900,
    unit: sd(
      "ssh.service",
      "OpenBSD Secure Shell server",
      ["man:sshd(8)", "man:sshd_config(5)"],
      ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"],
      {
        execStart: "/usr/sbin/sshd -D $SSHD_OPTS",
        spawn: {
          argv: ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"],
          comm: "sshd",
          stat: "Ss",
          rssKb: 7600,
          vszKb: 15400,
        },
      },
    ),
  },
  {
    pid: 702,
    offsetMs: 4200,
    unit: sd(
      "containerd.service",
      "containerd container runtime",
      ["https://containerd.io"],
      ["/usr/bin/containerd"],
      {
        spawn: {
          argv: ["/usr/bin/containerd"],
          stat: "Ssl",
          threads: 12,
          cpuRate: 0.006,
          rssKb: 48200,
          vszKb: 1_876_464,
        },
        killMode: "process",
        restartSec: 5,
      },
    ),
  },
];

/** The kubelet unit as the Kubernetes deb packages and kubeadm's drop-in define it. */
export function kubeletUnit(argv: string[]): UnitSpec {
  return {
    name: "kubelet.service",
    description: "kubelet: The Kubernetes Node Agent",
    unitPath: "/lib/systemd/system/kubelet.service",
    enabled: true,
    dropIns: { dir: "/usr/lib/systemd/system/kubelet.service.d", files: ["10-kubeadm.conf"] },
    docs: ["https://kubernetes.io/docs/"],
    execStart:
      "/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS",
    spawn: { argv, stat: "Ssl", threads: 14, cpuRate: 0.02, rssKb: 78400, vszKb: 1_935_000 },
    restartSec: 10,
    memoryKb: 78400,
  };
}
