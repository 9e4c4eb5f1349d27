import { Alert } from 'antd';
import type { FormDefinition } from './api.ts';
import { useT } from '../../i18n/useT.ts';

type Sources = Record<string, { resourceName: string; providerName: string; fieldName: string }>;

/**
 * 免填报: which form fields the platform filled from the government's shared data, and from
 * where — the applicant checks them instead of typing them, and knows whom to ask if one is wrong.
 * `title` for a reader other than the applicant (the window clerk).
 */
export function PrefilledSources({ definition, sources, title }: { definition: FormDefinition; sources: Sources; title?: string }) {
  const { t } = useT();
  const entries = Object.entries(sources);
  if (!entries.length) return null;
  const titleOf = (field: string) => (definition.schema.properties as Record<string, { title?: string }> | undefined)?.[field]?.title ?? field;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="prefilled-sources"
      message={title ?? t('cases.prefilled.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {entries.map(([field, s]) => (
            <li key={field}>{t('cases.prefilled.line', { field: titleOf(field), provider: s.providerName, resource: s.resourceName, source: s.fieldName })}</li>
          ))}
        </ul>
      }
    />
  );
}
