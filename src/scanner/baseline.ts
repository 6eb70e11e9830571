/**
 * Baselines: `campaign-ims baseline` records the current findings; `scan --baseline FILE` (or
 * `"baseline"` in campaign-ims.config.json) reports only findings not recorded and counts the
 * others. A finding matches by fingerprint (fingerprint.ts): rule, file, message, whitespace-free
 * masked source and a digest of its credential, never line numbers, so lines inserted above and
 * reformatting keep the match and a changed credential breaks it.
 *
 * The file is JSON, versioned, sorted, one finding per line (diff-friendly), and holds no secret:
 * relative paths, rule ids and fingerprints (hashes) only.
 */
import { FINGERPRINT_VERSION } from "./fingerprint.js";
import { writeOutputFile } from "./fix/atomic-write.js";
import { parseJsonInput } from "./json-input.js";
import { MAX_RESULT_FILE_BYTES, readInputFile } from "./read-file.js";
import { ScanConfigError, type Finding, type ScanResult } from "./types.js";

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = "campaign-ims.baseline.json";

export interface BaselineEntry {
  path: string;
  ruleId: string;
  fingerprint: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: string;
  /** What the fingerprints are computed with; a baseline of another scheme cannot match. */
  fingerprints: string;
  findings: BaselineEntry[];
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const compareEntries = (a: BaselineEntry, b: BaselineEntry): number =>
  compareStrings(a.path, b.path) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint);

export function createBaseline(findings: readonly Finding[], tool: string): Baseline {
  const entries = findings.map(({ path, ruleId, fingerprint }) => ({ path, ruleId, fingerprint })).sort(compareEntries);
  return { version: BASELINE_VERSION, tool, fingerprints: FINGERPRINT_VERSION, findings: entries };
}

/** One finding per line, so a baseline update shows in a review as added and removed lines. */
export function renderBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((entry) => `    ${JSON.stringify(entry)}`);
  return (
    "{\n" +
    `  "version": ${baseline.version},\n` +
    `  "tool": ${JSON.stringify(baseline.tool)},\n` +
    `  "fingerprints": ${JSON.stringify(baseline.fingerprints)},\n` +
    `  "findings": [${lines.length === 0 ? "]" : `\n${lines.join(",\n")}\n  ]`}\n` +
    "}\n"
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Parse and check a baseline file's text; throws `ScanConfigError` naming `file`. */
export function parseBaseline(text: string, file: string): Baseline {
  const data = parseJsonInput(text, `baseline ${file}`);
  if (!isRecord(data) || !Array.isArray(data.findings)) {
    throw new ScanConfigError(`baseline ${file} is not a campaign-ims baseline (no "findings" list): create it with "campaign-ims baseline -o ${file}"`);
  }
  if (data.version !== BASELINE_VERSION) {
    throw new ScanConfigError(`baseline ${file} has version ${JSON.stringify(data.version)}; this campaign-ims reads version ${BASELINE_VERSION}: record it again`);
  }
  if (data.fingerprints !== FINGERPRINT_VERSION) {
    throw new ScanConfigError(
      `baseline ${file} holds ${JSON.stringify(data.fingerprints)} fingerprints; this campaign-ims computes "${FINGERPRINT_VERSION}": record it again`,
    );
  }
  const findings = data.findings.map((entry: unknown, index: number): BaselineEntry => {
    if (
      !isRecord(entry) ||
      typeof entry.path !== "string" ||
      typeof entry.ruleId !== "string" ||
      typeof entry.fingerprint !== "string" ||
      !/^[0-9a-f]{32}$/.test(entry.fingerprint)
    ) {
      throw new ScanConfigError(`baseline ${file}: findings[${index}] must be { "path", "ruleId", "fingerprint" (32 hex characters) }`);
    }
    return { path: entry.path, ruleId: entry.ruleId, fingerprint: entry.fingerprint };
  });
  return { version: BASELINE_VERSION, tool: typeof data.tool === "string" ? data.tool : "", fingerprints: FINGERPRINT_VERSION, findings };
}

export function loadBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readInputFile(file, MAX_RESULT_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ScanConfigError(`baseline ${file} not found: create it with "campaign-ims baseline -o ${file}"`);
    throw new ScanConfigError(`cannot read baseline ${file}: ${(error as Error).message}`);
  }
  return parseBaseline(text, file);
}

/** The findings not in the baseline, and how many were (a recorded finding matches once). */
export function applyBaseline<T extends Finding>(findings: readonly T[], baseline: Baseline): { findings: T[]; suppressed: number } {
  const recorded = new Set(baseline.findings.map((entry) => `${entry.ruleId}\u0000${entry.path}\u0000${entry.fingerprint}`));
  const kept: T[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    const key = `${finding.ruleId}\u0000${finding.path}\u0000${finding.fingerprint}`;
    if (recorded.delete(key)) suppressed++;
    else kept.push(finding);
  }
  return { findings: kept, suppressed };
}

/**
 * Record a scan's findings as a baseline file (directories created as needed), atomically: a
 * failed or interrupted write leaves the previous baseline as it was.
 */
export function writeBaseline(file: string, result: Pick<ScanResult, "findings" | "tool">): void {
  writeOutputFile(file, renderBaseline(createBaseline(result.findings, result.tool.name)));
}
