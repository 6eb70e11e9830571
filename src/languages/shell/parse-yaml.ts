/**
 * YAML files (CI pipelines of every common system, docker-compose, Kubernetes manifests and Helm
 * values, Ansible playbooks, any other YAML): the `yaml` package parses the file (all documents,
 * with source ranges); this module picks the values that hold shell or settings and reads them
 * with the dialect parsers, keeping exact source positions.
 *
 * Shell (one `ShellCommand` per command, `construct` = the key):
 * - GitHub Actions `run` (steps of workflows in any folder and of composite actions); GitLab
 *   `script` / `before_script` / `after_script`; Bitbucket `script` / `after-script`; Azure
 *   Pipelines `script` / `bash` / `pwsh` / `powershell` steps and task `inputs` (`script`,
 *   `inlineScript`); CircleCI `run` (string or `command:`); docker-compose `command` /
 *   `entrypoint`; Ansible `shell` / `command` / `raw` / `win_shell` (and `cmd:` under them);
 *   Kubernetes `command` / `args`.
 * - A string is a script; a list of strings is a list of scripts, except under `command`,
 *   `entrypoint` and `args`, where it is the exec form: one command whose words are the items
 *   (and the item after `sh -c` / `bash -c` is a script of its own).
 * - The dialect: PowerShell for `pwsh` / `powershell` / `win_shell` keys, for a sibling or
 *   inherited (`defaults: run: shell:`) `shell: pwsh|powershell`, `scriptType: ps|pscore`, or a
 *   `PowerShell@N` task; batch for `shell: cmd`; other interpreters (`python`, `node` …) are not
 *   read; POSIX shell otherwise.
 *
 * Settings (`ShellAssignment`, kind `yaml`): every scalar whose key names a secret
 * (`password`, `ACC_SESSION_TOKEN`, `clientSecret` …, see `secretSlotOfName`), named by the
 * dotted path of keys (`campaign.api.password`, `services.app.environment.ACC_PASSWORD`); the
 * `name` / `value` pairs of Kubernetes `env` and Azure `variables` lists (named by `name`);
 * `NAME=value` strings in docker-compose `environment` lists. Which of them are Campaign's is for
 * the rules to decide.
 *
 * Helm templates (`{{ … }}` directives that break the YAML around them) are read with the
 * directives blanked to spaces of the same length (`blankTemplateDirectives`), so positions stay
 * exact and a value a directive builds reads as empty.
 *
 * Comments come from the `yaml` lexer (so `# eslint-disable-next-line` works above any key);
 * comments inside a script are shell comments. The dialect restricts the shell keys: `github-actions`
 * reads only `run`, `gitlab-ci` only the three script keys; `yaml` reads all of the above.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseAllDocuments, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { ShellAssignment, ShellCommand, ShellDialect, ShellWord, ShellWordSegment } from "./ast.js";
import { parseBatch } from "./parse-batch.js";
import { parsePowerShell } from "./parse-powershell.js";
import { PosixScanner, type ShellOutput } from "./posix-scanner.js";
import { isBlank, LineIndex, type Range } from "../text/line-index.js";
import { atomicMap, scalarMap, wordOfMap, type ScalarMap } from "./yaml-scalar.js";
import { secretSlotOfName } from "../../campaign/secrets.js";

type YamlFlavour = Extract<ShellDialect, "github-actions" | "gitlab-ci" | "yaml">;
type ScriptDialect = "sh" | "powershell" | "batch" | "none";

const GITHUB_ACTIONS_KEYS: ReadonlySet<string> = new Set(["run"]);
const GITLAB_CI_KEYS: ReadonlySet<string> = new Set(["script", "before_script", "after_script"]);
const SCRIPT_KEYS: ReadonlySet<string> = new Set([
  "run",
  "script",
  "before_script",
  "after_script",
  "after-script",
  "bash",
  "pwsh",
  "powershell",
  "inlineScript",
  "command",
  "entrypoint",
  "args",
  "shell",
  "raw",
  "win_shell",
  "win_command",
  "ansible.builtin.shell",
  "ansible.builtin.command",
  "ansible.builtin.raw",
  "ansible.windows.win_shell",
  "ansible.windows.win_command",
]);
/** Keys whose list value is one command's words (exec form). */
const EXEC_KEYS: ReadonlySet<string> = new Set(["command", "entrypoint", "args"]);
const POWERSHELL_KEYS: ReadonlySet<string> = new Set(["pwsh", "powershell", "win_shell", "win_command", "ansible.windows.win_shell", "ansible.windows.win_command"]);
/** Keys under which `cmd:` holds the command (Ansible's free-form alternative). */
const CMD_PARENTS: ReadonlySet<string> = new Set(["shell", "command", "ansible.builtin.shell", "ansible.builtin.command", "win_shell", "ansible.windows.win_shell"]);
/** A `shell:` value that selects an interpreter (GitHub Actions, CircleCI) rather than being a command. */
const SHELL_SELECTOR = /^(?:bash|sh|zsh|pwsh|powershell|cmd|python\d*|node|ruby|perl)(?:\.exe)?(?:\s|$)|\{0\}/u;
const POSIX_SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|k|da)?sh$/u;
const MAX_DEPTH = 200;

/** Comments: the lexer's tokens concatenate to the source, except zero-width control tokens. */
function pushComments(source: string, offset: number, lines: LineIndex, out: ShellOutput): void {
  let at = offset;
  for (const token of new Lexer().lex(source)) {
    if (token.length === 1) {
      const code = token.charCodeAt(0);
      if (code === 0x02 || code === 0x18 || code === 0x1f) continue;
    }
    if (token.charCodeAt(0) === 35) {
      out.comments.push({ type: "ShellComment", marker: "#", value: token.slice(1), ...lines.span(at, at + token.length) });
    }
    at += token.length;
  }
}

/** Node ranges of a parse of a synthetic text (a scalar's value) mapped back to the file. */
export function remapOutput(temporary: ShellOutput, out: ShellOutput, map: ScalarMap, text: string, lines: LineIndex, construct: string): void {
  const count = map.value.length;
  const startOf = (at: number): number => (at < count ? map.starts[at]! : count > 0 ? map.ends[count - 1]! : map.range[0]);
  const endOf = (at: number): number => (at > 0 ? map.ends[Math.min(at, count) - 1]! : startOf(0));
  const range = ([start, end]: Range): Range => {
    const from = startOf(start);
    return [from, end > start ? Math.max(from, endOf(end)) : from];
  };
  const segments = (list: readonly ShellWordSegment[]): ShellWordSegment[] => {
    const mapped: ShellWordSegment[] = [];
    for (const segment of list) {
      if (segment.valueEnd - segment.valueStart !== segment.sourceEnd - segment.sourceStart) {
        const [sourceStart, sourceEnd] = range([segment.sourceStart, segment.sourceEnd]);
        mapped.push({ valueStart: segment.valueStart, valueEnd: segment.valueEnd, sourceStart, sourceEnd });
        continue;
      }
      // An identity run in the synthetic text: split where the source is not contiguous.
      let index = 0;
      const length = segment.valueEnd - segment.valueStart;
      while (index < length) {
        const at = segment.sourceStart + index;
        const sourceStart = startOf(at);
        let last = index;
        const identity = map.ends[at]! - sourceStart === 1;
        if (identity) {
          while (last + 1 < length && map.ends[at + last + 1 - index]! - map.starts[at + last + 1 - index]! === 1 && map.starts[at + last + 1 - index] === map.ends[at + last - index]) last++;
        }
        mapped.push({ valueStart: segment.valueStart + index, valueEnd: segment.valueStart + last + 1, sourceStart, sourceEnd: map.ends[at + last - index]! });
        index = last + 1;
      }
    }
    return mapped;
  };
  const word = (node: ShellWord): void => {
    Object.assign(node, lines.span(...range(node.range)));
    node.raw = text.slice(node.range[0], node.range[1]);
    node.segments = segments(node.segments);
  };
  for (const command of temporary.commands) {
    Object.assign(command, lines.span(...range(command.range)));
    command.construct = construct;
    command.words.forEach(word);
    for (const assignment of command.assignments) {
      Object.assign(assignment, lines.span(...range(assignment.range)));
      assignment.nameRange = range(assignment.nameRange);
      if (assignment.value !== null) word(assignment.value);
    }
    for (const redirect of command.redirects) {
      Object.assign(redirect, lines.span(...range(redirect.range)));
      if (redirect.target !== null) word(redirect.target);
      const heredoc = redirect.heredoc;
      if (heredoc !== null) {
        Object.assign(heredoc, lines.span(...range(heredoc.range)));
        heredoc.bodyRange = range(heredoc.bodyRange);
        heredoc.body = text.slice(heredoc.bodyRange[0], heredoc.bodyRange[1]);
      }
    }
    out.commands.push(command);
  }
  for (const comment of temporary.comments) out.comments.push(Object.assign(comment, lines.span(...range(comment.range))));
  for (const problem of temporary.problems) out.problems.push(Object.assign(problem, lines.span(...range(problem.range))));
}

/**
 * A value (a YAML scalar, a Groovy string …) parsed as a script of `dialect` from its rebuilt
 * text, every node's position mapped back to the file through `map`.
 */
export function parseMappedScript(out: ShellOutput, text: string, lines: LineIndex, map: ScalarMap, dialect: "sh" | "batch" | "powershell", construct: string): void {
  const temporary: ShellOutput = { commands: [], comments: [], problems: [] };
  const synthetic = new LineIndex(map.value);
  if (dialect === "powershell") parsePowerShell(map.value, synthetic, temporary, 0);
  else if (dialect === "batch") parseBatch(map.value, synthetic, temporary, 0);
  // The value's final line break (a block scalar keeps one; YAML reads a lone CR as text) ends the
  // script's last line: nothing after it is the script's, not even an empty here-document body.
  else new PosixScanner(map.value, synthetic, temporary).scan({ start: 0, end: map.value.length - finalLineBreak(map.value), construct });
  remapOutput(temporary, out, map, text, lines, construct);
}

/** The length of `value`'s final line break (CRLF, LF or CR), 0 without one. */
const finalLineBreak = (value: string): number => (value.endsWith("\r\n") ? 2 : value.endsWith("\n") || value.endsWith("\r") ? 1 : 0);

function parseDocuments(source: string): ReturnType<typeof parseAllDocuments> {
  const parsed = parseAllDocuments(source, { strict: false, uniqueKeys: false, prettyErrors: false });
  return Array.isArray(parsed) ? parsed : [];
}


/**
 * `source` with every template directive overwritten by spaces (line breaks kept): what a Helm
 * template's YAML looks like around its directives. Not a template engine: the directives' spans
 * are all that is needed (no npm package parses Go templates with source ranges), and a value
 * built by a directive is no literal, so blank is what it reads as.
 */
export function blankTemplateDirectives(source: string): string {
  // A Go template action (`{{ … }}`, `{{- … -}}`, `{{/* … */}}`), with a GitHub-style `$` before
  // it. Found with indexOf, so a text of many `{{` and no `}}` stays linear.
  let out = "";
  let copied = 0;
  let open = source.indexOf("{{");
  while (open !== -1) {
    const close = source.indexOf("}}", open + 2);
    if (close === -1) break;
    const start = open > copied && source.charCodeAt(open - 1) === 36 ? open - 1 : open;
    out += source.slice(copied, start) + source.slice(start, close + 2).replace(/[^\r\n]/gu, " ");
    copied = close + 2;
    open = source.indexOf("{{", copied);
  }
  return copied === 0 ? source : out + source.slice(copied);
}

interface Context {
  path: readonly string[];
  /** The shell a `run:` uses when its step names none (`defaults: run: shell:`). */
  defaultShell: string | undefined;
}

export function parseYaml(text: string, lines: LineIndex, out: ShellOutput, textStart: number, flavour: YamlFlavour): void {
  const source = text.slice(textStart);
  pushComments(source, textStart, lines, out);
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseDocuments(source);
    // A Helm (Go) template is not YAML until rendered: `{{- if … }}` lines and `{{ include … }}`
    // values break the structure around them. Read with its directives blanked instead (same
    // length, line breaks kept), so every position stays the file's.
    if (source.includes("{{") && documents.some((document) => document.errors.length > 0)) {
      const blanked = blankTemplateDirectives(source);
      if (blanked !== source) documents = parseDocuments(blanked);
    }
  } catch {
    // The `yaml` package gave up (e.g. nesting deeper than its recursion allows): no values.
    return;
  }
  const shellKeys = flavour === "github-actions" ? GITHUB_ACTIONS_KEYS : flavour === "gitlab-ci" ? GITLAB_CI_KEYS : SCRIPT_KEYS;

  const mapOf = (node: Scalar): ScalarMap | undefined => scalarMap(text, lines, node, textStart);
  const isQuoted = (node: Scalar): boolean => node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  const stringValue = (node: unknown): string | undefined =>
    isScalar(node) && (typeof node.value === "string" || typeof node.value === "number" || typeof node.value === "boolean") ? String(node.value) : undefined;

  /** A scalar script read in place (POSIX, no escapes) or from its rebuilt value (anything else). */
  const script = (node: Scalar, construct: string, dialect: ScriptDialect): void => {
    if (dialect === "none" || typeof node.value !== "string" || node.range === undefined || node.range === null) return;
    const start = node.range[0] + textStart;
    const end = node.range[1] + textStart;
    const raw = text.slice(start, end);
    const inPlace =
      dialect === "sh" &&
      (node.type === "PLAIN" ||
        node.type === "BLOCK_LITERAL" ||
        node.type === "BLOCK_FOLDED" ||
        (node.type === "QUOTE_DOUBLE" && !raw.includes("\\")) ||
        (node.type === "QUOTE_SINGLE" && !raw.slice(1, -1).includes("'")));
    // A trailing line break (a block scalar's last one; a lone CR, which YAML reads as text) ends
    // the script's last line: nothing after it is the script's, not even an empty here-document body.
    let scriptEnd = end;
    while (scriptEnd > start && (text.charCodeAt(scriptEnd - 1) === 10 || text.charCodeAt(scriptEnd - 1) === 13)) scriptEnd--;
    if (inPlace && scanInPlace(node, start, scriptEnd, construct)) return;
    const map = mapOf(node);
    if (map !== undefined) parseMappedScript(out, text, lines, map, dialect, construct);
  };

  const scanInPlace = (node: Scalar, start: number, end: number, construct: string): boolean => {
    const scanner = new PosixScanner(text, lines, out);
    const skipBlanks = (lineStart: number): number => {
      let skip = lineStart;
      while (isBlank(text.charCodeAt(skip))) skip++;
      return skip;
    };
    if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") {
      scanner.scan({ start: start + 1, end: end - 1, construct, newlineTerminates: false, linePrefix: skipBlanks });
      return true;
    }
    if (node.type === "PLAIN") {
      scanner.scan({
        start,
        end,
        construct,
        linePrefix: skipBlanks,
        newlineTerminates: (nextLineStart: number): boolean => {
          const code = text.charCodeAt(skipBlanks(nextLineStart));
          return code === 10 || code === 13;
        },
      });
      return true;
    }
    // Block scalars: the content lines, their indentation hidden from the shell.
    let header = start;
    while (header < end && text[header] !== "|" && text[header] !== ">") header++;
    const headerLine = lines.lineIndexOf(header);
    for (let at = header + 1; at < lines.lineContentEnd(headerLine) && !isBlank(text.charCodeAt(at)); at++) {
      const code = text.charCodeAt(at);
      if (code >= 49 && code <= 57) return false; // an explicit indentation indicator: read the rebuilt value
    }
    if (end <= lines.lineEnd(headerLine)) return true;
    const lastLine = lines.lineIndexOf(end - 1);
    let first = -1;
    let last = -1;
    let indentation = 0;
    for (let line = headerLine + 1; line <= lastLine; line++) {
      const lineStart = lines.lineStart(line);
      const contentEnd = lines.lineContentEnd(line);
      let at = lineStart;
      while (at < contentEnd && text.charCodeAt(at) === 32) at++;
      while (at < contentEnd && isBlank(text.charCodeAt(at))) at++;
      if (at >= contentEnd) continue;
      if (first === -1) {
        first = line;
        let spaces = lineStart;
        while (text.charCodeAt(spaces) === 32) spaces++;
        indentation = spaces - lineStart;
      }
      last = line;
    }
    if (first === -1) return true;
    const folded = node.type === "BLOCK_FOLDED";
    scanner.scan({
      start: lines.lineStart(first) + indentation,
      end: lines.lineContentEnd(last),
      // A here-document opened on the last line ends with the block: its body is empty, before the
      // line break (the block's, not the script's).
      heredocLimit: lines.lineContentEnd(last),
      construct,
      linePrefix: (lineStart: number): number => {
        let skip = lineStart;
        while (skip < lineStart + indentation && text.charCodeAt(skip) === 32) skip++;
        return skip;
      },
      newlineTerminates: folded
        ? (nextLineStart: number): boolean => {
            let skip = nextLineStart;
            while (text.charCodeAt(skip) === 32) skip++;
            const code = text.charCodeAt(skip);
            return skip >= text.length || code === 10 || code === 13 || skip - nextLineStart > indentation || isBlank(code);
          }
        : true,
    });
    return true;
  };

  /** Exec form (`command: ["sh", "-c", "…"]`): one command of the items; a `-c` script is shell. */
  const execForm = (items: readonly unknown[], construct: string, dialect: ScriptDialect): void => {
    const words: ShellWord[] = [];
    let scriptNext = false;
    for (const item of items) {
      if (!isScalar(item) || item.range === undefined || item.range === null) continue;
      const value = stringValue(item);
      if (value === undefined) continue;
      if (scriptNext) {
        script(item, construct, dialect);
        scriptNext = false;
        continue;
      }
      const map = mapOf(item) ?? atomicMap(value, [item.range[0] + textStart, item.range[1] + textStart]);
      words.push(wordOfMap(text, lines, map, isQuoted(item)));
      const program = words[0]?.value.replace(/^.*\//u, "") ?? "";
      if (value === "-c" && (POSIX_SHELLS.test(words[0]?.value ?? "") || POSIX_SHELLS.test(`/${program}`) || program === "sh")) scriptNext = true;
    }
    if (words.length === 0) return;
    const first = words[0]!;
    const lastWord = words[words.length - 1]!;
    const command: ShellCommand = {
      type: "ShellCommand",
      words,
      assignments: [],
      redirects: [],
      terminator: null,
      construct,
      ...lines.span(first.range[0], lastWord.range[1]),
    };
    out.commands.push(command);
  };

  const assignment = (name: string, nameRange: Range, valueNode: Scalar, construct: string, path?: string): void => {
    if (valueNode.range === undefined || valueNode.range === null) return;
    const value = stringValue(valueNode);
    if (value === undefined) return;
    const map = mapOf(valueNode) ?? atomicMap(value, [valueNode.range[0] + textStart, valueNode.range[1] + textStart]);
    const word = wordOfMap(text, lines, map, isQuoted(valueNode));
    const node: ShellAssignment = {
      type: "ShellAssignment",
      kind: "yaml",
      name,
      nameRange,
      operator: ":",
      value: word,
      ...(path === undefined ? {} : { path }),
      ...lines.span(nameRange[0], Math.max(nameRange[1], word.range[1])),
    };
    out.commands.push({ type: "ShellCommand", words: [], assignments: [node], redirects: [], terminator: null, construct, ...lines.span(node.range[0], node.range[1]) });
  };

  /** `NAME=value` list items (docker-compose `environment`). */
  const envItem = (node: Scalar, construct: string): void => {
    const value = stringValue(node);
    if (value === undefined || node.range === undefined || node.range === null) return;
    const match = /^([A-Za-z_][\w.-]*)=/u.exec(value);
    if (match === null) return;
    const map = mapOf(node) ?? atomicMap(value, [node.range[0] + textStart, node.range[1] + textStart]);
    const name = match[1]!;
    const word = wordOfMap(text, lines, map, isQuoted(node), name.length + 1);
    const nameStart = map.starts[0]!;
    const nameRange: Range = [nameStart, map.ends[name.length - 1]!];
    const node2: ShellAssignment = { type: "ShellAssignment", kind: "yaml", name, nameRange, operator: "=", value: word, ...lines.span(nameStart, word.range[1]) };
    out.commands.push({ type: "ShellCommand", words: [], assignments: [node2], redirects: [], terminator: null, construct, ...lines.span(nameStart, word.range[1]) });
  };

  const keyText = (pair: Pair): string | undefined => (isScalar(pair.key) ? stringValue(pair.key) : undefined);
  /** A name scalar's range without its quotes (so the range's text is the name). */
  const nameRange = (node: Scalar): Range | undefined => {
    if (!node.range) return undefined;
    const quoted = isQuoted(node) ? 1 : 0;
    return [node.range[0] + textStart + quoted, node.range[1] + textStart - quoted];
  };
  // A map's keys, indexed once: `child` is asked for the same few keys of every map (and of every
  // script key's map), so a linear search made a map with many keys quadratic (200,000 `run:` keys).
  const keyIndex = new WeakMap<YAMLMap, Map<string, unknown>>();
  const child = (map: YAMLMap, name: string): unknown => {
    let index = keyIndex.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items) {
        const key = keyText(pair);
        // The first pair with a key wins, as a search from the start would find it.
        if (key !== undefined && !index.has(key)) index.set(key, pair.value);
      }
      keyIndex.set(map, index);
    }
    return index.get(name);
  };

  const dialectOf = (key: string, map: YAMLMap, context: Context, parentKey: string | undefined, task: string | undefined): ScriptDialect => {
    if (POWERSHELL_KEYS.has(key)) return "powershell";
    const scriptType = stringValue(child(map, "scriptType"))?.toLowerCase();
    if (scriptType === "ps" || scriptType === "pscore" || scriptType === "powershell") return "powershell";
    if (parentKey === "inputs" && task !== undefined && /powershell/iu.test(task)) return "powershell";
    const selected = key === "run" || key === "command" ? (stringValue(child(map, "shell")) ?? context.defaultShell) : undefined;
    if (selected === undefined) return "sh";
    const program = selected.trim().split(/\s+/u)[0]?.toLowerCase() ?? "";
    if (program === "pwsh" || program === "powershell" || program === "pwsh.exe" || program === "powershell.exe") return "powershell";
    if (program === "cmd" || program === "cmd.exe") return "batch";
    if (POSIX_SHELLS.test(program) || program === "{0}" || program === "") return "sh";
    return "none";
  };

  /**
   * `- curl -H "X-Token: …"` in a script list: YAML reads the `: ` as a one-pair map (an error
   * GitLab and GitHub report too); the line is still the command its author meant, read as text.
   */
  const mapLineAsScript = (value: YAMLMap, construct: string, dialect: ScriptDialect): void => {
    if (dialect !== "sh" || value.items.length !== 1 || !value.range) return;
    const start = value.range[0] + textStart;
    const line = lines.lineIndexOf(start);
    new PosixScanner(text, lines, out).scan({ start, end: lines.lineContentEnd(line), construct });
  };

  const scriptValue = (value: unknown, construct: string, dialect: ScriptDialect, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isScalar(value)) script(value, construct, dialect);
    // Only a list item gets here as a map (a key's map value is not a script).
    else if (isMap(value)) mapLineAsScript(value, construct, dialect);
    else if (isSeq(value)) {
      if (EXEC_KEYS.has(construct)) execForm(value.items, construct, dialect);
      else for (const item of value.items) scriptValue(item, construct, dialect, depth + 1);
    }
  };

  const visit = (node: unknown, context: Context, parentKey: string | undefined, task: string | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || node === null || node === undefined || isAlias(node)) return;
    if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && (parentKey === "environment" || parentKey === "env")) envItem(item, parentKey);
        else visit(item, context, parentKey, task, depth + 1);
      }
      return;
    }
    if (!isMap(node)) return;
    // `defaults: run: shell:` applies to the steps below this map.
    const defaults = child(node, "defaults");
    const defaultRun = isMap(defaults) ? child(defaults, "run") : undefined;
    const inherited = isMap(defaultRun) ? stringValue(child(defaultRun, "shell")) : undefined;
    const here: Context = inherited === undefined ? context : { ...context, defaultShell: inherited };
    const taskHere = stringValue(child(node, "task")) ?? task;
    // Kubernetes `env` / Azure `variables` entries: `- name: X` + `value: Y`.
    const entryName = child(node, "name");
    const entryValue = child(node, "value");
    if (isScalar(entryName) && isScalar(entryValue) && typeof entryName.value === "string") {
      const range = nameRange(entryName);
      if (range !== undefined && text.slice(range[0], range[1]) === entryName.value) assignment(entryName.value, range, entryValue, parentKey ?? "value");
    }
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair);
      if (key === undefined) continue;
      const value = pair.value as YamlNode | null;
      const isScript =
        (shellKeys.has(key) &&
          !(key === "script" && parentKey === "with") &&
          !(key === "shell" && isScalar(value) && SHELL_SELECTOR.test(String(value.value ?? "").trim()))) ||
        (key === "cmd" && parentKey !== undefined && CMD_PARENTS.has(parentKey) && flavour === "yaml");
      if (isScript && isMap(value) && isScalar(pair.key) && pair.key.range && value.range) {
        // `run: curl -H "X-Token: …"`: YAML reads the `: ` as a nested key (an error GitHub and
        // GitLab report too); the line is still the script its author meant, so it is read as text.
        const keyLine = lines.lineIndexOf(pair.key.range[0] + textStart);
        const valueStart = value.range[0] + textStart;
        if (lines.lineIndexOf(valueStart) === keyLine) {
          if (dialectOf(key, node, here, parentKey, taskHere) === "sh") {
            new PosixScanner(text, lines, out).scan({ start: valueStart, end: lines.lineContentEnd(keyLine), construct: key });
          }
          continue;
        }
      }
      if (isScript && (isScalar(value) || isSeq(value))) {
        const dialect = dialectOf(key, node, here, parentKey, taskHere);
        // Kubernetes `command: ["sh", "-c"]` + `args: ["script"]`: each argument is a script.
        const command = child(node, "command");
        const afterDashC = key === "args" && isSeq(command) && stringValue(command.items[command.items.length - 1]) === "-c";
        if (afterDashC && isSeq(value)) for (const item of value.items) scriptValue(item, key, dialect, depth + 1);
        else scriptValue(value, key, dialect, depth + 1);
        continue;
      }
      // GitLab `variables: NAME: { value: …, description: … }`.
      const described = isMap(value) ? child(value, "value") : undefined;
      if (isScalar(described) && secretSlotOfName(key) !== undefined) {
        const range = nameRange(pair.key as Scalar);
        if (range !== undefined && text.slice(range[0], range[1]) === key) assignment(key, range, described, parentKey ?? key, [...here.path, key].join("."));
      }
      if (isScalar(value)) {
        if (key !== "value" && secretSlotOfName(key) !== undefined) {
          const range = nameRange(pair.key as Scalar);
          if (range !== undefined && text.slice(range[0], range[1]) === key) assignment(key, range, value, parentKey ?? key, [...here.path, key].join("."));
        }
        continue;
      }
      visit(value, { ...here, path: [...here.path, key] }, key, taskHere, depth + 1);
    }
  };

  for (const document of documents) visit(document.contents, { path: [], defaultShell: undefined }, undefined, undefined, 0);
}
