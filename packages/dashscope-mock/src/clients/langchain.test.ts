import { tool } from "@langchain/core/tools";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setupDashscopeMock } from "../setup.js";
import { HOSTS, testHost } from "../test-utils/hosts.js";

// LangChain's ChatOpenAI, a client nobody on the project wrote, against the mock.
const mock = setupDashscopeMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const chat = (host: (typeof HOSTS)[number], options: ConstructorParameters<typeof ChatOpenAI>[0] = {}) =>
  new ChatOpenAI({
    model: host.model,
    apiKey: host.key,
    configuration: { baseURL: host.baseUrl },
    maxRetries: 0,
    ...options,
  });

const Person = z.object({
  name: z.string().describe("the person's name"),
  age: z.number().int().min(18),
  role: z.enum(["admin", "user"]),
  tags: z.array(z.string()).min(1),
});

const weather = tool(async ({ city }) => `21 degrees in ${city}`, {
  name: "get_weather",
  description: "Weather of a city",
  schema: z.object({ city: z.string() }),
});
const time = tool(async () => "12:00", {
  name: "get_time",
  description: "Time of a city",
  schema: z.object({ city: z.string() }),
});

describe("LangChain ChatOpenAI", () => {
  it.each(HOSTS)("invokes and streams with usage on $host", async (host) => {
    const reply = await chat(host).invoke("Hi");
    expect(reply.text).toMatch(/\w+\.$/);
    let text = "";
    let usage: unknown;
    for await (const chunk of await chat(host, { streamUsage: true }).stream("Hi")) {
      text += chunk.text;
      usage ??= chunk.usage_metadata;
    }
    expect(text).toMatch(/\w+\.$/);
    expect(usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) });
  });

  it.each(HOSTS)("withStructuredOutput (json_schema, LangChain's default here) on $host", async (host) => {
    const person = await chat(host).withStructuredOutput(Person).invoke("Make up a person");
    expect(Person.parse(person)).toEqual({ name: "", age: 18, role: "admin", tags: [""] });
    expect(mock.recorder.last()?.body).toMatchObject({ response_format: { type: "json_schema" } });
  });

  it("withStructuredOutput by function calling: the named tool is forced", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const person = await chat(host, { model: "qwen-plus" })
      .withStructuredOutput(Person, { method: "functionCalling", name: "person" })
      .invoke("Make up a person");
    expect(Person.safeParse(person).success).toBe(true);
    expect(mock.recorder.last()?.body).toMatchObject({
      tool_choice: { type: "function", function: { name: "person" } },
    });
  });

  it("bindTools with tool_choice required forces a call", async () => {
    const host = testHost("dashscope.aliyuncs.com");
    const reply = await chat(host, { model: "qwen-plus" })
      .bindTools([weather], { tool_choice: "required" })
      .invoke("Hello there");
    expect(reply.tool_calls).toEqual([
      expect.objectContaining({ name: "get_weather", args: { city: expect.any(String) } }),
    ]);
  });

  it("gets parallel tool calls with distinct ids, streamed and not", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const model = chat(host, { model: "qwen-plus" }).bindTools([weather, time], {
      parallel_tool_calls: true,
    });
    const prompt = "get_weather and get_time for Paris";
    const reply = await model.invoke(prompt);
    expect(reply.tool_calls?.map((call) => call.name)).toEqual(["get_weather", "get_time"]);
    expect(new Set(reply.tool_calls?.map((call) => call.id)).size).toBe(2);
    let merged: Awaited<ReturnType<typeof model.invoke>> | undefined;
    for await (const chunk of await model.stream(prompt))
      merged = merged === undefined ? chunk : merged.concat(chunk);
    expect(merged?.tool_calls?.map((call) => [call.name, call.args])).toEqual([
      ["get_weather", { city: expect.any(String) }],
      ["get_time", { city: expect.any(String) }],
    ]);
  });

  it("surfaces an error fault as a rejection with the status", async () => {
    const host = testHost("dashscope-intl.aliyuncs.com");
    const faulty = chat(host, {
      model: "qwen-plus",
      configuration: { baseURL: host.baseUrl, defaultHeaders: { "x-mock-fault": "error;error=arrearage" } },
    });
    await expect(faulty.invoke("Hi")).rejects.toMatchObject({ status: 400 });
  });
});
