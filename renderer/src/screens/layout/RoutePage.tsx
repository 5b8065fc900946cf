/** Renders the page of a route (and refuses admin pages to users without the role). */
import { Button, Result } from 'antd';
import type { Route } from '../../router/routes';
import { navigate } from '../../router/use-route';
import { isAdminRole } from '../../lib/roles';
import { useSession } from '../../session/session-context';
import { HouseholdListPage } from '../households/HouseholdListPage';
import { HouseholdDetailPage } from '../household-detail/HouseholdDetailPage';
import { NewHouseholdPage } from '../household-new/NewHouseholdPage';
import { AdminPage } from '../admin/AdminPage';
import { ParamsPage } from '../policy/ParamsPage';
import { EnrolmentListPage } from '../assistance/EnrolmentListPage';
import { EnrolmentDetailPage } from '../assistance/EnrolmentDetailPage';
import { TemporaryPage } from '../assistance/TemporaryPage';
import { PaymentListPage } from '../assistance/PaymentListPage';
import { EntitlementGapsPage } from '../assistance/EntitlementGapsPage';
import { PrintPaymentListPage } from '../assistance/PrintPaymentListPage';
import { CareBoardPage } from '../care/CareBoardPage';
import { CareCardsPage } from '../care/CareCardsPage';
import { CarePersonPage } from '../care/CarePersonPage';

export function RoutePage({ route }: { route: Route }) {
  const { session } = useSession();
  switch (route.name) {
    case 'households':
      return <HouseholdListPage />;
    case 'household-new':
      return <NewHouseholdPage />;
    case 'household':
      return <HouseholdDetailPage key={route.id} id={route.id} />;
    case 'care':
      return <CareBoardPage />;
    case 'care-cards':
      return <CareCardsPage />;
    case 'care-person':
      return <CarePersonPage key={route.id} id={route.id} />;
    case 'admin':
      if (!isAdminRole(session.user.role)) {
        return <Result status="403" title="无权访问" subTitle="系统管理仅供街道管理员和区级管理员使用。" />;
      }
      return <AdminPage tab={route.tab} />;
    case 'policy-params':
      return <ParamsPage />;
    case 'enrolments':
      return <EnrolmentListPage programme={route.programme} />;
    case 'enrolment':
      return <EnrolmentDetailPage key={route.id} id={route.id} />;
    case 'temporary':
      return <TemporaryPage />;
    case 'payment-list':
      return <PaymentListPage programme={route.programme} month={route.month} />;
    case 'entitlement-gaps':
      return <EntitlementGapsPage />;
    case 'print-payment-list':
      return <PrintPaymentListPage programme={route.programme} month={route.month} />;
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
