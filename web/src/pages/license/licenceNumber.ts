import type { Licence } from './api.ts';

/**
 * The number a holder reads on a licence: the type's own 证照编号 field when it has one, else the
 * 流水号 of the 电子证照标识 (GB/T 36904: root(5 parts).type.issuer.serial.version.check), with the
 * version when it is a re-issue. The 60-character identifier itself stays in the details.
 */
export function licenceNumber(l: Licence): string {
  const own = l.fields.license_number ?? l.fields.licenseNumber;
  if (own !== undefined && own !== '') return String(own);
  const parts = l.identifier.split('.');
  const [serial, version] = [parts[7], parts[8]];
  if (!serial) return l.identifier;
  return version && version !== '001' ? `${serial}-${version}` : serial;
}
