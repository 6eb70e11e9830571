// Types of the CommonJS entry: the plugin object, as `export =`.
import type { default as plugin } from "../dist/src/index.js" with { "resolution-mode": "import" };

declare const campaignIms: typeof plugin;
export = campaignIms;
