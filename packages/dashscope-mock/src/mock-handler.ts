import { currentPlanModels, ENDPOINT_FAMILIES } from "@qwenkit/core/advanced";
import { REQUEST_ID_HEADER } from "@qwenkit/core/wire";
import { validateChatRequest } from "./chat-request.js";
import { isCodingAgent } from "./client-gate.js";
import { completionBody } from "./completion.js";
import { MockControlError } from "./control-error.js";
import { dashscopeUuid, digest, digestHex } from "./determinism.js";
import { createFaultBook, type FaultRuleState } from "./faults/book.js";
import { FAULT_HEADER, parseFaultHeader } from "./faults/header.js";
import { type FaultPlan, planFaults } from "./faults/plan.js";
import type { MockFaultRule } from "./faults/rules.js";
import { FAULT_SPECS } from "./faults/specs.js";
import { streamFrames } from "./frames.js";
import { SchemaInstanceTooLarge } from "./json-schema/instance.js";
import { checkWorkspaceKeys, keyRejection } from "./key-check.js";
import { maskField, maskUrl } from "./mask-key.js";
import { type ErrorContext, errorBody, MOCK_ERRORS, type MockErrorName } from "./mock-errors.js";
import { type MockFetch, mockFetch } from "./mock-fetch.js";
import { PAY_AS_YOU_GO_MODELS } from "./models/pay-as-you-go.js";
import { maxInputTokens, payAsYouGoModelIds, profileOf } from "./models/profile.js";
import type { DashscopeMockOptions } from "./options.js";
import { CONTROL_HEADERS, type OutputControls, parseOutputControls } from "./output-controls.js";
import { createRecorder, type RecordedRequest, type RequestRecorder } from "./recorder.js";
import { planReply, type ReplyIdentity, type ReplyPlan } from "./reply.js";
import {
  type BodySource,
  checkBodyLimit,
  RequestBodyTooLargeError,
  readRequestBody,
} from "./request-body.js";
import { type Route, resolveRoute } from "./routes.js";
import { sseBody, sseEvent } from "./sse-body.js";
import { createTimers, MockClosedError } from "./timers.js";
import { utf8Length } from "./tokens.js";

/**
 * The request shape the mock reads. A WHATWG `Request` fits it; the standalone server passes a
 * lighter object over Node's `IncomingMessage`.
 */
export interface MockHttpRequest extends BodySource {
  readonly method: string;
  readonly url: string;
  readonly headers: {
    get(name: string): string | null;
    forEach(callback: (value: string, name: string) => void): void;
  };
}

/** The one request-handling core behind the msw handlers and the standalone server. */
export interface DashscopeMockHandler {
  readonly recorder: RequestRecorder;
  /** Answers a request for any DashScope host (by hostname, or by hostname path prefix). */
  handle(request: MockHttpRequest): Promise<Response>;
  /**
   * A `fetch` answered by this mock alone, for a client's `fetch` option: no global is patched and
   * no request leaves the process (any runtime). Aborts and dropped connections behave as in fetch.
   */
  readonly fetch: MockFetch;
  /**
   * Adds fault rules, checked before the ones given at setup.
   * @throws {@link MockControlError} when a rule does not fit the fault table.
   */
  useFaults(...rules: MockFaultRule[]): void;
  /** Every fault rule, in the order they are checked, with how often each has applied. */
  faultRules(): FaultRuleState[];
  /** Drops rules added with `useFaults` and restarts every fault's use count (rules and header `times`). */
  clearFaults(): void;
  /** Clears the recorder and the faults (as `clearFaults`) and restarts id sequences. */
  reset(): void;
  /**
   * Cancels every pending fault delay, so no timer outlives the mock: a response still waiting for
   * its first byte becomes a network error, a stream waiting between frames errors.
   */
  close(): void;
}

const SSE_TYPE = "text/event-stream;charset=UTF-8";
const JSON_TYPE = "application/json";
/** Distinct requests remembered for id sequences; beyond this the sequences restart (bounded memory). */
const MAX_REMEMBERED_REQUESTS = 100_000;

function json(status: number, body: string, headers: Record<string, string>): Response {
  const length = String(utf8Length(body));
  return new Response(body, {
    status,
    headers: { "content-type": JSON_TYPE, "content-length": length, ...headers },
  });
}

interface ErrorOptions {
  readonly sseFramed?: boolean;
  readonly retryAfterSeconds?: number;
}

function errorResponse(name: MockErrorName, context: ErrorContext, options: ErrorOptions = {}): Response {
  const { status } = MOCK_ERRORS[name];
  const body = JSON.stringify(errorBody(name, context));
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: context.requestId };
  if (options.retryAfterSeconds !== undefined) headers["retry-after"] = String(options.retryAfterSeconds);
  if (options.sseFramed === true) {
    return new Response(sseEvent(body), { status, headers: { "content-type": SSE_TYPE, ...headers } });
  }
  return json(status, body, headers);
}

/**
 * An error in DashScope's envelope that `MOCK_ERRORS` does not hold: the 404 and the mock's own
 * `mock_…` codes.
 */
function mockError(
  status: number,
  code: string,
  message: string,
  param: string | null,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const body = { error: { message, type: "invalid_request_error", param, code }, request_id: requestId };
  return json(status, JSON.stringify(body), { [REQUEST_ID_HEADER]: requestId, ...headers });
}

const notFound = (requestId: string) => mockError(404, "not_found", "Not Found", null, requestId);

const controlError = (error: MockControlError, requestId: string) =>
  mockError(400, "mock_invalid_control_header", error.message, error.header, requestId);

/** A schema (response format or tool parameters) whose instance the mock will not build. */
const schemaTooLarge = (error: SchemaInstanceTooLarge, requestId: string) =>
  mockError(400, "mock_schema_too_large", error.message, null, requestId);

const tooLarge = (limit: number, requestId: string) =>
  mockError(
    413,
    "mock_request_too_large",
    `dashscope-mock: the request body is larger than the mock's limit of ${limit} bytes (maxRequestBodyBytes)`,
    null,
    requestId,
    { connection: "close" },
  );

function recordedHeaders(request: MockHttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    const key = name.toLowerCase();
    headers[key] = maskField(key, value);
  });
  return headers;
}

interface ParsedBody {
  readonly ok: boolean;
  readonly value: unknown;
}

function parseJson(text: string): ParsedBody {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

/**
 * Ids per request: the same request (host, path, size controls, body) gets the same id sequence in
 * every fresh mock: its first occurrence one id, its second another, and so on.
 */
function createIdentities() {
  const seen = new Map<string, number>();
  return {
    next(key: string, created: number): ReplyIdentity {
      const base = digest(key);
      const hex = digestHex(base);
      const occurrence = seen.get(hex) ?? 0;
      if (seen.size >= MAX_REMEMBERED_REQUESTS && occurrence === 0) seen.clear();
      seen.set(hex, occurrence + 1);
      const unique = occurrence === 0 ? base : digest(`${hex}#${occurrence}`);
      return {
        uuid: dashscopeUuid(unique),
        created,
        seed: base[1],
        toolDigest: digest(`${hex}#tool`),
      };
    },
    reset() {
      seen.clear();
    },
  };
}

/**
 * The request-handling core of the mock: a function from request to response, used by both the
 * msw handlers and the standalone server. Also handy as the `fetch` of an `openai` client.
 *
 * @example
 * const mock = createDashscopeMockHandler();
 * const client = new OpenAI({
 *   apiKey: "sk-test-0000",
 *   baseURL: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
 *   fetch: (url, init) => mock.handle(new Request(url, init)),
 * });
 */
export function createDashscopeMockHandler(options: DashscopeMockOptions = {}): DashscopeMockHandler {
  const recorder = options.recorder ?? createRecorder();
  const faults = createFaultBook(options.faults);
  const identities = createIdentities();
  const timers = createTimers();
  const clock = options.clock ?? Date.now;
  const bodyLimit = checkBodyLimit(options.maxRequestBodyBytes, "createDashscopeMockHandler");
  const workspaceKeys = checkWorkspaceKeys(options.workspaceKeys, "createDashscopeMockHandler");
  const policy = {
    codingPlanModels: options.codingPlanModels ?? currentPlanModels("coding").models,
    tokenPlanModels: options.tokenPlanModels ?? currentPlanModels("token").models,
    extraModels: options.extraModels ?? [],
  };
  // `created` of every listed model is the day the list was checked (the mock knows no release dates).
  const listed = Math.floor(Date.parse(`${PAY_AS_YOU_GO_MODELS.asOf}T00:00:00Z`) / 1000);
  const modelList = JSON.stringify({
    object: "list",
    data: payAsYouGoModelIds(policy.extraModels).map((id) => ({
      id,
      object: "model",
      created: listed,
      owned_by: "system",
    })),
  });

  async function respond(
    request: MockHttpRequest,
    route: Route,
    parsed: ParsedBody,
    identity: ReplyIdentity,
    faultPlan: FaultPlan,
    controls: OutputControls,
  ): Promise<Response> {
    const requestId = identity.uuid;
    const { plan } = route.endpoint;
    const keyError = keyRejection(route.endpoint, request.headers.get("authorization"), workspaceKeys);
    if (keyError !== undefined) return errorResponse(keyError, { requestId });
    if (
      options.codingPlanClientGate === true &&
      plan !== "standard" &&
      !isCodingAgent(request.headers.get("user-agent"))
    ) {
      return errorResponse("coding-plan-client-gate", { requestId });
    }
    if (faultPlan.error !== undefined) {
      const { error, sseFramed, retryAfterSeconds } = faultPlan.error;
      const requested = (parsed.value as { model?: unknown } | undefined)?.model;
      const model = typeof requested === "string" ? requested : "";
      const context = { requestId, model, maxInput: maxInputTokens(profileOf(model)) };
      return errorResponse(error, context, { sseFramed, retryAfterSeconds });
    }
    if (route.operation === "models") {
      return ENDPOINT_FAMILIES[route.endpoint.family].modelsEndpoint
        ? json(200, modelList, { [REQUEST_ID_HEADER]: requestId })
        : notFound(requestId);
    }
    if (route.operation !== "chat-completions") return notFound(requestId);
    if (!parsed.ok) {
      return errorResponse("invalid-parameter", {
        requestId,
        message: "The request body is not valid JSON.",
      });
    }
    const validation = validateChatRequest(parsed.value, route.endpoint, policy);
    if (!validation.ok) {
      const { error, context } = validation.rejection;
      return errorResponse(error, { requestId, ...context });
    }
    const chat = validation.request;
    let reply: ReplyPlan;
    try {
      reply = planReply(chat, identity, controls);
    } catch (error) {
      if (error instanceof SchemaInstanceTooLarge) return schemaTooLarge(error, requestId);
      throw error;
    }
    const headers = { [REQUEST_ID_HEADER]: requestId };
    if (!chat.stream) {
      if (faultPlan.interruption?.type === "drop-connection") return Response.error();
      const body = completionBody(reply);
      const sent =
        faultPlan.interruption?.type === "truncated-frame" ? body.slice(0, Math.ceil(body.length / 2)) : body;
      return json(200, sent, headers);
    }
    const midStreamError =
      faultPlan.interruption?.type === "mid-stream-error" ? faultPlan.interruption.error : undefined;
    const errorJson = () =>
      JSON.stringify(
        errorBody(midStreamError ?? FAULT_SPECS["mid-stream-error"].params.error.default, {
          requestId,
          model: chat.model.id,
          maxInput: maxInputTokens(chat.model),
        }),
      );
    const frames = streamFrames(reply, chat.includeUsage && faultPlan["missing-usage"] === undefined);
    return new Response(sseBody(frames, faultPlan, errorJson, timers.sleep), {
      status: 200,
      // Chunked framing lets a client tell a dropped connection from the end of the stream.
      headers: {
        "content-type": SSE_TYPE,
        "cache-control": "no-cache",
        "transfer-encoding": "chunked",
        ...headers,
      },
    });
  }

  async function handle(request: MockHttpRequest): Promise<Response> {
    const method = request.method.toUpperCase();
    const route = resolveRoute(method, new URL(request.url));
    const created = Math.floor(clock() / 1000);
    let text: string;
    try {
      text = method === "GET" || method === "HEAD" ? "" : await readRequestBody(request, bodyLimit);
    } catch (error) {
      if (!(error instanceof RequestBodyTooLargeError)) throw error;
      return tooLarge(bodyLimit, identities.next(`${method} ${request.url}\n413`, created).uuid);
    }
    const header = (name: string) => request.headers.get(name);
    const sizeKey = Object.values(CONTROL_HEADERS).map(header).join("|");
    if (route === undefined)
      return notFound(identities.next(`${method} ${request.url}\n${sizeKey}\n${text}`, created).uuid);
    const identity = identities.next(
      `${method} ${route.endpoint.host}${route.path}\n${sizeKey}\n${text}`,
      created,
    );
    const parsed = parseJson(text);
    const recorded: RecordedRequest = {
      method,
      url: maskUrl(request.url),
      host: route.endpoint.host,
      path: route.path,
      headers: recordedHeaders(request),
      body: parsed.value,
    };
    recorder.record(recorded);
    let faultPlan: FaultPlan;
    let controls: OutputControls;
    try {
      const headerFaults = parseFaultHeader(header(FAULT_HEADER) ?? "");
      controls = parseOutputControls(header);
      faultPlan = planFaults(faults.take(recorded, headerFaults));
    } catch (error) {
      if (error instanceof MockControlError) return controlError(error, identity.uuid);
      throw error;
    }
    const firstByteDelay = faultPlan["slow-first-byte"]?.delayMs ?? 0;
    if (firstByteDelay > 0) {
      try {
        await timers.sleep(firstByteDelay);
      } catch (error) {
        // Closed while waiting: the connection goes away, as a server's would.
        if (error instanceof MockClosedError) return Response.error();
        throw error;
      }
    }
    return respond(request, route, parsed, identity, faultPlan, controls);
  }

  return {
    recorder,
    handle,
    fetch: mockFetch(handle),
    useFaults(...rules) {
      faults.use(rules);
    },
    faultRules: () => faults.list(),
    clearFaults() {
      faults.reset();
    },
    reset() {
      recorder.clear();
      faults.reset();
      identities.reset();
    },
    close() {
      timers.clear();
    },
  };
}
