import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** An honest empty state for a module that does not exist yet. */
export function ComingSoon({ title, text, extra }: { title: string; text: string; extra?: ReactNode }) {
  return (
    <div className="coming-soon" data-testid="coming-soon">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={4}>{title}</Typography.Title>
            <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
          </>
        }
      >
        {extra}
      </Empty>
    </div>
  );
}
