import type { Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { tablePopulationBase, type PopulationBase, type PopulationFacts } from './population.ts';

/**
 * What the population base says about a registered person (birth date, 户籍地), for rules other
 * modules apply to that person, such as 秒批. The account's name and ID number must be confirmed
 * together by the base; an unknown or deceased person, or one whose account name the base does not
 * confirm, has no facts (undefined), and the caller must not fill them in from elsewhere.
 */
export async function populationFacts(q: Queryable, pii: PersonalData, personId: string, base: PopulationBase = tablePopulationBase(q, pii)): Promise<PopulationFacts | undefined> {
  const person = await q.one<{ name: string; id_number_enc: string }>('select name, id_number_enc from person where id = $1', [personId]);
  if (!person) return undefined;
  return base.facts(person.name, pii.decrypt(person.id_number_enc));
}
