/** Chooses between set-up, sign-in and the main application. */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { ErrorBlock } from './components/ErrorBlock';
import { LoadingBlock } from './components/LoadingBlock';
import { useBootstrap } from './session/use-bootstrap';
import { SessionContext, type SessionContextValue } from './session/session-context';
import { SetupWizard } from './screens/setup/SetupWizard';
import { LoginScreen } from './screens/login/LoginScreen';
import { UnlockScreen } from './screens/unlock/UnlockScreen';
import { MainLayout } from './screens/layout/MainLayout';
import { RoutePage } from './screens/layout/RoutePage';
import { useRoute } from './router/use-route';
import { isPrintHash } from './print/print-route';

const PrintRoot = lazy(() => import('./print/PrintRoot').then((m) => ({ default: m.PrintRoot })));

/** Print routes (#/print/…) render without the navigation frame. */
function Frame() {
  const route = useRoute();
  // Care documents (cards, agreement) and the 核算单 have their own print root with the embedded font.
  if (/^#\/print\/(care-|accounting-sheet)/.test(window.location.hash)) {
    return (
      <Suspense fallback={null}>
        <PrintRoot key={window.location.hash} hash={window.location.hash} />
      </Suspense>
    );
  }
  if (route.name.startsWith('print-')) return <RoutePage route={route} />;
  return <MainLayout />;
}

export function App() {
  const { state, retry, signedIn, signOut, statusChanged } = useBootstrap();

  const sessionValue = useMemo<SessionContextValue | null>(
    () => (state.phase === 'ready' ? { session: state.session, setupStatus: state.status, signOut } : null),
    [state, signOut],
  );

  // A print route opened without a session (e.g. by the shell after sign-out) cannot print: say so,
  // so that the print helper stops waiting instead of timing out.
  useEffect(() => {
    if (isPrintHash(window.location.hash) && (state.phase === 'login' || state.phase === 'setup' || state.phase === 'error')) {
      document.documentElement.dataset.printReady = 'error';
    }
  }, [state.phase]);

  switch (state.phase) {
    case 'loading':
      return <LoadingBlock text="正在启动兜底保障工作台…" minHeight="100vh" />;
    case 'error':
      return (
        <div style={{ paddingTop: '15vh' }}>
          <ErrorBlock error={state.error} onRetry={retry} title="无法启动" />
        </div>
      );
    case 'locked':
      return <UnlockScreen reason={state.reason} onUnlocked={retry} />;
    case 'setup':
      return <SetupWizard status={state.status} onSignedIn={signedIn} onStatusChanged={statusChanged} />;
    case 'login':
      return <LoginScreen status={state.status} notice={state.notice} onSignedIn={signedIn} />;
    case 'ready':
      return (
        <SessionContext.Provider value={sessionValue}>
          <Frame />
        </SessionContext.Provider>
      );
  }
}
