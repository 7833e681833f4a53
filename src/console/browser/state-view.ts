import {
  fetchOverrides,
  fetchState,
  resetServer,
  setScenario,
  type OverrideSummary,
  type Scenario,
  type ServerState,
} from "./admin-api.js";
import { byId, h, replace } from "./dom.js";
import { refreshNow } from "./journal-view.js";

/**
 * Scenario states, the stateful store and the overrides: read again whenever the journal's poll says
 * the state moved (a stateful request, a scenario set, an override added), and on Refresh.
 */
export function startStateView(): void {
  byId("refresh-state").addEventListener("click", () => void showState());
  byId("reset-all").addEventListener("click", () => void resetServer().then(() => (showState(), refreshNow())));
  void showState();
}

export async function showState(): Promise<void> {
  const panel = byId("state");
  try {
    const [state, overrides] = await Promise.all([fetchState(), fetchOverrides().catch(() => undefined)]);
    replace(panel, ...stateParts(state), ...overrideParts(overrides));
  } catch (error) {
    replace(panel, h("p", { class: "error" }, `The state could not be read: ${(error as Error).message}`));
  }
}

function stateParts(state: ServerState): HTMLElement[] {
  const scenarios = state.scenarios.length
    ? h("ul", { class: "scenarios" }, ...state.scenarios.map(scenarioRow))
    : h("p", { class: "muted" }, "No scenarios.");
  return [h("h3", {}, "Scenarios"), scenarios, h("h3", {}, "Stateful store"), ...storeParts(state.store)];
}

interface ResourceView {
  collection: string;
  collections?: Array<{ path: string; count: number; items: unknown[] }>;
}

/** Per inferred resource: its collection path, how many items it holds, and the items. */
function storeParts(store: unknown): HTMLElement[] {
  if (store === undefined) return [h("p", { class: "muted" }, "The stateful store is off (mockpact mock --stateful).")];
  if (!Array.isArray(store)) return [h("pre", { class: "store" }, JSON.stringify(store, null, 2))];
  if (store.length === 0) return [h("p", { class: "muted" }, "No resources were inferred from the contracts.")];
  return (store as ResourceView[]).map((resource) => {
    const items = (resource.collections ?? []).flatMap((c) => c.items);
    return h(
      "div",
      { class: "resource", "data-collection": resource.collection },
      h(
        "div",
        {},
        h("code", { class: "path" }, resource.collection),
        " ",
        h("span", { class: "muted" }, `${items.length} item(s)`),
      ),
      items.length ? h("pre", { class: "store" }, JSON.stringify(items, null, 2)) : null,
    );
  });
}

function scenarioRow(scenario: Scenario): HTMLElement {
  const choices = [...new Set([scenario.state, ...scenario.states])];
  const select = h(
    "select",
    { "aria-label": `state of ${scenario.name}` },
    ...choices.map((s) => h("option", { value: s, selected: s === scenario.state }, s)),
  );
  select.addEventListener("change", () => void setScenario(scenario.name, select.value).then(showState));
  return h("li", { "data-scenario": scenario.name }, h("strong", {}, scenario.name), " ", select);
}

/** The overrides in the order they are tried: runtime ones (added over HTTP or by `use()`) first. */
function overrideParts(overrides: OverrideSummary[] | undefined): HTMLElement[] {
  if (overrides === undefined) return [];
  const list = overrides.length
    ? h(
        "ul",
        { class: "overrides" },
        ...overrides.map((o) =>
          h(
            "li",
            { "data-override": o.id, "data-source": o.source },
            h("code", {}, o.id),
            " ",
            h("span", { class: "tag" }, o.source),
            " ",
            o.operation,
            " → ",
            o.status,
            o.name ? ` (${o.name})` : "",
          ),
        ),
      )
    : h("p", { class: "muted" }, "No overrides.");
  return [h("h3", {}, "Overrides"), list];
}
