import { ApiError } from '../errors/api-error.js';

/** Largest accepted request body (bytes). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}
