/**
 * `--strict-config`: whether the scanned repository's configuration (its `campaign-ims.config.json`
 * and `.campaign-imsignore` files) widens the gate's (`--config FILE`, the defaults without one).
 *
 * "Widens" means "could report fewer findings, or fail less, than the gate's configuration":
 * - an `allowlist.paths`, `allowlist.operators` or `allowlist.values` entry the gate's same list lacks;
 * - an `exclude` pattern the gate's `exclude` lacks; an `include` list (it limits the scan) other
 *   than the gate's;
 * - a `rules` entry at `off` or `warn`, or with options, unless the gate's has the same entry;
 * - a `profile` other than the gate's, unless `strict` (it runs every rule of the others);
 * - a `failOn` more permissive than the gate's (info < warn < error < none), a `maxWarnings`
 *   above the gate's or none where the gate has one, a `maxFileSize` below the gate's (more files
 *   skipped), `markdown: false` where the gate's is not, and any `baseline` (give it with --baseline);
 * - a `.campaign-imsignore` line that ignores paths (every line but blanks, `#` comments and `!`
 *   re-includes).
 * Each widening is named by its property and index or file and line, never by its text: the
 * repository's files are untrusted and may hold secrets.
 */
import { parseByteSize } from "./byte-size.js";
import type { ConfigFile, RuleSetting } from "./config-file.js";
import { DEFAULT_MAX_FILE_SIZE } from "./scan-settings.js";

const FAIL_ON_PERMISSIVENESS: Readonly<Record<string, number>> = { info: 0, warn: 1, error: 2, none: 3 };
const RULE_PREFIX = "campaign-ims/";

const fullRuleId = (id: string): string => (id.startsWith(RULE_PREFIX) ? id : `${RULE_PREFIX}${id}`);

/** A rule entry that cannot hide a finding: the rule at `error`, without options. */
function isPlainError(setting: RuleSetting): boolean {
  const level = Array.isArray(setting) ? (setting.length === 1 ? setting[0] : undefined) : setting;
  return level === "error" || level === 2;
}

/** Canonical JSON (sorted keys) to compare rule entries. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

const maxFileSizeOf = (config: ConfigFile): number =>
  config.maxFileSize === undefined ? DEFAULT_MAX_FILE_SIZE : (parseByteSize(config.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE);

/** What in `repository` widens `gate`, one line each (property names and indexes only). */
export function configWidenings(repository: ConfigFile, gate: ConfigFile): string[] {
  const widenings: string[] = [];
  for (const list of ["paths", "operators", "values"] as const) {
    const allowed = new Set(gate.allowlist?.[list] ?? []);
    (repository.allowlist?.[list] ?? []).forEach((entry, index) => {
      if (!allowed.has(entry)) widenings.push(`allowlist.${list}[${index}] is not in the gate's allowlist.${list}`);
    });
  }
  const excluded = new Set(gate.exclude ?? []);
  (repository.exclude ?? []).forEach((pattern, index) => {
    if (!excluded.has(pattern)) widenings.push(`exclude[${index}] is not in the gate's exclude`);
  });
  if (repository.include !== undefined && repository.include.length > 0 && canonical([...repository.include].sort()) !== canonical([...(gate.include ?? [])].sort())) {
    widenings.push("include limits the scan to other files than the gate's include");
  }
  const gateRules = new Map(Object.entries(gate.rules ?? {}).map(([id, setting]) => [fullRuleId(id), canonical(setting)]));
  for (const [id, setting] of Object.entries(repository.rules ?? {})) {
    if (!isPlainError(setting) && gateRules.get(fullRuleId(id)) !== canonical(setting)) {
      widenings.push(`rules["${fullRuleId(id)}"] turns the rule off, lowers it to warn or sets options the gate's configuration does not`);
    }
  }
  const gateProfile = gate.profile ?? "recommended";
  if (repository.profile !== undefined && repository.profile !== gateProfile && repository.profile !== "strict") {
    widenings.push(`profile "${repository.profile}" is not the gate's "${gateProfile}"`);
  }
  const gateFailOn = gate.failOn ?? "error";
  if (repository.failOn !== undefined && FAIL_ON_PERMISSIVENESS[repository.failOn]! > FAIL_ON_PERMISSIVENESS[gateFailOn]!) {
    widenings.push(`failOn "${repository.failOn}" fails on less than the gate's "${gateFailOn}"`);
  }
  if (gate.maxWarnings !== undefined && (repository.maxWarnings === undefined || repository.maxWarnings > gate.maxWarnings)) {
    widenings.push(`maxWarnings ${repository.maxWarnings ?? "(none)"} allows more warnings than the gate's ${gate.maxWarnings}`);
  }
  if (maxFileSizeOf(repository) < maxFileSizeOf(gate)) widenings.push("maxFileSize is below the gate's: more files are skipped");
  if (repository.markdown === false && gate.markdown !== false) widenings.push("markdown: false stops linting code blocks the gate lints");
  if (repository.baseline !== undefined) widenings.push("baseline suppresses recorded findings (give a baseline with --baseline)");
  return widenings;
}

/** Lines (1-based) of a `.campaign-imsignore` text that ignore paths: all but blanks, `#` comments and `!` re-includes. */
export function ignoreFileWidenings(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    const pattern = line.trim();
    if (pattern !== "" && !pattern.startsWith("#") && !pattern.startsWith("!")) lines.push(index + 1);
  });
  return lines;
}
