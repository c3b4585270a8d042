import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { ChatOpenAI } from "@langchain/openai";
import { generateObject } from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FAULT_CONTROL_PATH } from "../server/control.js";
import { type DashscopeMockServer, startDashscopeMockServer } from "../server.js";
import { HOSTS } from "../test-utils/hosts.js";

// LangChain and the AI SDK against the standalone server on 127.0.0.1, with faults installed at run time.
let server: DashscopeMockServer;
beforeAll(async () => {
  server = await startDashscopeMockServer({ cors: true });
});
afterEach(async () => {
  await fetch(`${server.url}${FAULT_CONTROL_PATH}`, { method: "DELETE" });
  server.recorder.clear();
});
afterAll(() => server.close());

const installFirstRequestFault = () =>
  fetch(`${server.url}${FAULT_CONTROL_PATH}`, {
    method: "POST",
    body: JSON.stringify([{ fault: { type: "error", error: "rate-limit", retryAfterSeconds: 0 }, times: 1 }]),
  });

const Ticket = z.object({
  title: z.string().min(1),
  priority: z.enum(["low", "high"]),
  labels: z.array(z.string()),
});

describe("clients over HTTP", () => {
  // LangChain waits about a second before its retry (p-retry's backoff): one host per plan.
  it.each(HOSTS.filter((host) => host.host.includes("intl")))(
    "LangChain retries past a first-request 429 on $host",
    async (host) => {
      await installFirstRequestFault();
      const model = new ChatOpenAI({
        model: host.model,
        apiKey: host.key,
        configuration: { baseURL: server.baseUrlFor(host.host) },
        maxRetries: 2,
      });
      const ticket = await model.withStructuredOutput(Ticket).invoke("File a ticket");
      expect(Ticket.parse(ticket)).toEqual({ title: "a", priority: "low", labels: [] });
      expect(server.recorder.requests.map((request) => request.host)).toEqual([host.host, host.host]);
    },
  );

  it.each(HOSTS)("the AI SDK retries past a first-request 429 on $host", async (host) => {
    await installFirstRequestFault();
    const provider = createOpenAICompatible({
      name: "dashscope",
      apiKey: host.key,
      baseURL: server.baseUrlFor(host.host),
      supportsStructuredOutputs: true,
    });
    const { object } = await generateObject({
      model: provider.chatModel(host.model),
      schema: Ticket,
      prompt: "File a ticket",
      maxRetries: 2,
    });
    expect(Ticket.parse(object)).toEqual({ title: "a", priority: "low", labels: [] });
    expect(server.recorder.requests).toHaveLength(2);
  });
});
