// The images a modelled registry can serve, looked up by normalized reference.
// The registry is frozen at February 2025 (kubeadm v1.32's time): `latest` and `stable` point where they did
// then (nginx 1.27.4 and 1.26.3, busybox 1.37.0 and 1.36.1, redis 7.4.2); each version is its own image.
import { agnhost } from "./agnhost.ts";
import { BUSYBOX_TAGS, busybox } from "./busybox.ts";
import {
  coredns,
  etcd,
  flannel,
  flannelCniPlugin,
  kubeApiserver,
  kubeControllerManager,
  kubeProxy,
  kubeScheduler,
} from "./control-plane.ts";
import { crash } from "./crash.ts";
import { HTTPD_TAGS, httpd } from "./httpd.ts";
import { nginx } from "./nginx.ts";
import { NGINX_TAGS } from "./nginx-tags.ts";
import { pause } from "./pause.ts";
import { REDIS_TAGS, redis } from "./redis.ts";
import { normalizeImageRef, splitRef } from "./ref.ts";
import type { ImageProgram } from "./types.ts";

/** Every image the model knows. */
export const ALL_IMAGES: readonly ImageProgram[] = [
  nginx,
  busybox,
  redis,
  httpd,
  agnhost,
  crash,
  pause,
  etcd,
  kubeApiserver,
  kubeControllerManager,
  kubeScheduler,
  kubeProxy,
  coredns,
  flannel,
  flannelCniPlugin,
  ...NGINX_TAGS,
  ...BUSYBOX_TAGS,
  ...REDIS_TAGS,
  ...HTTPD_TAGS,
];

/** The lookup tables of one image list: every tag to its image, and the repositories (made when first asked). */
interface CatalogIndex {
  byRef: Map<string, ImageProgram>;
  repos?: Set<string>;
}

function buildIndex(images: readonly ImageProgram[]): CatalogIndex {
  const byRef = new Map<string, ImageProgram>();
  for (const img of images) {
    for (const ref of [img.ref, ...(img.aliases ?? [])]) {
      if (byRef.has(ref)) throw new Error(`ImageCatalog: duplicate reference ${ref}`);
      byRef.set(ref, img);
    }
  }
  return { byRef };
}

// The default catalog's tables, built once per process: every machine of every cluster shares them.
let defaultIndex: CatalogIndex | undefined;

/** Resolve images by reference, including their alias tags. */
export class ImageCatalog {
  private readonly index: CatalogIndex;

  constructor(images: readonly ImageProgram[] = ALL_IMAGES) {
    if (images === ALL_IMAGES && !defaultIndex) defaultIndex = buildIndex(ALL_IMAGES);
    this.index = images === ALL_IMAGES && defaultIndex ? defaultIndex : buildIndex(images);
  }

  /** Tell whether any tag of a repository (`docker.io/library/nginx`) is known. */
  hasRepository(repo: string): boolean {
    // Only a failed pull asks, so the repositories are listed then.
    this.index.repos ??= new Set([...this.index.byRef.keys()].map((ref) => splitRef(ref).repo));
    return this.index.repos.has(repo);
  }

  /** Find the image a reference names (normalized first), or undefined. */
  find(ref: string): ImageProgram | undefined {
    return this.index.byRef.get(normalizeImageRef(ref));
  }
}
