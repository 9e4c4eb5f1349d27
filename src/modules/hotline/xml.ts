/**
 * The XML forms of Open311 GeoReport v2: the same objects as the JSON answers, written as the
 * spec's elements (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 * A list inside an object takes its items' element name from the spec (attributes → attribute,
 * values → value); null is an empty element.
 */
const ITEM_NAMES: Record<string, string> = { attributes: 'attribute', values: 'value' };

const escapeXml = (s: string) =>
  s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A document: the root element holding one `item` element per entry, or one object as the root. */
export function xmlDocument(root: string, body: unknown, item?: string): string {
  const inner =
    Array.isArray(body) && item ? `<${root}>${body.map((v) => element(item, v)).join('')}</${root}>` : element(root, body);
  return `<?xml version="1.0" encoding="utf-8"?>\n${inner}\n`;
}
