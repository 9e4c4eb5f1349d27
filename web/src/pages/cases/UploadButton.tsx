import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

/** One material upload (PDF or image bytes): a refused file is shown as the server's error. */
export function UploadButton({ upload, onDone, testId }: { upload: (file: File) => Promise<unknown>; onDone: () => void; testId: string }) {
  const { t } = useT();
  const showError = useApiError();
  return (
    <Upload
      showUploadList={false}
      accept=".pdf,.jpg,.jpeg,.png"
      customRequest={({ file, onSuccess, onError }) => {
        upload(file as File).then(
          (r) => {
            onSuccess?.(r);
            onDone();
          },
          (err: Error) => {
            showError(err);
            onError?.(err);
          },
        );
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>{t('cases.upload')}</Button>
    </Upload>
  );
}
