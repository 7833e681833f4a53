import { fetchContracts, type ConsoleContract, type ConsoleOperation } from "./admin-api.js";
import { byId, h, methodBadge, replace } from "./dom.js";
import { refreshNow } from "./journal-view.js";
import { tryItForm } from "./try-it.js";

export async function showOperations(): Promise<void> {
  const list = byId("contracts");
  try {
    const contracts = await fetchContracts();
    replace(list, ...contracts.map(contractSection));
  } catch (error) {
    replace(list, h("p", { class: "error" }, `The contracts could not be read: ${(error as Error).message}`));
  }
}

function contractSection(contract: ConsoleContract): HTMLElement {
  return h(
    "section",
    { class: "contract", "data-contract": contract.id },
    h(
      "h3",
      {},
      contract.title,
      " ",
      h(
        "span",
        { class: "muted" },
        [contract.version && `v${contract.version}`, contract.id, `${contract.operations.length} operations`]
          .filter(Boolean)
          .join(" · "),
      ),
    ),
    h("ul", { class: "operations" }, ...contract.operations.map(operationRow)),
  );
}

/** One operation, folded: the head line is what a screenshot shows; "try it" opens beneath it. */
function operationRow(operation: ConsoleOperation): HTMLElement {
  const details = h("details", { class: "operation", "data-operation": operation.operationId });
  let formShown = false;
  details.addEventListener("toggle", () => {
    if (!details.open || formShown) return;
    formShown = true;
    details.append(tryItForm(operation, refreshNow));
  });
  details.append(
    h(
      "summary",
      {},
      methodBadge(operation.method),
      " ",
      h(
        "span",
        { class: "op-text" },
        h("code", { class: "path" }, operation.path),
        " ",
        h("span", { class: "summary-text" }, operation.summary ?? ""),
        " ",
        h("span", { class: "op-id" }, operation.operationId),
      ),
      h("span", { class: "responses" }, ...operation.responses.map(responseChip)),
      h("span", { class: "try-label" }, "try it"),
    ),
  );
  return h("li", {}, details);
}

function responseChip(response: ConsoleOperation["responses"][number]): HTMLElement {
  const title = response.hasExample
    ? `${response.status}: has an example`
    : `${response.status}: no example (faked from the schema)`;
  return h(
    "span",
    { class: `chip${response.hasExample ? " example" : ""}`, title },
    response.status,
    response.hasExample ? " ★" : "",
  );
}
