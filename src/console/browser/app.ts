import { startJournal } from "./journal-view.js";
import { showOperations } from "./operations-view.js";
import { showState, startStateView } from "./state-view.js";

/** The console's entry: three panels, each reading its own part of the admin API; the journal's poll says when the state moved. */
startJournal(() => void showState());
void showOperations();
startStateView();
