import { type LanguageModelV4FilePart, UnsupportedFunctionalityError } from "@ai-sdk/provider";

/** Leading bytes of the image formats a prompt may carry without a full media type. */
const IMAGE_SIGNATURES: readonly {
  readonly mediaType: string;
  readonly bytes: readonly (number | null)[];
}[] = [
  { mediaType: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { mediaType: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { mediaType: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38] },
  // RIFF, four bytes of size, WEBP
  {
    mediaType: "image/webp",
    bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
  },
  { mediaType: "image/bmp", bytes: [0x42, 0x4d] },
];

const SIGNATURE_BYTES = Math.max(...IMAGE_SIGNATURES.map((signature) => signature.bytes.length));
// 12 bytes are 16 base64 characters.
const SIGNATURE_BASE64_CHARS = Math.ceil(SIGNATURE_BYTES / 3) * 4;
// String.fromCharCode takes its arguments on the stack; convert in slices.
const BASE64_SLICE = 0x8000;

/**
 * The `image_url.url` for an image part: its URL as given (DashScope fetches http(s) images
 * itself), or a `data:` URL with the image's full media type (detected from its first bytes when
 * the prompt says only `image`).
 *
 * @throws UnsupportedFunctionalityError for a part that is not an image, or carries a provider
 * reference or inline text.
 */
export function imageUrl(part: LanguageModelV4FilePart): string {
  if (!isImage(part.mediaType)) {
    throw new UnsupportedFunctionalityError({
      functionality: `file parts of type ${part.mediaType}`,
      message: `qwen chat models take images only, not ${part.mediaType} files.`,
    });
  }
  switch (part.data.type) {
    case "url":
      return part.data.originalUrl ?? part.data.url.href;
    case "data": {
      const base64 = typeof part.data.data === "string" ? part.data.data : toBase64(part.data.data);
      return `data:${fullImageType(part.mediaType, base64)};base64,${base64}`;
    }
    default:
      throw new UnsupportedFunctionalityError({ functionality: `file parts with ${part.data.type} data` });
  }
}

function isImage(mediaType: string): boolean {
  return mediaType === "image" || mediaType.startsWith("image/");
}

function fullImageType(mediaType: string, base64: string): string {
  if (mediaType !== "image" && mediaType !== "image/*") return mediaType;
  const head = fromBase64(base64.slice(0, SIGNATURE_BASE64_CHARS));
  const found = IMAGE_SIGNATURES.find(({ bytes }) =>
    bytes.every((byte, index) => byte === null || head[index] === byte),
  );
  if (found === undefined) {
    throw new UnsupportedFunctionalityError({
      functionality: "images of an unrecognised format",
      message: "The image's format could not be recognised: pass its media type, e.g. image/png.",
    });
  }
  return found.mediaType;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += BASE64_SLICE) {
    binary += String.fromCharCode(...bytes.subarray(start, start + BASE64_SLICE));
  }
  return btoa(binary);
}

function fromBase64(base64: string): number[] {
  try {
    return Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return [];
  }
}
