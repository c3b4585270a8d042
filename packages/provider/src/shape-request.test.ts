import type { EndpointCapabilities } from "@qwenkit/core";
import { capabilitiesForBaseUrl } from "@qwenkit/core/advanced";
import { describe, expect, it } from "vitest";
import { type ChatRequestBody, REASONING_EFFORT_THINKING, shapeChatRequest } from "./shape-request.js";

const NATIVE = capabilitiesForBaseUrl("https://dashscope-intl.aliyuncs.com/compatible-mode/v1");
const CUSTOM = capabilitiesForBaseUrl("https://llm-gateway.example/v1");
const HYBRID = { thinking: { kind: "hybrid", defaultOn: true } } as const;
const ALWAYS = { thinking: { kind: "always" } } as const;
const NONE = { thinking: { kind: "none" } } as const;

const base = (extra: Partial<ChatRequestBody> = {}): ChatRequestBody => ({
  model: "qwen3.5-plus",
  messages: [{ role: "user", content: "hi" }],
  ...extra,
});

const shape = (
  body: ChatRequestBody,
  stream: boolean,
  capabilities: EndpointCapabilities = NATIVE,
  model: typeof HYBRID | typeof ALWAYS | typeof NONE = HYBRID,
) => shapeChatRequest(body, { capabilities, stream, model });

describe("shapeChatRequest: streaming usage", () => {
  it("adds stream_options.include_usage on a native stream, keeping other stream options", () => {
    const { body } = shape(base({ stream_options: { include_obfuscation: false } }), true);
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_obfuscation: false, include_usage: true });
  });

  it("respects an explicit include_usage: false in the body", () => {
    expect(shape(base({ stream_options: { include_usage: false } }), true).body.stream_options).toEqual({
      include_usage: false,
    });
  });

  it("adds nothing when the model's config turned streaming usage off", () => {
    expect(shape(base(), true, { ...NATIVE, streamingUsage: false }).body.stream_options).toBeUndefined();
  });

  it("drops stream_options from a non-streaming native call, and sends no stream flag", () => {
    const { body } = shape(base({ stream_options: { include_usage: true } }), false);
    expect(body).not.toHaveProperty("stream_options");
    expect(body).not.toHaveProperty("stream");
  });

  it("takes stream from the body when the option is left out", () => {
    const { body } = shapeChatRequest(base({ stream: true }), { capabilities: NATIVE, model: HYBRID });
    expect(body.stream_options).toEqual({ include_usage: true });
  });
});

describe("shapeChatRequest: native request rules", () => {
  it("sends developer messages as system and does not modify the input", () => {
    const input = base({
      messages: [
        { role: "developer", content: "be brief" },
        { role: "user", content: "hi" },
      ],
    });
    const snapshot = structuredClone(input);
    const { body } = shape(input, true);
    expect(body.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(body.messages[0]).toEqual({ role: "system", content: "be brief" });
    expect(input).toEqual(snapshot);
  });

  it("renames max_tokens to max_completion_tokens", () => {
    const { body, warnings } = shape(base({ max_tokens: 256 }), true);
    expect(body).not.toHaveProperty("max_tokens");
    expect(body.max_completion_tokens).toBe(256);
    expect(warnings).toEqual([]);
  });

  it("keeps max_completion_tokens when both are given, and says it dropped max_tokens", () => {
    const { body, warnings } = shape(base({ max_tokens: 256, max_completion_tokens: 512 }), true);
    expect(body.max_completion_tokens).toBe(512);
    expect(body).not.toHaveProperty("max_tokens");
    expect(warnings.map((warning) => warning.code)).toEqual(["max-tokens-dropped"]);
  });

  it("omits tools: [] together with tool_choice and parallel_tool_calls", () => {
    const { body } = shape(base({ tools: [], tool_choice: "auto", parallel_tool_calls: true }), true);
    expect(body).not.toHaveProperty("tools");
    expect(body).not.toHaveProperty("tool_choice");
    expect(body).not.toHaveProperty("parallel_tool_calls");
  });

  it("keeps a non-empty tools list as it is", () => {
    const tools = [{ type: "function" as const, function: { name: "f", parameters: { type: "object" } } }];
    expect(shape(base({ tools, tool_choice: "auto" }), true).body).toMatchObject({
      tools,
      tool_choice: "auto",
    });
  });
});

describe("shapeChatRequest: thinking", () => {
  it("translates the typed thinking option to enable_thinking / thinking_budget", () => {
    const { body } = shape(base({ thinking: { enabled: true, budgetTokens: 2048 } }), true);
    expect(body).toMatchObject({ enable_thinking: true, thinking_budget: 2048 });
    expect(body).not.toHaveProperty("thinking");
  });

  it("sends no budget when thinking is off", () => {
    const { body } = shape(base({ thinking: { enabled: false, budgetTokens: 2048 } }), true);
    expect(body.enable_thinking).toBe(false);
    expect(body).not.toHaveProperty("thinking_budget");
  });

  it.each([0, -5, 1.5, Number.NaN])("rejects budgetTokens %s with a clear error", (budgetTokens) => {
    expect(() => shape(base({ thinking: { enabled: true, budgetTokens } }), true)).toThrow(
      /budgetTokens must be a positive integer/,
    );
  });

  it("passes raw enable_thinking / thinking_budget through", () => {
    expect(shape(base({ enable_thinking: true, thinking_budget: 100 }), true).body).toMatchObject({
      enable_thinking: true,
      thinking_budget: 100,
    });
  });

  it.each(Object.entries(REASONING_EFFORT_THINKING))(
    "maps reasoning_effort %s onto DashScope's switch and never sends reasoning_effort",
    (effort, expected) => {
      const { body, warnings } = shape(
        base({ reasoning_effort: effort as ChatRequestBody["reasoning_effort"] }),
        true,
      );
      expect(body).not.toHaveProperty("reasoning_effort");
      expect(body.enable_thinking).toBe(expected.enabled);
      expect(body.thinking_budget).toBe("budgetTokens" in expected ? expected.budgetTokens : undefined);
      expect(warnings.map((warning) => warning.code)).toEqual(["reasoning-effort-mapped"]);
    },
  );

  it("drops reasoning_effort with a warning when thinking is set explicitly", () => {
    const { body, warnings } = shape(base({ reasoning_effort: "low", thinking: { enabled: false } }), true);
    expect(body.enable_thinking).toBe(false);
    expect(body).not.toHaveProperty("reasoning_effort");
    expect(warnings.map((warning) => warning.code)).toEqual(["reasoning-effort-ignored"]);
  });

  it("drops an unknown reasoning_effort with a warning", () => {
    const { body, warnings } = shape(
      base({ reasoning_effort: "extreme" as unknown as ChatRequestBody["reasoning_effort"] }),
      true,
    );
    expect(body).not.toHaveProperty("reasoning_effort");
    expect(body).not.toHaveProperty("enable_thinking");
    expect(warnings.map((warning) => warning.code)).toEqual(["reasoning-effort-ignored"]);
  });

  it("sends enable_thinking: false on a non-streaming call to a hybrid model", () => {
    expect(shape(base(), false, NATIVE, HYBRID).body.enable_thinking).toBe(false);
  });

  it.each([
    ["streaming, hybrid", true, HYBRID],
    ["non-streaming, always-thinking", false, ALWAYS],
    ["non-streaming, no thinking", false, NONE],
  ] as const)("leaves thinking alone when %s", (_, stream, model) => {
    expect(shape(base(), stream, NATIVE, model).body).not.toHaveProperty("enable_thinking");
  });

  it("keeps explicit thinking on a non-streaming call and warns that it needs streaming", () => {
    const { body, warnings } = shape(base({ thinking: { enabled: true } }), false);
    expect(body.enable_thinking).toBe(true);
    expect(warnings.map((warning) => warning.code)).toEqual(["thinking-requires-streaming"]);
  });

  it("looks the model up in the catalog when no model info is passed", () => {
    const { body } = shapeChatRequest(base({ model: "glm-5" }), { capabilities: NATIVE, stream: false });
    expect(body.enable_thinking).toBe(false);
    const coder = shapeChatRequest(base({ model: "qwen3-coder-plus" }), {
      capabilities: NATIVE,
      stream: false,
    });
    expect(coder.body).not.toHaveProperty("enable_thinking");
  });
});

describe("shapeChatRequest: json mode and thinking", () => {
  it("turns thinking off for json_object, warning when that overrides an explicit request", () => {
    const explicit = shape(
      base({ response_format: { type: "json_object" }, thinking: { enabled: true, budgetTokens: 64 } }),
      true,
    );
    expect(explicit.body.enable_thinking).toBe(false);
    expect(explicit.body).not.toHaveProperty("thinking_budget");
    expect(explicit.warnings.map((warning) => warning.code)).toEqual(["thinking-disabled-for-json-mode"]);

    const implicit = shape(base({ response_format: { type: "json_object" } }), true);
    expect(implicit.body.enable_thinking).toBe(false);
    expect(implicit.warnings).toEqual([]);
  });

  it("warns but cannot turn thinking off on a model that always thinks", () => {
    const { body, warnings } = shape(
      base({ response_format: { type: "json_object" } }),
      true,
      NATIVE,
      ALWAYS,
    );
    expect(body).not.toHaveProperty("enable_thinking");
    expect(warnings.map((warning) => warning.code)).toEqual(["json-mode-with-always-thinking"]);
  });

  it("leaves plain text response_format alone", () => {
    expect(shape(base({ response_format: { type: "text" } }), true).body).not.toHaveProperty(
      "enable_thinking",
    );
  });
});

describe("shapeChatRequest on a custom (non-native) endpoint", () => {
  it("leaves OpenAI fields alone: max_tokens, tools: [], reasoning_effort, stream_options", () => {
    const input = base({
      max_tokens: 10,
      tools: [],
      reasoning_effort: "low",
      stream_options: { include_usage: true },
    });
    const { body, warnings } = shape(input, false, CUSTOM, HYBRID);
    const { stream: _stream, ...expected } = input;
    expect(body).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it("sends the developer role as system: a gateway in front of DashScope would reject it", () => {
    const input = base({
      messages: [
        { role: "developer", content: "x" },
        { role: "user", content: "y" },
      ],
    });
    expect(shape(input, false, CUSTOM, HYBRID).body.messages).toEqual([
      { role: "system", content: "x" },
      { role: "user", content: "y" },
    ]);
  });

  it("still translates qwenkit's own thinking option (it is not a wire field)", () => {
    const { body } = shape(base({ thinking: { enabled: true, budgetTokens: 10 } }), true, CUSTOM);
    expect(body).toMatchObject({ enable_thinking: true, thinking_budget: 10 });
    expect(body).not.toHaveProperty("thinking");
  });

  it("requests streaming usage only when the capabilities say so (explicit per-model setting)", () => {
    expect(shape(base(), true, CUSTOM).body).not.toHaveProperty("stream_options");
    expect(shape(base(), true, { ...CUSTOM, streamingUsage: true }).body.stream_options).toEqual({
      include_usage: true,
    });
  });
});
