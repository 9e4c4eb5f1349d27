import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApiError } from '../../components/useApiError.ts';
import { fieldOfError } from '../../crud/fieldError.ts';

/**
 * Shows a failed request on the form field it is about (the server's localized message under
 * the field), else as a notification. Identity routes name list items "redirectUris/0", so the
 * first segment of a path also counts as the field.
 */
export function useFormErrors() {
  const showError = useApiError();
  return useCallback(
    (form: FormInstance, err: unknown, fields: string[], byCode: Record<string, string> = {}) => {
      const field = fieldOfError(err, fields, byCode) ?? (err instanceof ApiError ? err.field?.split(/[/.]/)[0] : undefined);
      if (field && fields.includes(field) && err instanceof ApiError) {
        form.setFields([{ name: field, errors: [err.message || err.code] }]);
        form.scrollToField(field);
        return;
      }
      showError(err);
    },
    [showError],
  );
}
