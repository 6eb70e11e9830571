#!/usr/bin/env node
/**
 * The `campaign-ims` command: argument parsing and exit codes only. Scanning is in src/scanner/,
 * rendering in src/report/. Exit codes: 0 nothing at or above --fail-on; 1 findings; 2 usage,
 * configuration or internal error (and an incomplete scan under --strict).
 */
import { readSync, realpathSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FORMAT_NAMES, formatForFile, isFormatName, renderReport, type FormatName, type RenderOptions } from "./report/index.js";
import { buildSummary } from "./report/summary.js";
import { CONFIG_FILE_NAME } from "./scanner/config-file.js";
import { writeBaseline } from "./scanner/baseline.js";
import { writeOutputFile } from "./scanner/fix/atomic-write.js";
import { printFixOutcome } from "./cli/fix-output.js";
import { evaluateGate } from "./scanner/gate.js";
import { boundHeapGrowth } from "./cli/heap-growth.js";
import { runMerge } from "./cli/merge-command.js";
import { progressAllowed, ProgressLine } from "./cli/progress.js";
import { scrubText } from "./scanner/redact.js";
import { resolveFileList, type FileListSource } from "./scanner/file-list.js";
import { resolveScanRoot, resolveScanSettings } from "./scanner/scan-settings.js";
import { scanHistory } from "./scanner/history.js";
import { scan, TOOL_NAME, TOOL_VERSION, type ScanHooks } from "./scanner/scan.js";
import { addTimes, formatTiming, PhaseClock, summarizeTiming } from "./scanner/timing.js";
import { ScanConfigError } from "./scanner/types.js";
import { formatByteSize } from "./scanner/byte-size.js";
import { InputFileError } from "./scanner/read-file.js";

export const USAGE = `Usage: campaign-ims scan [paths...] [options]
       campaign-ims baseline [paths...] -o FILE [options]
       campaign-ims merge RESULT... [-f FORMAT] [-o FILE]

Finds legacy Adobe Campaign authentication (login/password, session and security tokens,
Service Account JWT, insecure security zones, hard-coded secrets) and maps it to the IMS
migration. Paths default to the scan root (the current directory).
"baseline" records the current findings in FILE; "scan --baseline FILE" reports only new ones.
"merge" joins JSON or SARIF results of shards (--shard) or disjoint paths into one.

Options:
  -c, --config FILE        configuration file (default: the nearest ${CONFIG_FILE_NAME} from
                           the scan root up to the repository root); in CI, the gate's own
                           configuration: the scanned repository's is then not read
      --no-config          read neither the scanned repository's ${CONFIG_FILE_NAME} nor
                           its .campaign-imsignore files (.gitignore still applies)
      --strict-config      use the repository's configuration and .campaign-imsignore only
                           if they widen nothing of the gate's (--config FILE, else the
                           defaults): more allowlist entries, excludes or ignored paths,
                           rules off or lowered, a laxer failOn... exit 2 naming each
      --root DIR           scan root: paths in reports are relative to it (default: .)
      --profile NAME       recommended (default), strict or v8
      --rule ID=LEVEL      set a rule's level: off, warn or error (repeatable)
      --include PATTERN    only scan matching files, .gitignore syntax (repeatable)
      --exclude PATTERN    never scan matching paths, .gitignore syntax (repeatable)
      --max-file-size SIZE skip larger files, e.g. 512KB, 5MB (default 5MB)
  -f, --format NAME        ${FORMAT_NAMES.join(", ")} (default text; repeatable)
  -o, --output FILE        write the preceding --format to FILE instead of stdout; without
                           one, the format follows FILE's extension (.json, .sarif, .csv,
                           .md, .html, .xml: junit, .txt: text; text otherwise)
      --sarif-category NAME
                           SARIF: the code-scanning category, automationDetails.id
                           (default campaign-ims)
      --fail-on LEVEL      error (default), warn, info or none: lowest severity that fails
      --max-warnings N     fail when there are more than N warn findings
      --strict             parse problems and unreadable files fail the scan (exit 2)
      --concurrency N      worker threads (default auto; 1 lints in the main thread)
      --fix                write the rules' mechanical fixes into the files (atomically)
      --fix-dry-run        print the fixes as a unified diff (values masked); write nothing
      --fix-suggestions RULE
                           with --fix or --fix-dry-run, also apply RULE's first suggestion
                           (repeatable, or comma-separated)
      --baseline FILE      report only findings not recorded in FILE (campaign-ims baseline)
      --shard K/N          scan only shard K of N (a stable split by path; merge the N results)
      --staged             scan only the files staged for commit (git index vs HEAD)
      --changed [REF]      scan only the files changed since the merge base of REF and HEAD
                           (default REF: origin/$GITHUB_BASE_REF, else origin/HEAD)
      --files-from FILE    scan only the files FILE lists, one a line ("-": stdin)
                           (with these three, deleted paths are named and not scanned, ignore
                           files and --include/--exclude still apply, an empty list scans nothing)
      --history [RANGE]    scan the commits of RANGE (default HEAD) instead of the work tree:
                           each finding at the commit that introduced it, marked when HEAD
                           still has it; committed credentials are listed under "rotate these"
      --report-unused-disable-directives
                           report eslint-disable directives of campaign-ims rules that
                           suppress nothing (they fail the scan)
      --timing             where the time went, on stderr: load, walk, read, parse, rules,
                           findings, report and garbage collection, summed over threads
  -q, --quiet              no progress line, no summary on stderr
      --verbose            every ignored, skipped and linted path on stderr
  -h, --help               this help
      --version            the version

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, configuration or
internal error, or an incomplete scan under --strict.
`;

interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** All of standard input, read when asked (`--files-from -`); more than `maxBytes` throws. */
  readStdin: (maxBytes: number) => string;
}

const SELECTION_FLAG: Readonly<Record<FileListSource["kind"], string>> = { staged: "--staged", changed: "--changed", "files-from": "--files-from" };

/**
 * File selection: which files (or commits) a scan reads instead of walking the paths. `--changed`
 * and `--history` take an optional value (optionalValues): alone, or before another option, they
 * use their default.
 */
const SELECTION_OPTIONS = {
  staged: { type: "boolean" },
  changed: { type: "string" },
  "files-from": { type: "string" },
  history: { type: "string" },
} as const;

const OPTIONAL_VALUE_OPTIONS = ["--changed", "--history"];

/** `--changed` with nothing or an option after it becomes `--changed=` (its default). */
function optionalValues(argv: readonly string[]): string[] {
  return argv.map((arg, index) => {
    if (!OPTIONAL_VALUE_OPTIONS.includes(arg)) return arg;
    const next = argv[index + 1];
    return next === undefined || next.startsWith("-") ? `${arg}=` : arg;
  });
}

/** The file list a scan is limited to, from the selection flags; undefined for a tree walk. */
function fileListSource(values: { staged?: boolean; changed?: string; "files-from"?: string }): FileListSource | undefined {
  const given = [values.staged === true, values.changed !== undefined, values["files-from"] !== undefined].filter(Boolean).length;
  if (given > 1) throw new UsageError("give one of --staged, --changed and --files-from");
  if (values.staged === true) return { kind: "staged" };
  if (values.changed !== undefined) return values.changed === "" ? { kind: "changed" } : { kind: "changed", ref: values.changed };
  if (values["files-from"] !== undefined) return { kind: "files-from", file: values["files-from"] };
  return undefined;
}

/** --history scans commits, not files: the flags about files or writing them do not apply. */
function checkHistoryFlags(values: Record<string, unknown>, paths: string[], recording: boolean, listSource: FileListSource | undefined): void {
  if (values.history === undefined) return;
  if (recording) throw new UsageError("--history is a scan option (a baseline records the work tree)");
  if (listSource !== undefined) throw new UsageError(`give either --history or ${SELECTION_FLAG[listSource.kind]}`);
  if (paths.length > 0) throw new UsageError("--history scans the commits of the scan root (--root): give no paths");
  for (const flag of ["fix", "fix-dry-run", "shard", "timing"]) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} works on files: it does not go with --history`);
  }
}

const OPTIONS = {
  config: { type: "string", short: "c" },
  "no-config": { type: "boolean" },
  "strict-config": { type: "boolean" },
  root: { type: "string" },
  profile: { type: "string" },
  rule: { type: "string", multiple: true },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  "max-file-size": { type: "string" },
  format: { type: "string", short: "f", multiple: true },
  output: { type: "string", short: "o", multiple: true },
  "sarif-category": { type: "string" },
  "fail-on": { type: "string" },
  "max-warnings": { type: "string" },
  strict: { type: "boolean" },
  concurrency: { type: "string" },
  fix: { type: "boolean" },
  "fix-dry-run": { type: "boolean" },
  "fix-suggestions": { type: "string", multiple: true },
  baseline: { type: "string" },
  shard: { type: "string" },
  "report-unused-disable-directives": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean" },
  timing: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  ...SELECTION_OPTIONS,
} as const;

class UsageError extends Error {}

interface OutputTarget {
  format: FormatName;
  file?: string;
}

/**
 * `--format A -o a --format B`: each -o belongs to the --format before it; an -o without one takes
 * its format from the file's extension (formatForFile: `-o out.json`), text when it has none known.
 */
function outputTargets(tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined }>): OutputTarget[] {
  const targets: OutputTarget[] = [];
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (token.name === "format") {
      if (!isFormatName(token.value ?? "")) throw new UsageError(`unknown format "${token.value}"; formats: ${FORMAT_NAMES.join(", ")}`);
      targets.push({ format: token.value as FormatName });
    } else if (token.name === "output") {
      const last = targets.at(-1);
      if (last === undefined || last.file !== undefined) targets.push({ format: formatForFile(token.value!) ?? "text", file: token.value! });
      else last.file = token.value!;
    }
  }
  if (targets.length === 0) targets.push({ format: "text" });
  if (targets.filter((target) => target.file === undefined).length > 1) {
    throw new UsageError("only one --format can go to stdout: give the others an -o FILE");
  }
  return targets;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const fail = (message: string, code = 2): number => {
    io.stderr.write(`${TOOL_NAME}: ${message}\n`);
    return code;
  };

  let parsed;
  try {
    parsed = parseArgs({ args: optionalValues(argv), options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    return fail(`${(error as Error).message}\nRun "${TOOL_NAME} --help" for usage.`);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  // What some formats take beyond the result (SARIF: category); a format that drops results says so.
  const renderOptions: RenderOptions = {
    sarifCategory: values["sarif-category"],
    onWarning: (message) => io.stderr.write(`${TOOL_NAME}: warning: ${message}\n`),
  };
  if (command === "merge") {
    if ((values.format?.length ?? 0) > 1 || (values.output?.length ?? 0) > 1) return fail("merge writes one result: give at most one --format and one -o");
    try {
      const merged = await runMerge({ cwd: io.cwd, files: paths, format: values.format?.at(-1), output: values.output?.at(-1), toolVersion: TOOL_VERSION, renderOptions });
      if (merged.written === undefined) io.stdout.write(merged.report);
      if (values.quiet !== true) {
        io.stderr.write(`${TOOL_NAME}: merged ${merged.inputs} result(s): ${merged.findings} finding(s)${merged.written === undefined ? "" : `; wrote ${merged.written}`}\n`);
      }
      return 0;
    } catch (error) {
      return fail(error instanceof ScanConfigError ? `error: ${error.message}` : internalError(error));
    }
  }
  const recording = command === "baseline";
  if (command !== "scan" && !recording) {
    return fail(`${command === undefined ? "missing command" : `unknown command "${command}"`}\n\n${USAGE}`);
  }
  if (recording && (values.format !== undefined || values.fix || values["fix-dry-run"] || values.baseline !== undefined)) {
    return fail("baseline records findings in the file given with -o: --format, --fix, --fix-dry-run and --baseline are scan options");
  }

  let targets: OutputTarget[];
  let listSource: FileListSource | undefined;
  try {
    targets = recording ? [] : outputTargets(tokens);
    listSource = fileListSource(values);
    if (listSource !== undefined && paths.length > 0) throw new UsageError(`${SELECTION_FLAG[listSource.kind]} selects the files to scan: give no paths`);
    checkHistoryFlags(values, paths, recording, listSource);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values["fix-dry-run"]) {
    // The diff has stdout: reports go to files only.
    if (tokens.some((token) => token.kind === "option" && token.name === "format") && targets.some((target) => target.file === undefined)) {
      return fail("--fix-dry-run prints the diff on stdout: give each --format an -o FILE");
    }
    targets = targets.filter((target) => target.file !== undefined);
  }

  const quiet = values.quiet === true;
  const verbose = values.verbose === true && !quiet;
  try {
    const list = listSource === undefined ? undefined : resolveFileList(listSource, { cwd: io.cwd, root: resolveScanRoot(io.cwd, values.root), env: io.env, readStdin: io.readStdin });
    if (list !== undefined && !quiet) {
      if (list.deleted.length > 0) io.stderr.write(`${TOOL_NAME}: ${list.description}: ${list.deleted.length} deleted path(s) not scanned: ${list.deleted.join(", ")}\n`);
      if (list.outside > 0) io.stderr.write(`${TOOL_NAME}: ${list.description}: ${list.outside} path(s) outside the scan root not scanned\n`);
      if (list.paths.length === 0) io.stderr.write(`${TOOL_NAME}: ${list.description}: no files to scan${list.listed === 0 ? " (the list is empty)" : ""}\n`);
    }
    const { scan: settings, gate, configPath, notices } = resolveScanSettings({
      cwd: io.cwd,
      paths,
      root: values.root,
      config: values.config,
      noConfig: values["no-config"],
      strictConfig: values["strict-config"],
      profile: values.profile,
      rules: values.rule,
      include: values.include,
      exclude: values.exclude,
      maxFileSize: values["max-file-size"],
      failOn: values["fail-on"],
      maxWarnings: values["max-warnings"],
      strict: values.strict,
      concurrency: values.concurrency,
      fix: values.fix,
      fixDryRun: values["fix-dry-run"],
      fixSuggestions: values["fix-suggestions"],
      reportUnusedDisableDirectives: values["report-unused-disable-directives"],
      shard: values.shard,
      baseline: values.baseline,
      ...(list === undefined ? {} : { listed: { paths: list.paths, selection: { description: list.description, listed: list.listed, deleted: list.deleted } } }),
    });
    // `baseline` records every current finding: into -o FILE, or the configured baseline.
    const baselineFile = recording ? (values.output?.at(-1) === undefined ? settings.baseline : resolve(io.cwd, values.output.at(-1)!)) : undefined;
    if (recording) {
      if (baselineFile === undefined) return fail(`baseline: give the file to write with -o FILE (or set "baseline" in ${CONFIG_FILE_NAME})`);
      delete settings.baseline;
    }
    if (verbose && configPath !== undefined) io.stderr.write(`${TOOL_NAME}: configuration ${configPath}\n`);
    if (!quiet) for (const notice of notices) io.stderr.write(`${TOOL_NAME}: ${notice}\n`);

    const progress = !verbose && progressAllowed({ stdout: io.stdout, stderr: io.stderr, env: io.env, quiet }) ? new ProgressLine(io.stderr) : undefined;
    const started = performance.now();
    const clock = values.timing === true ? new PhaseClock() : undefined;
    let workerTiming: { times: ReturnType<PhaseClock["read"]>; workers: number } | undefined;
    const hooks: ScanHooks = {
      onProgress: progress === undefined ? undefined : (state) => progress.update(state),
      onDetail: verbose ? (line) => io.stderr.write(`${TOOL_NAME}: ${line}\n`) : undefined,
      clock,
      onWorkerTiming: (times, workers) => (workerTiming = { times, workers }),
    };
    const result = values.history === undefined ? await scan(settings, hooks) : await scanHistory(settings, values.history || "HEAD", hooks);
    progress?.clear();

    const reportStart = performance.now();
    for (const target of targets) {
      const report = renderReport(target.format, result, renderOptions);
      if (target.file === undefined) {
        io.stdout.write(report);
      } else {
        writeReportFile(resolve(io.cwd, target.file), target.file, report);
      }
    }

    printFixOutcome(result, settings.fix?.suggestionRules ?? [], io, { quiet, toolName: TOOL_NAME });
    if (baselineFile !== undefined) {
      writeBaseline(baselineFile, result);
      if (clock !== undefined) await printTiming(io, clock, reportStart, workerTiming);
      if (!quiet) io.stderr.write(`${TOOL_NAME}: recorded ${result.findings.length} finding(s) in ${relative(io.cwd, baselineFile) || baselineFile}\n`);
      return 0;
    }

    if (clock !== undefined) await printTiming(io, clock, reportStart, workerTiming);
    const outcome = evaluateGate(result, gate);
    if (!quiet && !targets.some((target) => target.format === "text" && target.file === undefined)) {
      const summary = buildSummary(result);
      const written = targets.filter((target) => target.file !== undefined).map((target) => `${target.file} (${target.format})`);
      io.stderr.write(
        `${TOOL_NAME}: ${summary.findings.total} finding(s) (${summary.findings.error} error, ${summary.findings.warn} warn, ${summary.findings.info} info) ` +
          `in ${summary.files.withFindings} file(s); ${summary.files.scanned} scanned, ${summary.files.skipped} skipped, ${summary.errors} problem(s)` +
          `${written.length > 0 ? `; wrote ${written.join(", ")}` : ""}\n`,
      );
    }
    if (verbose) io.stderr.write(`${TOOL_NAME}: done in ${Math.round(performance.now() - started)} ms\n`);
    if (!quiet) for (const reason of outcome.reasons) io.stderr.write(`${TOOL_NAME}: failed: ${reason}\n`);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof ScanConfigError) return fail(`error: ${error.message}`);
    if (verbose && (error as Error).stack !== undefined) io.stderr.write(`${scrubText((error as Error).stack!)}\n`);
    return fail(internalError(error));
  }
}

/** `--timing`: the report phase ends now; the walking thread's and the workers' phases, summed, on stderr. */
async function printTiming(io: Io, clock: PhaseClock, reportStart: number, workers: { times: ReturnType<PhaseClock["read"]>; workers: number } | undefined): Promise<void> {
  clock.span("report", reportStart, performance.now());
  const times = await clock.stop();
  if (workers !== undefined) addTimes(times, workers.times);
  io.stderr.write(formatTiming(summarizeTiming(times, 1 + (workers?.workers ?? 0)), TOOL_NAME));
}

/** An exception outside any file, as one line: `internal error: …` (masked, line breaks folded). */
export function internalError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${scrubText(message).replace(/\s*[\r\n]+\s*/g, " ").trim() || "unknown error"}`;
}

/** A report's `-o FILE`, written fresh (writeOutputFile); a failure names the file (exit 2). */
function writeReportFile(absolute: string, file: string, report: string): void {
  try {
    writeOutputFile(absolute, report);
  } catch (error) {
    throw new ScanConfigError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Standard input as UTF-8, read in chunks; more than `maxBytes` bytes throws EFBIG (nothing more is read). */
function readStdinBounded(maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let count: number;
    try {
      count = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((error as NodeJS.ErrnoException).code === "EOF") break;
      throw error;
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes) throw new InputFileError("EFBIG", `larger than the ${formatByteSize(maxBytes)} limit`);
    chunks.push(Buffer.from(chunk.subarray(0, count)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

// Run when executed as the bin (directly or through a node_modules/.bin link), not when imported.
const invokedPath = process.argv[1] === undefined ? undefined : (() => {
  try {
    return realpathSync(process.argv[1]!);
  } catch {
    return undefined;
  }
})();
if (invokedPath === fileURLToPath(import.meta.url)) {
  boundHeapGrowth();
  // `campaign-ims scan | head`: a reader that stops early is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  // Anything thrown outside runCli's own handling (an import, a stream, a worker): one line, exit 2.
  const crash = (error: unknown): void => {
    process.stderr.write(`${TOOL_NAME}: ${internalError(error)}\n`);
    if (process.argv.includes("--verbose") && error instanceof Error && error.stack !== undefined) process.stderr.write(`${scrubText(error.stack)}\n`);
    process.exit(2);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  try {
    process.exitCode = await runCli(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      cwd: process.cwd(),
      env: process.env,
      readStdin: readStdinBounded,
    });
  } catch (error) {
    crash(error);
  }
}
