/** Tells the user, in Chinese, when the backend's thread stopped and when it serves again. */
import { App } from 'antd';
import { useBackendEvent } from '../../hooks/use-backend-events';

const KEY = 'backend-state';

export function useBackendNotices(): void {
  const { notification } = App.useApp();
  useBackendEvent((event) => {
    if (event.type !== 'backend') return;
    if (event.state === 'crashed') notification.error({ key: KEY, title: '后台服务已停止', description: event.message, duration: 0 });
    else notification.success({ key: KEY, title: '后台服务已恢复', description: event.message, duration: 4 });
  });
}
