// CBOR for what an authenticator emits (attestation objects, COSE keys). WebAuthn relying parties
// expect CTAP2's canonical form: shortest lengths, no tags, map keys in canonical order. cbor-x keeps
// keys in insertion order, so callers build their maps in that order.
import { Encoder } from 'cbor-x/encode';

const encoder = new Encoder({
  useRecords: false,
  // Shortest map-length headers (cbor-x writes 16-bit ones by default).
  variableMapSize: true,
  // Byte strings as plain major type 2, not tag 64.
  tagUint8Array: false,
  // Also turns off tag 259 ("map with non-string keys") that would wrap a COSE key.
  mapsAsObjects: false,
});

export function encodeCtapCbor(value: unknown): Buffer {
  return Buffer.from(encoder.encode(value));
}
