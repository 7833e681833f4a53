import { startJournal } from "./journal-view.js";
import { showOperations } from "./operations-view.js";
import { startStateView } from "./state-view.js";

/** The console's entry: three panels, each reading its own part of the admin API. */
startJournal();
void showOperations();
startStateView();
