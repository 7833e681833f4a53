import FindMyWay from "find-my-way";
import { describe, expect, it } from "vitest";
import { SegmentRouters } from "../../src/http/segment-routers.js";

/** Patterns as the router registers them (`:pN` parameters), a mix of segments, syntax and precedence. */
const PATTERNS = [
  "/",
  "/zen",
  "/repos/:p0/:p1",
  "/repos/:p0/:p1/compare/:p2...:p3",
  "/repos/mine",
  "/repos/:p0/:p1/pulls/:p2",
  "/users/:p0",
  "/users/:p0.json",
  "/:p0/settings",
  "/:p0",
  "/files::name",
  "/café/:p0",
  "/a@b/x",
  "/search/:p0-:p1",
  "/v1",
  "/v1/customers",
  "/v1/customers/:p0",
  "/v1/customers.json",
  "/v1/:p0",
  "/v1/:p0/sources",
];

/** Requests, with what one find-my-way router over the same patterns answers for each. */
const REQUESTS = [
  "/",
  "/zen",
  "/zen/",
  "/repos/o/r",
  "/repos/o/r/",
  "/repos/mine",
  "/repos/o/r/compare/a...b",
  "/repos/o/r/pulls/7",
  "/repos/o/r/issues",
  "/repos",
  "/rep%6Fs/o/r",
  "/repos%2Fo/r",
  "/users/ada",
  "/users/ada.json",
  "/users/%E0%A4%A",
  "/anything/settings",
  "/anything",
  "/files:name",
  "/caf%C3%A9/1",
  "/café/1",
  "/a@b/x",
  "/a%40b/x",
  "/search/x-y",
  "/zen?x=1",
  "/zen#top",
  "/%",
  "http://example.test/repos/o/r",
  "/nothing/here/at/all",
  "/v1",
  "/v1/",
  "/v1/customers",
  "/v1/customers/",
  "/v1/customers/c1",
  "/v1/cust%6Fmers/c1",
  "/v1/customers.json",
  "/v1/charges",
  "/v1/customers/sources",
  "/v1/charges/sources",
  "/v1/customers/c1/extra",
];

function oneRouter() {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 2048 });
  for (const pattern of PATTERNS) router.on("GET", pattern, () => undefined, { pattern });
  return (path: string) => summary(router.find("GET", path));
}

function segmentRouters() {
  const routers = new SegmentRouters();
  for (const pattern of PATTERNS) routers.add(pattern, { pattern }, (error) => expect.fail(error.message));
  return { routers, find: (path: string) => summary(routers.find(path)) };
}

function summary(found: ReturnType<SegmentRouters["find"]>) {
  return found ? { store: found.store as unknown, params: { ...found.params } } : null;
}

describe("routers per path prefix", () => {
  it("answer every request as one find-my-way router over the same patterns", () => {
    const expected = oneRouter();
    const { find } = segmentRouters();
    for (const path of REQUESTS) expect({ path, found: find(path) }).toEqual({ path, found: expected(path) });
  });

  it("build a prefix's router at the first lookup under it, and only the routers that lookup needs", () => {
    const { routers, find } = segmentRouters();
    expect(routers.builtPrefixes()).toEqual([]);
    find("/zen");
    expect(routers.builtPrefixes()).toEqual(["zen"]);
    find("/repos/o/r");
    find("/anything/settings"); // a parameter first: in the router built at load
    expect(routers.builtPrefixes()).toEqual(["zen", "repos"]);
    find("/v1/customers/c1"); // found under the two-segment prefix: the one-segment one is not needed
    expect(routers.builtPrefixes()).toEqual(["zen", "repos", "v1/customers"]);
    find("/v1/charges");
    expect(routers.builtPrefixes()).toEqual(["zen", "repos", "v1/customers", "v1"]);
  });

  it("refuse at load a pattern that differs from another only by a trailing slash, as find-my-way does", () => {
    const routers = new SegmentRouters();
    routers.add("/pets", {}, () => {});
    expect(() => routers.add("/pets/", {}, () => {})).toThrow("Method 'GET' already declared for route '/pets'");
  });

  it("refuse at load what find-my-way refuses in a pattern with its syntax", () => {
    const routers = new SegmentRouters();
    expect(() => routers.add("/pets/:p0?/more", {}, () => {})).toThrow(/Optional Parameter/);
    expect(() => routers.add("/files/*/x", {}, () => {})).toThrow(/Wildcard/);
  });
});
