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
