import { AppError } from '../../../kernel/errors.ts';
import { MAX_FEN } from '../money.ts';
import { STATEMENT_COLUMNS } from '../simulator/store.ts';

/**
 * The statement file format shared by the channels (对账单), CSV in UTF-8:
 *   #channel=<code>,day=<YYYY-MM-DD>,count=<rows>
 *   kind,channel_txn_id,payment_code,amount_fen,occurred_at
 *   PAY|REFUND,<id>,<code>,<fen>,<ISO time>
 * The count in the header catches a truncated download.
 */
export interface StatementLine {
  lineNo: number;
  kind: 'PAY' | 'REFUND';
  channelTxnId: string;
  paymentCode: string;
  amountFen: number;
}

const malformed = (line: number, reason: string) => new AppError('STATEMENT_MALFORMED', 400, { line, reason }, { line, reason });

const ID = /^[A-Za-z0-9-]{1,64}$/;
const CODE = /^[0-9A-Za-z]{1,32}$/;
const FEN = /^[1-9][0-9]{0,12}$/;
const MAX_LINE = 512;

/** Parse lazily, in batches, so a million-line statement never sits in memory at once. */
export async function* parseStatement(
  lines: AsyncIterable<string>,
  expect: { channel: string; day: string },
  batchSize = 10_000,
): AsyncGenerator<StatementLine[], number> {
  let lineNo = 0;
  let declared = -1;
  let rows = 0;
  let batch: StatementLine[] = [];
  for await (const raw of lines) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length > MAX_LINE) throw malformed(lineNo, 'line too long');
    if (lineNo === 1) {
      const m = /^#channel=([^,]+),day=(\d{4}-\d{2}-\d{2}),count=(\d{1,9})$/.exec(line.replace(/^\uFEFF/, ''));
      if (!m) throw malformed(1, 'header');
      if (m[1] !== expect.channel || m[2] !== expect.day) throw malformed(1, 'statement of another channel or day');
      declared = Number(m[3]);
      continue;
    }
    if (lineNo === 2) {
      if (line !== STATEMENT_COLUMNS) throw malformed(2, 'columns');
      continue;
    }
    if (line === '') continue;
    const f = line.split(',');
    if (f.length !== 5) throw malformed(lineNo, 'field count');
    const [kind, txnId, code, fen, at] = f as [string, string, string, string, string];
    if (kind !== 'PAY' && kind !== 'REFUND') throw malformed(lineNo, 'kind');
    if (!ID.test(txnId)) throw malformed(lineNo, 'channel_txn_id');
    if (!CODE.test(code)) throw malformed(lineNo, 'payment_code');
    if (!FEN.test(fen) || Number(fen) > MAX_FEN) throw malformed(lineNo, 'amount_fen');
    if (Number.isNaN(Date.parse(at))) throw malformed(lineNo, 'occurred_at');
    rows++;
    batch.push({ lineNo, kind, channelTxnId: txnId, paymentCode: code, amountFen: Number(fen) });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (lineNo < 2) throw malformed(lineNo + 1, 'missing header');
  if (rows !== declared) throw malformed(lineNo, `count ${declared} in header, ${rows} lines`);
  if (batch.length) yield batch;
  return rows;
}
