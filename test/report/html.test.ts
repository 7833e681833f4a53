import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/model.js";
import { toHtml } from "../../src/report/html.js";

const hostile = "</script><img src=x onerror=alert(1)>";

describe("the HTML report", () => {
  const report = buildReport(
    "mockpact verify shop-api",
    [
      {
        name: `web -> shop ${hostile}`,
        properties: { consumer: "web" },
        cases: [
          { name: "a passing one", status: "passed", findings: [] },
          {
            name: "a failing one",
            status: "failed",
            findings: [
              {
                source: "schema",
                level: "error",
                in: "response.body",
                type: "enum",
                path: "/status",
                message: hostile,
              },
            ],
          },
        ],
      },
    ],
    1234,
  );

  it("escapes every text from the run, in the page and in the embedded JSON", () => {
    const html = toHtml(report);
    expect(html).not.toContain(hostile);
    expect(html).not.toMatch(/<img/);
    const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("marks each case with its status, and starts filtered to failures when the run failed", () => {
    const html = toHtml(report);
    expect(html.match(/data-status="failed"/g)).toHaveLength(1);
    expect(html.match(/data-status="passed"/g)).toHaveLength(1);
    expect(html).toContain('id="failures-only" checked');
    expect(toHtml(buildReport("ok", [], 1))).not.toContain('id="failures-only" checked');
  });
});
