/** A 通报 printed on A4 portrait: 文号, title, body paragraphs, the issuing office and date. */
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { PrintFrame } from '../print/PrintFrame';
import { formatInstant } from '../../lib/dates';

export function CircularPrint({ id }: { id: string }) {
  const { session } = useSession();
  const q = useApiQuery(() => api.call('reports.circular', { id }), [id]);
  const c = q.data;
  const district = session.user.streetCode === 'district';
  return (
    <PrintFrame
      orientation="portrait"
      loading={q.loading}
      error={q.error}
      onRetry={q.reload}
      back={district ? { name: 'reports-district', tab: 'circulars', month: c?.month ?? null } : { name: 'households' }}
      testId="circular-print"
      footer={c ? `${c.docNumber || '（未编号草稿）'}` : undefined}
    >
      {c && (
        <div className="circular-doc" style={{ fontSize: '12pt', lineHeight: 1.9 }}>
          {c.status === 'draft' && <p style={{ textAlign: 'right', color: '#c00' }}>草稿</p>}
          <p style={{ textAlign: 'center' }}>{c.docNumber}</p>
          <h1 style={{ textAlign: 'center', fontSize: '18pt' }}>{c.title}</h1>
          {c.body.split('\n').map((para, i) => (
            <p key={i} style={{ textIndent: i === 0 ? 0 : '2em', margin: '0 0 4pt' }}>
              {para}
            </p>
          ))}
          <p style={{ textAlign: 'right', marginTop: '24pt' }}>东丽区民政局</p>
          <p style={{ textAlign: 'right' }}>{c.publishedAt ? formatInstant(c.publishedAt).slice(0, 10) : ''}</p>
        </div>
      )}
    </PrintFrame>
  );
}
