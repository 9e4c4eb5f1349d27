/**
 * E-licence figures, all in the same run on the same machine:
 *   - verification over HTTP (GET /api/licences/verify?id=…: parse, load, SM4-decrypt, SM2 verify)
 *     against raw in-process SM2 verification of the same signed bytes (the ratio is what HTTP,
 *     the database and decryption add on top of the signature check itself);
 *   - issuance throughput (validate, sign with the seal, audit, store) and the same with the PDF;
 *   - PDF rendering time of one licence.
 */
import { performance } from 'node:perf_hooks';
import { systemActor, type Actor } from '../src/kernel/actor.ts';
import { verify } from '../src/kernel/crypto/sm2.ts';
import { personalData } from '../src/kernel/pii.ts';
import { issueLicence } from '../src/modules/license/index.ts';
import { licencePdf } from '../src/modules/license/service.ts';
import { createSeal, publicKeyList } from '../src/modules/seal/index.ts';
import { demoIdNumber } from '../src/seed/people.ts';
import { signIn } from '../test/support/browserless.ts';
import { CONNECTIONS, DURATION, measure, withBenchServer } from './support.ts';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 100);

await withBenchServer(async (server) => {
  const { ctx } = server;
  const cookie = await signIn(server.url, 'admin', 'Yiwang@2026admin');
  const found = await fetch(`${server.url}/api/org/departments?q=${encodeURIComponent('市场监督管理局')}&pageSize=1`, {
    headers: { cookie },
  });
  const dept = ((await found.json()) as { items: { id: string }[] }).items[0]!;
  const admin: Actor = {
    kind: 'staff',
    id: 'bench',
    name: 'bench',
    username: 'bench',
    departmentId: null,
    departmentName: null,
    regionCode: '445300000000',
    roles: [{ role: 'administrator', regionCode: '445300000000', departmentId: null }],
  };
  await createSeal(ctx, admin, { departmentId: dept.id, kind: 'licence' });
  const typeRes = await fetch(`${server.url}/api/licence-types`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      definingDepartmentId: dept.id,
      sequence: '001',
      holderKind: 'person',
      name: '基准测试证',
      issuingDepartmentIds: [dept.id],
      fields: [{ key: 'category', label: '类别', type: 'text', required: true, personal: false }],
      validity: { years: 5 },
    }),
  });
  const type = (await typeRes.json()) as { id: string };
  const system = systemActor('bench');
  const input = (i: number) => ({
    typeId: type.id,
    departmentId: dept.id,
    holder: { kind: 'person' as const, name: `持证人${i}`, code: demoIdNumber('445302000000', '19900101', i % 90) },
    fields: { category: `类别${i}` },
  });

  // Issuance: validate + sign + audit + store, one transaction each, sequentially.
  let t0 = performance.now();
  const issued: { id: string; identifier: string }[] = [];
  for (let i = 0; i < ISSUES; i++) issued.push(await issueLicence(ctx, system, input(i)));
  const issueMs = performance.now() - t0;

  // PDF rendering of one licence (the first call also parses the font: reported apart).
  const holder: Actor = {
    kind: 'staff',
    id: 'b',
    name: 'b',
    username: 'b',
    departmentId: dept.id,
    departmentName: null,
    regionCode: '445300000000',
    roles: [{ role: 'approver', regionCode: '445300000000', departmentId: dept.id }],
  };
  t0 = performance.now();
  await licencePdf(ctx, holder, issued[0]!.id, server.url);
  const firstPdfMs = performance.now() - t0;
  const PDFS = 20;
  t0 = performance.now();
  for (let i = 0; i < PDFS; i++) await licencePdf(ctx, holder, issued[i % issued.length]!.id, server.url);
  const pdfMs = (performance.now() - t0) / PDFS;

  // Issuance as a case completion does it when the holder downloads at once: sign + store + PDF.
  const WITH_PDF = Math.max(1, Math.floor(ISSUES / 2));
  t0 = performance.now();
  for (let i = 0; i < WITH_PDF; i++) {
    const l = await issueLicence(ctx, system, input(ISSUES + i));
    await licencePdf(ctx, holder, l.id, server.url);
  }
  const issuePdfMs = performance.now() - t0;

  // Raw SM2 verification of one stored licence's signed bytes, in this process.
  const row = (await ctx.db.one<{ document_enc: string; signature: string; key_id: string }>(
    'select document_enc, signature, key_id from licence where id = $1',
    [issued[0]!.id],
  ))!;
  const bytes = personalData(ctx.config.masterKey).decrypt(row.document_enc);
  const [key] = await publicKeyList(ctx, { keyId: row.key_id });
  const RAW = 300;
  t0 = performance.now();
  for (let i = 0; i < RAW; i++) if (!verify(bytes, row.signature, key!.publicKey)) throw new Error('raw verify failed');
  const rawPerSec = RAW / ((performance.now() - t0) / 1000);

  const http = await measure(`${server.url}/api/licences/verify?id=${issued[0]!.identifier}`);

  console.log(`${ctx.db.backend}; ${ISSUES} issuances; verification ${CONNECTIONS} connections for ${DURATION}s`);
  console.log(`raw SM2 verify (in process, one core)       ${rawPerSec.toFixed(0).padStart(8)} /s`);
  console.log(
    `GET /api/licences/verify?id=… over HTTP     ${http.rps.toFixed(0).padStart(8)} req/s   p99 ${http.p99} ms   ratio to raw ${(http.rps / rawPerSec).toFixed(3)}`,
  );
  console.log(
    `issuance (validate + sign + audit + store)  ${(ISSUES / (issueMs / 1000)).toFixed(1).padStart(8)} /s   ${(issueMs / ISSUES).toFixed(1)} ms each`,
  );
  console.log(
    `issuance + PDF (sign + store + render)      ${(WITH_PDF / (issuePdfMs / 1000)).toFixed(1).padStart(8)} /s   ${(issuePdfMs / WITH_PDF).toFixed(1)} ms each`,
  );
  console.log(
    `PDF rendering of one licence                ${pdfMs.toFixed(1).padStart(8)} ms   (first, with font parsing: ${firstPdfMs.toFixed(0)} ms)`,
  );
});
