/** A request as the mock received it, for assertions. The API key is masked. */
export interface RecordedRequest {
  readonly method: string;
  /** The full URL as received (in standalone mode, with the host prefix in the path). */
  readonly url: string;
  /** Which Model Studio host it was for (its hostname, e.g. `llm-abc.ap-southeast-1.maas.aliyuncs.com`). */
  readonly host: string;
  /** The path on that host, e.g. `/compatible-mode/v1/chat/completions`. */
  readonly path: string;
  /** Lower-case names; `authorization` masked (`Bearer sk-…a1b2`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; `undefined` when there is none or it is not JSON. */
  readonly body: unknown;
}

/** Collects the requests a mock receives. */
export interface RequestRecorder {
  /** Every recorded request, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The newest request. */
  last(): RecordedRequest | undefined;
  clear(): void;
  /** Adds a request (called by the mock). */
  record(request: RecordedRequest): void;
}

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  /** Keep only the newest `limit` requests (long-running servers); unlimited when absent. */
  readonly limit?: number;
}

/**
 * A request recorder to pass to several mocks, or to read after a test.
 *
 * @example
 * const recorder = createRecorder();
 * const server = setupServer(...dashscopeHandlers({ recorder }));
 * // … run the client …
 * expect(recorder.last()?.body).toMatchObject({ model: "qwen3.5-plus" });
 */
export function createRecorder(options: RecorderOptions = {}): RequestRecorder {
  const { limit } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`createRecorder: limit must be a whole number of 0 or more, got ${String(limit)}`);
  }
  let requests: RecordedRequest[] = [];
  return {
    get requests() {
      return requests;
    },
    last: () => requests.at(-1),
    clear() {
      requests = [];
    },
    record(request) {
      if (limit === 0) return;
      requests.push(request);
      if (limit !== undefined && requests.length > limit) requests.shift();
    },
  };
}
