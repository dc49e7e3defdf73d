// The images a modelled registry can serve, looked up by normalized reference.
import { agnhost } from "./agnhost.ts";
import { busybox } from "./busybox.ts";
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
import { httpd } from "./httpd.ts";
import { nginx } from "./nginx.ts";
import { pause } from "./pause.ts";
import { redis } from "./redis.ts";
import { normalizeImageRef } from "./ref.ts";
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
];

/** Resolve images by reference, including their alias tags. */
export class ImageCatalog {
  private readonly byRef = new Map<string, ImageProgram>();

  constructor(images: readonly ImageProgram[] = ALL_IMAGES) {
    for (const img of images) {
      for (const ref of [img.ref, ...(img.aliases ?? [])]) {
        if (this.byRef.has(ref)) throw new Error(`ImageCatalog: duplicate reference ${ref}`);
        this.byRef.set(ref, img);
      }
    }
  }

  /** Tell whether any tag of a repository (`docker.io/library/nginx`) is known. */
  hasRepository(repo: string): boolean {
    return [...this.byRef.keys()].some((r) => r.slice(0, r.lastIndexOf(":")) === repo);
  }

  /** Find the image a reference names (normalized first), or undefined. */
  find(ref: string): ImageProgram | undefined {
    return this.byRef.get(normalizeImageRef(ref));
  }
}
