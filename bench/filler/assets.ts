/** Stylesheets and SVG icons: text files of types no rule lints (ripgrep reads them, the scanner does not). */
import type { Random } from "../random.js";
import { ADJECTIVES, kebab, NOUNS } from "../vocabulary.js";

export function stylesheet(random: Random, targetBytes: number): string {
  const rules: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const rule = `.${kebab(random.pick(NOUNS), random.pick(ADJECTIVES))} {\n  display: ${random.pick(["flex", "grid", "block", "none"])};\n  margin: ${random.int(0, 32)}px ${random.int(0, 32)}px;\n  color: #${random.int(0, 0xffffff).toString(16).padStart(6, "0")};\n}\n\n`;
    rules.push(rule);
    size += rule.length;
  }
  return rules.join("");
}

export function svgIcon(random: Random): string {
  const paths = Array.from({ length: random.int(1, 6) }, () => `  <path d="M${random.int(0, 24)} ${random.int(0, 24)}L${random.int(0, 24)} ${random.int(0, 24)}Z" fill="currentColor"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n${paths.join("\n")}\n</svg>\n`;
}
