// The Volumes section of pods and pod templates.
import type { Volume } from "../../api/types.ts";
import { canonical } from "./quantity.ts";
import type { DescribeWriter } from "./writer.ts";

interface ProjectedSource {
  secret?: { name?: string; optional?: boolean };
  configMap?: { name?: string; optional?: boolean };
  downwardAPI?: unknown;
  serviceAccountToken?: { expirationSeconds?: number };
}

// kubectl v1.32 prints these *bool fields with %v: unset gives <nil>, set gives a pointer address.
// The model prints a fixed address, since a real one differs on every run (fixed in v1.33 by #129457).
function goBoolPointer(v: boolean | undefined): string {
  return v === undefined || v === null ? "<nil>" : "0xc000a1b2c3";
}

/** Print `Volumes:` with one block per volume, or `Volumes:  <none>`; `space` is "  " inside a template. */
export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? " " : ""}${v.name}:\n`);
    describeSource(w, v);
  }
}

function describeSource(w: DescribeWriter, v: Volume): void {
  const claim = v["persistentVolumeClaim"] as { claimName: string; readOnly?: boolean } | undefined;
  const downward = v["downwardAPI"] as
    | { items?: { path: string; fieldRef?: { fieldPath: string } }[] }
    | undefined;
  const nfs = v["nfs"] as { server: string; path: string; readOnly?: boolean } | undefined;
  if (v.hostPath) {
    w.write(2, "Type:\tHostPath (bare host directory volume)\n");
    w.write(2, `Path:\t${v.hostPath.path}\n`);
    w.write(2, `HostPathType:\t${v.hostPath.type || "<none>"}\n`);
  } else if (v.emptyDir) {
    const limit =
      v.emptyDir.sizeLimit && canonical(v.emptyDir.sizeLimit) !== "0"
        ? canonical(v.emptyDir.sizeLimit)
        : "<unset>";
    w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
    w.write(2, `Medium:\t${v.emptyDir.medium ?? ""}\n`);
    w.write(2, `SizeLimit:\t${limit}\n`);
  } else if (v.secret) {
    w.write(2, "Type:\tSecret (a volume populated by a Secret)\n");
    w.write(2, `SecretName:\t${v.secret.secretName}\n`);
    w.write(2, `Optional:\t${(v.secret as { optional?: boolean }).optional === true}\n`);
  } else if (v.configMap) {
    w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n");
    w.write(2, `Name:\t${v.configMap.name}\n`);
    w.write(2, `Optional:\t${(v.configMap as { optional?: boolean }).optional === true}\n`);
  } else if (nfs) {
    w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n");
    w.write(2, `Server:\t${nfs.server}\n`);
    w.write(2, `Path:\t${nfs.path}\n`);
    w.write(2, `ReadOnly:\t${nfs.readOnly === true}\n`);
  } else if (claim) {
    w.write(
      2,
      "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n",
    );
    w.write(2, `ClaimName:\t${claim.claimName}\n`);
    w.write(2, `ReadOnly:\t${claim.readOnly === true}\n`);
  } else if (downward) {
    w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n");
    w.write(2, "Items:\n");
    for (const item of downward.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    describeProjected(w, (v.projected as { sources?: ProjectedSource[] }).sources ?? []);
  } else {
    w.write(1, "<unknown>\n");
  }
}

function describeProjected(w: DescribeWriter, sources: ProjectedSource[]): void {
  w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  for (const s of sources) {
    if (s.secret) {
      w.write(2, `SecretName:\t${s.secret.name ?? ""}\n`);
      w.write(2, `SecretOptionalName:\t${goBoolPointer(s.secret.optional)}\n`);
    } else if (s.downwardAPI) {
      w.write(2, "DownwardAPI:\ttrue\n");
    } else if (s.configMap) {
      w.write(2, `ConfigMapName:\t${s.configMap.name ?? ""}\n`);
      w.write(2, `ConfigMapOptional:\t${goBoolPointer(s.configMap.optional)}\n`);
    } else if (s.serviceAccountToken) {
      w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}
