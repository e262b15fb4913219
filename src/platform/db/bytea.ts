import { customType } from 'drizzle-orm/pg-core';

/** node-postgres hands bytea over as a Buffer, PGlite as a Uint8Array: one type for the rest of Baton. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

const BYTEA_OID = 17;

/**
 * PGlite's own bytea conversion goes byte by byte through hex strings (about 40 ms per 100 KB each way). Handed
 * the bytes as they are, its protocol writer sends them as a binary parameter (no text at all); results come
 * back as hex text, decoded by Buffer's native codec.
 */
export const pgliteByteaCodec = {
  serializers: {
    [BYTEA_OID]: (value: unknown): string => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      // Typed as text by PGlite, but its writer takes bytes as they are.
      return value as unknown as string;
    },
  },
  parsers: { [BYTEA_OID]: (text: string) => Buffer.from(text.slice(2), 'hex') },
};
