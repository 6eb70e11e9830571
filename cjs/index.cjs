// The CommonJS entry: `require("eslint-plugin-campaign-ims")` returns the plugin object itself.
// Node 20.19+ loads the ES module with require(); its "module.exports" export is the plugin, and
// it is the same module instance `import` gives (no dual-package copy).
module.exports = require("../dist/src/index.js");
