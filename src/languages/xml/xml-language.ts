/**
 * The `campaign-ims/xml` ESLint language: SOAP templates, instance configuration
 * (`serverConf.xml`, `config-<instance>.xml`) and any other XML.
 *
 * Modelled on @eslint/json's `JSONLanguage`, with one difference: malformed XML is not a fatal
 * parse error. `parse()` returns `ok: true` with a tree built with recovery and carries the
 * problem to `XmlSourceCode`, which reports it through `getDisableDirectives().problems`, so a
 * SOAP template with `<%= … %>` or a missing end tag is still linted. Only text that cannot be XML
 * at all (a NUL byte: binary data, or UTF-16 read as UTF-8) fails `parse()`.
 */
import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import type { XmlDocument, XmlNode, XmlParseProblem } from "./ast.js";
import { XML_VISITOR_KEYS } from "./ast.js";
import { LineIndex } from "../text/line-index.js";
import { parseXml } from "./parser.js";
import { firstTooDeep, tooDeepError } from "./nesting.js";
import { XmlSourceCode, type XmlLanguageOptions } from "./xml-source-code.js";

export interface XmlOkParseResult extends OkParseResult<XmlDocument> {
  problems: XmlParseProblem[];
}

export type XmlParseResultForESLint = ParseResult<XmlDocument> & { problems?: XmlParseProblem[] };

const LANGUAGE_OPTION_NAMES = new Set(["reportParseProblems"]);

export const xmlLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "type",
  visitorKeys: Object.fromEntries(Object.entries(XML_VISITOR_KEYS).map(([type, keys]) => [type, [...keys]])),
  defaultLanguageOptions: { reportParseProblems: true },

  /**
   * The only option is `reportParseProblems` (boolean). Options the language does not know are
   * ignored, like @eslint/json does, so a shared `languageOptions` block meant for another
   * language does not break XML files; a known option with the wrong type throws.
   */
  validateLanguageOptions(languageOptions: XmlLanguageOptions): void {
    if (typeof languageOptions !== "object" || languageOptions === null) {
      throw new TypeError("campaign-ims/xml: languageOptions must be an object.");
    }
    for (const name of LANGUAGE_OPTION_NAMES) {
      const value = languageOptions[name];
      if (value !== undefined && typeof value !== "boolean") {
        throw new TypeError(`campaign-ims/xml: languageOptions.${name} must be a boolean.`);
      }
    }
  },

  parse(file: File): XmlParseResultForESLint {
    // ESLint has already removed a BOM from `body`.
    const text = bodyText(file);
    const nul = text.indexOf("\0");
    if (nul !== -1) {
      const { line, column } = new LineIndex(text).position(nul);
      const message = "Not XML text: NUL byte (binary data, or a UTF-16 file read as UTF-8).";
      return { ok: false, errors: [{ message, line, column }] };
    }
    const { document, problems } = parseXml(text);
    const tooDeep = firstTooDeep(document);
    if (tooDeep !== undefined) return { ok: false, errors: [tooDeepError(tooDeep)] };
    return { ok: true, ast: document, problems };
  },

  createSourceCode(
    file: File,
    parseResult: OkParseResult<XmlDocument>,
    context?: { languageOptions?: XmlLanguageOptions },
  ): XmlSourceCode {
    return new XmlSourceCode({
      text: bodyText(file),
      ast: parseResult.ast,
      problems: (parseResult as Partial<XmlOkParseResult>).problems ?? [],
      reportParseProblems: context?.languageOptions?.reportParseProblems !== false,
    });
  },
} satisfies Language<{
  LangOptions: XmlLanguageOptions;
  Code: XmlSourceCode;
  RootNode: XmlDocument;
  Node: XmlNode;
}>;

/** A "text" language always gets a string; decode defensively if a caller passes bytes. */
function bodyText(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}
