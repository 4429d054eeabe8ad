import { forbidden, unauthorized } from '@gcp/http';

/** Plan ids: 128 random bits (not enumerable), base64url → 22 characters. */
export const PLAN_ID_BYTES = 16;
/** Owner tokens: 256 random bits, base64url → 43 characters. */
export const OWNER_TOKEN_BYTES = 32;
const OWNER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const BEARER_PATTERN = /^Bearer\s+(\S+)\s*$/i;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64url(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

export const newPlanId = (): string => randomBase64url(PLAN_ID_BYTES);
export const newOwnerToken = (): string => randomBase64url(OWNER_TOKEN_BYTES);

/** Hex SHA-256 of the token: what D1 keeps instead of the token. */
export async function hashOwnerToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time that depends only on their lengths (hashes: always 64). */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i++) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
}

/**
 * The owner token of `Authorization: Bearer <token>`: undefined when there is no header;
 * 401 when the header is there but is not a well-formed owner token.
 */
export function presentedToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const token = BEARER_PATTERN.exec(authorization)?.[1];
  if (token === undefined || !OWNER_TOKEN_PATTERN.test(token)) {
    throw unauthorized('The Authorization header must be `Bearer <ownerToken>` with the token POST /v1/plans answered.');
  }
  return token;
}

/** As presentedToken, but 401 when there is none. */
export function requiredToken(authorization: string | undefined): string {
  const token = presentedToken(authorization);
  if (token === undefined) throw unauthorized('Send `Authorization: Bearer <ownerToken>` (the token POST /v1/plans answered).');
  return token;
}

/** 403 unless `token` hashes to the plan's stored owner hash (null: a plan saved before owners, nobody's). */
export async function assertOwner(token: string, ownerTokenHash: string | null): Promise<void> {
  const presented = await hashOwnerToken(token);
  if (ownerTokenHash === null || !constantTimeEqual(presented, ownerTokenHash)) {
    throw forbidden('This owner token does not own this plan.');
  }
}
