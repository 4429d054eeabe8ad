import { ApiError } from '../errors/api-error.js';

/** Largest accepted request body (bytes). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Deepest accepted nesting of arrays and objects. A config.json or a saved plan is a few levels
 * deep; a body of 100,000 nested brackets would overflow the stack of whatever walks it later
 * (validation, the cache key, storage), so it is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** Deepest array / object nesting of JSON text (brackets inside strings do not count); stops past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const mediaType = header.split(';')[0]?.trim() ?? '';
  return JSON_MEDIA_TYPE.test(mediaType);
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `Request body exceeds the limit of ${limitBytes} bytes.`);
}

/** Reads the body as text, stopping as soon as it passes `limitBytes` (also for chunked bodies). */
async function readLimitedText(request: Request, limitBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limitBytes) throw tooLarge(limitBytes);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Content type (415), size (413) and syntax (400) checks, in that order;
 * returns the parsed JSON value, not yet validated against a schema.
 */
export async function readJsonBody(request: Request, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the request body as JSON with "Content-Type: application/json".');
  }
  const text = await readLimitedText(request, limitBytes);
  if (text.trim() === '') {
    throw new ApiError(400, 'malformed_json', 'The request body is empty; a JSON object is required.');
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ApiError(400, 'invalid_request', `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}
