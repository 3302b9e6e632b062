import { BadUserInputError } from '../errors/domain-errors';

/** Opaque global ids: base64url("Type:localId"). */
export function toGlobalId(type: string, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  type: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Decodes a global id, or returns null when it is not one of ours. */
export function fromGlobalId(globalId: string): DecodedGlobalId | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!/^[A-Z][A-Za-z]*$/.test(type) || !UUID.test(id)) return null;
  return { type, id };
}

/**
 * Reads an id argument that must designate one of `types`; a malformed id or one of
 * another type is BAD_USER_INPUT naming `path`.
 */
export function parseGlobalId(globalId: string, types: readonly string[], path: string): DecodedGlobalId {
  const decoded = fromGlobalId(globalId);
  if (!decoded || !types.includes(decoded.type)) {
    throw BadUserInputError.field(path, "Cet identifiant n'est pas valide.");
  }
  return decoded;
}
