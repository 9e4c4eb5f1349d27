import { validateUscc } from '../../kernel/validate/uscc.ts';

/**
 * Item codes (STANDARDS.md §2.1). GB/T 39554.1's exact layout is not public, so codes are stored
 * as opaque strings and parsed per segment here. Layout used by this catalogue (and its demo):
 *
 *   基本编码       `PPRTMMMMCCCXXX` (14): PP source catalogue (00 national, 44 Guangdong), R reserved,
 *                  T type letter (A 行政许可 … K 公共服务), MMMM main item, CCC child item, XXX extension
 *   实施编码       `<basic>-<region12>-000-<USCC18>` (implementing department)
 *   业务办理项编码 `<implementation>-<situation 1 digit>-<NN>` (NN 00 when not split into situations)
 */
export interface BasicCode {
  code: string;
  source: string;
  reserved: string;
  typeLetter: string;
  main: string;
  child: string;
  extension: string;
}
export interface ImplementationCode {
  code: string;
  basic: BasicCode;
  regionCode: string;
  reserved: string;
  uscc: string;
}
export interface HandleItemCode {
  code: string;
  implementation: ImplementationCode;
  situation: string;
  sequence: string;
}

export type CodeError = { ok: false; reason: string };
export type Parsed<T> = ({ ok: true } & T) | CodeError;

const BASIC = /^([0-9]{2})([0-9A-Z])([A-Z])([0-9A-Z]{4})([0-9]{3})([0-9A-Z]{3})$/;

export function parseBasicCode(code: string): Parsed<{ value: BasicCode }> {
  const m = BASIC.exec(code);
  if (!m) return { ok: false, reason: 'basic code must be 14 characters PPRTMMMMCCCXXX' };
  return {
    ok: true,
    value: { code, source: m[1]!, reserved: m[2]!, typeLetter: m[3]!, main: m[4]!, child: m[5]!, extension: m[6]! },
  };
}

export function parseImplementationCode(code: string): Parsed<{ value: ImplementationCode }> {
  const parts = code.split('-');
  if (parts.length !== 4) return { ok: false, reason: 'implementation code must be <basic>-<region12>-<3>-<USCC18>' };
  const [basicText, regionCode, reserved, uscc] = parts as [string, string, string, string];
  const basic = parseBasicCode(basicText);
  if (!basic.ok) return basic;
  if (!/^[0-9]{12}$/.test(regionCode)) return { ok: false, reason: 'region segment must be 12 digits' };
  if (!/^[0-9]{3}$/.test(reserved)) return { ok: false, reason: 'third segment must be 3 digits' };
  const check = validateUscc(uscc);
  if (!check.ok) return { ok: false, reason: `USCC segment: ${check.reason}` };
  return { ok: true, value: { code, basic: basic.value, regionCode, reserved, uscc } };
}

export function parseHandleItemCode(code: string): Parsed<{ value: HandleItemCode }> {
  const m = /^(.+)-([0-9])-([0-9]{2})$/.exec(code);
  if (!m) return { ok: false, reason: 'handle item code must be <implementation>-<situation>-<NN>' };
  const implementation = parseImplementationCode(m[1]!);
  if (!implementation.ok) return implementation;
  return { ok: true, value: { code, implementation: implementation.value, situation: m[2]!, sequence: m[3]! } };
}

export type AnyCode =
  | { kind: 'basic'; value: BasicCode }
  | { kind: 'implementation'; value: ImplementationCode }
  | { kind: 'handle'; value: HandleItemCode };

/** Which kind of code a string is, or undefined when it is none of them. */
export function classifyCode(code: string): AnyCode | undefined {
  const h = parseHandleItemCode(code);
  if (h.ok) return { kind: 'handle', value: h.value };
  const i = parseImplementationCode(code);
  if (i.ok) return { kind: 'implementation', value: i.value };
  const b = parseBasicCode(code);
  if (b.ok) return { kind: 'basic', value: b.value };
  return undefined;
}

/** Looks like an item code (used by search to answer exact-code queries). */
export const looksLikeCode = (q: string) => /^[0-9]{2}[0-9A-Z][A-Z][0-9A-Z]{4}[0-9]{3}/.test(q);
