import { redactValue } from "@qwenkit/core/internal";

/**
 * A header or query parameter as recorded, masked by core's one rule: a credential-named field
 * (`authorization`, `proxy-authorization`, `x-api-key`, `api-key`, `token`, …) masked whatever it
 * holds, keeping a scheme (`Bearer sk-…a1b2`); anything shaped like a key masked in any other.
 */
export function maskField(name: string, value: string): string {
  const masked = (redactValue({ [name]: value }) as Record<string, unknown>)[name];
  return typeof masked === "string" ? masked : value;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text; // a malformed escape: judge the raw text
  }
}

/**
 * A URL as recorded: every query parameter that {@link maskField} masks is written masked and
 * unencoded (`?api_key=sk-…a1b2`), for people to read; the others as sent.
 */
export function maskUrl(url: string): string {
  const query = url.indexOf("?");
  if (query < 0) return url;
  const hash = url.indexOf("#", query);
  const end = hash < 0 ? url.length : hash;
  const params = url
    .slice(query + 1, end)
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at < 0) return pair;
      const name = pair.slice(0, at);
      const value = decoded(pair.slice(at + 1));
      const masked = maskField(decoded(name), value);
      return masked === value ? pair : `${name}=${masked}`;
    });
  return `${url.slice(0, query + 1)}${params.join("&")}${url.slice(end)}`;
}
