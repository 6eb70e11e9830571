/**
 * Which shell commands send HTTP requests: the clients (curl, wget, HTTPie, xh, PowerShell's
 * Invoke-WebRequest/Invoke-RestMethod), the wrappers that run a command after them, and command
 * substitutions that run a client. One home for the SOAP-call finders (soap-actions.ts), the
 * session-token finders (session-tokens.ts) and no-hardcoded-campaign-secret.
 */
import type { ShellCommand, ShellWord } from "../languages/shell/index.js";

const isPipe = (terminator: string | null): boolean => terminator === "|" || terminator === "|&";

/** The pipelines of a command list: each command with the ones its `|` / `|&` terminators feed. */
export function* pipelines(commands: readonly ShellCommand[]): Generator<ShellCommand[]> {
  for (let start = 0; start < commands.length; ) {
    let end = start + 1;
    while (end < commands.length && isPipe(commands[end - 1]!.terminator)) end++;
    yield commands.slice(start, end);
    start = end;
  }
}

/** Commands that send HTTP requests (lower case, without directory or `.exe`). */
const HTTP_CLIENTS: ReadonlySet<string> = new Set([
  "curl",
  "wget",
  // HTTPie and xh: `http POST url SOAPAction:xtk:session#Logon`.
  "http",
  "https",
  "xh",
  "xhs",
  "invoke-webrequest",
  "iwr",
  "invoke-restmethod",
  "irm",
]);
/** Words that run the command after them (`sudo curl`, `timeout 30 curl`, PowerShell `& curl.exe`). */
const COMMAND_WRAPPERS: ReadonlySet<string> = new Set(["sudo", "env", "exec", "time", "nohup", "command", "builtin", "nice", "timeout", "xargs", "call", "&", "start"]);
const PATH_PREFIX = /^.*[\\/]/u;
const EXE_SUFFIX = /\.exe$/iu;
// Not the command itself: an option, a duration (`timeout 30`), a `NAME=value` of `env`.
const WRAPPER_ARGUMENT = /^(?:-|\d)|=/u;
// A command substitution that runs an HTTP client: `$(curl …)`, `` `curl …` ``, PowerShell `$(Invoke-RestMethod …)`.
export const HTTP_CLIENT_SUBSTITUTION = /(?:\$\(|`)\s*(?:sudo\s+)?(?:[^\s()`'"]*[\\/])?(?:curl|wget|https?|xhs?|invoke-webrequest|iwr|invoke-restmethod|irm)(?:\.exe)?(?![\p{L}\p{N}_-])/iu;

const commandName = (word: ShellWord): string => word.value.replace(PATH_PREFIX, "").replace(EXE_SUFFIX, "").toLowerCase();

/** Whether a command runs an HTTP client, possibly through a wrapper (`sudo curl`, PowerShell `$r = Invoke-RestMethod …`). */
export function runsHttpClient(command: ShellCommand): boolean {
  // PowerShell `$r = Invoke-RestMethod -Uri …`: the command name is the assignment's value and its
  // arguments are the command's words.
  for (const assignment of command.assignments) {
    if (assignment.kind === "powershell-variable" && assignment.value !== null && HTTP_CLIENTS.has(commandName(assignment.value))) return true;
  }
  for (const word of command.words) {
    const name = commandName(word);
    if (HTTP_CLIENTS.has(name)) return true;
    if (!COMMAND_WRAPPERS.has(name) && !WRAPPER_ARGUMENT.test(name)) return false;
  }
  return false;
}
