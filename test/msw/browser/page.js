// The test page of test/msw/browser.test.ts, bundled by esbuild for the browser as an app would be:
// mockpact/msw resolves to mockpact's browser build, which must pull no Node built-in.
import { setupWorker } from "msw/browser";
import { handlersFor } from "mockpact/msw";

const bundle = await fetch("/mockpact.json").then((response) => response.json());
const handlers = handlersFor(bundle, { seed: 7, stateful: true });
const worker = setupWorker(...handlers);
await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "bypass", quiet: true });

/** Sends each call in order and gives back what the page's fetch saw. */
window.sendAll = async (calls) => {
  const answers = [];
  for (const call of calls) {
    const response = await fetch(call.url, { method: call.method ?? "GET", headers: call.headers, body: call.body });
    answers.push({ status: response.status, headers: [...response.headers], body: await response.text() });
  }
  return answers;
};
window.mockpactRequests = () => handlers.requests();
document.body.dataset.ready = "true";
