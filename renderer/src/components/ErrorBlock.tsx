import { Button, Result } from 'antd';
import { errorMessage } from '../api/client';

/** The error state of a screen: what went wrong, in Chinese, and a retry button. */
export function ErrorBlock({ error, onRetry, title = '加载失败' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Result
      status="error"
      title={title}
      subTitle={errorMessage(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}
