/**
 * Code in HTML pages and in Vue/Svelte single-file components, found with parse5 (the WHATWG
 * HTML parser, with source locations), entities decoded with `entities` (parse5's own decoder):
 * - HTML pages (`.html`, `.htm`): each `<script>` with JavaScript (linted as JS), each `<pre>`
 *   block, and each `<code>` element that spans lines outside a `<pre>`, classified by its
 *   `language-*` class or by content (classify.ts). Inline `<code>` in prose is not code.
 * - Vue and Svelte components: the top-level `<script>` blocks (`lang="ts"` → TypeScript).
 */
import { decodeHTML } from "entities/decode";
import { parse, parseFragment } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { embeddedProcessor, type EmbeddedBlock } from "./blocks.js";
import { classifyCode, declaredLanguage } from "./classify.js";
import { VirtualText } from "./virtual-text.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];
type TextNode = DefaultTreeAdapterMap["textNode"];

/** `<script type>` values that hold JavaScript (none, or one of these). */
const JAVASCRIPT_TYPES = /^(?:|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|text\/babel|text\/jsx)$/iu;
/** A character reference, as HTML writes it (the `;` may be missing for legacy names). */
const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/gu;
/** `class="language-xml"`, `lang-js`, `brush: bash`. */
const CLASS_LANGUAGE = /(?:^|\s)(?:language-|lang-|brush:\s*)([\w+-]+)/u;

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;
const isElement = (node: Node): node is Element => "tagName" in node;
const isText = (node: Node): node is TextNode => node.nodeName === "#text";

/** HTML-escaped text: what a fix must write into a `<pre>` for its characters to read back the same. */
const escapeHtml = (text: string): string => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;");
const asIs = (text: string): string => text;


/** Appends a text node's raw characters, entities decoded. */
function appendDecoded(virtual: VirtualText, host: string, start: number, end: number): void {
  let at = start;
  const raw = host.slice(start, end);
  for (const match of raw.matchAll(CHARACTER_REFERENCE)) {
    const decoded = decodeHTML(match[0]);
    if (decoded === match[0]) continue;
    virtual.copy(host, at, start + match.index);
    virtual.replace(decoded, start + match.index, start + match.index + match[0].length);
    at = start + match.index + match[0].length;
  }
  virtual.copy(host, at, end);
}

/** The text of an element's descendants, tags dropped (highlighting spans) and `<br>` as a line break. */
function elementText(element: Element, host: string): VirtualText {
  const virtual = new VirtualText();
  // Depth-first, in document order, without recursion (markup may be deep).
  const stack: Node[] = [...element.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      const location = node.sourceCodeLocation;
      if (location) appendDecoded(virtual, host, location.startOffset, location.endOffset);
    } else if (isElement(node)) {
      if (node.tagName === "br" && node.sourceCodeLocation) virtual.replace("\n", node.sourceCodeLocation.startOffset, node.sourceCodeLocation.endOffset);
      else for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push(node.childNodes[index]!);
    }
  }
  return virtual;
}

/** A `<script>`'s raw text (script content has no entities). */
function scriptText(element: Element, host: string): VirtualText | undefined {
  const text = element.childNodes.find(isText)?.sourceCodeLocation;
  if (!text) return undefined;
  return new VirtualText().copy(host, text.startOffset, text.endOffset);
}

function scriptBlock(element: Element, host: string): EmbeddedBlock | undefined {
  if (!JAVASCRIPT_TYPES.test(attribute(element, "type") ?? "")) return undefined;
  if (attribute(element, "src") !== undefined && element.childNodes.length === 0) return undefined;
  const text = scriptText(element, host);
  if (text === undefined || text.value.trim() === "") return undefined;
  const lang = attribute(element, "lang");
  return { language: lang === "ts" || lang === "tsx" || lang === "typescript" ? "ts" : "js", text, encode: asIs, guessed: false, runs: true };
}

/** Decoded block text that is itself an HTML page: a doctype, `<html>`/`<head>`/`<body>`, or a `<script>` element. */
const HTML_PAGE = /^\s*<(?:!doctype\s+html|html|head|body)\b|<script\b[^>]*>[\s\S]*?<\/script\s*>/iu;

/**
 * The code of a `<pre>` / block `<code>`. One that shows an HTML page (a sample page with its
 * `<script>` elements) is read as HTML: its own blocks, positions taken through both layers. They
 * are samples in a document, not code the page runs.
 */
function codeBlocks(element: Element, host: string): EmbeddedBlock[] {
  const text = elementText(element, host);
  const named = [element, ...element.childNodes.filter(isElement)]
    .map((node) => CLASS_LANGUAGE.exec(attribute(node, "class") ?? "")?.[1])
    .find((name) => name !== undefined);
  const declared = named === undefined ? undefined : declaredLanguage(named);
  const shown = declared === undefined || named?.toLowerCase() === "html" ? shownPageBlocks(text, escapeHtml) : undefined;
  if (shown !== undefined) return shown;
  const language = declared ?? classifyCode(text.value);
  if (language === undefined) return [];
  return [{ language, text, encode: escapeHtml, guessed: declared === undefined || language === "js" || language === "ts" }];
}

/**
 * The blocks of an HTML page shown inside a document's code block (`outer`: a `<pre>`'s decoded
 * text, a Markdown fence), positions taken through both layers, or undefined when `outer` is not
 * a page. Its scripts are samples in the document, not code that runs.
 */
export function shownPageBlocks(outer: VirtualText, encode: (text: string) => string): EmbeddedBlock[] | undefined {
  if (!HTML_PAGE.test(outer.value)) return undefined;
  return htmlBlocks(outer.value).map((inner) => ({ ...inner, text: inner.text.through(outer), encode: (code: string) => encode(inner.encode(code)), guessed: true, runs: false }));
}

/** The code blocks of an HTML page, in document order. */
export function htmlBlocks(host: string): EmbeddedBlock[] {
  const blocks: EmbeddedBlock[] = [];
  const stack: Node[] = [parse(host, { sourceCodeLocationInfo: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = "childNodes" in node ? node.childNodes : [];
    if (isElement(node)) {
      const location = node.sourceCodeLocation;
      const code =
        node.tagName === "script"
          ? [scriptBlock(node, host)].filter((block): block is EmbeddedBlock => block !== undefined)
          : node.tagName === "pre" || (node.tagName === "code" && location && host.slice(location.startOffset, location.endOffset).includes("\n"))
            ? codeBlocks(node, host)
            : undefined;
      if (node.tagName === "script" || (code !== undefined && code.length > 0)) {
        if (code !== undefined) blocks.push(...code);
        continue;
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return blocks;
}

/** The top-level `<script>` blocks of a Vue or Svelte component. */
export function componentBlocks(host: string): EmbeddedBlock[] {
  return parseFragment(host, { sourceCodeLocationInfo: true })
    .childNodes.filter((node): node is Element => isElement(node) && node.tagName === "script")
    .flatMap((element) => scriptBlock(element, host) ?? []);
}

/** HTML pages: `<script>`, `<pre>` and block `<code>`, positions in the page. */
export const htmlProcessor = embeddedProcessor("campaign-ims/html", htmlBlocks);
/** Vue and Svelte single-file components: their `<script>` blocks. */
export const componentProcessor = embeddedProcessor("campaign-ims/component", componentBlocks);
