/**
 * Just enough DER (ITU-T X.690) to read and write the three SM2 key containers OpenSSL uses.
 * Node's KeyObject cannot stand in: it aborts the process when exporting an SM2 key from OpenSSL.
 */
export interface Tlv {
  tag: number;
  /** Content octets, without tag and length. */
  value: Buffer;
  /** Offset just past this element in the input. */
  end: number;
}

export function readTlv(buf: Buffer, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new Error('DER: truncated');
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let pos = offset + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 3 || pos + n > buf.length) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < n; i++) length = (length << 8) | buf[pos + i]!;
    pos += n;
  }
  if (pos + length > buf.length) throw new Error('DER: truncated');
  return { tag, value: buf.subarray(pos, pos + length), end: pos + length };
}

/** The direct children of a constructed element's content. */
export function children(content: Buffer): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = 0; pos < content.length;) {
    const t = readTlv(content, pos);
    out.push(t);
    pos = t.end;
  }
  return out;
}

export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const value = Buffer.concat(parts);
  const n = value.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, value]);
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
} as const;
