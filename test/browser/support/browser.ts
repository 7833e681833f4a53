import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, type TestContext } from "vitest";

/**
 * The system's Chromium (Debian's `chromium` package), driven by playwright-core. Playwright's own
 * browser download does not work on these machines, so the binary is found, never fetched.
 */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

export const chromiumPath: string | undefined = CANDIDATES.find(
  (file): file is string => Boolean(file) && existsSync(file!),
);

/**
 * CI sets MOCKPACT_BROWSER_TESTS=required: there a missing browser fails the run instead of
 * skipping, so the browser tests cannot silently stop running.
 */
const required = process.env.MOCKPACT_BROWSER_TESTS === "required";

/** True when the browser tests should be skipped; says so once, visibly. */
export function skipWithoutBrowser(): boolean {
  if (chromiumPath) return false;
  if (required)
    throw new Error(
      "MOCKPACT_BROWSER_TESTS=required but no Chromium was found (install Debian's chromium, or set CHROMIUM_PATH)",
    );
  process.stderr.write(
    "browser tests skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)\n",
  );
  return true;
}

/**
 * Flags that keep Chromium off the network: this machine's network is closed, and without them the
 * browser tries (and fails) to reach Google's services at every start. Playwright adds --headless
 * and a fresh temporary --user-data-dir itself.
 */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Bounded waits everywhere: a hung page fails the test in seconds, not at the suite timeout. */
export const WAIT_MS = 5_000;

export const FAILURE_SCREENSHOTS = path.join(tmpdir(), "mockpact-browser-failures");

export interface BrowserSession {
  /** The page of the running test: a fresh context (cookies, storage) per test. */
  readonly page: Page;
}

/**
 * Registers the hooks of a browser test file: one browser per file, one context and page per
 * test, and a screenshot of the page under FAILURE_SCREENSHOTS when a test fails.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: FLAGS, timeout: 30_000 });
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    context.setDefaultTimeout(WAIT_MS);
    page = await context.newPage();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) await saveFailureScreenshot(page, ctx);
    await context?.close();
  });
  return {
    get page() {
      if (!page) throw new Error("no page: useBrowser() pages exist only inside a test");
      return page;
    },
  };
}

async function saveFailureScreenshot(page: Page, ctx: TestContext): Promise<void> {
  mkdirSync(FAILURE_SCREENSHOTS, { recursive: true });
  const file = path.join(FAILURE_SCREENSHOTS, `${ctx.task.name.replace(/[^\w.-]+/g, "-").slice(0, 80)}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: WAIT_MS });
    process.stderr.write(`failure screenshot: ${file}\n`);
  } catch (error) {
    process.stderr.write(`failure screenshot not saved (${(error as Error).message})\n`);
  }
}

/**
 * The README's screenshots (docs/*.png) are made by the tests themselves, so they show what the
 * tests saw; only when UPDATE_SCREENSHOTS=1, so that ordinary runs leave the tree untouched.
 */
export async function saveDocScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  await page.screenshot({ path: path.resolve("docs", name), fullPage: false, timeout: WAIT_MS });
}
