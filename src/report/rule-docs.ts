/**
 * A rule's documentation page (docs/rules/<rule>.md, shipped in the package) as report text: the
 * page below eslint-doc-generator's header as Markdown (relative links made absolute, so they work
 * in GitHub's code scanning view), the same as plain text, and its first paragraph as the rule's
 * full description. SARIF's `help` and `fullDescription` come from here.
 *
 * The Markdown is parsed with mdast-util-from-markdown and the GFM extension (the parser
 * @eslint/markdown uses) and written back with mdast-util-to-markdown. The plain-text rendering
 * of the tree is written here by hand: mdast-util-to-string flattens every block into one run of
 * text (tables and lists become unreadable), and the remark "strip" plugins emit escaped Markdown,
 * not plain text.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Nodes, Parents, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfm } from "micromark-extension-gfm";
import { docsUrl } from "../create-rule.js";

/** eslint-doc-generator's marker: everything above it is generated from the rule's meta. */
export const DOCS_HEADER_END = "<!-- end auto-generated rule header -->";

export interface RuleHelp {
  /** The page's first paragraph, plain text. */
  fullDescription: string;
  /** The page below the generated header, plain text. */
  text: string;
  /** The page below the generated header, Markdown with absolute links. */
  markdown: string;
}

const packageRoot = (): string => dirname(createRequire(import.meta.url).resolve("eslint-plugin-campaign-ims/package.json"));

/** A link target as seen from the rule's page on the repository's web view. */
function absoluteUrl(url: string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return new URL(url, pageUrl).href;
}

function absolutizeLinks(node: Nodes, pageUrl: string): void {
  if (node.type === "link" || node.type === "definition" || node.type === "image") node.url = absoluteUrl(node.url, pageUrl);
  if ("children" in node) for (const child of node.children) absolutizeLinks(child, pageUrl);
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();

/** Inline content as plain text: code spans and link texts as they read. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "html":
      return "";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(inlineText).join("") : "";
  }
}

const indent = (text: string, prefix: string, first = prefix): string =>
  text
    .split("\n")
    .map((line, index) => (line === "" ? "" : `${index === 0 ? first : prefix}${line}`))
    .join("\n");

/** Block content as plain text: paragraphs on one line, lists with dashes, table rows with bars. */
function blockText(node: RootContent | Root): string {
  switch (node.type) {
    case "root":
    case "blockquote":
      return blocksText(node);
    case "heading":
    case "paragraph":
      return oneLine(inlineText(node));
    case "code":
      return indent(node.value, "    ");
    case "list":
      return node.children
        .map((item, index) => indent(blocksText(item), "  ", node.ordered ? `${(node.start ?? 1) + index}. ` : "- "))
        .join("\n");
    case "table":
      return node.children.map((row) => row.children.map((cell) => oneLine(inlineText(cell))).join(" | ")).join("\n");
    case "thematicBreak":
      return "----";
    case "html":
    case "definition":
    case "footnoteDefinition":
      return "";
    default:
      return oneLine(inlineText(node));
  }
}

function blocksText(parent: Parents): string {
  return (parent.children as RootContent[])
    .map(blockText)
    .filter((text) => text !== "")
    .join("\n\n");
}

/** A paragraph that introduces what follows ("…, on these elements:") without its last, open sentence. */
function wholeSentences(paragraph: string): string {
  if (!paragraph.endsWith(":")) return paragraph;
  const end = Math.max(paragraph.lastIndexOf(". "), paragraph.lastIndexOf(".) "));
  return end === -1 ? paragraph : paragraph.slice(0, paragraph.indexOf(" ", end)).trim();
}

/** The help of a documentation page's text (`pageUrl`: where the page lives, for relative links). */
export function ruleHelpFromPage(page: string, pageUrl: string): RuleHelp {
  const end = page.indexOf(DOCS_HEADER_END);
  const body = end === -1 ? page : page.slice(end + DOCS_HEADER_END.length);
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  absolutizeLinks(tree, pageUrl);
  const paragraph = tree.children.find((node) => node.type === "paragraph");
  return {
    fullDescription: paragraph === undefined ? "" : wholeSentences(blockText(paragraph)),
    text: blockText(tree),
    markdown: toMarkdown(tree, { extensions: [gfmToMarkdown()] }).trim(),
  };
}

const cache = new Map<string, RuleHelp | undefined>();

/**
 * The help of a campaign-ims rule (`name` without the plugin prefix) from the package's
 * docs/rules/<name>.md; undefined when the package has no such page.
 */
export function ruleHelp(name: string): RuleHelp | undefined {
  if (!cache.has(name)) {
    let page: string | undefined;
    if (/^[a-z0-9-]+$/.test(name)) {
      try {
        page = readFileSync(join(packageRoot(), "docs", "rules", `${name}.md`), "utf8");
      } catch {
        page = undefined;
      }
    }
    cache.set(name, page === undefined ? undefined : ruleHelpFromPage(page, docsUrl(name)));
  }
  return cache.get(name);
}
