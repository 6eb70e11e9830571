/**
 * `campaign-ims merge FILE… [-f FORMAT] [-o FILE]`: read JSON or SARIF results, merge them
 * (merge.ts), write the merged result. From JSON results every format whose content JSON holds
 * (json, markdown, csv, github, junit, html); from SARIF logs, SARIF. Bad input: exit code 2 and a
 * message that names the file; nothing is written.
 */
import { writeOutputFile } from "../scanner/fix/atomic-write.js";
import { resolve } from "node:path";
import { formatForFile, renderReport, type FormatName, type RenderOptions } from "../report/index.js";
import { loadPlugin } from "../scanner/lint-engine.js";
import { mergeResults } from "../scanner/merge.js";
import { MAX_RESULT_FILE_BYTES, readInputFile } from "../scanner/read-file.js";
import { readResult, type ResultFormat } from "../scanner/result-reader.js";
import { DEFAULT_PLUGIN_MODULE } from "../scanner/scan-settings.js";
import { ScanConfigError } from "../scanner/types.js";

/** The formats a merged result can be written in, by the format of its inputs. */
export const MERGE_FORMATS: Readonly<Record<ResultFormat, readonly FormatName[]>> = {
  json: ["json", "markdown", "csv", "github", "junit", "html"],
  sarif: ["sarif"],
};

export interface MergeRequest {
  cwd: string;
  files: string[];
  format?: string;
  output?: string;
  toolVersion: string;
  pluginModule?: string;
  renderOptions?: RenderOptions;
}

/** The merged report's text, and where it went (undefined: the caller prints it). */
export async function runMerge(request: MergeRequest): Promise<{ report: string; written?: string; findings: number; inputs: number }> {
  if (request.files.length === 0) throw new ScanConfigError("merge needs result files: campaign-ims merge shard-1.json shard-2.json … [-f FORMAT] [-o FILE]");
  const plugin = await loadPlugin(request.pluginModule ?? DEFAULT_PLUGIN_MODULE);
  const inputs = request.files.map((file) => {
    const path = resolve(request.cwd, file);
    let text: string;
    try {
      text = readInputFile(path, MAX_RESULT_FILE_BYTES);
    } catch (error) {
      throw new ScanConfigError(`cannot read ${file}: ${(error as Error).message}`);
    }
    return readResult(file, text, plugin);
  });
  const merged = mergeResults(inputs, request.toolVersion);
  const allowed = MERGE_FORMATS[merged.format];
  // Without --format: the -o file's extension when it names a format this result can be written in.
  const byExtension = request.output === undefined ? undefined : formatForFile(request.output);
  const format = (request.format ?? (byExtension !== undefined && allowed.includes(byExtension) ? byExtension : merged.format)) as FormatName;
  if (!allowed.includes(format)) {
    throw new ScanConfigError(`merged ${merged.format.toUpperCase()} results can be written as ${allowed.join(", ")} (not ${request.format})`);
  }
  const report = renderReport(format, merged.result, request.renderOptions);
  const summary = { findings: merged.result.findings.length, inputs: inputs.length };
  if (request.output === undefined) return { report, ...summary };
  const written = resolve(request.cwd, request.output);
  try {
    writeOutputFile(written, report);
  } catch (error) {
    throw new ScanConfigError(`cannot write ${request.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { report, written: request.output, ...summary };
}
