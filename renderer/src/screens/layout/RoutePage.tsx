/** Renders the page of a route (and refuses admin pages to users without the role). */
import { Button, Result } from 'antd';
import type { Route } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { isAdminRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { HouseholdListPage } from '../households/HouseholdListPage';
import { WorkbenchPage } from '../home/WorkbenchPage';
import { HouseholdDetailPage } from '../household-detail/HouseholdDetailPage';
import { NewHouseholdPage } from '../household-new/NewHouseholdPage';
import { HouseholdFilePrint } from '../household-detail/HouseholdFilePrint';
import { AdminPage } from '../admin/AdminPage';
import { ParamsPage } from '../policy/ParamsPage';
import { ScreeningPage } from '../screening/ScreeningPage';
import { VisitSheetPrint } from '../screening/VisitSheetPrint';
import { LedgerPage } from '../ledger/LedgerPage';
import { WarningsPage } from '../warnings/WarningsPage';
import { LedgerItemPage } from '../ledger/LedgerItemPage';
import { LedgerPrint } from '../ledger/LedgerPrint';
import { EnrolmentListPage } from '../assistance/EnrolmentListPage';
import { EnrolmentDetailPage } from '../assistance/EnrolmentDetailPage';
import { TemporaryPage } from '../assistance/TemporaryPage';
import { TemporaryPaymentsPage } from '../assistance/TemporaryPaymentsPage';
import { PaymentListPage } from '../assistance/PaymentListPage';
import { PaymentBatchesPage } from '../assistance/PaymentBatchesPage';
import { EntitlementGapsPage } from '../assistance/EntitlementGapsPage';
import { ReviewsPage } from '../assistance/ReviewsPage';
import { PrintPaymentListPage } from '../assistance/PrintPaymentListPage';
import { SyncPage } from '../sync/SyncPage';
import { MonthlyReportPage } from '../reports/MonthlyReportPage';
import { MonthlyReportPrint } from '../reports/MonthlyReportPrint';
import { CareBoardPage } from '../care/CareBoardPage';
import { CareCardsPage } from '../care/CareCardsPage';
import { CarePersonPage } from '../care/CarePersonPage';
import { TemplatePage } from '../care/TemplatePage';
import { LeftBehindPage } from '../left-behind/LeftBehindPage';
import { DistrictReportsPage } from '../reports/district/DistrictReportsPage';
import { SubmitPage } from '../reports/SubmitPage';
import { CircularPrint } from '../reports/CircularPrint';
import { DepartmentImportsPage } from '../warnings/DepartmentImportsPage';

export function RoutePage({ route }: { route: Route }) {
  const { session } = useSession();
  switch (route.name) {
    case 'home':
      return <WorkbenchPage />;
    case 'households':
      return <HouseholdListPage />;
    case 'household-new':
      return <NewHouseholdPage />;
    case 'clue-register':
      return <NewHouseholdPage key={route.id} clueId={route.id} />;
    case 'household':
      return <HouseholdDetailPage key={route.id} id={route.id} />;
    case 'print-household':
      return <HouseholdFilePrint key={route.id} id={route.id} />;
    case 'care':
      return <CareBoardPage key={route.filter} filter={route.filter} />;
    case 'care-cards':
      return <CareCardsPage key={route.filter} filter={route.filter} />;
    case 'care-template':
      return <TemplatePage />;
    case 'care-person':
      return <CarePersonPage key={route.id} id={route.id} />;
    case 'left-behind':
      return <LeftBehindPage key={route.filter} filter={route.filter} />;
    case 'admin':
      if (!isAdminRole(session.user.role)) {
        return <Result status="403" title="无权访问" subTitle="系统管理仅供街道管理员和区级管理员使用。" />;
      }
      return <AdminPage tab={route.tab} />;
    case 'policy-params':
      return <ParamsPage />;
    case 'screening':
      return <ScreeningPage key={route.filter} tab={route.tab} filter={route.filter} />;
    case 'print-visit-sheet':
      return <VisitSheetPrint gridId={route.gridId} />;
    case 'ledger':
      return <LedgerPage key={route.filter} tab={route.tab} filter={route.filter} />;
    case 'ledger-item':
      return <LedgerItemPage key={route.id} id={route.id} />;
    case 'print-ledger':
      return <LedgerPrint query={route.query} />;
    case 'enrolments':
      return <EnrolmentListPage key={route.status} programme={route.programme} status={route.status} />;
    case 'enrolment':
      return <EnrolmentDetailPage key={route.id} id={route.id} />;
    case 'temporary':
      return <TemporaryPage key={route.filter} filter={route.filter} />;
    case 'temporary-payments':
      return <TemporaryPaymentsPage />;
    case 'payment-list':
      return <PaymentListPage programme={route.programme} month={route.month} />;
    case 'payment-batches':
      return <PaymentBatchesPage key={route.filter} filter={route.filter} />;
    case 'entitlement-gaps':
      return <EntitlementGapsPage key={route.filter} filter={route.filter} />;
    case 'reviews':
      return <ReviewsPage key={route.filter} filter={route.filter} />;
    case 'print-payment-list':
      return <PrintPaymentListPage programme={route.programme} month={route.month} />;
    case 'print-monthly-report':
      return <MonthlyReportPrint key={`${route.month}/${route.street ?? ''}`} month={route.month} street={route.street ?? undefined} />;
    case 'sync':
      return <SyncPage />;
    case 'reports-district':
      return <DistrictReportsPage tab={route.tab} month={route.month} />;
    case 'reports-submit':
      return <SubmitPage month={route.month} />;
    case 'print-circular':
      return <CircularPrint key={route.id} id={route.id} />;
    case 'reports':
      return <MonthlyReportPage month={route.month} />;
    case 'warnings':
      return <WarningsPage key={route.filter} tab="inbox" filter={route.filter} />;
    case 'warnings-rates':
      return <WarningsPage tab="rates" />;
    case 'warnings-imports':
      return <DepartmentImportsPage />;
    case 'not-found':
      return (
        <Result
          status="404"
          title="页面不存在"
          subTitle={`没有找到 ${route.path}`}
          extra={
            <Button type="primary" onClick={() => navigate({ name: 'households' })}>
              返回家庭列表
            </Button>
          }
        />
      );
  }
}
