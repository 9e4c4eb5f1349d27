import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** The page's heading (also the document title). */
export function PageTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${children} · YiWang`;
  }, [children]);
  return (
    <div className="page-title">
      <Typography.Title level={3}>{children}</Typography.Title>
      {extra ? <div className="page-title-extra">{extra}</div> : null}
    </div>
  );
}
