/**
 * Everything a scan needs, resolved from defaults, `campaign-ims.config.json` and command-line
 * flags (in that order of precedence; `exclude` patterns from the file and the flags add up).
 * The result is plain data, so it can be sent to worker threads as is.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseByteSize } from "./byte-size.js";
import { findConfigFile, loadConfigFile, type ConfigFile, type RuleSetting } from "./config-file.js";
import { configWidenings } from "./gate-config.js";
import { resolveFixSettings } from "./fix/resolve-fix-settings.js";
import { findRepositoryRoot } from "./ignore-files.js";
import { parseShard, type Shard } from "./shard.js";
import type { FixSettings } from "./fix/fix-settings.js";
import { PROFILES, ScanConfigError, type AppliedConfiguration, type FileSelection, type Profile, type Severity } from "./types.js";

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export type FailOn = Severity | "none";

/** Scan inputs that travel to worker threads: plain, structured-cloneable data. */
export interface LintSettings {
  /** Absolute scan root. */
  root: string;
  profile: Profile;
  /** Rule levels and options on top of the profile, by full rule id, in order. */
  rules: Array<[ruleId: string, setting: RuleSetting]>;
  /** Lint fenced code blocks in Markdown when the plugin has a `markdown` config. */
  markdown: boolean;
  allowlist: { paths: string[]; operators: string[]; values: string[] };
  /** Module specifier (URL) whose default export is the plugin; the package's own by default. */
  pluginModule: string;
  /** --fix / --fix-dry-run: lint with fix passes (src/scanner/fix/). */
  fix?: FixSettings;
  /** --report-unused-disable-directives: directives about campaign-ims rules that suppress nothing are problems. */
  reportUnusedDisableDirectives?: boolean;
}

export interface ScanSettings extends LintSettings {
  /** Absolute paths to scan, inside `root`. */
  paths: string[];
  include: string[];
  exclude: string[];
  maxFileSize: number;
  /** Worker threads: a number, or "auto" (a pool only for trees with many files to parse). */
  concurrency: number | "auto";
  /** --shard K/N: only the paths of this shard (shard.ts). */
  shard?: Shard;
  /** Absolute path of the baseline whose findings are not reported (baseline.ts). */
  baseline?: string;
  /**
   * The paths come from a file list (--staged, --changed, --files-from: file-list.ts): listed files
   * pass the walk's filters like walked ones, and an empty list scans nothing.
   */
  selection?: FileSelection;
  /** Where the configuration came from, and whether `.campaign-imsignore` files are read (--no-config: not). */
  configuration?: Pick<AppliedConfiguration, "file" | "source" | "strict" | "campaignIgnoreFiles">;
}

/** What decides the exit code once the scan is done. */
export interface GateSettings {
  failOn: FailOn;
  maxWarnings?: number;
  /** Parse problems, rule errors and unreadable files fail the run (exit code 2). */
  strict: boolean;
}

/** What the command line asks for; every field optional. */
export interface ScanRequest {
  cwd: string;
  paths: string[];
  root?: string;
  /** --config FILE: the gate's configuration, used instead of the repository's. */
  config?: string;
  /** --no-config: read neither the repository's campaign-ims.config.json nor its .campaign-imsignore files. */
  noConfig?: boolean;
  /** --strict-config: use the repository's configuration only when it widens nothing of the gate's (gate-config.ts). */
  strictConfig?: boolean;
  profile?: string;
  rules?: string[];
  include?: string[];
  exclude?: string[];
  maxFileSize?: string;
  failOn?: string;
  maxWarnings?: string;
  strict?: boolean;
  concurrency?: string;
  pluginModule?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixSuggestions?: string[];
  reportUnusedDisableDirectives?: boolean;
  shard?: string;
  baseline?: string;
  /** With a file list: the absolute paths it named that exist (they replace `paths`). */
  listed?: { paths: string[]; selection: FileSelection };
}

export const DEFAULT_PLUGIN_MODULE = new URL("../index.js", import.meta.url).href;

const FAIL_ON: readonly FailOn[] = ["error", "warn", "info", "none"];
const LEVELS = new Set<unknown>(["off", "warn", "error", 0, 1, 2]);

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ScanConfigError(`${what} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

function nonNegativeInteger(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new ScanConfigError(`${what} must be a whole number (got "${text}")`);
  return Number(text);
}

/** `--rule id=level`: `no-password-logon=warn`, `campaign-ims/no-session-token=off`. */
function parseRuleFlag(flag: string): [string, RuleSetting] {
  const match = /^([^=]+)=(.+)$/.exec(flag);
  const level = match?.[2]?.trim();
  if (match === null || !LEVELS.has(level) && !/^[012]$/.test(level ?? "")) {
    throw new ScanConfigError(`--rule expects id=level with level off, warn or error (got "${flag}")`);
  }
  const setting = /^[012]$/.test(level!) ? (Number(level) as 0 | 1 | 2) : (level as "off" | "warn" | "error");
  return [match[1]!.trim(), setting];
}

/** A path the user gave, resolved (symlinks too) and checked to exist inside the root. */
function resolveScanPath(cwd: string, root: string, path: string): string {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new ScanConfigError(`path not found: ${path}`);
  const real = realpathSync(absolute);
  const fromRoot = relative(root, real);
  if (fromRoot.startsWith(`..${sep}`) || fromRoot === ".." || isAbsolute(fromRoot)) {
    throw new ScanConfigError(`path ${path} is outside the scan root ${root}: run from a parent directory or pass --root`);
  }
  return real;
}

const isInside = (path: string, directory: string): boolean => {
  const fromDirectory = relative(directory, path);
  return fromDirectory !== "" && fromDirectory !== ".." && !fromDirectory.startsWith(`..${sep}`) && !isAbsolute(fromDirectory);
};

/**
 * The baseline a configuration file names: relative to that file and inside its repository (the
 * scan root outside one), through no symlinked directory leading out. The configuration may come
 * from the scanned repository: it must not make the tool read (and print the start of) a file
 * outside the checkout. A baseline elsewhere is given with --baseline.
 */
function configuredBaseline(configPath: string, value: string, scanRoot: string): string {
  const directory = dirname(configPath);
  const top = findRepositoryRoot(directory) ?? findRepositoryRoot(scanRoot) ?? scanRoot;
  const refuse = (): never => {
    throw new ScanConfigError(
      `${configPath}: "baseline" must be a relative path to a file inside the repository (${top}); ` +
        `${JSON.stringify(value)} leads outside it (give a baseline elsewhere with --baseline)`,
    );
  };
  const path = resolve(directory, value);
  if (isAbsolute(value) || !isInside(path, top)) refuse();
  let realDirectory: string;
  try {
    realDirectory = realpathSync(dirname(path));
  } catch {
    return path; // no such directory: loading the baseline says it is not found
  }
  if (!isInside(join(realDirectory, basename(path)), realpathSync(top))) refuse();
  return path;
}

/** The concurrency asked for, at most the number of cores (more threads only cost memory). */
function cappedConcurrency(requested: number, notices: string[]): number {
  const cores = availableParallelism();
  if (requested <= cores) return requested;
  notices.push(`--concurrency ${requested} lowered to ${cores}, the number of available cores`);
  return cores;
}

/** A path for reports: relative to the scan root inside it, else absolute. */
function displayPath(root: string, path: string): string {
  return isInside(path, root) ? relative(root, path).split(sep).join("/") : path;
}

/**
 * The configuration in effect. `--config FILE` (the gate's) replaces the repository's
 * campaign-ims.config.json; `--no-config` reads no repository configuration; `--strict-config`
 * uses the repository's when it widens nothing of the gate's (else a ScanConfigError naming
 * every widening), the gate's when the repository has none.
 */
function chooseConfiguration(request: ScanRequest, root: string): { path?: string; config: ConfigFile; source: AppliedConfiguration["source"] } {
  if (request.noConfig === true && request.strictConfig === true) {
    throw new ScanConfigError("--strict-config checks the repository's configuration, which --no-config does not read: give one of them");
  }
  const gatePath = request.config === undefined ? undefined : resolve(request.cwd, request.config);
  const gate = gatePath === undefined ? { config: {} as ConfigFile } : loadConfigFile(root, gatePath);
  const gateSource = gatePath === undefined ? "defaults" : "option";
  if (request.strictConfig !== true) {
    if (gatePath !== undefined || request.noConfig === true) return { ...gate, source: gateSource };
    const repository = loadConfigFile(root);
    return { ...repository, source: repository.path === undefined ? "defaults" : "repository" };
  }
  const repositoryPath = findConfigFile(root);
  if (repositoryPath === undefined || repositoryPath === gatePath) return { ...gate, source: gateSource };
  const repository = loadConfigFile(root, repositoryPath);
  const widenings = configWidenings(repository.config, gate.config);
  if (widenings.length > 0) {
    throw new ScanConfigError(
      `--strict-config: ${repositoryPath} widens the gate's configuration (${gatePath ?? "the defaults"}):\n` +
        widenings.map((line) => `  - ${line}`).join("\n"),
    );
  }
  return { ...repository, source: "repository" };
}

/** The absolute, real scan root of `--root` (default: the working directory). */
export function resolveScanRoot(cwd: string, root: string | undefined): string {
  const absolute = resolve(cwd, root ?? ".");
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) throw new ScanConfigError(`scan root is not a directory: ${absolute}`);
  return realpathSync(absolute);
}

export function resolveScanSettings(request: ScanRequest): {
  scan: ScanSettings;
  gate: GateSettings;
  configPath?: string;
  /** Said once on stderr: settings the tool changed (a --concurrency above the core count). */
  notices: string[];
} {
  const notices: string[] = [];
  const realRoot = resolveScanRoot(request.cwd, request.root);
  const { path: configPath, config, source } = chooseConfiguration(request, realRoot);

  const profile = request.profile === undefined ? (config.profile ?? "recommended") : oneOf(request.profile, PROFILES, "--profile");

  const rules: Array<[string, RuleSetting]> = [
    ...Object.entries(config.rules ?? {}),
    ...(request.rules ?? []).map(parseRuleFlag),
  ];

  const maxFileSizeInput = request.maxFileSize ?? config.maxFileSize;
  const maxFileSize = maxFileSizeInput === undefined ? DEFAULT_MAX_FILE_SIZE : parseByteSize(maxFileSizeInput);
  if (maxFileSize === undefined) {
    throw new ScanConfigError(`--max-file-size must be a size such as 512KB or 5MB (got "${String(maxFileSizeInput)}")`);
  }

  let concurrency: number | "auto" = "auto";
  if (request.concurrency !== undefined && request.concurrency !== "auto") {
    concurrency = nonNegativeInteger(request.concurrency, "--concurrency");
    if (concurrency < 1) throw new ScanConfigError("--concurrency must be at least 1");
    concurrency = cappedConcurrency(concurrency, notices);
  }

  const paths =
    request.listed !== undefined
      ? request.listed.paths
      : request.paths.length === 0
        ? [realRoot]
        : request.paths.map((path) => resolveScanPath(request.cwd, realRoot, path));

  const scan: ScanSettings = {
    root: realRoot,
    paths: [...new Set(paths)].sort(),
    profile,
    rules,
    include: request.include !== undefined && request.include.length > 0 ? request.include : (config.include ?? []),
    exclude: [...(config.exclude ?? []), ...(request.exclude ?? [])],
    maxFileSize,
    markdown: config.markdown ?? true,
    allowlist: {
      paths: config.allowlist?.paths ?? [],
      operators: config.allowlist?.operators ?? [],
      values: config.allowlist?.values ?? [],
    },
    concurrency,
    pluginModule: request.pluginModule ?? DEFAULT_PLUGIN_MODULE,
    configuration: {
      ...(configPath === undefined ? {} : { file: displayPath(realRoot, configPath) }),
      source,
      strict: request.strictConfig === true,
      campaignIgnoreFiles: request.noConfig !== true,
    },
  };
  const fix = resolveFixSettings(request);
  if (fix !== undefined) scan.fix = fix;
  if (request.reportUnusedDisableDirectives) scan.reportUnusedDisableDirectives = true;
  if (request.shard !== undefined) scan.shard = parseShard(request.shard);
  if (request.listed !== undefined) scan.selection = request.listed.selection;
  // A baseline named in the configuration file is relative to that file.
  const baseline = request.baseline !== undefined ? resolve(request.cwd, request.baseline) : config.baseline === undefined ? undefined : configuredBaseline(configPath!, config.baseline, realRoot);
  if (baseline !== undefined) scan.baseline = baseline;
  const gate: GateSettings = {
    failOn: request.failOn === undefined ? (config.failOn ?? "error") : oneOf(request.failOn, FAIL_ON, "--fail-on"),
    strict: request.strict ?? false,
  };
  const maxWarnings = request.maxWarnings === undefined ? config.maxWarnings : nonNegativeInteger(request.maxWarnings, "--max-warnings");
  if (maxWarnings !== undefined) gate.maxWarnings = maxWarnings;
  return configPath === undefined ? { scan, gate, notices } : { scan, gate, configPath, notices };
}
