// How the text tools read their input: stdin, or FILE operands through the host's file access.

/** The result of a command. */
export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Files a text tool may read; absent when the tool only filters a pipe. */
export interface TextFiles {
  /** `gnu` prints coreutils/grep messages, `busybox` prints busybox applet messages. */
  flavor: "gnu" | "busybox";
  /** Read a file; an error is the strerror text (`No such file or directory`, `Is a directory`). */
  read(path: string): { text: string } | { error: string };
  /** List a directory's entry names, or null when the path is not a directory (for grep -r). */
  list(path: string): string[] | null;
  /** Replace a file's text (sed -i), keeping its mode; returns the strerror text on failure. */
  write?(path: string, text: string): string | undefined;
}

/** A text tool: argv without its name, stdin, and (on a node or in a container) file access. */
export type TextTool = (args: string[], input: string, files?: TextFiles) => ToolResult;

/** Build a success result. */
export const ok = (stdout: string): ToolResult => ({ stdout, stderr: "", exitCode: 0 });

/** Build a failure result. */
export const fail = (stderr: string, exitCode = 1): ToolResult => ({ stdout: "", stderr, exitCode });

/** Split text into lines, dropping the empty string after a final newline. */
export function lines(s: string): string[] {
  if (s === "") return [];
  const l = s.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

/** Join lines, each ending in a newline. */
export const join = (l: string[]): string => (l.length ? `${l.join("\n")}\n` : "");

/** One input of a tool: its name as given (`-` for stdin) and its text, or the open error. */
export interface Input {
  name: string;
  text?: string;
  error?: string;
}

/** Read the operands (stdin when there are none, or for `-`). */
export function readInputs(operands: readonly string[], stdin: string, files?: TextFiles): Input[] {
  if (operands.length === 0) return [{ name: "-", text: stdin }];
  return operands.map((name) => {
    if (name === "-") return { name, text: stdin };
    if (!files) return { name, error: "No such file or directory" };
    const r = files.read(name);
    return "error" in r ? { name, error: r.error } : { name, text: r.text };
  });
}

/** Word a failed open the way a tool prints it. */
export function openError(tool: string, input: Input, flavor: "gnu" | "busybox" = "gnu"): string {
  if (flavor === "busybox") return `${tool}: can't open '${input.name}': ${input.error}\n`;
  switch (tool) {
    case "head":
    case "tail":
      return `${tool}: cannot open '${input.name}' for reading: ${input.error}\n`;
    case "sort":
      return `sort: cannot read: ${input.name}: ${input.error}\n`;
    case "awk":
      return `awk: cannot open ${input.name} (${input.error})\n`;
    default:
      return `${tool}: ${input.name}: ${input.error}\n`;
  }
}

/** Concatenate the readable inputs; errors are worded for `tool`. */
export function readAll(
  tool: string,
  operands: readonly string[],
  stdin: string,
  files?: TextFiles,
): { text: string; stderr: string } {
  let text = "";
  let stderr = "";
  for (const i of readInputs(operands, stdin, files)) {
    if (i.error !== undefined) stderr += openError(tool, i, files?.flavor);
    else text += i.text;
  }
  return { text, stderr };
}

/** The error GNU tools print for an unknown short option. */
export function invalidOption(tool: string, flag: string, usage?: string): ToolResult {
  const mid = usage ? `Usage: ${usage}\n` : "";
  return fail(
    `${tool}: invalid option -- '${flag}'\n${mid}Try '${tool} --help' for more information.\n`,
    tool === "grep" || tool === "sort" ? 2 : 1,
  );
}
