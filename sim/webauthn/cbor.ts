// CBOR decoding for attestation objects and COSE keys. Maps stay Maps: COSE labels are integers,
// which plain objects would turn into strings.
import { Decoder } from 'cbor-x';
import { refuseUnless, WebAuthnRefusal } from './refusal';

const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

/** The CBOR items of `data`, which must be exactly `count` well-formed items. */
export function decodeCborItems(data: Uint8Array, count: number, what: string): unknown[] {
  if (count === 0) {
    refuseUnless(data.length === 0, `${what}: unexpected trailing bytes`);
    return [];
  }
  let items: unknown[];
  try {
    items = decoder.decodeMultiple(data) as unknown[];
  } catch {
    throw new WebAuthnRefusal(`${what} is not valid CBOR`);
  }
  refuseUnless(items.length === count, `${what}: expected ${count} CBOR item(s), found ${items.length}`);
  return items;
}

export function cborMap(value: unknown, what: string): Map<unknown, unknown> {
  refuseUnless(value instanceof Map, `${what} is not a CBOR map`);
  return value;
}

export function cborBytes(value: unknown, what: string): Buffer {
  refuseUnless(value instanceof Uint8Array, `${what} is not a CBOR byte string`);
  return Buffer.from(value);
}
