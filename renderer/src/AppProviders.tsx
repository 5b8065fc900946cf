/** antd configured for Simplified Chinese, with the App context (message, modal) for every screen. */
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

const theme = {
  token: {
    colorPrimary: '#1f5fa8',
    borderRadius: 4,
    fontFamily:
      '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    // autoInsertSpace off: two-character buttons keep their plain names ("保存", not "保 存"), which is
    // what users read and what accessibility names and end-to-end tests match.
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
