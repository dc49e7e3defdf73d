// The kernel's view of a node's memory, load and uptime, derived from its process table, images and mounts:
// the one source /proc/meminfo, /proc/loadavg, /proc/uptime, free and uptime all read.
import type { Machine } from "./machine.ts";
import { NODE_OS } from "./machine.ts";
import { listMounts, tmpfsUsedKb } from "./mounts.ts";
import { cpuMs } from "./processes.ts";

/** The memory figures of /proc/meminfo that free and the model use, in KiB. */
export interface MemInfo {
  totalKb: number;
  freeKb: number;
  availableKb: number;
  buffersKb: number;
  /** Page cache (Cached), tmpfs pages included, as the kernel counts them. */
  cachedKb: number;
  shmemKb: number;
  anonKb: number;
  mappedKb: number;
  sReclaimableKb: number;
  sUnreclaimKb: number;
  kernelStackKb: number;
  pageTablesKb: number;
  committedAsKb: number;
}

// The model's fixed kernel costs (KiB): block-device buffers, the OS's own page cache (binaries, libraries,
// journal), reclaimable and unreclaimable slab at boot, and what the kernel keeps outside any counter.
const BUFFERS_KB = 58_724;
const OS_PAGE_CACHE_KB = 612_408;
const SLAB_RECLAIMABLE_KB = 71_560;
const SLAB_UNRECLAIMABLE_KB = 48_920;
const KERNEL_OTHER_KB = 96_512;
// Every live container adds dentries and inodes (reclaimable) and cgroup and namespace state (not).
const SLAB_PER_PROCESS_KB = { reclaimable: 410, unreclaimable: 160 };
/** The zones' low watermarks summed (5/4 of vm.min_free_kbytes = 67584 on this 4 GiB, 2-CPU VM). */
const LOW_WATERMARK_KB = 84_480;
const KERNEL_STACK_KB_PER_THREAD = 16;

/** Compute the node's memory as the kernel would report it now. */
export function memInfo(m: Machine): MemInfo {
  let rss = 0;
  let threads = 0;
  let user = 0;
  for (const p of m.processes.list()) {
    threads += p.threads;
    if (p.kernel) continue;
    user++;
    rss += p.rssKb;
  }
  // ps's RSS counts file pages mapped by a process too; about a quarter of it is shared text and libraries.
  const mappedKb = Math.floor(rss / 4);
  const anonKb = rss - mappedKb;
  const shmemKb = tmpfsUsedKb(listMounts(m));
  // The images' files that containers have read stay in the page cache.
  const imageCacheKb = m.containerd.images.list().reduce((n, img) => n + Math.floor(img.sizeBytes / 2048), 0);
  const cachedKb = OS_PAGE_CACHE_KB + imageCacheKb + shmemKb;
  const sReclaimableKb = SLAB_RECLAIMABLE_KB + user * SLAB_PER_PROCESS_KB.reclaimable;
  const sUnreclaimKb = SLAB_UNRECLAIMABLE_KB + user * SLAB_PER_PROCESS_KB.unreclaimable;
  const kernelStackKb = threads * KERNEL_STACK_KB_PER_THREAD;
  const pageTablesKb = Math.floor(rss / 48);
  const totalKb = m.memTotalKb;
  const freeKb = Math.max(
    0,
    totalKb -
      anonKb -
      BUFFERS_KB -
      cachedKb -
      sReclaimableKb -
      sUnreclaimKb -
      kernelStackKb -
      pageTablesKb -
      KERNEL_OTHER_KB,
  );
  // si_mem_available(): free pages above the watermark, plus the file cache and reclaimable slab the kernel
  // could drop without swapping.
  const fileKb = BUFFERS_KB + cachedKb - shmemKb;
  const availableKb = Math.min(
    totalKb,
    Math.max(
      0,
      freeKb -
        LOW_WATERMARK_KB +
        fileKb -
        Math.min(Math.floor(fileKb / 2), LOW_WATERMARK_KB) +
        sReclaimableKb -
        Math.min(Math.floor(sReclaimableKb / 2), LOW_WATERMARK_KB),
    ),
  );
  return {
    totalKb,
    freeKb,
    availableKb,
    buffersKb: BUFFERS_KB,
    cachedKb,
    shmemKb,
    anonKb,
    mappedKb,
    sReclaimableKb,
    sUnreclaimKb,
    kernelStackKb,
    pageTablesKb,
    committedAsKb: anonKb * 2 + shmemKb,
  };
}

/** The 1, 5 and 15 minute load averages. */
export type LoadAverage = [number, number, number];

/**
 * Compute the load averages at `now`: each process adds its CPU demand, grown in since it started as the
 * kernel's exponentially damped averages grow (processes that already exited are forgotten at once).
 */
export function loadAverage(m: Machine, now: number): LoadAverage {
  const periods = [60, 300, 900];
  const load: LoadAverage = [0, 0, 0];
  for (const p of m.processes.list()) {
    if (p.cpuRate <= 0) continue;
    const ageS = Math.max(0, now - p.startMs) / 1000;
    for (let i = 0; i < 3; i++) load[i] += p.cpuRate * (1 - Math.exp(-ageS / periods[i]));
  }
  return load;
}

/** Seconds since the machine booted, and the seconds its CPUs together spent idle. */
export function uptimeSeconds(m: Machine, now: number): { up: number; idle: number } {
  const up = Math.max(0, now - m.bootTime) / 1000;
  let busyMs = 0;
  for (const p of m.processes.list()) busyMs += cpuMs(p, now);
  return { up, idle: Math.max(0, up * NODE_OS.cpus - busyMs / 1000) };
}

/** Render /proc/uptime. */
export function procUptime(m: Machine, now: number): string {
  const { up, idle } = uptimeSeconds(m, now);
  return `${up.toFixed(2)} ${idle.toFixed(2)}\n`;
}

/** Render /proc/loadavg: the averages, running/total scheduling entities, and the last pid handed out. */
export function procLoadavg(m: Machine, now: number): string {
  const procs = m.processes.list();
  const entities = procs.reduce((n, p) => n + p.threads, 0);
  const lastPid = procs.reduce((n, p) => Math.max(n, p.pid), 0);
  // The reader of the file is the one task running as it reads.
  const avg = loadAverage(m, now)
    .map((x) => x.toFixed(2))
    .join(" ");
  return `${avg} 1/${entities} ${lastPid}\n`;
}

/** Render /proc/meminfo as a 5.15 x86_64 kernel does, from the same figures free reads. */
export function procMeminfo(mi: MemInfo): string {
  const fileKb = mi.buffersKb + mi.cachedKb - mi.shmemKb;
  const activeFile = Math.floor((fileKb * 2) / 5);
  const activeAnon = Math.floor(mi.anonKb / 50);
  const inactiveAnon = mi.anonKb + mi.shmemKb - activeAnon;
  const slab = mi.sReclaimableKb + mi.sUnreclaimKb;
  const directMap4k = 182_136;
  const rows: Array<[string, number]> = [
    ["MemTotal", mi.totalKb],
    ["MemFree", mi.freeKb],
    ["MemAvailable", mi.availableKb],
    ["Buffers", mi.buffersKb],
    ["Cached", mi.cachedKb],
    ["SwapCached", 0],
    ["Active", activeAnon + activeFile],
    ["Inactive", inactiveAnon + fileKb - activeFile],
    ["Active(anon)", activeAnon],
    ["Inactive(anon)", inactiveAnon],
    ["Active(file)", activeFile],
    ["Inactive(file)", fileKb - activeFile],
    ["Unevictable", 0],
    ["Mlocked", 0],
    ["SwapTotal", 0],
    ["SwapFree", 0],
    ["Dirty", 132],
    ["Writeback", 0],
    ["AnonPages", mi.anonKb],
    ["Mapped", mi.mappedKb],
    ["Shmem", mi.shmemKb],
    ["KReclaimable", mi.sReclaimableKb],
    ["Slab", slab],
    ["SReclaimable", mi.sReclaimableKb],
    ["SUnreclaim", mi.sUnreclaimKb],
    ["KernelStack", mi.kernelStackKb],
    ["PageTables", mi.pageTablesKb],
    ["NFS_Unstable", 0],
    ["Bounce", 0],
    ["WritebackTmp", 0],
    // Without swap the commit limit is half of RAM (vm.overcommit_ratio 50).
    ["CommitLimit", Math.floor(mi.totalKb / 2)],
    ["Committed_AS", mi.committedAsKb],
    ["VmallocTotal", 34_359_738_367],
    ["VmallocUsed", 21_460],
    ["VmallocChunk", 0],
    ["Percpu", 1_248],
    ["HardwareCorrupted", 0],
    ["AnonHugePages", 0],
    ["ShmemHugePages", 0],
    ["ShmemPmdMapped", 0],
    ["FileHugePages", 0],
    ["FilePmdMapped", 0],
  ];
  const kb = (name: string, v: number) => `${`${name}:`.padEnd(16)}${String(v).padStart(8)} kB\n`;
  const count = (name: string, v: number) => `${`${name}:`.padEnd(16)}${String(v).padStart(8)}\n`;
  return [
    ...rows.map(([k, v]) => kb(k, v)),
    count("HugePages_Total", 0),
    count("HugePages_Free", 0),
    count("HugePages_Rsvd", 0),
    count("HugePages_Surp", 0),
    kb("Hugepagesize", 2048),
    kb("Hugetlb", 0),
    kb("DirectMap4k", directMap4k),
    kb("DirectMap2M", 4_009_984),
    kb("DirectMap1G", 2_097_152),
  ].join("");
}
