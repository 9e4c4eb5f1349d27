import { Descriptions, Grid } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { FormDefinition } from './api.ts';
import { fieldValueText, orderedFieldNames } from './formFields.ts';

/**
 * The submitted form, read-only: each field of the item's form once, in the form's order, under
 * its title from the schema. Keys of the stored data that the form does not define are not shown:
 * the server validates the data against this schema, they are no part of the application.
 * `renderValue` lets the workbench put a masked personal field behind 查看明文.
 */
export function FormFieldsView({ definition, values, renderValue }: { definition: FormDefinition; values: Record<string, unknown>; renderValue?: (name: string, value: unknown) => ReactNode }) {
  const { t } = useT();
  const props = definition.schema.properties ?? {};
  const yesNo = { yes: t('casePage.yes'), no: t('casePage.no') };
  // on a phone each title goes above its value: side by side, "申请人姓名" wrapped onto three
  // lines and a masked number with 查看明文 broke after every character
  const narrow = Grid.useBreakpoint().sm === false;
  return (
    <Descriptions size="small" bordered column={1} layout={narrow ? 'vertical' : 'horizontal'} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="form-fields">
      {orderedFieldNames(definition).map((name) => (
        <Descriptions.Item key={name} label={props[name]?.title ?? name}>
          {renderValue?.(name, values[name]) ?? fieldValueText(values[name], yesNo)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
