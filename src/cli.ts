#!/usr/bin/env node
/**
 * The `campaign-ims` command: argument parsing and exit codes only. Scanning is in src/scanner/,
 * rendering in src/report/. Exit codes: 0 nothing at or above --fail-on; 1 findings; 2 usage,
 * configuration or internal error (and an incomplete scan under --strict).
 */
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FORMAT_NAMES, isFormatName, renderReport, type FormatName, type RenderOptions } from "./report/index.js";
import { buildSummary } from "./report/summary.js";
import { CONFIG_FILE_NAME } from "./scanner/config-file.js";
import { writeBaseline } from "./scanner/baseline.js";
import { printFixOutcome } from "./scanner/fix/fix-output.js";
import { evaluateGate } from "./scanner/gate.js";
import { boundHeapGrowth } from "./scanner/heap-growth.js";
import { runMerge } from "./scanner/merge-command.js";
import { progressAllowed, ProgressLine } from "./scanner/progress.js";
import { scrubText } from "./scanner/redact.js";
import { resolveScanSettings } from "./scanner/scan-settings.js";
import { scan, TOOL_NAME, TOOL_VERSION } from "./scanner/scan.js";
import { ScanConfigError } from "./scanner/types.js";

export const USAGE = `Usage: campaign-ims scan [paths...] [options]
       campaign-ims baseline [paths...] -o FILE [options]
       campaign-ims merge RESULT... [-f FORMAT] [-o FILE]

Finds legacy Adobe Campaign authentication (login/password, session and security tokens,
Service Account JWT, insecure security zones, hard-coded secrets) and maps it to the IMS
migration. Paths default to the scan root (the current directory).
"baseline" records the current findings in FILE; "scan --baseline FILE" reports only new ones.
"merge" joins JSON or SARIF results of shards (--shard) or disjoint paths into one.

Options:
  -c, --config FILE        configuration file (default: ./${CONFIG_FILE_NAME} when present)
      --root DIR           scan root: paths in reports are relative to it (default: .)
      --profile NAME       recommended (default), strict or v8
      --rule ID=LEVEL      set a rule's level: off, warn or error (repeatable)
      --include PATTERN    only scan matching files, .gitignore syntax (repeatable)
      --exclude PATTERN    never scan matching paths, .gitignore syntax (repeatable)
      --max-file-size SIZE skip larger files, e.g. 512KB, 5MB (default 5MB)
  -f, --format NAME        ${FORMAT_NAMES.join(", ")} (default text; repeatable)
  -o, --output FILE        write the preceding --format to FILE instead of stdout
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
      --report-unused-disable-directives
                           report eslint-disable directives of campaign-ims rules that
                           suppress nothing (they fail the scan)
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
}

const OPTIONS = {
  config: { type: "string", short: "c" },
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
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

class UsageError extends Error {}

interface OutputTarget {
  format: FormatName;
  file?: string;
}

/** `--format A -o a --format B`: each -o belongs to the --format before it; a lone -o is text. */
function outputTargets(tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined }>): OutputTarget[] {
  const targets: OutputTarget[] = [];
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (token.name === "format") {
      if (!isFormatName(token.value ?? "")) throw new UsageError(`unknown format "${token.value}"; formats: ${FORMAT_NAMES.join(", ")}`);
      targets.push({ format: token.value as FormatName });
    } else if (token.name === "output") {
      const last = targets.at(-1);
      if (last === undefined) targets.push({ format: "text", file: token.value! });
      else if (last.file === undefined) last.file = token.value!;
      else throw new UsageError(`-o ${token.value}: give a --format before each -o`);
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
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
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
      return fail(error instanceof ScanConfigError ? `error: ${error.message}` : `internal error: ${scrubText((error as Error).message ?? String(error))}`);
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
  try {
    targets = recording ? [] : outputTargets(tokens);
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
    const { scan: settings, gate, configPath } = resolveScanSettings({
      cwd: io.cwd,
      paths,
      root: values.root,
      config: values.config,
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
    });
    // `baseline` records every current finding: into -o FILE, or the configured baseline.
    const baselineFile = recording ? (values.output?.at(-1) === undefined ? settings.baseline : resolve(io.cwd, values.output.at(-1)!)) : undefined;
    if (recording) {
      if (baselineFile === undefined) return fail(`baseline: give the file to write with -o FILE (or set "baseline" in ${CONFIG_FILE_NAME})`);
      delete settings.baseline;
    }
    if (verbose && configPath !== undefined) io.stderr.write(`${TOOL_NAME}: configuration ${configPath}\n`);

    const progress = !verbose && progressAllowed({ stdout: io.stdout, stderr: io.stderr, env: io.env, quiet }) ? new ProgressLine(io.stderr) : undefined;
    const started = performance.now();
    const result = await scan(settings, {
      onProgress: progress === undefined ? undefined : (state) => progress.update(state),
      onDetail: verbose ? (line) => io.stderr.write(`${TOOL_NAME}: ${line}\n`) : undefined,
    });
    progress?.clear();

    for (const target of targets) {
      const report = renderReport(target.format, result, renderOptions);
      if (target.file === undefined) {
        io.stdout.write(report);
      } else {
        const file = resolve(io.cwd, target.file);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, report);
      }
    }

    printFixOutcome(result, settings.fix?.suggestionRules ?? [], io, { quiet, toolName: TOOL_NAME });
    if (baselineFile !== undefined) {
      writeBaseline(baselineFile, result);
      if (!quiet) io.stderr.write(`${TOOL_NAME}: recorded ${result.findings.length} finding(s) in ${relative(io.cwd, baselineFile) || baselineFile}\n`);
      return 0;
    }

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
    const message = scrubText((error as Error).message ?? String(error));
    if (verbose && (error as Error).stack !== undefined) io.stderr.write(`${scrubText((error as Error).stack!)}\n`);
    return fail(`internal error: ${message}`);
  }
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
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
}
