/** The worker's compatibility date: the pinned workerd's release date, the newest it accepts. */
export const WORKERD_COMPATIBILITY_DATE = "2026-11-17";

/** Options of {@link workerdConfig}. */
export interface WorkerdConfigOptions {
  /** The worker bundle's file name, beside the config file. */
  readonly workerFile: string;
  /** Given to the worker as the text binding `MOCK_BASE_URL`. */
  readonly mockBaseUrl: string;
  readonly compatibilityDate?: string;
}

/**
 * A workerd config (Cap'n Proto text) for `workerd test`: one ES-module worker with a
 * compatibility date and no compatibility flags (so no `nodejs_compat`), whose outbound fetches
 * may reach loopback addresses only (workerd's "local" network class; the default allows only
 * public addresses).
 */
export function workerdConfig(options: WorkerdConfigOptions): string {
  const text = (value: string) => JSON.stringify(value);
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    (name = "loopback", network = (allow = ["local"])),
  ],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = ${text(options.workerFile)}, esModule = embed ${text(options.workerFile)})],
  compatibilityDate = ${text(options.compatibilityDate ?? WORKERD_COMPATIBILITY_DATE)},
  compatibilityFlags = [],
  bindings = [(name = "MOCK_BASE_URL", text = ${text(options.mockBaseUrl)})],
  globalOutbound = "loopback",
);
`;
}
