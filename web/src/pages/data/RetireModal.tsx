import { useT } from '../../i18n/useT.ts';
import { TextModal } from './TextModal.tsx';

interface Props {
  open: boolean;
  name: string;
  onCancel(): void;
  /** Resolves when the resource is retired (the modal closes), rejects to keep it open. */
  onRetire(reason: string): Promise<void>;
}

/** 停止共享 asks why: the reason is kept in the resource's history. */
export function RetireModal({ open, name, onCancel, onRetire }: Props) {
  const { t } = useT();
  return (
    <TextModal
      open={open}
      title={t('data.actions.retireTitle', { name })}
      hint={t('data.actions.retireHint')}
      label={t('data.actions.retireReason')}
      required={t('data.actions.retireReasonRequired')}
      okText={t('data.actions.retire')}
      danger
      inputTestId="retire-reason"
      okTestId="retire-confirm"
      onCancel={onCancel}
      onSubmit={(v) => onRetire(v.text)}
    />
  );
}
