import { describe, expect, it } from "vitest";
import { dfHuman } from "../../sandbox/node/df.ts";
import { freeScale } from "../../sandbox/node/free.ts";
import { memInfo } from "../../sandbox/node/sysinfo.ts";
import { prettyUptime } from "../../sandbox/node/uptime.ts";
import { HELP_TEXT } from "../../sandbox/shell/help.ts";
import { lab } from "../network/support.ts";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { bootWorker, sh, startPod } from "./node-helpers.ts";

const meminfoField = (text: string, name: string) =>
  Number(new RegExp(`^${name.replace(/[()]/g, "\\$&")}:\\s+(\\d+)`, "m").exec(text)?.[1]);

describe("free", () => {
  it("lays out Mem and Swap rows as procps-ng 3.3.17 does, in KiB", () => {
    const { m, clock } = bootMachine();
    const lines = sh(m, clock, "free").stdout.split("\n");
    expect(lines[0]).toBe("               total        used        free      shared  buff/cache   available");
    expect(lines[1]).toMatch(/^Mem: {9}4005708( +\d+){5}$/);
    expect(lines[1].length).toBe(lines[0].length);
    expect(lines[2]).toBe("Swap:              0           0           0");
    expect(lines[3]).toBe("");
  });

  it("agrees with /proc/meminfo: one source for both", () => {
    const { m, clock } = bootMachine();
    const info = sh(m, clock, "cat /proc/meminfo").stdout;
    const [, total, used, free, shared, cache, avail] = sh(m, clock, "free")
      .stdout.split("\n")[1]
      .split(/\s+/);
    const f = (n: string) => meminfoField(info, n);
    expect(Number(total)).toBe(f("MemTotal"));
    expect(Number(free)).toBe(f("MemFree"));
    expect(Number(shared)).toBe(f("Shmem"));
    expect(Number(avail)).toBe(f("MemAvailable"));
    expect(Number(cache)).toBe(f("Buffers") + f("Cached") + f("SReclaimable"));
    expect(Number(used)).toBe(f("MemTotal") - f("MemFree") - Number(cache));
    expect(f("SwapTotal")).toBe(0);
  });

  it("splits buffers from cache with -w and adds a Total row with -t", () => {
    const { m, clock } = bootMachine();
    const out = sh(m, clock, "free -w -t").stdout.split("\n");
    expect(out[0]).toBe(
      "               total        used        free      shared     buffers       cache   available",
    );
    expect(out[3]).toMatch(/^Total: {7}4005708 +\d+ +\d+$/);
  });

  it("scales with -m and -h (Gi, Mi, 0B)", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "free -m").stdout.split("\n")[1]).toMatch(/^Mem: {12}3911 /);
    const human = sh(m, clock, "free -h").stdout.split("\n");
    expect(human[1]).toMatch(/^Mem: {11}3\.8Gi /);
    expect(human[2]).toBe("Swap:             0B          0B          0B");
  });

  it("rounds -h figures as scale_size does", () => {
    expect(freeScale(0, { exponent: 0, si: false, human: true })).toBe("0B");
    expect(freeScale(1_640, { exponent: 0, si: false, human: true })).toBe("1.6Mi");
    expect(freeScale(783_470, { exponent: 0, si: false, human: true })).toBe("765Mi");
    expect(freeScale(4_005_708, { exponent: 0, si: true, human: true })).toBe("4.1G");
    expect(freeScale(4_005_708, { exponent: 1, si: false, human: false })).toBe("4101844992");
  });

  it("counts a started container's memory as used", () => {
    const { m, clock } = bootWorker();
    const before = memInfo(m);
    startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    const after = memInfo(m);
    expect(after.anonKb).toBeGreaterThan(before.anonKb);
    expect(after.freeKb).toBeLessThan(before.freeKb);
  });

  it("prints the invalid option and the usage on stderr, exit 1", () => {
    const { m, clock } = bootMachine();
    const r = sh(m, clock, "free -z");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^free: invalid option -- 'z'\n\nUsage:\n free \[options\]\n/);
    expect(r.stderr.endsWith("\nFor more details see free(1).\n")).toBe(true);
    expect(sh(m, clock, "free -m -g").stderr).toBe("free: Multiple unit options don't make sense.\n");
    expect(sh(m, clock, "free extra").exitCode).toBe(1);
  });
});

describe("uptime", () => {
  it("prints the clock, minutes since boot, users and load", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "uptime").stdout).toMatch(
      /^ 03:09:05 up 5 min, {2}1 user, {2}load average: \d\.\d\d, \d\.\d\d, \d\.\d\d\n$/,
    );
  });

  it("switches to H:MM after an hour and adds days", () => {
    const { m, clock } = bootMachine();
    clock.now += 2 * 3600_000;
    expect(sh(m, clock, "uptime").stdout).toMatch(/^ 05:09:05 up {2}2:05, {2}1 user, /);
    clock.now += 3 * 86400_000;
    expect(sh(m, clock, "uptime").stdout).toMatch(/^ 05:09:05 up 3 days, {2}2:05, /);
  });

  it("words -p and prints -s as the boot time", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "uptime -p").stdout).toBe("up 5 minutes\n");
    expect(sh(m, clock, "uptime -s").stdout).toBe("2025-01-02 03:04:05\n");
    expect(prettyUptime(30)).toBe("up 0 minute");
    expect(prettyUptime(8 * 86400 + 3600 + 60)).toBe("up 1 week, 1 day, 1 hour, 1 minute");
  });

  it("raises the load as the machine's processes keep running", () => {
    const { m, clock } = bootMachine();
    const load = () => sh(m, clock, "cat /proc/loadavg").stdout.split(" ").slice(0, 3).map(Number);
    const early = load();
    clock.now += 20 * 60_000;
    const later = load();
    expect(later[2]).toBeGreaterThan(early[2]);
    expect(sh(m, clock, "uptime").stdout).toContain(
      `load average: ${later.map((x) => x.toFixed(2)).join(", ")}`,
    );
  });

  it("shows /proc/uptime as seconds since boot and idle CPU seconds", () => {
    const { m, clock } = bootMachine();
    const [up, idle] = sh(m, clock, "cat /proc/uptime").stdout.trim().split(" ").map(Number);
    expect(up).toBe(300);
    expect(idle).toBeGreaterThan(0);
    expect(idle).toBeLessThan(600);
  });

  it("rejects an unknown option with procps' usage", () => {
    const { m, clock } = bootMachine();
    const r = sh(m, clock, "uptime -x");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^uptime: invalid option -- 'x'\n\nUsage:\n uptime \[options\]\n/);
  });
});

describe("df", () => {
  it("formats sizes as coreutils -h does", () => {
    expect(dfHuman(0, 1024)).toBe("0");
    expect(dfHuman(4096, 1024)).toBe("4.0K");
    expect(dfHuman(1_612 * 1024, 1024)).toBe("1.6M");
    expect(dfHuman(20_134_592 * 1024, 1024)).toBe("20G");
    expect(dfHuman(1023.5 * 1024 * 1024, 1024)).toBe("1.0G");
  });

  it("lists the OS mounts and a running pod's shm and overlays", () => {
    const { m, clock } = bootWorker();
    const { sandbox, container } = startPod(
      m,
      clock,
      { name: "web", uid: "u1" },
      { name: "nginx", image: "nginx" },
    );
    const out = sh(m, clock, "df -h").stdout.split("\n");
    expect(out[0]).toBe("Filesystem      Size  Used Avail Use% Mounted on");
    expect(out[1]).toBe("tmpfs           392M  1.6M  390M   1% /run");
    expect(out[2]).toMatch(/^\/dev\/vda1 {8}20G +\S+ +\S+ +\d+% \/$/);
    expect(out).toContain("/dev/vda15      105M  6.1M   99M   6% /boot/efi");
    const shm = `shm              64M     0   64M   0% /run/containerd/io.containerd.grpc.v1.cri/sandboxes/${sandbox}/shm`;
    expect(out).toContain(shm);
    const task = (id: string) =>
      out.findIndex((l) => l.endsWith(`/io.containerd.runtime.v2.task/k8s.io/${id}/rootfs`));
    expect(task(sandbox)).toBeGreaterThan(out.indexOf(shm));
    expect(task(container)).toBeGreaterThan(task(sandbox));
    expect(out[task(container)]).toMatch(/^overlay {10}20G /);
  });

  it("drops a stopped container's overlay", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    m.containerd.stopContainer(container, 0, clock.now);
    clock.advance(1000);
    expect(sh(m, clock, "df").stdout).not.toContain(container);
  });

  it("grows / as images are pulled", () => {
    const { m, clock } = bootWorker();
    const used = () => Number(sh(m, clock, "df /").stdout.split("\n")[1].split(/\s+/)[2]);
    const before = used();
    startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    expect(used()).toBeGreaterThan(before);
  });

  it("shows the file system holding a path, with -T its type, with -i its inodes", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "df -T /etc/kubernetes").stdout).toMatch(
      /^Filesystem {5}Type 1K-blocks {4}Used Available Use% Mounted on\n\/dev\/vda1 {6}ext4 {2}20134592 /,
    );
    expect(sh(m, clock, "df -i /run/lock").stdout).toBe(
      "Filesystem     Inodes IUsed IFree IUse% Mounted on\ntmpfs            1280     3  1277    1% /run/lock\n",
    );
  });

  it("names a missing path and exits 1; rejects unknown options", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "df /nope")).toEqual({
      stdout: "",
      stderr: "df: /nope: No such file or directory\n",
      exitCode: 1,
    });
    expect(sh(m, clock, "df -z")).toEqual({
      stdout: "",
      stderr: "df: invalid option -- 'z'\nTry 'df --help' for more information.\n",
      exitCode: 1,
    });
  });

  it("lists a pod's projected token volume as a 12K tmpfs on the default cluster", () => {
    const l = lab();
    const out = l.run("ssh node01 df -h").stdout;
    expect(out).toMatch(
      /\ntmpfs +3\.8G {3}12K {2}3\.8G {3}1% \/var\/lib\/kubelet\/pods\/[0-9a-f-]+\/volumes\/kubernetes\.io~projected\/kube-api-access-[a-z0-9]{5}\n/,
    );
    // The same pages are the node's shared memory.
    const shmem = Number(/Shmem:\s+(\d+)/.exec(l.run("ssh node01 cat /proc/meminfo").stdout)![1]);
    expect(shmem % 4).toBe(0);
    expect(Number(l.run("ssh node01 free").stdout.split("\n")[1].split(/\s+/)[4])).toBe(shmem);
  });
});

describe("hostname", () => {
  it("prints every non-loopback address with -I, each followed by a space", () => {
    const l = lab();
    l.run("kubectl create deployment web --image=nginx --replicas=4");
    l.run("sleep 30");
    const out = l.run("ssh node01 hostname -I").stdout;
    expect(out).toMatch(/^172\.30\.2\.2 10\.244\.1\.0 10\.244\.1\.1 \n$/);
    expect(l.run("hostname -i").stdout).toBe("172.30.1.2\n");
  });

  it("answers an unknown option with the usage and exit 255", () => {
    const { m, clock } = bootMachine();
    const r = sh(m, clock, "hostname -z");
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toMatch(
      /^hostname: invalid option -- 'z'\nUsage: hostname \[-b\] \{hostname\|-F file\} /,
    );
  });
});

describe("which", () => {
  it("finds the node's programs on PATH and nothing else", () => {
    const l = lab();
    expect(l.run("which kubectl kubelet crictl iptables").stdout).toBe(
      "/usr/bin/kubectl\n/usr/bin/kubelet\n/usr/bin/crictl\n/usr/sbin/iptables\n",
    );
    expect(l.run("which -a ls").stdout).toBe("/usr/bin/ls\n/bin/ls\n");
    expect(l.run("which nosuch")).toEqual({ stdout: "", stderr: "", exitCode: 1 });
    expect(l.run("which etcdctl").stdout).toBe("/usr/bin/etcdctl\n");
    expect(l.run("ssh node01 which etcdctl").exitCode).toBe(1);
    expect(l.run("which explain").exitCode).toBe(1);
  });

  it("rejects an unknown option as the debianutils script does", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "which -z ls")).toEqual({
      stdout: "Usage: /usr/bin/which [-as] args\n",
      stderr: "Illegal option -z\n",
      exitCode: 2,
    });
  });
});

describe("env and printenv", () => {
  it("prints the login's exported environment, without the shell's $?", () => {
    const l = lab();
    l.run("export GREETING=hi");
    const out = l.run("env").stdout;
    expect(out).toContain("HOME=/root\n");
    expect(out).toContain("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:");
    expect(out).toContain("GREETING=hi\n");
    expect(out).not.toMatch(/^\?=/m);
    expect(out.endsWith("_=/usr/bin/env\n")).toBe(true);
  });

  it("prints named variables with printenv, exit 1 when one is missing", () => {
    const l = lab();
    expect(l.run("printenv HOME USER")).toEqual({ stdout: "/root\nroot\n", stderr: "", exitCode: 0 });
    expect(l.run("printenv HOME NOPE")).toEqual({ stdout: "/root\n", stderr: "", exitCode: 1 });
    expect(l.run("printenv -z").exitCode).toBe(2);
    expect(l.run("printenv -- HOME").stdout).toBe("/root\n");
  });

  it("runs a command in a changed environment, and clears it with -i", () => {
    const l = lab();
    expect(l.run("env FOO=1 printenv FOO").stdout).toBe("1\n");
    expect(l.run("env -i").stdout).toBe("");
    expect(l.run("env -i A=b").stdout).toBe("A=b\n");
    expect(l.run("env -u HOME printenv HOME").exitCode).toBe(1);
    expect(l.run("env nosuch").stderr).toBe("env: ‘nosuch’: No such file or directory\n");
    expect(l.run("env -z").exitCode).toBe(125);
  });
});

describe("help", () => {
  it("names the machine-inspection commands", () => {
    for (const name of ["uptime", "free", "df", "env", "printenv", "which", "/proc/meminfo"])
      expect(HELP_TEXT).toContain(name);
  });
});

describe("goldens on the default cluster", () => {
  it("matches free, free -h, df -h and uptime on the control plane and node01", () => {
    const l = lab();
    expectGolden("node/free-controlplane.txt", l.run("free").stdout + l.run("free -h").stdout);
    expectGolden("node/df-h-controlplane.txt", l.run("df -h").stdout);
    expectGolden("node/df-h-node01.txt", l.run("ssh node01 df -h").stdout);
    expectGolden("node/uptime-controlplane.txt", l.run("uptime").stdout + l.run("cat /proc/loadavg").stdout);
  });
});
