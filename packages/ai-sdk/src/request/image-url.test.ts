import { type LanguageModelV4FilePart, UnsupportedFunctionalityError } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { imageUrl } from "./image-url.js";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const GIF = new TextEncoder().encode("GIF89a\u0001\u0000");
const WEBP = new TextEncoder().encode("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ");
const BMP = new TextEncoder().encode("BM\u0000\u0000");

const bytes = (data: Uint8Array, mediaType: string): LanguageModelV4FilePart => ({
  type: "file",
  mediaType,
  data: { type: "data", data },
});
const base64 = (data: Uint8Array) => btoa(String.fromCharCode(...data));

describe("imageUrl", () => {
  it("passes an image URL on as given, for DashScope to fetch", () => {
    const url = new URL("https://example.com/cat.png");
    expect(imageUrl({ type: "file", mediaType: "image/png", data: { type: "url", url } })).toBe(
      "https://example.com/cat.png",
    );
  });

  it("sends bytes as a data URL of their media type", () => {
    expect(imageUrl(bytes(PNG, "image/png"))).toBe(`data:image/png;base64,${base64(PNG)}`);
    expect(
      imageUrl({ type: "file", mediaType: "image/jpeg", data: { type: "data", data: base64(JPEG) } }),
    ).toBe(`data:image/jpeg;base64,${base64(JPEG)}`);
  });

  it.each([
    ["image/png", PNG],
    ["image/jpeg", JPEG],
    ["image/gif", GIF],
    ["image/webp", WEBP],
    ["image/bmp", BMP],
  ])("detects %s when the prompt says only image", (mediaType, data) => {
    expect(imageUrl(bytes(data, "image"))).toBe(`data:${mediaType};base64,${base64(data)}`);
    expect(imageUrl({ type: "file", mediaType: "image/*", data: { type: "data", data: base64(data) } })).toBe(
      `data:${mediaType};base64,${base64(data)}`,
    );
  });

  it("encodes large images whole", () => {
    const large = new Uint8Array(200_000).map((_, index) => index % 251);
    large.set(PNG);
    const url = imageUrl(bytes(large, "image"));
    expect(atob(url.slice("data:image/png;base64,".length)).length).toBe(large.length);
  });

  it.each([
    ["a PDF", bytes(PNG, "application/pdf"), "qwen chat models take images only, not application/pdf files."],
    ["an image of an unknown format", bytes(Uint8Array.from([1, 2, 3]), "image"), "pass its media type"],
    [
      "inline text",
      { type: "file", mediaType: "image/png", data: { type: "text", text: "hi" } } as LanguageModelV4FilePart,
      "file parts with text data",
    ],
  ])("refuses %s", (_, part, message) => {
    expect(() => imageUrl(part)).toThrow(UnsupportedFunctionalityError);
    expect(() => imageUrl(part)).toThrow(message);
  });
});
