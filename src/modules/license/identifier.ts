/**
 * 电子证照标识 per GB/T 36904-2018 (STANDARDS.md §1.3):
 *
 *   1.2.156.3005.2 . <证照类型代码> . <颁发机构代码> . <流水号> . <版本号> . <校验位>
 *
 * - 证照类型代码: the defining body's 18-character USCC followed by a 3-digit sequence (21 chars);
 * - 颁发机构代码: the issuing body's 18-character USCC;
 * - 流水号: 1–40 characters from [0-9A-Z] chosen by the issuer;
 * - 版本号: 3 digits, 001 for a first issue;
 * - 校验位: ISO/IEC 7064 MOD 37,36 (hybrid system) over type ‖ issuer ‖ serial ‖ version
 *   (the parts concatenated without the root and without dots). This is what the published
 *   identifiers of the national system satisfy; see identifier.test.ts for the real examples.
 */
export const LICENCE_ID_ROOT = '1.2.156.3005.2';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const TYPE_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}$/;
const SERIAL = /^[0-9A-Z]{1,40}$/;
const VERSION = /^[0-9]{3}$/;

export interface LicenceIdParts {
  typeCode: string;
  issuerUscc: string;
  serial: string;
  /** 1 … 999; written as three digits. */
  version: number;
}

export type LicenceIdProblem = 'root' | 'parts' | 'type' | 'issuer' | 'serial' | 'version' | 'check';

export type ParsedLicenceId = ({ ok: true } & LicenceIdParts & { check: string }) | { ok: false; problem: LicenceIdProblem };

/** ISO/IEC 7064 MOD 37,36 check character of a string over [0-9A-Z]. */
export function mod3736CheckChar(body: string): string {
  const m = 36;
  let p = m;
  for (const ch of body) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`MOD 37,36: character "${ch}" is outside [0-9A-Z]`);
    const s = (p + value) % m || m;
    p = (2 * s) % (m + 1);
  }
  return ALPHABET[(m + 1 - p) % m]!;
}

const versionText = (version: number) => String(version).padStart(3, '0');

function partProblem(parts: LicenceIdParts): LicenceIdProblem | undefined {
  if (!TYPE_CODE.test(parts.typeCode)) return 'type';
  if (!USCC.test(parts.issuerUscc)) return 'issuer';
  if (!SERIAL.test(parts.serial)) return 'serial';
  if (!Number.isInteger(parts.version) || parts.version < 1 || parts.version > 999) return 'version';
  return undefined;
}

/** Throws on malformed parts: building an identifier from bad input is a programming error upstream. */
export function buildLicenceId(parts: LicenceIdParts): string {
  const problem = partProblem(parts);
  if (problem) throw new Error(`licence identifier: invalid ${problem}`);
  const version = versionText(parts.version);
  const check = mod3736CheckChar(`${parts.typeCode}${parts.issuerUscc}${parts.serial}${version}`);
  return `${LICENCE_ID_ROOT}.${parts.typeCode}.${parts.issuerUscc}.${parts.serial}.${version}.${check}`;
}

/** Never throws: tells which part is wrong, so a verifier can say exactly why it refuses. */
export function parseLicenceId(input: string): ParsedLicenceId {
  const text = input.trim().toUpperCase();
  if (!text.startsWith(`${LICENCE_ID_ROOT}.`)) return { ok: false, problem: 'root' };
  const rest = text.slice(LICENCE_ID_ROOT.length + 1).split('.');
  if (rest.length !== 5) return { ok: false, problem: 'parts' };
  const [typeCode, issuerUscc, serial, versionRaw, check] = rest as [string, string, string, string, string];
  if (!VERSION.test(versionRaw)) return { ok: false, problem: 'version' };
  const parts: LicenceIdParts = { typeCode, issuerUscc, serial, version: Number(versionRaw) };
  const problem = partProblem(parts);
  if (problem) return { ok: false, problem };
  if (!/^[0-9A-Z]$/.test(check) || mod3736CheckChar(`${typeCode}${issuerUscc}${serial}${versionRaw}`) !== check) {
    return { ok: false, problem: 'check' };
  }
  return { ok: true, ...parts, check };
}

export function isValidLicenceId(input: string): boolean {
  return parseLicenceId(input).ok;
}
