import { describe, expect, it } from "vitest";
import { ImageCatalog } from "../../sandbox/images/catalog.ts";
import { runImageTool } from "../../sandbox/images/tools.ts";
import type { ImageProgram } from "../../sandbox/images/types.ts";
import { pullError } from "../../sandbox/node/containerd-images.ts";

const catalog = new ImageCatalog();

function image(ref: string): ImageProgram {
  const img = catalog.find(ref);
  if (!img) throw new Error(`no image ${ref}`);
  return img;
}

function tool(ref: string, argv: string[]): string {
  const out = runImageTool(image(ref).tools, argv);
  return out ? out.stdout + out.stderr : "";
}

function file(ref: string, path: string): string {
  const files = image(ref).files ?? [];
  const f = files.find((x) => x.path === path);
  const target = f?.link ? files.find((x) => x.path === "/usr/lib/os-release") : f;
  return target?.content ?? "";
}

describe("the image catalog", () => {
  it("knows the tags the Kubernetes docs use", () => {
    for (const ref of [
      "nginx:1.14.2",
      "nginx:1.16.1",
      "nginx:1.28",
      "busybox:1.28",
      "redis:6.2",
      "httpd:2.4",
    ])
      expect(catalog.find(ref), ref).toBeDefined();
  });

  it("makes each version its own image with its own digest", () => {
    const refs = [
      "nginx:1.14.2",
      "nginx:1.16.1",
      "nginx:1.27",
      "nginx:1.27-alpine",
      "busybox:1.28",
      "busybox:1.37",
    ];
    const digests = refs.map((r) => image(r).digest);
    expect(new Set(digests).size).toBe(refs.length);
    expect(image("nginx:1.14.2").sizeBytes).not.toBe(image("nginx:1.27").sizeBytes);
  });

  it("points latest, stable and mainline where a February 2025 registry did", () => {
    expect(image("nginx").ref).toBe("docker.io/library/nginx:1.27");
    expect(image("nginx:mainline").ref).toBe("docker.io/library/nginx:1.27");
    expect(image("nginx:stable").ref).toBe("docker.io/library/nginx:1.26");
    expect(image("nginx:alpine").ref).toBe("docker.io/library/nginx:1.27-alpine");
    expect(image("busybox").ref).toBe("docker.io/library/busybox:1.37");
    expect(image("busybox:stable").ref).toBe("docker.io/library/busybox:1.36");
    expect(image("busybox:unstable-musl").ref).toBe("docker.io/library/busybox:1.37-musl");
    expect(image("nginx:bookworm").ref).toBe("docker.io/library/nginx:1.27");
    expect(image("nginx:stable-alpine3.20").ref).toBe("docker.io/library/nginx:1.26-alpine");
    expect(image("redis:7").ref).toBe("docker.io/library/redis:7.4");
    expect(image("redis").ref).toBe("docker.io/library/redis:7.4");
  });

  it("still fails an unknown tag of a known repository with not found", () => {
    expect(catalog.find("nginx:1.161")).toBeUndefined();
    expect(pullError("docker.io/library/nginx:1.161", catalog)).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
    expect(pullError("docker.io/library/ngnix:1.16.1", catalog)).toMatch(/pull access denied/);
  });

  it("builds its tables once per process", () => {
    const a = new ImageCatalog() as unknown as { byRef: unknown };
    const b = new ImageCatalog() as unknown as { byRef: unknown };
    expect(a.byRef).toBe(b.byRef);
  });
});

describe("image versions", () => {
  it("answers nginx -v with each tag's version", () => {
    expect(tool("nginx:1.14.2", ["nginx", "-v"])).toBe("nginx version: nginx/1.14.2\n");
    expect(tool("nginx:1.16.1", ["nginx", "-v"])).toBe("nginx version: nginx/1.16.1\n");
    expect(tool("nginx:1.28", ["nginx", "-v"])).toBe("nginx version: nginx/1.28.0\n");
    expect(tool("nginx", ["/usr/sbin/nginx", "-v"])).toBe("nginx version: nginx/1.27.4\n");
  });

  it("prints each busybox tag's banner", () => {
    expect(tool("busybox:1.28", ["busybox"]).split("\n")[0]).toBe(
      "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.",
    );
    expect(tool("busybox", ["busybox"]).split("\n")[0]).toBe(
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.",
    );
  });

  it("answers redis-server --version and httpd -v", () => {
    expect(tool("redis:6", ["redis-server", "--version"])).toMatch(
      /^Redis server v=6\.2\.17 sha=00000000:0 malloc=jemalloc-5\.1\.0 bits=64 build=[0-9a-f]{16}\n$/,
    );
    expect(tool("redis", ["redis-server", "-v"])).toMatch(/^Redis server v=7\.4\.2 /);
    expect(tool("httpd:alpine", ["httpd", "-v"])).toMatch(/^Server version: Apache\/2\.4\.63 \(Unix\)\n/);
  });

  it("ships each base's os-release", () => {
    expect(file("nginx:1.14.2", "/etc/os-release")).toMatch(/^PRETTY_NAME="Debian GNU\/Linux 9 \(stretch\)"/);
    expect(file("nginx:1.21", "/etc/os-release")).toMatch(/VERSION_CODENAME=bullseye/);
    expect(file("nginx:1.27", "/etc/os-release")).toMatch(/VERSION_CODENAME=bookworm/);
    expect(file("nginx:alpine", "/etc/os-release")).toMatch(
      /^NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3\.21\.3\n/,
    );
  });

  it("gives alpine variants busybox ash and apk but no bash", () => {
    for (const ref of ["nginx:alpine", "redis:alpine", "httpd:alpine"]) {
      const bins = image(ref).binaries;
      expect(bins, ref).toContain("ash");
      expect(bins, ref).toContain("apk");
      expect(bins, ref).not.toContain("bash");
      expect(file(ref, "/etc/passwd")).toMatch(/^root:x:0:0:root:\/root:\/bin\/sh\n/);
    }
    expect(image("nginx:1.27").binaries).toContain("bash");
  });
});
