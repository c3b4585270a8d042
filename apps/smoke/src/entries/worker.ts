// workerd: run by `workerd test`, which calls `test()` once; the base URL comes in as a text binding.
import { reportLine } from "../report-line.ts";
import { runSmoke } from "../scenario.ts";

interface Env {
  readonly MOCK_BASE_URL: string;
}

export default {
  async test(_controller: unknown, env: Env): Promise<void> {
    console.log(reportLine(await runSmoke({ baseUrl: env.MOCK_BASE_URL })));
  },
};
