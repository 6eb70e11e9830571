/**
 * The text of the document whose code blocks are being linted, by the document's file name: a
 * rule that lints one block (a Markdown fence, an HTML `<pre>`) can ask what the page around it
 * says (`prefer-ims-bearer-token`: a page that already recommends `ofImsBearerToken`).
 *
 * ESLint runs a processor's `preprocess`, the rules on each block and `postprocess` for one file
 * in a row, synchronously (`Linter#verify`), and gives the rules the host's path as
 * `context.physicalFilename`: the processors register the host in `preprocess` and forget it in
 * `postprocess`. Each worker thread has its own module instance, so concurrent scans do not mix.
 */
const hosts = new Map<string, string>();

/** Called by a processor's `preprocess` when it returns blocks of `filename`. */
export function openHostDocument(filename: string, text: string): void {
  hosts.set(filename, text);
}

/** Called by a processor's `postprocess` for `filename`. */
export function closeHostDocument(filename: string): void {
  hosts.delete(filename);
}

/** The text of the document a code block comes from, or undefined outside a processor's blocks. */
export function hostDocumentText(context: { readonly filename?: string; readonly physicalFilename?: string }): string | undefined {
  const { filename, physicalFilename } = context;
  if (physicalFilename === undefined || filename === physicalFilename) return undefined;
  return hosts.get(physicalFilename);
}
