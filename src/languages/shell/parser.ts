/**
 * `parseShell(text, dialect)`: the whole-file parser behind `campaign-ims/shell`. Never throws;
 * recoverable problems come back next to the AST.
 */
import { markdownDirectivesEnd } from "../markdown-directives.js";
import type { ShellDialect, ShellDocument } from "./ast.js";
import type { ParseProblem } from "../text/text-source-code.js";
import { parseBatch } from "./parse-batch.js";
import { parseDockerfile } from "./parse-dockerfile.js";
import { parseEnvFile, parseProperties } from "./parse-env.js";
import { parseMakefile } from "./parse-makefile.js";
import { parsePowerShell } from "./parse-powershell.js";
import { parseYaml } from "./parse-yaml.js";
import { parseHcl, parseJenkinsfile } from "./parse-pipeline-code.js";
import { PosixScanner, type ShellOutput } from "./posix-scanner.js";
import { LineIndex } from "../text/line-index.js";

export interface ShellParseResult {
  ast: ShellDocument;
  /** Recoverable problems (unterminated quotes, here-documents …); the AST is still complete. */
  problems: ParseProblem[];
}

const byStart = (a: { range: [number, number] }, b: { range: [number, number] }): number => a.range[0] - b.range[0];

function ensureSorted<T extends { range: [number, number] }>(nodes: T[]): void {
  for (let i = 1; i < nodes.length; i++) {
    if ((nodes[i] as T).range[0] < (nodes[i - 1] as T).range[0]) {
      nodes.sort(byStart);
      return;
    }
  }
}

/**
 * Parses `text` as `dialect`. The content starts after a BOM, or after the directive lines
 * @eslint/markdown's processor puts above a code block (`ShellSourceCode` reads those as
 * directives): that offset is where each dialect parser starts, always on the first line or at
 * the start of a later one.
 */
export function parseShell(text: string, dialect: ShellDialect, lines: LineIndex = new LineIndex(text)): ShellParseResult {
  const out: ShellOutput = { commands: [], comments: [], problems: [] };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : markdownDirectivesEnd(text);
  switch (dialect) {
    case "dockerfile":
      parseDockerfile(text, lines, out, start);
      break;
    case "makefile":
      parseMakefile(text, lines, out, start);
      break;
    case "github-actions":
    case "gitlab-ci":
    case "yaml":
      parseYaml(text, lines, out, start, dialect);
      break;
    case "jenkinsfile":
      parseJenkinsfile(text, lines, out, start);
      break;
    case "hcl":
      parseHcl(text, lines, out, start);
      break;
    case "env":
      parseEnvFile(text, lines, out, start);
      break;
    case "properties":
      parseProperties(text, lines, out, start);
      break;
    case "batch":
      parseBatch(text, lines, out, start);
      break;
    case "powershell":
      parsePowerShell(text, lines, out, start);
      break;
    default:
      new PosixScanner(text, lines, out).scan({ start, end: text.length, construct: null });
  }
  ensureSorted(out.commands);
  ensureSorted(out.comments);
  ensureSorted(out.problems);
  const ast: ShellDocument = {
    type: "ShellDocument",
    dialect,
    commands: out.commands,
    comments: out.comments,
    ...lines.span(0, text.length),
  };
  return { ast, problems: out.problems };
}
