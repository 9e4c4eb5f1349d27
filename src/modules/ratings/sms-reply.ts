import { BAD_TAGS } from './dictionary.ts';

/** A reply to the invitation SMS as the rater typed it: a level, perhaps a tag number, perhaps words. */
export interface SmsReply {
  level: number;
  tags: string[];
  comment: string;
}

const SEP = '[\\s,，、.。;；:：]';
// "5", "5 很好", "2 7", "2，7 等了两小时": the level, then an optional tag number, then free text
const REPLY = new RegExp(`^([1-5])(?![0-9])(?:${SEP}*([0-9]{1,2})(?![0-9]))?${SEP}*([\\s\\S]*)$`);

/**
 * Parse a reply; undefined when it is not one (a "7", a "好", a tag number that does not exist),
 * so the rater gets the help text. NFKC turns full-width digits (５) into ASCII ones.
 */
export function parseSmsReply(text: string): SmsReply | undefined {
  const m = REPLY.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const tag = m[2] === undefined ? undefined : BAD_TAGS[Number(m[2]) - 1];
  if (m[2] !== undefined && !tag) return undefined;
  return { level: Number(m[1]), tags: tag ? [tag.code] : [], comment: (m[3] ?? '').trim() };
}

/** The tags as the help SMS lists them: "1无理由超过法定办理时间 2未在承诺时间内办结 …". */
export const tagMenu = () => BAD_TAGS.map((t, i) => `${i + 1}${t.name}`).join(' ');
