// Declarative shapes for kubectl's command tree, as cobra and pflag model it.

/** A flag's value type, named as pflag's Value.Type() reports it. */
export type FlagType =
  | "bool"
  | "string"
  | "int"
  | "int32"
  | "int64"
  | "stringArray"
  | "stringSlice"
  | "duration";

/** A parsed flag value: booleans, numbers (ints; durations in milliseconds), strings or string lists. */
export type FlagValue = string | boolean | number | string[];

/** One flag of a command, with the text `--help` prints for it. */
export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Default as pflag prints it in help (DefValue): "false", "", "500", "[]", "1m0s". */
  defValue: string;
  usage: string;
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal); bools use "true". */
  noOptDefVal?: string;
  /** Marked with cobra's MarkFlagRequired. */
  required?: boolean;
  /** Not listed in help (pflag Hidden, or MarkDeprecated). */
  hidden?: boolean;
  /** MarkDeprecated message: the flag still parses but prints a warning. */
  deprecated?: string;
  /** The value type is a custom one (klog's moduleSpec): help prints the default without quotes. */
  unquoted?: boolean;
}

/** A positional-argument check run after flags parse; returns an error text or null. */
export type ArgsCheck = (ctx: ArgsContext) => ArgsError | null;

/** What an argument check sees. */
export interface ArgsContext {
  args: string[];
  afterDash: string[];
  /** Index of `--` among positional args, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  flags: Record<string, FlagValue>;
  flagsSet: Set<string>;
}

/** An argument error: `message` goes after `error: `; `usageHint` adds kubectl's "See '... -h'" line. */
export interface ArgsError {
  message: string;
  usageHint?: boolean;
  /** Text printed to stderr before the error line (e.g. get's "You must specify the type..."). */
  preamble?: string;
}

/** One command or subcommand (a cobra.Command, reduced to what parsing and help need). */
export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** The cobra `Use` text minus the command name, e.g. "NAME --image=image ..."; "" for none. */
  use: string;
  /** cobra DisableFlagsInUseLine; when false "[flags]" is added to the usage line. */
  disableFlagsInUseLine?: boolean;
  short: string;
  /** Long description as kubectl renders it (LongDesc already applied). */
  long?: string;
  /** Examples as kubectl renders them (each line indented by two spaces). */
  example?: string;
  flags: FlagSpec[];
  subcommands?: CommandSpec[];
  /** Commands with subcommands only: how the bare command behaves. */
  bare?: "help-stderr" | "run";
  /** cobra SuggestFor: names that suggest this command. */
  suggestFor?: string[];
  /** Positional-argument check, run after the required-flag check. */
  argsCheck?: ArgsCheck;
  /** Flags real kubectl lists and the sandbox parses but does not model: setting one is an error. */
  unsupported?: string[];
  /** The sandbox does not model this command at all: running it (not its help) is an error. */
  notModelled?: boolean;
  /** Exit status of a flag or usage error when not 1 (`diff` exits 2: 1 means "differences found"). */
  errorExitCode?: number;
}
