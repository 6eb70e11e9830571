/** The output formats, by name. Each renders a whole `ScanResult` to a string. */
import type { ScanResult } from "../scanner/types.js";
import { renderCsv } from "./csv.js";
import { renderGithub } from "./github.js";
import { renderJson } from "./json.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

export const FORMATS = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  csv: renderCsv,
  markdown: renderMarkdown,
  github: renderGithub,
  junit: renderJunit,
} as const satisfies Record<string, (result: ScanResult) => string>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export const isFormatName = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);

export function renderReport(format: FormatName, result: ScanResult): string {
  return FORMATS[format](result);
}
