// Pod volumes: one source each, a unique DNS-label name, and the required field of common sources.
import { type FieldError, forbidden, required } from "../errors.ts";
import { dnsLabel } from "./common.ts";
import { duplicateValue, isObj, list, obj, text } from "./field.ts";

/** Volume source fields, in the order validateVolumeSource checks them. */
export const VOLUME_SOURCES = (
  "emptyDir hostPath gitRepo gcePersistentDisk awsElasticBlockStore secret nfs iscsi glusterfs flocker " +
  "persistentVolumeClaim rbd cinder cephfs quobyte downwardAPI fc flexVolume configMap azureFile vsphereVolume " +
  "photonPersistentDisk portworxVolume azureDisk storageos projected scaleIO csi ephemeral image"
).split(" ");
// The field each source requires, where the model checks it.
const REQUIRED_FIELD: Record<string, string> = {
  hostPath: "path",
  secret: "secretName",
  configMap: "name",
  persistentVolumeClaim: "claimName",
  nfs: "server",
};

const SOURCE_NAMES = new Set(VOLUME_SOURCES);

function validateSource(v: Record<string, unknown>, path: string): FieldError[] {
  // Nearly every volume names one source: find it among the volume's own few keys rather than probing
  // all thirty; two or more take the ordered walk below, which reports them in the real order.
  let only: string | undefined;
  let many = false;
  for (const k in v) {
    if (!SOURCE_NAMES.has(k) || !isObj(v[k])) continue;
    if (only !== undefined) many = true;
    only = k;
  }
  if (!many) {
    if (only === undefined) return [required(path, "must specify a volume type")];
    const need = REQUIRED_FIELD[only];
    return need && !text((v[only] as Record<string, unknown>)[need])
      ? [required(`${path}.${only}.${need}`)]
      : [];
  }
  const errs: FieldError[] = [];
  let count = 0;
  for (const src of VOLUME_SOURCES) {
    if (!isObj(v[src])) continue;
    if (count > 0) {
      errs.push(forbidden(`${path}.${src}`, "may not specify more than 1 volume type"));
      continue;
    }
    count++;
    const need = REQUIRED_FIELD[src];
    if (need && !text(v[src][need])) errs.push(required(`${path}.${src}.${need}`));
  }
  if (count === 0) errs.push(required(path, "must specify a volume type"));
  return errs;
}

/** Validate `volumes`; returns the errors and the names of the valid volumes (for volumeMounts). */
export function validateVolumes(raw: unknown, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(raw).forEach((item, i) => {
    const v = obj(item);
    const at = `${path}[${i}]`;
    const name = text(v.name);
    const el = validateSource(v, at);
    if (!name) el.push(required(`${at}.name`));
    else el.push(...dnsLabel(name, `${at}.name`));
    if (names.has(name)) el.push(duplicateValue(`${at}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { errs, names };
}
