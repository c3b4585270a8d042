// Loaded before a `run` snippet: the DashScope mock answers every request to the Model Studio
// hosts in-process, and any other request fails (the mock fails closed), so a snippet never
// reaches the network and needs no real key.
import { setupDashscopeMock } from "@qwenkit/dashscope-mock";

const mock = setupDashscopeMock();
// Fails (and so fails the run) when msw cannot intercept on this runtime.
await mock.listen();
process.once("beforeExit", () => mock.close());
