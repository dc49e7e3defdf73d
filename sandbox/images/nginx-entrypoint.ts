// The official image's /docker-entrypoint.sh: its log lines and 10-listen-on-ipv6-by-default.sh's edit.
import type { FileTree } from "../node/filesystem.ts";
import { defaultConf } from "./nginx-files.ts";

const ENTRY = "/docker-entrypoint.sh";
const IPV6 = "10-listen-on-ipv6-by-default.sh";
const CONF = "/etc/nginx/conf.d/default.conf";

const info = (msg: string) => `${IPV6}: info: ${msg}`;
// Every line is one of these texts: built once, so each container's log shares them.
const NO_FILE = [info(`${CONF} is not a file or does not exist`)];
const READ_ONLY = [info(`can not modify ${CONF} (read-only file system?)`)];
const ALREADY = [info("IPv6 listen already enabled")];
const CHECKSUM = info(`Getting the checksum of ${CONF}`);
const DIFFERS = [CHECKSUM, info(`${CONF} differs from the packaged version`)];
const ENABLED = [CHECKSUM, info(`Enabled listen on IPv6 in ${CONF}`)];
const BEFORE = [
  `${ENTRY}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
  `${ENTRY}: Looking for shell scripts in /docker-entrypoint.d/`,
  `${ENTRY}: Launching /docker-entrypoint.d/${IPV6}`,
];
const AFTER = [
  `${ENTRY}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
  `${ENTRY}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
  `${ENTRY}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
  `${ENTRY}: Configuration complete; ready for start up`,
];
// 15-local-resolvers.envsh came with 1.25; images from 1.19 to 1.24 run the other scripts only.
const AFTER_NO_RESOLVERS = AFTER.slice(1);

/** Decide what the IPv6 script does to default.conf, editing it as `sed -i` would; returns its log lines. */
function listenOnIpv6(fs: FileTree, now: number): readonly string[] {
  // Read without copying the container's tree: most containers' roots are never looked into otherwise.
  const content = fs.peekFile(CONF);
  if (content === undefined) return NO_FILE;
  try {
    fs.assertWritable(CONF);
  } catch {
    return READ_ONLY;
  }
  fs.touch(CONF, now); // the script's `touch` probe
  if (content.includes("listen  [::]:80;")) return ALREADY;
  // The script compares the md5 dpkg recorded; any byte changed from the packaged file counts as differing.
  if (content !== defaultConf(false)) return DIFFERS;
  fs.writeFile(CONF, defaultConf(true), now);
  return ENABLED;
}

/** Run the entrypoint's configuration scripts against the container's files; returns what they log. */
export function runEntrypoint(fs: FileTree, now: number, resolvers = true): string[] {
  return [...BEFORE, ...listenOnIpv6(fs, now), ...(resolvers ? AFTER : AFTER_NO_RESOLVERS)];
}
