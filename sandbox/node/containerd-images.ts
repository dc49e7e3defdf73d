// containerd's image store: pull (in virtual time), list, resolve by reference or ID.
import type { ImageCatalog } from "../images/catalog.ts";
import { fakeSha256 } from "../images/ids.ts";
import { normalizeImageRef, splitRef } from "../images/ref.ts";
import type { ImageProgram } from "../images/types.ts";

/** An image present on the node. */
export interface StoredImage {
  id: string;
  program: ImageProgram;
  /** Every tag pulled for this image. */
  repoTags: string[];
  repoDigests: string[];
  sizeBytes: number;
}

/** Schedule a callback in virtual time; returns a cancel function. */
export type Schedule = (delayMs: number, fn: () => void) => () => void;

/** Derive the ID containerd would report for an image. */
export function imageIdOf(program: ImageProgram): string {
  let id = imageIds.get(program.ref);
  if (!id) {
    id = fakeSha256(`config:${program.ref}`);
    imageIds.set(program.ref, id);
  }
  return id;
}

// Hashing the same few references for every container start is measurable at scale.
const imageIds = new Map<string, string>();

// Pulls take a fixed handshake plus the download at this modelled bandwidth.
const PULL_SETUP_MS = 400;
const BYTES_PER_MS = 25_000;

/** Word the error containerd returns when a reference cannot be pulled. */
export function pullError(ref: string, catalog: ImageCatalog): string {
  const { repo } = splitRef(ref);
  const repoKnown = catalog.hasRepository(repo);
  const cause = repoKnown
    ? `${ref}: not found`
    : "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed";
  return `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${cause}`;
}

/** Hold the node's images and pull new ones from the catalog. */
export class ImageStore {
  private readonly images = new Map<string, StoredImage>();
  // What resolve found for a reference or ID, until an image or tag is added or removed.
  private readonly resolved = new Map<string, StoredImage>();
  private readonly catalog: ImageCatalog;
  private readonly schedule: Schedule;

  constructor(catalog: ImageCatalog, schedule: Schedule) {
    if (!catalog || typeof schedule !== "function")
      throw new Error("ImageStore: catalog and schedule are required");
    this.catalog = catalog;
    this.schedule = schedule;
  }

  /** Put an image on the node at once (pre-pulled, e.g. by kubeadm config images pull). */
  preload(ref: string): StoredImage {
    const norm = normalizeImageRef(ref);
    const program = this.catalog.find(norm);
    if (!program) throw new Error(`ImageStore: unknown image ${ref}`);
    return this.store(norm, program);
  }

  /** Pull an image; calls back with the image ID or containerd's error text. Returns a cancel function. */
  pull(ref: string, cb: (err: string | null, imageId: string) => void): () => void {
    const norm = normalizeImageRef(ref);
    const program = this.catalog.find(norm);
    if (!program) return this.schedule(PULL_SETUP_MS, () => cb(pullError(norm, this.catalog), ""));
    // Pulling an image already here only resolves its manifest again: every layer is present.
    const present = this.resolve(norm) !== undefined;
    const delay = PULL_SETUP_MS + (present ? 0 : Math.round(program.sizeBytes / BYTES_PER_MS));
    return this.schedule(delay, () => cb(null, this.store(norm, program).id));
  }

  /** Estimate how long a pull of a known image takes, in ms. */
  pullDurationMs(ref: string): number {
    const program = this.catalog.find(ref);
    return PULL_SETUP_MS + (program ? Math.round(program.sizeBytes / BYTES_PER_MS) : 0);
  }

  /** Find a local image by reference, ID or ID prefix. */
  resolve(refOrId: string): StoredImage | undefined {
    const known = this.resolved.get(refOrId);
    if (known) return known;
    const img = this.lookup(refOrId);
    if (img) {
      if (this.resolved.size >= 256) this.resolved.clear();
      this.resolved.set(refOrId, img);
    }
    return img;
  }

  private lookup(refOrId: string): StoredImage | undefined {
    // A full ID is the map key; it can prefix-match no other image.
    const byId = this.images.get(refOrId);
    if (byId) return byId;
    const bare = refOrId.startsWith("sha256:") ? refOrId.slice(7) : refOrId;
    if (bare.length >= 12) for (const img of this.images.values()) if (img.id.startsWith(bare, 7)) return img;
    const norm = normalizeImageRef(refOrId);
    for (const img of this.images.values()) if (img.repoTags.includes(norm)) return img;
    return undefined;
  }

  /** Remove an image by reference or ID; returns false when absent. */
  remove(refOrId: string): boolean {
    const img = this.resolve(refOrId);
    this.resolved.clear();
    return img ? this.images.delete(img.id) : false;
  }

  /** List the node's images. */
  list(): StoredImage[] {
    return [...this.images.values()];
  }

  private store(ref: string, program: ImageProgram): StoredImage {
    const id = imageIdOf(program);
    const existing = this.images.get(id);
    if (existing) {
      if (!existing.repoTags.includes(ref)) {
        existing.repoTags.push(ref);
        this.resolved.clear();
      }
      return existing;
    }
    const { repo } = splitRef(ref);
    const img: StoredImage = {
      id,
      program,
      repoTags: [ref],
      repoDigests: [`${repo}@${program.digest}`],
      sizeBytes: program.sizeBytes,
    };
    this.images.set(id, img);
    this.resolved.clear();
    return img;
  }
}
