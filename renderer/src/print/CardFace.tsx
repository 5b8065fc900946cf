/** One care-service card, 85.6 × 54 mm (ID-1 size). */
import type { CardPrint } from '../../../shared/care/types';
import { zhDate } from '../../../shared/care/dates';
import { QrSvg } from './QrSvg';

function Row({ label, children, clamp = 1 }: { label: string; children: React.ReactNode; clamp?: 1 | 2 }) {
  return (
    <div className="card-row">
      <span className="card-label">{label}</span>
      <span className={`card-value clamp${clamp}`}>{children}</span>
    </div>
  );
}

/** A field nobody entered: a line to fill in by hand, never a fallback. */
export function Blank({ wide }: { wide?: boolean }) {
  return <span className={`blank-line${wide ? ' wide' : ''}`} data-blank="true" />;
}

function Phone({ name, phone }: { name: string; phone: string }) {
  return (
    <>
      {name || <Blank />} <span className="nowrap">{phone || <Blank />}</span>
    </>
  );
}

export function CardFace({ card }: { card: CardPrint }) {
  return (
    <div className="card" data-testid="care-card" data-card-number={card.cardNumber}>
      <div className="card-frame" />
      <div className="card-head">
        <span className="card-title">特困人员照料服务卡</span>
        <span className="card-no">No. {card.cardNumber}</span>
      </div>
      <div className="card-body">
        <div className="card-fields">
          <div className="card-row">
            <span className="card-name">{card.personName}</span>
            <span style={{ marginLeft: '1.5mm', alignSelf: 'flex-end' }}>{card.personSex}</span>
            <span style={{ marginLeft: 'auto', alignSelf: 'flex-end' }} className="nowrap">{card.selfCare.replace('生活自理能力', '自理')}</span>
          </div>
          <Row label="住址" clamp={2}>{card.personAddress}</Row>
          <Row label="照料服务人">
            <Phone name={card.caregiverName} phone={card.caregiverPhone} />
          </Row>
          <Row label="社区">
            {card.communityName} <Phone name={card.communityContact} phone={card.communityPhone} />
          </Row>
          <Row label="街道联系人">
            <Phone name={card.streetContact} phone={card.streetPhone} />
          </Row>
          <Row label="服务项目" clamp={2}>{card.serviceItems.join('、')}</Row>
          <Row label="探访频次">{card.visitFrequency}</Row>
          <Row label="应急" clamp={2}>
            {card.emergency
              ? card.emergency.split('；').map((seg, i, all) => (
                  <span key={i} className="seg">
                    {seg}
                    {i < all.length - 1 ? '；' : ''}
                  </span>
                ))
              : <Blank wide />}
          </Row>
        </div>
        <div className="card-side">
          <QrSvg className="card-qr" text={card.qrText} label={`${card.personName}的照料服务卡二维码`} />
          <span className="card-qr-note">扫码查卡</span>
          <span className="card-issuer">
            发卡单位
            <br />
            {card.issuedBy}
          </span>
        </div>
      </div>
      <div className="card-foot">
        <span>有效期 {zhDate(card.validFrom)}至{zhDate(card.validTo)}</span>
        <span>
          监督电话 {card.hotline || <Blank />}
        </span>
      </div>
      {card.status !== 'active' && <div className="card-void">{card.status === 'cancelled' ? '已注销' : '已换发'}</div>}
    </div>
  );
}
