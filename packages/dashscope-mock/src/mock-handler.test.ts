import { CATALOG, PLAN_MODEL_LISTS } from "@qwenkit/core";
import { currentPlanModels } from "@qwenkit/core/advanced";
import { describe, expect, it } from "vitest";
import { errorCapture as captured } from "../../../fixtures/wire/captures.js";
import { createDashscopeMockHandler } from "./mock-handler.js";
import { PAY_AS_YOU_GO_MODELS } from "./models/pay-as-you-go.js";
import { CODING_KEY, chatRequest, HOSTS, STANDARD_KEY, streamed, testHost } from "./test-utils/hosts.js";
import { shapeOf } from "./test-utils/sse.js";

const STANDARD_HOSTS = HOSTS.filter((host) => host.plan === "standard");
const CODING_HOSTS = HOSTS.filter((host) => host.plan === "coding");

const plain = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: "user", content: "Hello" }],
  ...extra,
});

async function call(baseUrl: string, body: unknown, options: Parameters<typeof chatRequest>[2] = {}) {
  const mock = createDashscopeMockHandler();
  const response = await mock.handle(chatRequest(baseUrl, body, options));
  const text = await response.text();
  const isJson = response.headers.get("content-type") === "application/json";
  return {
    response,
    text,
    json: (isJson ? JSON.parse(text) : {}) as Record<string, unknown> & { error: Record<string, unknown> },
  };
}

describe("API keys", () => {
  it.each(STANDARD_HOSTS)(
    "$host accepts a Standard key and rejects the rest with the captured 401",
    async (host) => {
      expect((await call(host.baseUrl, plain(host.model), { key: host.key })).response.status).toBe(200);
      const expected = captured("401 invalid key");
      for (const options of [{ key: CODING_KEY }, { key: null }, { key: "not-a-key" }, { key: "sk-" }]) {
        const { response, json } = await call(host.baseUrl, plain(host.model), options);
        expect(response.status).toBe(401);
        expect(shapeOf(json)).toEqual(shapeOf(expected.body));
        expect(json.error).toEqual((expected.body as { error: unknown }).error);
        expect(json.request_id).toBe(response.headers.get("x-request-id"));
      }
    },
  );

  it.each(CODING_HOSTS)(
    "$host accepts an sk-sp- key and rejects the rest with the token 401",
    async (host) => {
      expect((await call(host.baseUrl, plain(host.model), { key: host.key })).response.status).toBe(200);
      const expected = captured("401 Standard key on a Coding Plan host");
      for (const options of [{ key: STANDARD_KEY }, { key: null }, { key: "sk-sp-" }]) {
        const { response, json } = await call(host.baseUrl, plain(host.model), options);
        expect(response.status).toBe(401);
        expect(json.error).toEqual((expected.body as { error: unknown }).error);
      }
    },
  );

  it("rejects a key sent without the Bearer scheme", async () => {
    const { response } = await call(testHost("dashscope.aliyuncs.com").baseUrl, plain("qwen3-coder-plus"), {
      key: null,
      headers: { authorization: STANDARD_KEY },
    });
    expect(response.status).toBe(401);
  });
});

describe("models", () => {
  it.each(STANDARD_HOSTS)(
    "$host lists the Pay-as-you-go models, the catalog and the extra models in OpenAI list shape",
    async (host) => {
      const mock = createDashscopeMockHandler({ extraModels: ["my-fine-tune", "qwen-plus"] });
      const response = await mock.handle(
        new Request(`${host.baseUrl}/models`, { headers: { authorization: `Bearer ${host.key}` } }),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { object: string; data: { id: string; created: number }[] };
      expect(body.object).toBe("list");
      const ids = body.data.map((model) => model.id);
      expect(ids.slice(0, PAY_AS_YOU_GO_MODELS.models.length)).toEqual(PAY_AS_YOU_GO_MODELS.models);
      expect(ids).toEqual(expect.arrayContaining([...CATALOG.map((model) => model.id), "my-fine-tune"]));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.at(-1)).toBe("my-fine-tune");
      for (const model of body.data) {
        expect(Object.keys(model)).toEqual(["id", "object", "created", "owned_by"]);
        expect(new Date(model.created * 1000).toISOString().slice(0, 10)).toBe(PAY_AS_YOU_GO_MODELS.asOf);
      }
    },
  );

  it.each(STANDARD_HOSTS)("$host serves every listed Pay-as-you-go model", async (host) => {
    const mock = createDashscopeMockHandler();
    for (const model of PAY_AS_YOU_GO_MODELS.models) {
      const response = await mock.handle(chatRequest(host.baseUrl, streamed(model), { key: host.key }));
      expect(response.status, model).toBe(200);
      await response.body?.cancel();
    }
  });

  it.each([
    "qwen-plus",
    "qwen-max",
    "qwen-flash",
    "qwen-turbo",
    "qwen-plus-2025-07-28",
    "deepseek-v4-pro",
    "glm-5.1",
  ])("serves %s on the Pay-as-you-go hosts but not on the Coding Plan's", async (model) => {
    const standard = await call(testHost("dashscope-intl.aliyuncs.com").baseUrl, plain(model));
    const coding = testHost("coding-intl.dashscope.aliyuncs.com");
    const plan = await call(coding.baseUrl, plain(model), { key: coding.key });
    expect([standard.response.status, plan.response.status]).toEqual([200, 400]);
    expect(standard.json).toMatchObject({ model, object: "chat.completion" });
  });

  it.each(CODING_HOSTS)("$host answers /models with 404", async (host) => {
    const mock = createDashscopeMockHandler();
    const response = await mock.handle(
      new Request(`${host.baseUrl}/models`, { headers: { authorization: `Bearer ${host.key}` } }),
    );
    expect(response.status).toBe(404);
  });

  it.each(STANDARD_HOSTS)(
    "$host answers an unknown model with the captured 404 model_not_found",
    async (host) => {
      const { response, json } = await call(host.baseUrl, plain("qwen3.5-flash-newkey"), { key: host.key });
      const expected = captured("404 unknown model");
      expect(response.status).toBe(404);
      expect(shapeOf(json)).toEqual(shapeOf(expected.body));
      expect(json.error).toEqual((expected.body as { error: unknown }).error);
    },
  );

  it("treats model ids as case-sensitive", async () => {
    const { response } = await call(testHost("dashscope.aliyuncs.com").baseUrl, plain("minimax-m2.5"));
    expect(response.status).toBe(404);
  });

  it("serves extra models on Standard hosts when configured", async () => {
    const host = testHost("dashscope.aliyuncs.com").baseUrl;
    const mock = createDashscopeMockHandler({ extraModels: ["my-fine-tune"] });
    const served = await mock.handle(chatRequest(host, plain("my-fine-tune")));
    const unserved = await createDashscopeMockHandler().handle(chatRequest(host, plain("my-fine-tune")));
    expect([served.status, unserved.status]).toEqual([200, 404]);
  });

  it.each(CODING_HOSTS)("$host rejects models outside the plan with the 400 of the capture", async (host) => {
    // The capture was taken while the plan's list (March 2026) did not name qwen3.6-plus.
    const mock = createDashscopeMockHandler({ codingPlanModels: PLAN_MODEL_LISTS["coding-2026-03"].models });
    const response = await mock.handle(chatRequest(host.baseUrl, plain("qwen3.6-plus"), { key: host.key }));
    const json = (await response.json()) as { error: unknown };
    const expected = captured("400 model not in Coding Plan");
    expect(response.status).toBe(400);
    expect(shapeOf(json)).toEqual(shapeOf(expected.body));
    expect(json.error).toEqual((expected.body as { error: unknown }).error);
  });

  it.each(CODING_HOSTS)("$host serves every model of the March 2026 plan list", async (host) => {
    for (const model of currentPlanModels("coding").models) {
      const body = streamed(model);
      const { response } = await call(host.baseUrl, body, { key: host.key });
      expect(response.status, model).toBe(200);
    }
  });

  it("takes the Coding Plan list from the options", async () => {
    const mock = createDashscopeMockHandler({ codingPlanModels: ["qwen3.6-plus"] });
    const host = testHost("coding.dashscope.aliyuncs.com");
    const ok = await mock.handle(chatRequest(host.baseUrl, streamed("qwen3.6-plus"), { key: CODING_KEY }));
    const rejected = await mock.handle(chatRequest(host.baseUrl, plain("glm-5"), { key: CODING_KEY }));
    expect([ok.status, rejected.status]).toEqual([200, 400]);
  });
});

describe("validation as DashScope does it", () => {
  const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object" } } };

  it.each(HOSTS)("$host rejects tools: [] with the captured body", async (host) => {
    const { response, json } = await call(host.baseUrl, plain(host.model, { tools: [] }), { key: host.key });
    expect(response.status).toBe(400);
    expect(json).toEqual(captured("400 empty tools").body);
  });

  it.each(HOSTS)("$host rejects the developer role", async (host) => {
    const body = {
      model: host.model,
      messages: [
        { role: "developer", content: "Be brief" },
        { role: "user", content: "Hi" },
      ],
    };
    const { response, json } = await call(host.baseUrl, body, { key: host.key });
    expect(response.status).toBe(400);
    expect(json.error).toEqual({
      code: "invalid_parameter_error",
      param: null,
      message:
        "developer is not one of ['system', 'assistant', 'user', 'tool', 'function'] - 'messages.[0].role'",
      type: "invalid_request_error",
    });
    expect(json.id).toBe(`chatcmpl-${response.headers.get("x-request-id")}`);
  });

  it.each(HOSTS)("$host rejects a non-streaming call with thinking on for a hybrid model", async (host) => {
    for (const body of [plain("qwen3.5-plus"), plain("qwen3-max-2026-01-23", { enable_thinking: true })]) {
      const { response, json } = await call(host.baseUrl, body, { key: host.key });
      expect(response.status).toBe(400);
      expect(json.error.message).toBe(
        "parameter.enable_thinking must be set to false for non-streaming calls",
      );
      expect(json.error.code).toBe("invalid_parameter_error");
    }
    const allowed = await call(host.baseUrl, plain("qwen3.5-plus", { enable_thinking: false }), {
      key: host.key,
    });
    expect(allowed.response.status).toBe(200);
  });

  it.each(HOSTS)("$host rejects response_format json_object together with thinking", async (host) => {
    const body = streamed("qwen3.5-plus", { response_format: { type: "json_object" } });
    const { response, json } = await call(host.baseUrl, body, { key: host.key });
    expect(response.status).toBe(400);
    expect(json.error.message).toBe("Json mode response is not supported when enable_thinking is true");
    const without = streamed("qwen3.5-plus", {
      response_format: { type: "json_object" },
      enable_thinking: false,
    });
    expect((await call(host.baseUrl, without, { key: host.key })).response.status).toBe(200);
  });

  it.each(HOSTS)("$host rejects input longer than the model's context with the input range", async (host) => {
    // glm-5: 202,752-token context, so at most 198,656 input tokens (4 bytes each).
    const model = "glm-5";
    const fits = plain(model, {
      messages: [{ role: "user", content: "x".repeat(198_656 * 4 - 100) }],
      enable_thinking: false,
    });
    expect((await call(host.baseUrl, fits, { key: host.key })).response.status).toBe(200);
    const long = plain(model, {
      messages: [{ role: "user", content: "x".repeat(198_656 * 4 + 4) }],
      enable_thinking: false,
    });
    const { response, json } = await call(host.baseUrl, long, { key: host.key });
    expect(response.status).toBe(400);
    expect(shapeOf(json)).toEqual(shapeOf(captured("400 context too long").body));
    expect(json.error.message).toBe(
      "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 198656]",
    );
  });

  it("answers the captured 258048 bound for a 262,144-token model", async () => {
    const long = plain("qwen3-coder-next", {
      messages: [{ role: "user", content: "x".repeat(258_048 * 4 + 4) }],
    });
    const { json } = await call(testHost("dashscope.aliyuncs.com").baseUrl, long);
    expect(json.error).toEqual((captured("400 context too long").body as { error: unknown }).error);
  });

  it.each([
    ["a body that is not JSON", "{", "The request body is not valid JSON."],
    ["a missing model", { messages: [{ role: "user", content: "Hi" }] }, "'model' is a required property"],
    ["missing messages", { model: "qwen3-coder-plus" }, "'messages' is a required property"],
    ["empty messages", { model: "qwen3-coder-plus", messages: [] }, "[] is too short - 'messages'"],
    [
      "a tool without a name",
      plain("qwen3-coder-plus", { tools: [{ type: "function", function: {} }] }),
      "'name' is a required property - 'tools.[0].function'",
    ],
    [
      "a tool_choice naming a missing tool",
      plain("qwen3-coder-plus", {
        tools: [weather],
        tool_choice: { type: "function", function: { name: "nope" } },
      }),
      "tool_choice names the function 'nope', which is not in 'tools'",
    ],
    [
      "max_tokens above the model's limit",
      plain("glm-5", { max_tokens: 20_000, enable_thinking: false }),
      "<400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, 16384]",
    ],
  ])("rejects %s", async (_label, body, message) => {
    const mock = createDashscopeMockHandler();
    const request = new Request(`${testHost("dashscope.aliyuncs.com").baseUrl}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${STANDARD_KEY}` },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const response = await mock.handle(request);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
  });

  it("checks the key before the body", async () => {
    const { response } = await call(
      testHost("dashscope.aliyuncs.com").baseUrl,
      { model: "nope" },
      { key: CODING_KEY },
    );
    expect(response.status).toBe(401);
  });
});

describe("routes", () => {
  it("answers 404 for paths a host does not serve", async () => {
    const mock = createDashscopeMockHandler();
    const response = await mock.handle(
      new Request(`${testHost("dashscope.aliyuncs.com").baseUrl}/embeddings`, {
        method: "POST",
        headers: { authorization: `Bearer ${STANDARD_KEY}` },
        body: "{}",
      }),
    );
    expect(response.status).toBe(404);
  });

  it("serves a host under a path prefix named by its hostname", async () => {
    const mock = createDashscopeMockHandler();
    const response = await mock.handle(
      chatRequest("http://127.0.0.1:9/coding-intl.dashscope.aliyuncs.com/v1", streamed("glm-5"), {
        key: CODING_KEY,
      }),
    );
    expect(response.status).toBe(200);
    expect(mock.recorder.last()).toMatchObject({
      host: "coding-intl.dashscope.aliyuncs.com",
      path: "/v1/chat/completions",
      url: "http://127.0.0.1:9/coding-intl.dashscope.aliyuncs.com/v1/chat/completions",
    });
  });

  it("answers 404 for a prefix that is no DashScope host", async () => {
    const mock = createDashscopeMockHandler();
    const response = await mock.handle(chatRequest("http://127.0.0.1:9/api.openai.com/v1", plain("gpt-5")));
    expect(response.status).toBe(404);
    expect(mock.recorder.requests).toHaveLength(0);
  });
});

describe("non-streamed completions", () => {
  it.each(HOSTS)("$host answers a chat.completion body with usage that adds up", async (host) => {
    const { response, json } = await call(host.baseUrl, plain(host.model), { key: host.key });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const uuid = response.headers.get("x-request-id");
    expect(Object.keys(json)).toEqual([
      "choices",
      "object",
      "usage",
      "created",
      "system_fingerprint",
      "model",
      "id",
    ]);
    expect(json).toMatchObject({
      object: "chat.completion",
      system_fingerprint: null,
      model: host.model,
      id: `chatcmpl-${uuid}`,
    });
    const [choice] = json.choices as Record<string, unknown>[];
    expect(Object.keys(choice ?? {})).toEqual(["message", "finish_reason", "index", "logprobs"]);
    expect(choice?.message).toEqual({ role: "assistant", content: expect.stringMatching(/\.$/) });
    const usage = json.usage as Record<string, number>;
    expect(usage.total_tokens).toBe((usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0));
  });

  it("returns message.tool_calls with finish_reason tool_calls", async () => {
    const tools = [
      {
        type: "function",
        function: {
          name: "get_weather",
          parameters: { type: "object", properties: { city: { type: "string" }, days: { type: "integer" } } },
        },
      },
    ];
    const { json } = await call(
      testHost("dashscope.aliyuncs.com").baseUrl,
      plain("qwen3-coder-plus", { tools, tool_choice: "required" }),
    );
    const [choice] = json.choices as { message: Record<string, unknown>; finish_reason: string }[];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message).toEqual({
      content: "",
      role: "assistant",
      tool_calls: [
        {
          function: { name: "get_weather", arguments: expect.any(String) },
          index: 0,
          id: expect.stringMatching(/^call_/),
          type: "function",
        },
      ],
    });
    const calls = (choice?.message.tool_calls ?? []) as { function: { arguments: string } }[];
    const args = JSON.parse(calls[0]?.function.arguments ?? "");
    expect(args).toEqual({ city: expect.any(String), days: expect.any(Number) });
  });

  it("returns reasoning_content for a model that always thinks", async () => {
    const { json } = await call(testHost("dashscope.aliyuncs.com").baseUrl, plain("MiniMax-M2.5"));
    const [choice] = json.choices as { message: Record<string, unknown> }[];
    expect(Object.keys(choice?.message ?? {})).toEqual(["content", "reasoning_content", "role"]);
    const usage = json.usage as { completion_tokens_details: { reasoning_tokens: number } };
    expect(usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });
});
