// The nginx tags the modelled registry serves beyond the default 1.27: one image per version and base.
import { alpine, debian } from "./base-os.ts";
import { type NginxTag, nginxImage } from "./nginx.ts";
import type { ImageProgram } from "./types.ts";

// The compilers nginx's start-up notice names, per base release line.
const BUSTER = "8.3.0 (Debian 8.3.0-6) ";
const BULLSEYE = "10.2.1 20210110 (Debian 10.2.1-6) ";
const BOOKWORM = "12.2.0 (Debian 12.2.0-14) ";
const ALPINE_319 = "13.2.1 20231014 (Alpine 13.2.1_git20231014) ";
const ALPINE_320 = "13.2.1 20240309 (Alpine 13.2.1_git20240309) ";
const ALPINE_321 = "14.2.0 (Alpine 14.2.0) ";

// Each tag's last build. The registry is frozen at February 2025 (kubeadm v1.32's time), with the tags Docker
// Hub then listed: latest and mainline are 1.27.4, stable 1.26.3. 1.28 and 1.29 (released later that year) are
// served anyway, since lessons roll out to them. Point releases of the bases are plausible for each build
// date, and the sizes are estimates near Docker Hub's compressed amd64 figures, rounded: not read from it.
const TAGS: NginxTag[] = [
  {
    version: "1.14.2",
    tag: "1.14",
    aliases: ["1.14.2"],
    base: debian("9.8"),
    sizeBytes: 44_700_000,
    entrypoint: "none",
  },
  {
    version: "1.16.1",
    tag: "1.16",
    aliases: ["1.16.1"],
    base: debian("10.3"),
    sizeBytes: 51_000_000,
    entrypoint: "none",
  },
  {
    version: "1.19.10",
    tag: "1.19",
    aliases: ["1.19.10"],
    base: debian("10.9", BUSTER),
    sizeBytes: 53_600_000,
    entrypoint: "scripts",
  },
  ...(["1.20.2", "1.21.6"] as const).map((v) => ({
    version: v,
    tag: v.slice(0, 4),
    aliases: [v],
    base: debian("11.3", BULLSEYE),
    sizeBytes: v === "1.20.2" ? 54_800_000 : 56_700_000,
    entrypoint: "scripts" as const,
  })),
  ...(["1.22.1", "1.23.4", "1.24.0"] as const).map((v) => ({
    version: v,
    tag: v.slice(0, 4),
    aliases: [v],
    base: debian(v === "1.24.0" ? "11.9" : "11.6", BULLSEYE),
    sizeBytes: v === "1.22.1" ? 56_800_000 : 57_000_000,
    entrypoint: "scripts" as const,
  })),
  {
    version: "1.25.5",
    tag: "1.25",
    aliases: ["1.25.5"],
    base: debian("12.5", BOOKWORM),
    sizeBytes: 70_600_000,
    entrypoint: "resolvers",
  },
  {
    version: "1.26.3",
    tag: "1.26",
    aliases: ["1.26.3", "stable", "1.26.3-bookworm", "stable-bookworm", "1.26-bookworm"],
    base: debian("12.9", BOOKWORM),
    sizeBytes: 72_100_000,
    entrypoint: "resolvers",
  },
  {
    version: "1.28.0",
    tag: "1.28",
    aliases: ["1.28.0"],
    base: debian("12.10", BOOKWORM),
    sizeBytes: 72_200_000,
    entrypoint: "resolvers",
  },
  {
    version: "1.29.0",
    tag: "1.29",
    aliases: ["1.29.0"],
    base: debian("12.11", BOOKWORM),
    sizeBytes: 72_300_000,
    entrypoint: "resolvers",
  },
  // Alpine variants: busybox ash as /bin/sh, apk, no bash; the same nginx program on another base.
  {
    version: "1.14.2",
    tag: "1.14-alpine",
    aliases: ["1.14.2-alpine"],
    base: alpine("3.8.2"),
    sizeBytes: 6_500_000,
    entrypoint: "none",
  },
  {
    version: "1.16.1",
    tag: "1.16-alpine",
    aliases: ["1.16.1-alpine"],
    base: alpine("3.10.3"),
    sizeBytes: 8_900_000,
    entrypoint: "none",
  },
  {
    version: "1.25.5",
    tag: "1.25-alpine",
    aliases: ["1.25.5-alpine", "1.25.5-alpine3.19", "1.25-alpine3.19"],
    base: alpine("3.19.1", ALPINE_319),
    sizeBytes: 18_800_000,
    entrypoint: "resolvers",
  },
  {
    version: "1.26.3",
    tag: "1.26-alpine",
    aliases: [
      "1.26.3-alpine",
      "stable-alpine",
      ...["1.26.3", "stable", "1.26"].map((t) => `${t}-alpine3.20`),
    ],
    base: alpine("3.20.6", ALPINE_320),
    sizeBytes: 20_200_000,
    entrypoint: "resolvers",
  },
  {
    version: "1.27.4",
    tag: "1.27-alpine",
    aliases: [
      ...["1.27.4-alpine", "mainline-alpine", "1-alpine", "alpine"],
      ...["1.27.4", "mainline", "1", "1.27"].map((t) => `${t}-alpine3.21`),
      "alpine3.21",
    ],
    base: alpine("3.21.3", ALPINE_321),
    sizeBytes: 20_500_000,
    entrypoint: "resolvers",
  },
];

/** The nginx images besides the default one, one per tag group. */
export const NGINX_TAGS: readonly ImageProgram[] = TAGS.map(nginxImage);
