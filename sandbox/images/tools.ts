// Commands an image's own executables answer without starting a daemon: `nginx -v`, `redis-server --version`.
import type { ImageContext } from "./types.ts";

/** What one run of an image tool prints and exits with. */
export interface ToolOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Run an image's executable with its arguments; null when these arguments are not modelled. */
export type ImageTool = (args: readonly string[]) => ToolOutput | null;

/** An image's tools by executable name (argv[0]'s basename). */
export type ImageTools = Readonly<Record<string, ImageTool>>;

/** Run argv with the image's own tool for it, when it has one and models these arguments. */
export function runImageTool(tools: ImageTools | undefined, argv: readonly string[]): ToolOutput | null {
  const name = (argv[0] ?? "").split("/").pop() ?? "";
  const tool = tools && Object.hasOwn(tools, name) ? tools[name] : undefined;
  return tool ? tool(argv.slice(1)) : null;
}

/** Write a command's output (stdout, then stderr) to the container log, a line per log entry. */
export function logToolOutput(ctx: ImageContext, out: ToolOutput): void {
  for (const [text, stream] of [
    [out.stdout, "stdout"],
    [out.stderr, "stderr"],
  ] as const) {
    if (!text) continue;
    for (const line of text.replace(/\n$/, "").split("\n")) ctx.log(line, stream);
  }
}

/** Start argv as the container's main process when an image tool answers it; false when none does. */
export function startImageTool(
  ctx: ImageContext,
  tools: ImageTools | undefined,
  argv: readonly string[],
): boolean {
  const out = runImageTool(tools, argv);
  if (!out) return false;
  const pid = ctx.spawn([...argv]);
  logToolOutput(ctx, out);
  ctx.exitProcess(pid, out.exitCode);
  return true;
}
