/**
 * The tolerant tokenizer that builds the tree.
 *
 * Why our own: fast-xml-parser's `XMLParser` gives element spans only (with `captureMetaData`:
 * `startIndex`/`endIndex` per element, no positions for attributes, text or comments), throws or
 * guesses on input that is not well-formed, stops at 100 nesting levels by default and expands
 * DTD entities. Rules need exact positions for every attribute name and value and every text run,
 * and must still see the nodes of SOAP *templates* that are not XML (`<%= x %>`, `x=${v}`, a
 * missing end tag, a bare `&`). So this single forward pass computes every node and its offsets
 * itself; fast-xml-parser's validator (`well-formedness.ts`) is the reference for what is
 * well-formed. Running the parser as well would cost a second pass and give a second, disagreeing
 * tree for malformed input.
 *
 * Properties: one left-to-right pass (`indexOf` and sticky regexes, no backtracking across the
 * text), an explicit stack of open elements (no recursion, so 100k nesting levels are fine), no
 * entity expansion. Whatever cannot be read as markup stays in a text node and is reported as a
 * problem; nothing is dropped.
 */
import type {
  XmlAttribute,
  XmlComment,
  XmlDoctype,
  XmlDocumentChild,
  XmlElement,
  XmlElementChild,
  XmlParseProblem,
  XmlProcessingInstruction,
  XmlRange,
  XmlSourceLocation,
  XmlText,
} from "./ast.js";
import { LineIndex } from "../text/line-index.js";
import { decodeReferences } from "./references.js";

export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

/** An XML name (tolerant: any letter, digit or mark after the first character). */
const NAME = /[\p{L}_:][\p{L}\p{M}\p{N}_:.\u00B7-]*/uy;
/**
 * An attribute name as templates write them: anything up to whitespace, `=`, a quote or a tag
 * delimiter. Whitespace is XML's (the set `WHITESPACE` skips), so the name always matches where
 * the start tag's loop calls for it: with `\s`, a vertical tab or a no-break space there matched
 * nothing and the loop never advanced.
 */
const ATTRIBUTE_NAME = /[^\t\n\r =<>/"']+/y;
/** An unquoted attribute value (`x=$1`, `x={{token}}`). */
const UNQUOTED_VALUE = /[^\s<>"'`]+/y;
/** `</name >`; the name is tolerant so template end tags (`</${tag}>`) are recognised as stray. */
const END_TAG = /<\/([^\s<>/]+)[\t\n\r ]*>/y;
const WHITESPACE = /[\t\n\r ]*/y;
const NOT_WHITESPACE = /[^\t\n\r ]/;

const BASE_NAMESPACES: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, { xml: XML_NAMESPACE }),
);

export interface TokenizerProblem extends XmlParseProblem {
  /** Where the tokenizer noticed it (for a missing end tag: where the element was closed). */
  foundAt: number;
}

export interface TokenizeResult {
  children: XmlDocumentChild[];
  comments: XmlComment[];
  /** The first problem the tokenizer had to recover from, or `null`. */
  problem: TokenizerProblem | null;
  lineIndex: LineIndex;
}

interface OpenElement {
  element: XmlElement;
  contentStart: number;
}

interface QualifiedName {
  name: string;
  prefix: string | null;
  localName: string;
}

function splitName(name: string): QualifiedName {
  const colon = name.indexOf(":");
  if (colon <= 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) !== -1) {
    return { name, prefix: null, localName: name };
  }
  return { name, prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

/**
 * Leaves share these instead of allocating empty arrays (a large file has hundreds of thousands
 * of leaf elements). Frozen: the tree is read-only.
 */
const NO_ATTRIBUTES: XmlAttribute[] = Object.freeze([]) as unknown as XmlAttribute[];
const NO_CHILDREN: XmlElementChild[] = Object.freeze([]) as unknown as XmlElementChild[];
/** An element's `loc` until it is closed (every element is closed before `tokenize` returns). */
const PENDING_LOC: XmlSourceLocation = Object.freeze({
  start: Object.freeze({ line: 0, column: 0 }),
  end: Object.freeze({ line: 0, column: 0 }),
});

function lookupNamespace(namespaces: Readonly<Record<string, string>>, prefix: string): string | null {
  const uri = namespaces[prefix];
  return uri === undefined || uri === "" ? null : uri;
}

/**
 * Tokenizes `text.slice(start, end)` into nodes whose offsets refer to the whole `text`.
 * A BOM at `start` is skipped (it belongs to no node).
 */
export function tokenize(text: string, start: number, end: number, lineIndex = new LineIndex(text)): TokenizeResult {
  const documentChildren: XmlDocumentChild[] = [];
  const comments: XmlComment[] = [];
  const stack: OpenElement[] = [];
  /** Open elements per qualified name, so a stray end tag is recognised without a stack walk. */
  const openNames = new Map<string, number>();
  let rootCount = 0;
  /** Names repeat: one string (and one prefix/local split) per distinct name, not per occurrence. */
  const names = new Map<string, QualifiedName>();
  const qualifiedName = (from: number, to: number): QualifiedName => {
    const name = text.slice(from, to);
    let known = names.get(name);
    if (known === undefined) {
      known = splitName(name);
      names.set(name, known);
    }
    return known;
  };

  // The first problem in scan order: the one found first (`foundAt`; on a tie, the one reported
  // first). Found order, not range order: an unclosed comment at line 2 explains why <root> at
  // line 1 is never closed, and is what the user should fix; of several elements left open, the
  // innermost (closed first) is reported.
  let firstProblem: { message: string; start: number; end: number; foundAt: number } | null = null;
  const report = (message: string, problemStart: number, problemEnd: number, foundAt = problemStart): void => {
    if (firstProblem === null || foundAt < firstProblem.foundAt) {
      firstProblem = { message, start: problemStart, end: problemEnd, foundAt };
    }
  };

  const append = (node: XmlElementChild): void => {
    if (stack.length === 0) {
      documentChildren.push(node);
      return;
    }
    const parent = stack[stack.length - 1]!.element;
    if (parent.children === NO_CHILDREN) parent.children = [node];
    else parent.children.push(node);
  };

  // `%>` after an offset, cached: a text full of `<%` without `%>` must not rescan to the end each time.
  let templateSearchFrom = -1;
  let templateClose = -1;
  const findTemplateClose = (from: number): number => {
    if (templateSearchFrom < 0 || from < templateSearchFrom || (templateClose !== -1 && from > templateClose)) {
      templateSearchFrom = from;
      templateClose = text.indexOf("%>", from);
    }
    return templateClose === -1 || templateClose + 2 > end ? -1 : templateClose;
  };

  // ---- text runs --------------------------------------------------------------------------
  let textStart = -1;
  const flushText = (textEnd: number): void => {
    if (textStart < 0) return;
    if (textEnd > textStart) {
      const range: XmlRange = [textStart, textEnd];
      const raw = text.slice(textStart, textEnd);
      const { value, referenceMap } = decodeReferences(raw, textStart, report);
      const node: XmlText = {
        type: "XmlText",
        cdata: false,
        raw,
        value,
        valueRange: range,
        referenceMap,
        range,
        loc: lineIndex.loc(...range),
      };
      if (stack.length === 0) {
        const match = NOT_WHITESPACE.exec(raw);
        if (match !== null) {
          const at = textStart + match.index;
          report("Text outside the root element.", at, at + 1);
        }
      }
      append(node);
    }
    textStart = -1;
  };
  /** Starts a text run at `from` unless one is already open (text, or markup that could not be read). */
  const keepAsText = (from: number): void => {
    if (textStart < 0) textStart = from;
  };

  // ---- elements ---------------------------------------------------------------------------
  const closeElement = (open: OpenElement, contentEnd: number, endTagRange: XmlRange | null): void => {
    const element = open.element;
    const elementEnd = endTagRange === null ? contentEnd : endTagRange[1];
    element.contentRange = [open.contentStart, contentEnd];
    element.endTagRange = endTagRange;
    element.range[1] = elementEnd;
    element.loc = lineIndex.loc(...element.range);
    const count = openNames.get(element.name)!;
    if (count === 1) openNames.delete(element.name);
    else openNames.set(element.name, count - 1);
    if (endTagRange === null) {
      report("Element has no end tag.", element.startTagRange[0], element.startTagRange[1], contentEnd);
    }
  };

  /** Reads one attribute at `p` (on its name); returns the offset after it. */
  const readAttribute = (p: number, element: XmlElement): number => {
    ATTRIBUTE_NAME.lastIndex = p;
    ATTRIBUTE_NAME.exec(text);
    const nameEnd = Math.min(ATTRIBUTE_NAME.lastIndex, end);
    const { name, prefix, localName } = qualifiedName(p, nameEnd);
    WHITESPACE.lastIndex = nameEnd;
    WHITESPACE.exec(text);
    let q = WHITESPACE.lastIndex;
    let valueStart = nameEnd;
    let valueEnd = nameEnd;
    let attributeEnd = nameEnd;
    let quote: '"' | "'" | null = null;
    if (q < end && text[q] === "=") {
      WHITESPACE.lastIndex = q + 1;
      WHITESPACE.exec(text);
      q = Math.min(WHITESPACE.lastIndex, end);
      const c = text[q];
      if (q < end && (c === '"' || c === "'")) {
        quote = c;
        valueStart = q + 1;
        const close = text.indexOf(c, valueStart);
        if (close === -1 || close >= end) {
          // Without its closing quote the value runs to the end of the tag, if there is one.
          const gt = text.indexOf(">", valueStart);
          valueEnd = gt === -1 || gt >= end ? end : gt;
          attributeEnd = valueEnd;
          report(`Attribute value has no closing ${c}.`, p, valueEnd);
        } else {
          valueEnd = close;
          attributeEnd = close + 1;
        }
      } else {
        UNQUOTED_VALUE.lastIndex = q;
        let unquotedEnd = UNQUOTED_VALUE.exec(text) === null ? q : Math.min(UNQUOTED_VALUE.lastIndex, end);
        // `x=$1/>`: the `/` belongs to the tag.
        if (unquotedEnd > q && text[unquotedEnd - 1] === "/" && text[unquotedEnd] === ">") unquotedEnd -= 1;
        if (unquotedEnd > q) {
          valueStart = q;
          valueEnd = unquotedEnd;
          attributeEnd = unquotedEnd;
          report("Attribute value is not quoted.", p, unquotedEnd);
        } else {
          attributeEnd = q;
          valueStart = valueEnd = q;
          report("Attribute has no value.", p, nameEnd);
        }
      }
    } else {
      report("Attribute has no value.", p, nameEnd);
    }
    const range: XmlRange = [p, attributeEnd];
    const rawValue = text.slice(valueStart, valueEnd);
    const { value, referenceMap } = decodeReferences(rawValue, valueStart, report);
    const attribute: XmlAttribute = {
      type: "XmlAttribute",
      name,
      prefix,
      localName,
      namespaceURI: null,
      rawValue,
      value,
      quote,
      nameRange: [p, nameEnd],
      valueRange: [valueStart, valueEnd],
      referenceMap,
      range,
      loc: lineIndex.loc(...range),
    };
    if (element.attributes === NO_ATTRIBUTES) element.attributes = [attribute];
    else element.attributes.push(attribute);
    return attributeEnd;
  };

  /** Resolves the namespaces of an element whose attributes are all read. */
  const resolveNamespaces = (element: XmlElement, parentNamespaces: Readonly<Record<string, string>>): void => {
    let namespaces = parentNamespaces;
    for (const attribute of element.attributes) {
      const declared = attribute.name === "xmlns" ? "" : attribute.prefix === "xmlns" ? attribute.localName : null;
      if (declared === null) continue;
      if (namespaces === parentNamespaces) {
        namespaces = Object.assign(Object.create(null) as Record<string, string>, parentNamespaces);
      }
      (namespaces as Record<string, string>)[declared] = attribute.value;
    }
    if (namespaces !== parentNamespaces) Object.freeze(namespaces);
    element.namespaces = namespaces;
    element.namespaceURI = lookupNamespace(namespaces, element.prefix ?? "");
    for (const attribute of element.attributes) {
      if (attribute.name === "xmlns" || attribute.prefix === "xmlns") attribute.namespaceURI = XMLNS_NAMESPACE;
      else if (attribute.prefix !== null) attribute.namespaceURI = lookupNamespace(namespaces, attribute.prefix);
    }
  };

  /** Reads a start tag at `lt` whose name is `text[lt + 1, nameEnd)`; returns where content starts. */
  const readStartTag = (lt: number, nameEnd: number): number => {
    const { name, prefix, localName } = qualifiedName(lt + 1, nameEnd);
    const element: XmlElement = {
      type: "XmlElement",
      name,
      prefix,
      localName,
      namespaceURI: null,
      namespaces: BASE_NAMESPACES,
      attributes: NO_ATTRIBUTES,
      children: NO_CHILDREN,
      selfClosing: false,
      startTagRange: [lt, nameEnd],
      nameRange: [lt + 1, nameEnd],
      contentRange: null,
      endTagRange: null,
      range: [lt, nameEnd],
      loc: PENDING_LOC,
    };
    let p = nameEnd;
    let tagEnd = -1;
    while (tagEnd < 0) {
      WHITESPACE.lastIndex = p;
      WHITESPACE.exec(text);
      p = WHITESPACE.lastIndex;
      if (p >= end) {
        p = end;
        tagEnd = end;
        report('Start tag has no closing ">".', lt, nameEnd, end);
        break;
      }
      const c = text[p];
      if (c === ">") {
        tagEnd = p + 1;
      } else if (c === "/" && text[p + 1] === ">" && p + 1 < end) {
        element.selfClosing = true;
        tagEnd = p + 2;
      } else if (c === "<") {
        const close = text[p + 1] === "%" ? findTemplateClose(p + 2) : -1;
        if (close !== -1) {
          // Template code in attribute position (`<a <%= attrs %>>`): skip it.
          report("Template code <%…%> is not XML.", p, close + 2);
          p = close + 2;
        } else {
          // The tag was never closed; the next markup starts here.
          report('Start tag has no closing ">".', lt, p, p);
          tagEnd = p;
        }
      } else if (c === "=" || c === "/" || c === '"' || c === "'") {
        report(`Unexpected ${c} in start tag.`, p, p + 1);
        p += 1;
      } else {
        p = readAttribute(p, element);
      }
    }
    element.startTagRange[1] = tagEnd;
    const parentNamespaces = stack.length === 0 ? BASE_NAMESPACES : stack[stack.length - 1]!.element.namespaces;
    resolveNamespaces(element, parentNamespaces);
    if (stack.length === 0) {
      rootCount += 1;
      if (rootCount === 2) report("More than one root element.", lt, tagEnd);
    }
    append(element);
    if (element.selfClosing) {
      element.range[1] = tagEnd;
      element.loc = lineIndex.loc(...element.range);
    } else {
      stack.push({ element, contentStart: tagEnd });
      openNames.set(name, (openNames.get(name) ?? 0) + 1);
    }
    return tagEnd;
  };

  /**
   * Handles `</name>` at `lt`: closes the matching open element and returns the offset after the
   * end tag, or returns -1 (the caller keeps it as text) when it is not an end tag of an open element.
   */
  const readEndTag = (lt: number): number => {
    END_TAG.lastIndex = lt;
    const match = END_TAG.exec(text);
    if (match === null || END_TAG.lastIndex > end) {
      report('End tag has no closing ">".', lt, lt + 2);
      return -1;
    }
    const name = match[1]!;
    const tagEnd = END_TAG.lastIndex;
    if (!openNames.has(name)) {
      report("End tag matches no open element.", lt, tagEnd);
      return -1;
    }
    flushText(lt);
    // Elements opened after the matching one have no end tag: they end here.
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      if (top.element.name === name) {
        closeElement(top, lt, [lt, tagEnd]);
        break;
      }
      closeElement(top, lt, null);
    }
    return tagEnd;
  };

  // ---- other markup -------------------------------------------------------------------------
  /** `<!--…-->`, `<![CDATA[…]]>`, `<?…?>`: the offset of `close` or `end` if it is missing. */
  const findClose = (from: number, close: string, what: string, lt: number): [number, number] => {
    const at = text.indexOf(close, from);
    if (at === -1 || at + close.length > end) {
      report(`${what} has no closing "${close}".`, lt, end);
      return [end, end];
    }
    return [at, at + close.length];
  };

  const readComment = (lt: number): number => {
    const [valueEnd, nodeEnd] = findClose(lt + 4, "-->", "Comment", lt);
    const range: XmlRange = [lt, nodeEnd];
    const node: XmlComment = {
      type: "XmlComment",
      value: text.slice(lt + 4, valueEnd),
      valueRange: [lt + 4, valueEnd],
      range,
      loc: lineIndex.loc(...range),
    };
    comments.push(node);
    append(node);
    return nodeEnd;
  };

  const readCdata = (lt: number): number => {
    const [valueEnd, nodeEnd] = findClose(lt + 9, "]]>", "CDATA section", lt);
    const range: XmlRange = [lt, nodeEnd];
    const raw = text.slice(lt + 9, valueEnd);
    const node: XmlText = {
      type: "XmlText",
      cdata: true,
      raw,
      value: raw,
      valueRange: [lt + 9, valueEnd],
      referenceMap: null,
      range,
      loc: lineIndex.loc(...range),
    };
    if (stack.length === 0) report("CDATA section outside the root element.", lt, nodeEnd);
    append(node);
    return nodeEnd;
  };

  const readProcessingInstruction = (lt: number): number => {
    const [dataEnd, nodeEnd] = findClose(lt + 2, "?>", "Processing instruction", lt);
    NAME.lastIndex = lt + 2;
    const target = NAME.exec(text) !== null && NAME.lastIndex <= dataEnd ? text.slice(lt + 2, NAME.lastIndex) : "";
    WHITESPACE.lastIndex = lt + 2 + target.length;
    WHITESPACE.exec(text);
    const dataStart = Math.min(WHITESPACE.lastIndex, dataEnd);
    const range: XmlRange = [lt, nodeEnd];
    const node: XmlProcessingInstruction = {
      type: "XmlProcessingInstruction",
      target,
      data: text.slice(dataStart, dataEnd),
      range,
      loc: lineIndex.loc(...range),
    };
    if (target === "") report("Processing instruction has no target name.", lt, lt + 2);
    append(node);
    return nodeEnd;
  };

  /** `<!DOCTYPE name … [subset]>`: skipped over (quotes, comments and the subset respected), never interpreted. */
  const readDoctype = (lt: number): number => {
    WHITESPACE.lastIndex = lt + 9;
    WHITESPACE.exec(text);
    NAME.lastIndex = WHITESPACE.lastIndex;
    const name = NAME.exec(text) !== null && NAME.lastIndex <= end ? text.slice(WHITESPACE.lastIndex, NAME.lastIndex) : "";
    let p = lt + 9;
    let subsetStart = -1;
    let subsetEnd = -1;
    let nodeEnd = -1;
    while (p < end) {
      const c = text[p];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, p + 1);
        p = close === -1 || close >= end ? end : close + 1;
      } else if (subsetStart >= 0 && subsetEnd < 0) {
        if (c === "]") {
          subsetEnd = p;
          p += 1;
        } else if (c === "<" && text.startsWith("<!--", p)) {
          const close = text.indexOf("-->", p + 4);
          p = close === -1 || close + 3 > end ? end : close + 3;
        } else {
          p += 1;
        }
      } else if (c === "[" && subsetStart < 0) {
        subsetStart = p + 1;
        p += 1;
      } else if (c === ">") {
        nodeEnd = p + 1;
        break;
      } else {
        p += 1;
      }
    }
    if (nodeEnd < 0) {
      nodeEnd = end;
      report('DOCTYPE has no closing ">".', lt, end);
    }
    if (subsetStart >= 0 && subsetEnd < 0) subsetEnd = Math.max(subsetStart, nodeEnd - 1);
    const range: XmlRange = [lt, nodeEnd];
    const node: XmlDoctype = {
      type: "XmlDoctype",
      name,
      internalSubset: subsetStart < 0 ? null : text.slice(subsetStart, subsetEnd),
      internalSubsetRange: subsetStart < 0 ? null : [subsetStart, subsetEnd],
      range,
      loc: lineIndex.loc(...range),
    };
    documentChildren.push(node);
    return nodeEnd;
  };

  // ---- main loop ----------------------------------------------------------------------------
  let pos = start < end && text.charCodeAt(start) === 0xfeff ? start + 1 : start;
  while (pos < end) {
    const lt = text.indexOf("<", pos);
    if (lt === -1 || lt >= end) {
      keepAsText(pos);
      pos = end;
      break;
    }
    if (lt > pos) keepAsText(pos);
    const next = lt + 1 < end ? text[lt + 1] : "";
    let after = -1;
    if (next === "!") {
      if (text.startsWith("<!--", lt)) {
        flushText(lt);
        after = readComment(lt);
      } else if (text.startsWith("<![CDATA[", lt)) {
        flushText(lt);
        after = readCdata(lt);
      } else if (text.startsWith("<!DOCTYPE", lt) && stack.length === 0) {
        flushText(lt);
        after = readDoctype(lt);
      } else if (text.startsWith("<!DOCTYPE", lt)) {
        report("DOCTYPE inside an element.", lt, lt + 9);
      } else {
        report('"<!" starts no comment, CDATA section or DOCTYPE.', lt, lt + 2);
      }
    } else if (next === "?") {
      flushText(lt);
      after = readProcessingInstruction(lt);
    } else if (next === "/") {
      after = readEndTag(lt);
    } else if (next === "%") {
      const close = findTemplateClose(lt + 2);
      if (close !== -1) {
        // Template code (`<%= token %>`) is text; searching it still finds what it contains.
        report("Template code <%…%> is not XML.", lt, close + 2);
        keepAsText(lt);
        pos = close + 2;
        continue;
      }
      report('"<" starts no tag; write it as "&lt;".', lt, lt + 1);
    } else {
      NAME.lastIndex = lt + 1;
      if (NAME.exec(text) !== null) {
        flushText(lt);
        after = readStartTag(lt, Math.min(NAME.lastIndex, end));
      } else {
        report('"<" starts no tag; write it as "&lt;".', lt, lt + 1);
      }
    }
    if (after < 0) {
      // Not markup: the `<` is text.
      keepAsText(lt);
      pos = lt + 1;
    } else {
      pos = after;
    }
  }
  flushText(end);
  while (stack.length > 0) closeElement(stack.pop()!, end, null);

  const found = firstProblem as { message: string; start: number; end: number; foundAt: number } | null;
  let problem: TokenizerProblem | null = null;
  if (found !== null) {
    const range: XmlRange = [found.start, found.end];
    problem = { message: found.message, range, loc: lineIndex.loc(...range), foundAt: found.foundAt };
  }
  return { children: documentChildren, comments, problem, lineIndex };
}
