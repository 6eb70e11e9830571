/**
 * What language a code block embedded in a document is, by its content: a Markdown fence with no
 * info string or one that says nothing about the code (`sql`, `text`, `json` around XML or an
 * nlserver command), an indented Markdown block, an HTML `<pre>`. The one home for this decision:
 * every host (markdown-blocks.ts, html.ts) asks here.
 *
 * Hand-written: no npm library classifies code by language for this purpose (highlight.js's
 * `highlightAuto` scores grammars for colouring, misreads short fragments, and would load 190
 * grammars); what matters here is the handful of forms Campaign runbooks show, decided from the
 * first lines the way a reader would:
 * - XML: the first content is a tag, a declaration or a comment, or the block is bare
 *   `name="value"` attributes (serverConf.xml excerpts);
 * - HTTP: a request line (`POST /nl/jsp/soaprouter.jsp HTTP/1.1`);
 * - shell: a command a runbook runs (`nlserver`, `curl`, `export`, `$ ` prompts, `set`/`SET`, …)
 *   or `NAME=value` lines with upper-case names;
 * - JavaScript/TypeScript: statements, calls, declarations, `=>`.
 * Anything else (SQL, JSON, prose, output) is not linted: undefined.
 */
import { MARKDOWN_FENCES } from "../../configs.js";
import type { LanguageKey } from "../../create-rule.js";

/** The languages a block can be linted as, by the extension its virtual file gets. */
export type EmbeddedLanguage = "js" | "ts" | "xml" | "http" | "sh";

/** How XML is recognised: bare attributes need a wrapper element to parse (see `xmlAttributesOnly`). */
const XML_START = /^(?:<\?xml\b|<!--|<!\[CDATA\[|<!DOCTYPE\b|<[A-Za-z_][\w.:-]*(?:[\s/>]|$))/u;
const XML_ATTRIBUTE = /[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"\n]*"|'[^'\n]*')/gu;
const HTTP_REQUEST_LINE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?:\/\/|\/|\{\{|\$\{?|<)\S*(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/u;
/** Commands and shell syntax runbooks show (first word of a line, after an optional prompt). */
const SHELL_COMMAND =
  /^(?:[$#%>]\s+)?(?:sudo\s+)?(?:nlserver|curl|wget|export|set|setx|su|sudo|cd|echo|cat|base64|openssl|docker|kubectl|systemctl|service|source|chmod|chown|ls|grep|sed|awk|printf|ssh|scp|http|httpie|az|aws|gcloud|npm|npx|node|java|python3?|pwsh|Invoke-RestMethod|Invoke-WebRequest)(?:\s|$)/u;
const SHELL_PROMPT = /^[$%]\s+\S/u;
const SHELL_ASSIGNMENT = /^(?:export\s+)?[A-Z][A-Z0-9_]*=\S*/u;
const SHELL_SHEBANG = /^#!\s*\/\S*(?:sh|bash|zsh)\b/u;
/** JavaScript statements and expressions. */
const JS_LINE =
  /^(?:(?:export\s+)?(?:const|let|var|function\*?|async\s+function|class|import|return|await|if\s*\(|for\s*\(|while\s*\(|try\s*\{|catch\s*\(|throw\s|new\s+[A-Za-z_$])|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]\n]*\])*\s*(?:\(|=(?!=)|\+=)|\}\s*(?:catch|else|finally)?|\/\/|\/\*)/u;
const JS_SIGNAL = /=>|\brequire\s*\(|\bawait\s|;\s*$|\bconst\s|\blet\s|\bvar\s|\bfunction\b|\)\s*\{\s*$/u;
const TS_SIGNAL = /^\s*(?:(?:export\s+)?(?:interface|type)\s+[A-Z]\w*|import\s+type\s)|\)\s*:\s*(?:Promise<|string|number|void|boolean)\b|\b(?:const|let|var)\s+\w+\s*:\s*[A-Za-z]/mu;

/** The first `limit` non-blank lines, trimmed. */
function firstLines(text: string, limit: number): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|[\r\n]/u)) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    lines.push(trimmed);
    if (lines.length === limit) break;
  }
  return lines;
}

/** Whether the text is only `name="value"` attributes (a serverConf.xml excerpt without its element). */
export function xmlAttributesOnly(text: string): boolean {
  const rest = text.replace(XML_ATTRIBUTE, "").trim();
  return rest === "" && XML_ATTRIBUTE.test(text) && !/^[A-Z][A-Z0-9_]*=/mu.test(text.trim());
}

function shellLike(line: string): boolean {
  return SHELL_COMMAND.test(line) || SHELL_PROMPT.test(line) || SHELL_ASSIGNMENT.test(line) || SHELL_SHEBANG.test(line);
}

/** The language of a code block by its content, or undefined when it is none the plugin lints. */
export function classifyCode(text: string): EmbeddedLanguage | undefined {
  const lines = firstLines(text, 12);
  const first = lines[0];
  if (first === undefined) return undefined;
  if (XML_START.test(first)) return "xml";
  if (HTTP_REQUEST_LINE.test(first)) return "http";
  if (xmlAttributesOnly(text)) return "xml";
  // Lines that read as shell commands against lines that read as JavaScript.
  let shell = 0;
  let javascript = 0;
  for (const line of lines) {
    if (line.startsWith("#") && !SHELL_SHEBANG.test(line) && !SHELL_PROMPT.test(line)) continue;
    const isShell = shellLike(line);
    const isJavascript = JS_LINE.test(line) || JS_SIGNAL.test(line);
    if (isShell && !(isJavascript && /[;{}()]\s*$/u.test(line))) shell++;
    else if (isJavascript) javascript++;
  }
  if (shell === 0 && javascript === 0) return undefined;
  if (shell >= javascript) return "sh";
  // Mostly JavaScript, but a JSON document (`{ "key": … }`) is not.
  if (/^[[{]/u.test(first) && /^\s*[[{]\s*"/u.test(text.trimStart()) && !JS_SIGNAL.test(text)) return undefined;
  return TS_SIGNAL.test(text) ? "ts" : "js";
}

/** Info strings that say nothing about the code in the fence: its content decides. */
export const UNINFORMATIVE_FENCES = new Set([
  "",
  "text",
  "txt",
  "plain",
  "plaintext",
  "none",
  "code",
  "sql",
  "json",
  "jsonc",
  "json5",
  "console",
  "output",
  "log",
  "terminal",
  "cli",
  "shell-session",
  "html",
  "htm",
  "config",
  "conf",
  "ini",
  "cfg",
]);

/** Extensions of the blocks each language's fence names give. */
const BLOCK_EXTENSION: Partial<Record<LanguageKey, EmbeddedLanguage>> = { js: "js", xml: "xml", http: "http", shell: "sh" };

/** A declared language (a `language-*` class, a fence name) as a block extension, if the plugin lints it. */
export function declaredLanguage(name: string): EmbeddedLanguage | undefined {
  const lower = name.toLowerCase();
  if (lower === "ts" || lower === "typescript" || lower === "tsx") return "ts";
  if (lower === "javascript") return "js";
  for (const [key, fences] of Object.entries(MARKDOWN_FENCES) as Array<[LanguageKey, string[]]>) {
    if (fences.includes(lower)) return BLOCK_EXTENSION[key];
  }
  return undefined;
}
