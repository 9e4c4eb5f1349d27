import type { TestServer } from './server.ts';

/** The smallest file the upload checks take as a PDF: its magic bytes and a catalogue. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n');

/**
 * Sends a file as the web app does: its bytes as the raw request body, its name in the query of
 * `path`. Returns the status and the JSON answer (the stored file, or the error).
 */
export async function sendFile(server: TestServer, cookie: string, path: string, content: Buffer = PDF, method = 'PUT') {
  const res = await fetch(server.url + path, {
    method,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(content),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Uploads one material of a case, as the file `name` (by default `<key>.pdf`). */
export function uploadMaterial(server: TestServer, cookie: string, caseId: string, key: string, content: Buffer = PDF, name = `${key}.pdf`) {
  return sendFile(server, cookie, `/api/cases/${caseId}/materials/${key}?name=${encodeURIComponent(name)}`, content);
}
