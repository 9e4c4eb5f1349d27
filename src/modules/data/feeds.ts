import type { Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { validateIdNumber, validateUscc } from '../../kernel/validate/index.ts';
import { addPopulationRecords, recordLegalEntities, type LegalEntityStatus } from '../identity/index.ts';
import type { RecordValues } from './record-values.ts';
import type { ResourceField } from './schemas.ts';

/**
 * Identity checks a person's name against the population base (实名核验 to level 2, 秒批's
 * facts) and a legal representative against the 法人库 through its own lookup tables, which
 * the base libraries feed: a load into the population library or the legal-entity library
 * hands identity what it checks, in the same transaction. The libraries are recognised by
 * their 数据元 (data items), not by name: the population library carries 公民身份号码 and 姓名,
 * the legal-entity library 统一社会信用代码, 法定代表人 and 法定代表人身份号码.
 */
export async function feedIdentity(tx: Queryable, pii: PersonalData, fields: ResourceField[], rows: RecordValues[]): Promise<void> {
  const item = (name: string) => fields.find((f) => f.dataItem === name)?.key;
  const text = (v: RecordValues, key: string | undefined) => (key && typeof v[key] === 'string' ? (v[key] as string) : undefined);

  const [idNumber, name] = [item('公民身份号码'), item('姓名')];
  if (idNumber && name) {
    const [birth, household, status] = [item('出生日期'), item('户籍地行政区划代码'), item('人口状态')];
    await addPopulationRecords(
      tx,
      pii,
      rows
        .filter((v) => validateIdNumber(text(v, idNumber) ?? '').ok && text(v, name))
        .map((v) => ({
          idNumber: text(v, idNumber)!,
          name: text(v, name)!,
          birthDate: text(v, birth),
          regionCode: text(v, household),
          householdRegionCode: text(v, household),
          deceased: text(v, status) === '死亡',
        })),
    );
  }

  const [uscc, entityName, rep, repId, state] = [item('统一社会信用代码'), item('市场主体名称'), item('法定代表人'), item('法定代表人身份号码'), item('登记状态')];
  if (uscc && entityName && rep && repId) {
    const statusOf = (s: string | undefined): LegalEntityStatus => (s === '吊销' ? 'revoked' : s === '注销' ? 'cancelled' : 'active');
    await recordLegalEntities(
      tx,
      pii,
      rows
        .filter((v) => validateUscc(text(v, uscc) ?? '').ok && text(v, entityName) && text(v, rep) && validateIdNumber(text(v, repId) ?? '').ok)
        .map((v) => ({ uscc: text(v, uscc)!, name: text(v, entityName)!, legalRepName: text(v, rep)!, legalRepIdNumber: text(v, repId)!, status: statusOf(text(v, state)) })),
    );
  }
}
