// The browser page: `/?mock=<baseUrl>`. It posts its report (or its failure) back to the page's
// own server, which the harness reads.
import { runSmoke } from "../scenario.ts";

const baseUrl = new URLSearchParams(location.search).get("mock") ?? "";
const post = (body: unknown) =>
  fetch("/report", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

runSmoke({ baseUrl, dangerouslyAllowBrowser: true }).then(
  (report) => post({ report }),
  (error: unknown) =>
    post({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
);
