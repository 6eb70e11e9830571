/**
 * `npm run bench`: generates (or reuses) the corpora, then times in the same run the scanner,
 * ripgrep over the same keywords, the `eslint` binary with the plugin's recommended + markdown
 * configs, and the ESLint API with and without the plugin's rules; prints files/s, MB/s, peak
 * RSS, the ratios, the scanner's recall against the ground truth and the targets met or missed.
 *
 *   npm run bench -- [--files 20000] [--eslint-files 2000] [--seed 1] [--runs 5] [--eslint-runs 3]
 *                    [--profile classic|realistic] [--workers auto,2] [--work-dir DIR] [--skip-eslint] [--json FILE]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ALL_KEYWORDS } from "../src/campaign/keywords.js";
import { eslintConfigFileText } from "./eslint-config.js";
import { CORPUS_PROFILES, type CorpusProfileName } from "./corpus-layout.js";
import { generateCorpus, generatorFingerprint, readGroundTruth, REPOSITORY_ROOT, writeGroundTruth, type GroundTruth } from "./generate.js";
import { gnuTimeInstalled, measure, median, medianOf, type Measurement } from "./measure.js";
import { computeRecall, type RecallResult, type ReportedFinding } from "./recall.js";

const TARGETS = {
  ripgrepRatio: 15,
  ripgrepRatioAim: 10,
  eslintSpeedup: 20,
  peakRssBytes: 400 * 1024 * 1024,
  peakRssAtFiles: 100_000,
  pluginOverhead: 0.1,
} as const;

interface Options {
  files: number;
  eslintFiles: number;
  seed: number;
  profile: CorpusProfileName;
  /** The scanner's `--concurrency` values timed on the large corpus (the first is the one compared with ripgrep). */
  workers: string[];
  runs: number;
  eslintRuns: number;
  workDir: string;
  skipEslint: boolean;
  json: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      files: { type: "string", default: "20000" },
      "eslint-files": { type: "string", default: "2000" },
      seed: { type: "string", default: "1" },
      profile: { type: "string", default: "classic" },
      workers: { type: "string", default: "auto" },
      runs: { type: "string", default: "5" },
      "eslint-runs": { type: "string", default: "3" },
      "work-dir": { type: "string", default: join(tmpdir(), "campaign-ims-bench") },
      "skip-eslint": { type: "boolean", default: false },
      json: { type: "string" },
    },
    strict: true,
  });
  const integer = (name: string, text: string, min: number): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer of at least ${min} (got "${text}")`);
    return value;
  };
  if (!(CORPUS_PROFILES as readonly string[]).includes(values.profile)) throw new Error(`--profile must be one of ${CORPUS_PROFILES.join(", ")} (got "${values.profile}")`);
  const workers = values.workers.split(",").map((value) => value.trim());
  if (workers.some((value) => value !== "auto" && !/^[1-9]\d*$/.test(value))) throw new Error(`--workers must list "auto" or thread counts, comma-separated (got "${values.workers}")`);
  return {
    profile: values.profile as CorpusProfileName,
    workers,
    files: integer("files", values.files, 100),
    eslintFiles: integer("eslint-files", values["eslint-files"], 100),
    seed: integer("seed", values.seed, 0),
    runs: integer("runs", values.runs, 1),
    eslintRuns: integer("eslint-runs", values["eslint-runs"], 1),
    workDir: resolve(values["work-dir"]),
    skipEslint: values["skip-eslint"],
    json: values.json,
  };
}

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number | undefined): string => (bytes === undefined ? "n/a" : `${(bytes / 1024 / 1024).toFixed(0)} MiB`);

/** The corpus of `files` files for the seed, generated unless an identical one is cached. */
function ensureCorpus(workDir: string, files: number, seed: number, profile: CorpusProfileName): { root: string; truth: GroundTruth } {
  const root = join(workDir, `corpus-${files}-s${seed}${profile === "classic" ? "" : `-${profile}`}`);
  const cached = readGroundTruth(root);
  const fingerprint = generatorFingerprint(REPOSITORY_ROOT);
  if (
    cached !== undefined &&
    existsSync(root) &&
    cached.generator.fingerprint === fingerprint &&
    cached.generator.files === files &&
    cached.generator.seed === seed &&
    (cached.generator.profile ?? "classic") === profile
  ) {
    log(`reusing ${root} (${cached.files} files)`);
    return { root, truth: cached };
  }
  log(`generating ${files} files (seed ${seed}, ${profile} profile) in ${root}…`);
  const started = performance.now();
  const truth = generateCorpus({ files, seed, out: root, repositoryRoot: REPOSITORY_ROOT, profile });
  writeGroundTruth(root, truth);
  log(`generated in ${seconds(performance.now() - started)}: ${(truth.bytes / 1024 / 1024).toFixed(1)} MiB, ${truth.findings.length} planted findings`);
  return { root, truth };
}

function toolVersion(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n")[0]!.trim();
  } catch {
    return undefined;
  }
}

interface ToolTiming {
  tool: string;
  runs: Measurement[];
  wallMs: number;
  cpuMs: number | undefined;
  peakRssBytes: number | undefined;
}

const summarize = (tool: string, runs: Measurement[]): ToolTiming => ({
  tool,
  runs,
  wallMs: median(runs.map((run) => run.wallMs)),
  cpuMs: medianOf(runs.map((run) => run.cpuMs)),
  peakRssBytes: runs.reduce<number | undefined>((max, run) => (run.peakRssBytes === undefined ? max : Math.max(max ?? 0, run.peakRssBytes)), undefined),
});

const CLI = join(REPOSITORY_ROOT, "dist/src/cli.js");
const ESLINT_BIN = join(REPOSITORY_ROOT, "node_modules/eslint/bin/eslint.js");

const scannerArgs = (corpus: string, report: string, workers = "auto"): string[] => [CLI, "scan", "--root", corpus, "--fail-on", "none", "--quiet", "--format", "json", "--output", report, "--concurrency", workers];

async function timeScanner(corpus: string, report: string, workers = "auto"): Promise<Measurement> {
  return measure(process.execPath, scannerArgs(corpus, report, workers), { cwd: corpus, okExitCodes: [0] });
}

/** One more, untimed, scanner run with `--timing`: the share of garbage collection (and every phase). */
async function timingShares(corpus: string, report: string): Promise<string> {
  const run = await measure(process.execPath, [...scannerArgs(corpus, report), "--timing"], { cwd: corpus, okExitCodes: [0] });
  return run.stderr;
}

function ripgrepArgs(): string[] {
  // Same keywords, case-insensitive fixed strings; the .gitignore applies as it does for the scanner
  // (no git repository needed), hidden files (.env, .github) are searched, binaries skipped.
  return ["--files-with-matches", "--ignore-case", "--fixed-strings", "--hidden", "--no-require-git", "--no-messages", ...ALL_KEYWORDS.flatMap((keyword) => ["-e", keyword]), "."];
}

function recallOf(report: string, truth: GroundTruth): RecallResult {
  const result = JSON.parse(readFileSync(report, "utf8")) as { findings: ReportedFinding[] };
  return computeRecall(truth.findings, result.findings);
}

function row(cells: ReadonlyArray<string | number>): string {
  return `| ${cells.join(" | ")} |`;
}

function throughputRow(timing: ToolTiming, truth: GroundTruth): string {
  const wallSeconds = timing.wallMs / 1000;
  return row([
    timing.tool,
    seconds(timing.wallMs),
    timing.cpuMs === undefined ? "n/a" : seconds(timing.cpuMs),
    Math.round(truth.files / wallSeconds).toLocaleString("en-US"),
    (truth.bytes / 1024 / 1024 / wallSeconds).toFixed(1),
    mib(timing.peakRssBytes),
  ]);
}

const THROUGHPUT_HEADER = [row(["tool", "wall (median)", "CPU (median)", "files/s", "MiB/s", "peak RSS"]), row(["---", "---:", "---:", "---:", "---:", "---:"])];

const verdict = (met: boolean): string => (met ? "met" : "MISSED");

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm run bench does)`);
  mkdirSync(options.workDir, { recursive: true });
  const lines: string[] = [];
  const out = (line = ""): void => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };

  const rgVersion = toolVersion("rg", ["--version"]);
  const eslintVersion = toolVersion(process.execPath, [ESLINT_BIN, "--version"]);
  const cpuList = cpus();
  out(`## Run of ${new Date().toISOString().slice(0, 10)}`);
  out();
  out(`- Machine: ${cpuList.length} × ${cpuList[0]?.model ?? "unknown CPU"}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ${osType()} ${release()}; load average at start ${loadavg().map((value) => value.toFixed(2)).join(", ")}`);
  out(`- Node ${process.version}; ESLint ${eslintVersion ?? "n/a"}; ripgrep ${rgVersion === undefined ? "not installed" : rgVersion.replace(/^ripgrep /, "")}; peak RSS of non-Node tools ${gnuTimeInstalled() ? "from /usr/bin/time" : "not measured (/usr/bin/time not installed)"}`);

  // The large corpus: scanner against ripgrep.
  const large = ensureCorpus(options.workDir, options.files, options.seed, options.profile);
  out(`- Corpus: ${large.truth.files.toLocaleString("en-US")} files, ${(large.truth.bytes / 1024 / 1024).toFixed(1)} MiB (+ ${large.truth.ignoredFiles} in ignored directories), seed ${options.seed}, ${options.profile} profile, ${large.truth.findings.length} planted findings in ${large.truth.plantedFiles.length} files, ${large.truth.decoyFiles.length} decoys`);
  out();
  const report = join(options.workDir, `scan-${options.files}-s${options.seed}-${options.profile}.json`);
  log("warm-up (page cache, first runs)…");
  await timeScanner(large.root, report);
  if (rgVersion !== undefined) await measure("rg", ripgrepArgs(), { cwd: large.root, okExitCodes: [0, 1] });
  const workerRuns = new Map<string, Measurement[]>(options.workers.map((workers) => [workers, []]));
  const ripgrepRuns: Measurement[] = [];
  for (let run = 1; run <= options.runs; run++) {
    log(`${options.files} files: run ${run}/${options.runs}`);
    if (rgVersion !== undefined) ripgrepRuns.push(await measure("rg", ripgrepArgs(), { cwd: large.root, okExitCodes: [0, 1] }));
    for (const [workers, runs] of workerRuns) runs.push(await timeScanner(large.root, report, workers));
  }
  const scannerRuns = workerRuns.get(options.workers[0]!)!;
  const scanner = summarize(`campaign-ims scan (--concurrency ${options.workers[0]})`, scannerRuns);
  const otherScanners = [...workerRuns].slice(1).map(([workers, runs]) => summarize(`campaign-ims scan (--concurrency ${workers})`, runs));
  log("one more scanner run with --timing (not timed)…");
  const timingTable = await timingShares(large.root, report);
  const ripgrep = rgVersion === undefined ? undefined : summarize("ripgrep (same keywords)", ripgrepRuns);
  const recall = recallOf(report, large.truth);
  const scanSummary = (JSON.parse(readFileSync(report, "utf8")) as { summary: { files: Record<string, number> } }).summary.files;

  out(`### ${large.truth.files.toLocaleString("en-US")} files: scanner and ripgrep (${options.runs} runs each, interleaved)`);
  out();
  for (const line of THROUGHPUT_HEADER) out(line);
  out(throughputRow(scanner, large.truth));
  for (const other of otherScanners) out(throughputRow(other, large.truth));
  if (ripgrep !== undefined) out(throughputRow(ripgrep, large.truth));
  out();
  out("Where the scanner's time goes (`--timing`, one more run, wall time per phase on its thread):");
  out();
  out("```text");
  for (const line of timingTable.split("\n").filter((line) => line.includes("timing:"))) out(line.replace(/^campaign-ims: timing: /, ""));
  out("```");
  out();
  out(`- Scanner: ${scanSummary.considered} files of scanned types, ${scanSummary.scanned} read and searched, ${scanSummary.linted} parsed (keyword hits), ${scanSummary.skipped} skipped.`);
  if (ripgrep !== undefined) {
    const matched = ripgrep.runs[0]!.stdout.split("\n").filter(Boolean).length;
    out(`- ripgrep: ${matched} files contain a keyword (all types).`);
  } else {
    out("- ripgrep: not installed (`apt-get install -y ripgrep`); no ratio.");
  }
  out(`- Recall: ${recall.found}/${recall.expected} planted findings (${(recall.recall * 100).toFixed(2)} %), ${recall.unexpected.length} findings not planted.`);
  for (const missing of recall.missing.slice(0, 10)) out(`  - missing: ${missing.path}:${missing.line}:${missing.column} ${missing.rule}`);
  for (const extra of recall.unexpected.slice(0, 10)) out(`  - not planted: ${extra.path}:${extra.line}:${extra.column} ${extra.ruleId}`);
  out();

  const targets: string[] = [];
  if (ripgrep !== undefined) {
    const ratio = scanner.wallMs / ripgrep.wallMs;
    targets.push(
      row([`scanner within ${TARGETS.ripgrepRatio}× of ripgrep (${large.truth.files} files; aim ${TARGETS.ripgrepRatioAim}×)`, `${ratio.toFixed(1)}× (CPU ${scanner.cpuMs !== undefined && ripgrep.cpuMs !== undefined ? (scanner.cpuMs / ripgrep.cpuMs).toFixed(1) : "n/a"}×)`, verdict(ratio <= TARGETS.ripgrepRatio)]),
    );
  } else {
    targets.push(row([`scanner within ${TARGETS.ripgrepRatio}× of ripgrep`, "ripgrep not installed", "not measured"]));
  }
  targets.push(row(["recall 100 %", `${(recall.recall * 100).toFixed(2)} %`, verdict(recall.found === recall.expected)]));
  const rssMet = scanner.peakRssBytes !== undefined && scanner.peakRssBytes < TARGETS.peakRssBytes;
  targets.push(
    row([
      `peak RSS under ${mib(TARGETS.peakRssBytes)} at ${TARGETS.peakRssAtFiles.toLocaleString("en-US")} files`,
      `${mib(scanner.peakRssBytes)} at ${large.truth.files.toLocaleString("en-US")} files`,
      options.files >= TARGETS.peakRssAtFiles ? verdict(rssMet) : `not measured at ${TARGETS.peakRssAtFiles.toLocaleString("en-US")} (run with --files ${TARGETS.peakRssAtFiles})`,
    ]),
  );

  const results: Record<string, unknown> = { options, scanner, otherScanners, timing: timingTable, ripgrep, recall: { ...recall, missing: recall.missing.length, unexpected: recall.unexpected.length } };

  if (!options.skipEslint) {
    const small = ensureCorpus(options.workDir, options.eslintFiles, options.seed, options.profile);
    const configFile = join(options.workDir, "eslint.config.mjs");
    writeFileSync(configFile, eslintConfigFileText(pathToFileURL(join(REPOSITORY_ROOT, "dist/src/index.js")).href, new URL("./eslint-config.js", import.meta.url).href));
    const smallReport = join(options.workDir, `scan-${options.eslintFiles}-s${options.seed}-${options.profile}.json`);
    const eslintReport = join(options.workDir, `eslint-${options.eslintFiles}-s${options.seed}.json`);
    const eslintArgs = [ESLINT_BIN, "--config", configFile, "--format", "json", "--output-file", eslintReport, "."];
    const apiArgs = (mode: string): string[] => [new URL("./eslint-api-run.js", import.meta.url).pathname, small.root, mode];

    const smallScannerRuns: Measurement[] = [];
    const eslintRuns: Measurement[] = [];
    type ApiRun = { lintMs: number; cpuMs: number; messages: number; files: number };
    const withRules: ApiRun[] = [];
    const noRules: ApiRun[] = [];
    await timeScanner(small.root, smallReport);
    // The scanner's runs are short: as many as --runs, spread over the ESLint rounds.
    const scannerRunsPerRound = Math.ceil(options.runs / options.eslintRuns);
    for (let run = 1; run <= options.eslintRuns; run++) {
      log(`${options.eslintFiles} files: run ${run}/${options.eslintRuns} (eslint binary, ESLint API with and without the plugin's rules, scanner)`);
      eslintRuns.push(await measure(process.execPath, eslintArgs, { cwd: small.root, okExitCodes: [0, 1] }));
      withRules.push(JSON.parse((await measure(process.execPath, apiArgs("with-rules"), { cwd: small.root, okExitCodes: [0] })).stdout) as ApiRun);
      noRules.push(JSON.parse((await measure(process.execPath, apiArgs("no-rules"), { cwd: small.root, okExitCodes: [0] })).stdout) as ApiRun);
      for (let scannerRun = 0; scannerRun < scannerRunsPerRound && smallScannerRuns.length < options.runs; scannerRun++) {
        smallScannerRuns.push(await timeScanner(small.root, smallReport));
      }
    }
    const smallScanner = summarize("campaign-ims scan", smallScannerRuns);
    const eslint = summarize("eslint binary (recommended + markdown)", eslintRuns);
    const smallRecall = recallOf(smallReport, small.truth);
    const eslintResults = JSON.parse(readFileSync(eslintReport, "utf8")) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number }> }>;
    const eslintRecall = computeRecall(
      small.truth.findings,
      eslintResults.flatMap((result) =>
        result.messages
          .filter((message) => message.ruleId !== null)
          .map((message) => ({ path: result.filePath.slice(small.root.length + 1).split("\\").join("/"), ruleId: message.ruleId!, line: message.line, column: message.column })),
      ),
    );
    const withRulesMs = median(withRules.map((run) => run.lintMs));
    const noRulesMs = median(noRules.map((run) => run.lintMs));
    const withRulesCpuMs = median(withRules.map((run) => run.cpuMs));
    const noRulesCpuMs = median(noRules.map((run) => run.cpuMs));
    // The verdict uses CPU time: wall time on a shared machine moves with the neighbours' load.
    const overhead = withRulesCpuMs / noRulesCpuMs - 1;
    const wallOverhead = withRulesMs / noRulesMs - 1;
    const speedup = eslint.wallMs / smallScanner.wallMs;

    out(`### ${small.truth.files.toLocaleString("en-US")} files: scanner and ESLint (${smallScannerRuns.length} scanner runs, ${options.eslintRuns} of each ESLint run, interleaved)`);
    out();
    for (const line of THROUGHPUT_HEADER) out(line);
    out(throughputRow(smallScanner, small.truth));
    out(throughputRow(eslint, small.truth));
    out();
    out(
      `- ESLint API \`lintFiles\` over the same files (${withRules[0]!.files} linted), CPU (wall): with the plugin's rules ${seconds(withRulesCpuMs)} (${seconds(withRulesMs)}), ` +
        `same languages, parsers and processor with no rules ${seconds(noRulesCpuMs)} (${seconds(noRulesMs)}): the plugin adds ${(overhead * 100).toFixed(1)} % of CPU time (${(wallOverhead * 100).toFixed(1)} % of wall time).`,
    );
    out(`- Recall on this corpus: scanner ${smallRecall.found}/${smallRecall.expected}, eslint binary ${eslintRecall.found}/${eslintRecall.expected} (${eslintRecall.unexpected.length} not planted).`);
    out();
    targets.push(row([`scanner at least ${TARGETS.eslintSpeedup}× faster than the eslint binary (${small.truth.files} files)`, `${speedup.toFixed(1)}×`, verdict(speedup >= TARGETS.eslintSpeedup)]));
    targets.push(row([`plugin adds at most ${TARGETS.pluginOverhead * 100} % inside ESLint (CPU time)`, `${(overhead * 100).toFixed(1)} % (wall ${(wallOverhead * 100).toFixed(1)} %)`, verdict(overhead <= TARGETS.pluginOverhead)]));
    targets.push(row([`recall 100 % (${small.truth.files} files)`, `${(smallRecall.recall * 100).toFixed(2)} %`, verdict(smallRecall.found === smallRecall.expected)]));
    Object.assign(results, {
      smallScanner,
      eslint,
      pluginOverhead: { withRulesMs, noRulesMs, withRulesCpuMs, noRulesCpuMs, overhead, wallOverhead },
      smallRecall: smallRecall.recall,
      eslintRecall: eslintRecall.recall,
    });
  }

  out("### Targets");
  out();
  out(row(["target", "measured", "verdict"]));
  out(row(["---", "---:", "---"]));
  for (const line of targets) out(line);
  if (options.json !== undefined) {
    writeFileSync(options.json, `${JSON.stringify(results, (key, value: unknown) => (key === "stdout" || key === "stderr" ? undefined : value), 2)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 2;
});
