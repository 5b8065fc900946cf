/** antd configured for Simplified Chinese, with the App context (message, modal) for every screen. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { SEARCHABLE_SELECT } from './lib/select-config';

const baseToken = {
  colorPrimary: '#1f5fa8',
  borderRadius: 4,
  fontFamily:
    '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** The system's "reduce motion" setting (Windows: 在窗口中显示动画 off), followed while the app runs. */
function useReducedMotion(): boolean {
  const [query] = useState(() =>
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION) : null,
  );
  const [reduced, setReduced] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setReduced(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return reduced;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const reduced = useReducedMotion();
  // Without motion dialogs and menus appear at once: kinder to old office PCs and to users who
  // turned animations off, and what the end-to-end tests run with (Playwright reducedMotion).
  const theme = useMemo(() => ({ token: { ...baseToken, motion: !reduced } }), [reduced]);
  return (
    // autoInsertSpace off: two-character buttons keep their plain names ("保存", not "保 存"), which is
    // what users read and what accessibility names and end-to-end tests match.
    // Every Select is searchable by its label (lib/select-config.ts says why).
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }} select={SEARCHABLE_SELECT}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
