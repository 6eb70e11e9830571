/** The output formats, by name. Each renders a whole `ScanResult` to a string. */
import type { ScanResult } from "../scanner/types.js";
import { renderCsv } from "./csv.js";
import { renderGithub } from "./github.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

/** What some formats take beyond the result. */
export interface RenderOptions {
  /** SARIF: the code-scanning category (`automationDetails.id`). */
  sarifCategory?: string;
  /** Told when a format leaves something out (SARIF over GitHub's limits). */
  onWarning?: (message: string) => void;
}

export const FORMATS = {
  text: renderText,
  json: renderJson,
  sarif: (result, options) => renderSarif(result, { category: options.sarifCategory, onWarning: options.onWarning }),
  csv: renderCsv,
  markdown: renderMarkdown,
  github: renderGithub,
  junit: renderJunit,
  html: renderHtml,
} as const satisfies Record<string, (result: ScanResult, options: RenderOptions) => string>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export const isFormatName = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);

export function renderReport(format: FormatName, result: ScanResult, options: RenderOptions = {}): string {
  return FORMATS[format](result, options);
}

/**
 * The format an `-o FILE` without `--format` is written in, by the file's extension (case
 * ignored; `.sarif.json` is SARIF); undefined for other names. An extension maps to a format only
 * once that format exists, so `.html` follows whenever an `html` format is registered.
 */
export function formatForFile(file: string): FormatName | undefined {
  const name = file.toLowerCase();
  if (name.endsWith(".sarif.json")) return "sarif";
  const extension = /\.([a-z0-9]+)$/.exec(name)?.[1];
  if (extension === undefined) return undefined;
  const format = EXTENSION_FORMATS[extension] ?? extension;
  return isFormatName(format) ? format : undefined;
}

/** Extensions that are not their format's name (the others, .json, .sarif, .csv, .html, are). */
const EXTENSION_FORMATS: Readonly<Record<string, string>> = { md: "markdown", markdown: "markdown", xml: "junit", txt: "text", text: "text" };
