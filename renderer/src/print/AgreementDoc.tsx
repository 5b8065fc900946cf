/** The entrusted-care agreement, A4 portrait; clause wording comes from the stored template. */
import type { AgreementPrint } from '../../../shared/care/types';
import { zhDate } from '../../../shared/care/dates';
import { Blank } from './CardFace';

/** A4 portrait with page numbers; an agreement's number at the top of every page (null: other A4 documents). */
export function agreementPageCss(agreementNumber: string | null): string {
  const no = (agreementNumber ?? '').replace(/[^A-Z0-9-]/g, '');
  const top = no ? `@top-right { content: "协议编号：${no}"; font-family: 'Noto Serif SC', serif; font-size: 9pt; }` : '';
  return `@page {
  size: A4 portrait;
  margin: 20mm 18mm 22mm;
  ${top}
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: 'Noto Serif SC', serif; font-size: 9pt; }
}`;
}

/** Entered text, or a line to fill in by hand. */
function V({ v }: { v: string | null | undefined }) {
  return v ? <>{v}</> : <Blank />;
}

function Signature({ role, name, seal }: { role: string; name: string; seal?: boolean }) {
  return (
    <div className="sig">
      <div>
        <div className="who">{role}</div>
        <div>{name}</div>
      </div>
      {seal ? <div className="seal">（盖章）</div> : <div style={{ height: '20mm' }} />}
      <div>{seal ? '负责人签字：' : '签字（按手印）：'}</div>
      <div className="line" />
      <div className="date">日期：　　年　　月　　日</div>
    </div>
  );
}

/** 丙方 when the person signs for themself (services/care/print.ts). */
const SELF = '供养对象本人';

export function AgreementDoc({ doc }: { doc: AgreementPrint }) {
  const f = doc.filled;
  return (
    <div className="doc agreement" data-testid="agreement-doc">
      {doc.status === 'draft' && <div className="draft-mark">草稿</div>}
      <h1>{f.title}</h1>
      <div className="subtitle">（{f.version}）</div>
      <div className="agreement-no" data-testid="agreement-number">协议编号：{doc.agreementNumber}</div>
      <table className="parties">
        <colgroup>
          <col style={{ width: '37mm' }} />
          <col style={{ width: '43mm' }} />
          <col style={{ width: '24mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <td className="k">甲方（委托方）</td>
            <td colSpan={3}>{doc.partyA.name}</td>
          </tr>
          <tr>
            <td className="k">乙方（照料服务人）</td>
            <td>{doc.partyB.name}（{doc.partyB.relation}）</td>
            <td className="k">身份证号码</td>
            <td className="nowrap">{doc.partyB.idNumber}</td>
          </tr>
          <tr>
            <td className="k">联系电话</td>
            <td className="nowrap">
              <V v={doc.partyB.phone} />
            </td>
            <td className="k">住址</td>
            <td>
              <V v={doc.partyB.address} />
            </td>
          </tr>
          {doc.partyC && doc.partyC.role === SELF ? (
            // The person signs as 丙方: one pair of rows, not the same person twice.
            <>
              <tr>
                <td className="k">丙方／供养对象</td>
                <td>{doc.person.name}</td>
                <td className="k">身份证号码</td>
                <td className="nowrap">{doc.person.idNumber}</td>
              </tr>
              <tr>
                <td className="k">联系电话</td>
                <td className="nowrap">
                  <V v={doc.partyC.phone} />
                </td>
                <td className="k">住址</td>
                <td>{doc.person.address}</td>
              </tr>
            </>
          ) : (
            <>
              {doc.partyC && (
                <tr>
                  <td className="k">
                    丙方
                    <br />（{doc.partyC.role}）
                  </td>
                  <td>{doc.partyC.name}</td>
                  <td className="k">身份证号码</td>
                  <td className="nowrap">
                    <V v={doc.partyC.idNumber} />
                  </td>
                </tr>
              )}
              <tr>
                <td className="k">供养对象</td>
                <td>{doc.person.name}</td>
                <td className="k">住址</td>
                <td>{doc.person.address}</td>
              </tr>
            </>
          )}
        </tbody>
      </table>
      {f.preamble && <p>{f.preamble}</p>}
      {f.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.clauses.map((c, i) => (
            <p key={i}>{c}</p>
          ))}
        </section>
      ))}
      {f.closing && <p>{f.closing}</p>}
      <p data-testid="agreement-hotline">
        监督电话：<V v={doc.hotline} />
      </p>
      <div className={`signatures${doc.partyC ? '' : ' two'}`} data-testid="signatures">
        <Signature role="甲方（盖章）" name={doc.partyA.name} seal />
        <Signature role="乙方（照料服务人）" name={doc.partyB.name} />
        {doc.partyC && <Signature role={`丙方（${doc.partyC.role}）`} name={doc.partyC.name} />}
      </div>
      {doc.signedDate && <p style={{ textAlign: 'right', marginTop: '4mm' }}>签订日期：{zhDate(doc.signedDate)}</p>}
    </div>
  );
}
