import { CONSOLE_CSS } from "./style.js";

/**
 * The console's one HTML page. Its script and admin calls use URLs relative to the page, which is
 * always served at `<prefix>/` (with the slash), so the console never needs to know its prefix.
 */
export function consolePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mockpact console</title>
<link rel="icon" href="data:,">
<style>${CONSOLE_CSS}</style>
<script type="module" src="console/app.js"></script>
</head>
<body>
<header class="top">
  <h1>mockpact <span class="muted">console</span></h1>
  <span id="live" class="live">connecting…</span>
  <span class="spacer"></span>
  <button id="reset-all" type="button" title="POST reset: scenarios and the stateful store back to their start">Reset state</button>
</header>
<main class="panels">
  <section class="panel operations-panel">
    <h2>Contracts and operations <span class="muted legend">★ response has an example</span></h2>
    <div id="contracts"><p class="muted">loading…</p></div>
  </section>
  <section class="panel journal-panel">
    <h2>Requests <span id="journal-count" class="muted"></span>
      <button id="clear-journal" type="button">Clear journal</button></h2>
    <div class="filters">
      <label>Status <input id="filter-status" size="6" placeholder="2xx, 404" aria-label="status: a class such as 4xx or an exact status"></label>
      <label>Operation <select id="filter-operation"><option value="">any operation</option></select></label>
      <label>Source <select id="filter-source"></select></label>
    </div>
    <ol id="journal" class="journal"></ol>
    <h2>State <button id="refresh-state" type="button">Refresh</button></h2>
    <div id="state"></div>
  </section>
</main>
</body>
</html>
`;
}
