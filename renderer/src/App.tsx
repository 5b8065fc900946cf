/** Chooses between set-up, sign-in and the main application. */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { ErrorBlock } from './components/ErrorBlock';
import { LoadingBlock } from './components/LoadingBlock';
import { useBootstrap } from './session/use-bootstrap';
import { SessionContext, type SessionContextValue } from './session/session-context';
import { SetupWizard } from './screens/setup/SetupWizard';
import { LoginScreen } from './screens/login/LoginScreen';
import { MainLayout } from './screens/layout/MainLayout';
import { isPrintHash } from './print/print-route';

const PrintRoot = lazy(() => import('./print/PrintRoot').then((m) => ({ default: m.PrintRoot })));

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
    case 'setup':
      return <SetupWizard status={state.status} onSignedIn={signedIn} onStatusChanged={statusChanged} />;
    case 'login':
      return <LoginScreen status={state.status} notice={state.notice} onSignedIn={signedIn} />;
    case 'ready':
      // Print routes render the document alone, outside the app frame.
      if (isPrintHash(window.location.hash)) {
        return (
          <Suspense fallback={null}>
            <PrintRoot hash={window.location.hash} />
          </Suspense>
        );
      }
      return (
        <SessionContext.Provider value={sessionValue}>
          <MainLayout />
        </SessionContext.Provider>
      );
  }
}
