/**
 * Campaign server-side JavaScript inside XML (workflow, web-app and JSSP exports: `<script>`,
 * `<initScript>`, `<source>`; CDATA or entity-escaped text), linted by the JS rules with
 * positions in the XML file. The XML file itself is still linted by the XML rules: the processor
 * returns the whole text unchanged as its first block, as a plain string, which ESLint lints as
 * the file itself, with the file's own config (no second pass through the processor, and no
 * `filterCodeBlock` that could skip it: `Linter#verify` users get the XML findings as before).
 *
 * Where a JS rule and an XML rule report the same rule on the same line (the XML rules also
 * search script text for SOAP calls), the JS finding is kept: one finding per construct.
 *
 * Found with the plugin's own XML parser (src/languages/xml/parser.ts: recovering, with decoded
 * text and the map from each decoded character back to its entity), only in a text that has such
 * an element at all.
 */
import type { Linter } from "eslint";
import type { XmlDocumentChild, XmlElement, XmlElementChild, XmlText } from "../xml/ast.js";
import { firstTooDeep } from "../xml/nesting.js";
import { parseXml } from "../xml/parser.js";
import { byPosition, finishBlock, hostLineStarts, hostMessages, virtualFile, type EmbeddedBlock } from "./blocks.js";
import { VirtualText } from "./virtual-text.js";
import { withoutBom } from "../text/line-index.js";

/** Elements whose text is JavaScript in Campaign exports. */
const SCRIPT_ELEMENTS = new Set(["script", "initScript", "source"]);
/** A start tag of one of them (any prefix): without one, nothing is parsed here. */
const SCRIPT_TAG = /<(?:[\w.-]+:)?(?:script|initScript|source)[\s>]/u;

/** XML-escaped text: what a fix must write for its characters to read back the same. */
const escapeXml = (text: string): string => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;");
const asIs = (text: string): string => text;

/** A text node's characters, references decoded (`referenceMap`: decoded start/end, source start/end). */
function appendText(virtual: VirtualText, host: string, node: XmlText): void {
  const [start, end] = node.valueRange;
  const map = node.cdata ? null : node.referenceMap;
  if (map === null) {
    virtual.copy(host, start, end);
    return;
  }
  let at = start;
  for (let index = 0; index < map.length; index += 4) {
    const [decodedStart, decodedEnd, sourceStart, sourceEnd] = [map[index]!, map[index + 1]!, map[index + 2]!, map[index + 3]!];
    virtual.copy(host, at, sourceStart);
    virtual.replace(node.value.slice(decodedStart, decodedEnd), sourceStart, sourceEnd);
    at = sourceEnd;
  }
  virtual.copy(host, at, end);
}

function scriptBlock(element: XmlElement, host: string): EmbeddedBlock | undefined {
  const texts = element.children.filter((child): child is XmlText => child.type === "XmlText");
  // Code only: an element with child elements is a container (`<source><file/></source>`).
  if (texts.length === 0 || element.children.some((child) => child.type === "XmlElement")) return undefined;
  const virtual = new VirtualText();
  for (const text of texts) appendText(virtual, host, text);
  if (virtual.value.trim() === "") return undefined;
  const escaped = texts.some((text) => !text.cdata);
  // A parse error in Campaign JavaScript (E4X the parser cannot read) says nothing new: the XML
  // rules still search the text.
  return { language: "js", text: virtual, encode: escaped ? escapeXml : asIs, guessed: true };
}

/** The JavaScript blocks of an XML text, in document order (none in a document the XML language refuses as too deep). */
export function xmlScriptBlocks(host: string): EmbeddedBlock[] {
  if (!SCRIPT_TAG.test(host)) return [];
  const { document } = parseXml(host);
  if (firstTooDeep(document) !== undefined) return [];
  const blocks: EmbeddedBlock[] = [];
  // Depth-first, in document order, without recursion (documents may be deep).
  const stack: Array<XmlDocumentChild | XmlElementChild> = [...document.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== "XmlElement") continue;
    const block = SCRIPT_ELEMENTS.has(node.localName) ? scriptBlock(node, host) : undefined;
    if (block !== undefined) blocks.push(block);
    else for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return blocks;
}

const pending = new Map<string, { text: string; blocks: EmbeddedBlock[] }>();

/** Same rule, same line: the XML rules' text match of what a JS rule found in the script. */
function sameFinding(a: Linter.LintMessage, b: Linter.LintMessage): boolean {
  return a.ruleId !== null && a.ruleId === b.ruleId && a.line === b.line;
}

export const xmlScriptProcessor: Linter.Processor = {
  meta: { name: "campaign-ims/xml-scripts", version: "1.0.0" },
  supportsAutofix: true,
  preprocess(original: string, filename: string) {
    // The first block is the file itself, byte for byte, so ESLint lints it as the XML file it is.
    const text = withoutBom(original);
    const blocks = xmlScriptBlocks(text).map(finishBlock);
    if (blocks.length > 0) pending.set(filename, { text, blocks });
    return [original, ...blocks.map((block, index) => virtualFile(block, index + 1))];
  },
  postprocess(messages: Linter.LintMessage[][], filename: string) {
    const file = pending.get(filename);
    pending.delete(filename);
    const [xml = [], ...scripts] = messages;
    if (file === undefined) return xml;
    const starts = hostLineStarts(file.text);
    const javascript = scripts.flatMap((group, index) => hostMessages(file.text, starts, file.blocks[index]!, group));
    const kept = xml.filter((message) => !javascript.some((found) => sameFinding(found, message)));
    return [...kept, ...javascript].sort(byPosition);
  },
};
