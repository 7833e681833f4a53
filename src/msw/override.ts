import type { Operation } from "../contract/model.js";
import type { HttpRequest } from "../http/types.js";
import { answerFromOverrides } from "../mock/answer-sources.js";
import type { AnswerHooks } from "../mock/hooks.js";
import type { LiveState } from "../mock/live-state.js";
import type { LoadedMock } from "../mock/make-mock.js";
import type { ResolvedMockOptions } from "../mock/options.js";
import { compileGivenEntry, type Override } from "../mock/overrides/index.js";
import type { MocksEntry } from "../mock/overrides/compile.js";

export type { MocksEntry } from "../mock/overrides/compile.js";

/** How the journal and warnings name an entry of `override()`: `override():3` is the third one given. */
const SOURCE = "override()";

/**
 * The overrides of `handlers.override(...)`. Each call's entries go with the requests its own MSW
 * handler answers (keyed by the request object the core is handed), so they last exactly as long as
 * that handler: `server.resetHandlers()` ends them, and concurrent tests' requests never mix.
 */
export class RuntimeOverrides {
  private readonly byRequest = new WeakMap<HttpRequest, Override[]>();
  private given = 0;

  constructor(
    private readonly options: ResolvedMockOptions,
    private readonly live: LiveState,
  ) {}

  /** Checked and compiled against the loaded contracts: MOCKS_* errors as a mocks file's, with `override():N` for the place. */
  compile(mock: LoadedMock, entries: MocksEntry[]): Override[] {
    const target = { contracts: mock.contracts, registryOf: mock.core.engine.registryOf, seed: this.options.seed };
    return entries.map((value) => {
      const { override, warnings } = compileGivenEntry(value, SOURCE, ++this.given, target);
      for (const w of warnings)
        this.options.onEvent({ type: "warning", message: w.message, file: w.file, line: w.line });
      return override;
    });
  }

  operationsOf(overrides: Override[]): Set<Operation> {
    return new Set(overrides.map((o) => o.operation));
  }

  attach(request: HttpRequest, overrides: Override[]): void {
    this.byRequest.set(request, overrides);
  }

  /** The core's hooks with these overrides first: after validation, before the mocks files' entries. */
  readonly wrap = (hooks: AnswerHooks): AnswerHooks => ({
    ...hooks,
    override: (ctx, request, pathParams, trace) => {
      const own = this.byRequest.get(request)?.filter((o) => o.operation === ctx.operation);
      const answer =
        own && own.length > 0
          ? answerFromOverrides(own, { ctx, request, pathParams, trace }, this.options, this.live)
          : undefined;
      if (answer instanceof Promise)
        return answer.then((found) => found ?? hooks.override(ctx, request, pathParams, trace));
      return answer ?? hooks.override(ctx, request, pathParams, trace);
    },
  });
}
