// sudo on a node: every login here is root, as on the lab machines the lessons mirror, so sudo runs the
// command as it is; its flags and errors are sudo 1.9's (Ubuntu 22.04).
import type { CommandResult } from "../kubectl/context.ts";

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user]
            [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g
            group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user]
            [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g
            group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user]
            file ...
`;

const fail = (stderr: string): CommandResult => ({ stdout: "", stderr, exitCode: 1 });

/**
 * Take `sudo [flags] [VAR=value...] [command...]` apart: the command to run (empty for `sudo -i` or
 * `sudo -s`, a root shell, which this already is) with its environment, or the error sudo prints.
 */
export function sudoCommand(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): { argv: string[]; env: Record<string, string> } | CommandResult {
  let i = 0;
  let shell = false;
  for (; i < args.length && args[i].startsWith("-"); i++) {
    const flag = args[i];
    if (flag === "--") {
      i++;
      break;
    }
    if (flag === "-u" || flag === "-g") {
      const who = args[++i];
      if (who === undefined) return fail(`sudo: option requires an argument -- '${flag[1]}'\n${USAGE}`);
      if (who !== "root" && who !== "#0")
        return fail(
          `sudo: unknown ${flag === "-u" ? "user" : "group"} ${who}\nsudo: error initializing audit plugin sudoers_audit\n`,
        );
    } else if (flag === "-i" || flag === "-s") shell = true;
    else if (!/^-[EHnSAkP]+$/.test(flag)) {
      const letter = flag.replace(/^-+/, "").replace(/[EHnSAkP]/g, "")[0] ?? flag;
      return fail(`sudo: invalid option -- '${letter}'\n${USAGE}`);
    }
  }
  const out = { ...env };
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) {
    const eq = args[i].indexOf("=");
    out[args[i].slice(0, eq)] = args[i].slice(eq + 1);
  }
  const argv = args.slice(i);
  if (argv.length === 0 && !shell) return fail(USAGE);
  return { argv, env: out };
}
