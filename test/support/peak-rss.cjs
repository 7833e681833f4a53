// Preloaded into a child process (NODE_OPTIONS=--require): at exit, writes the process's peak resident
// set size in bytes (its high-water mark, not a sample) to the file MOCKPACT_PEAK_RSS_FILE names.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.MOCKPACT_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
