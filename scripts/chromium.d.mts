/** Types of chromium.mjs, for the TypeScript tests that launch the browser. */
import type { Browser } from "playwright-core";

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare function chromiumMissing(): string | undefined;
export declare function launchChromium(): Promise<Browser>;
