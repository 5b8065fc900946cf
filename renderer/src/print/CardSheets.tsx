/** Cards one per page (85.6 × 54 mm pages) or eight per A4 sheet with cut marks. */
import type { CardPrint } from '../../../shared/care/types';
import { CardFace } from './CardFace';

export type CardLayout = 'single' | 'a4-8up';

export const CARD_W = 85.6;
export const CARD_H = 54;
const COLS = 2;
const ROWS = 4;
const X0 = (210 - COLS * CARD_W) / 2;
const Y0 = (297 - ROWS * CARD_H) / 2;
const MARK = 6;
const GAP = 2;

export function pageCss(layout: CardLayout): string {
  return layout === 'single' ? '@page { size: 85.6mm 54mm; margin: 0; }' : '@page { size: A4 portrait; margin: 0; }';
}

function CutMarks() {
  const marks: React.ReactNode[] = [];
  const w = 0.2;
  for (let c = 0; c <= COLS; c++) {
    const x = X0 + c * CARD_W;
    marks.push(<div key={`t${c}`} className="cut" style={{ left: `${x - w / 2}mm`, top: `${Y0 - GAP - MARK}mm`, width: `${w}mm`, height: `${MARK}mm` }} />);
    marks.push(<div key={`b${c}`} className="cut" style={{ left: `${x - w / 2}mm`, top: `${Y0 + ROWS * CARD_H + GAP}mm`, width: `${w}mm`, height: `${MARK}mm` }} />);
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = Y0 + r * CARD_H;
    marks.push(<div key={`l${r}`} className="cut" style={{ top: `${y - w / 2}mm`, left: `${X0 - GAP - MARK}mm`, height: `${w}mm`, width: `${MARK}mm` }} />);
    marks.push(<div key={`r${r}`} className="cut" style={{ top: `${y - w / 2}mm`, left: `${X0 + COLS * CARD_W + GAP}mm`, height: `${w}mm`, width: `${MARK}mm` }} />);
  }
  return <>{marks}</>;
}

export function CardSheets({ cards, layout }: { cards: CardPrint[]; layout: CardLayout }) {
  if (layout === 'single') {
    return (
      <div className="doc sheet-single">
        {cards.map((c) => (
          <CardFace key={c.cardId} card={c} />
        ))}
      </div>
    );
  }
  const per = COLS * ROWS;
  const sheets: CardPrint[][] = [];
  for (let i = 0; i < cards.length; i += per) sheets.push(cards.slice(i, i + per));
  return (
    <div className="doc">
      {sheets.map((sheet, s) => (
        <div className="a4" key={s} data-testid="a4-sheet">
          <CutMarks />
          {sheet.map((c, i) => (
            <div
              key={c.cardId}
              className="slot"
              style={{ left: `${X0 + (i % COLS) * CARD_W}mm`, top: `${Y0 + Math.floor(i / COLS) * CARD_H}mm` }}
            >
              <CardFace card={c} />
            </div>
          ))}
          <div className="a4-caption">
            照料服务卡 第 {s + 1} 张 共 {sheets.length} 张 · 沿裁切线裁开
          </div>
        </div>
      ))}
    </div>
  );
}
