/** A QR code as one SVG path (sharp at any print resolution). */
import { useMemo } from 'react';
import { encodeQr, qrSvgPath } from '../../../shared/qr/encode';

const QUIET = 2;

export function QrSvg({ text, className, label }: { text: string; className?: string; label: string }) {
  const { d, n } = useMemo(() => {
    const qr = encodeQr(text);
    return { d: qrSvgPath(qr, QUIET), n: qr.size + QUIET * 2 };
  }, [text]);
  return (
    <svg className={className} viewBox={`0 0 ${n} ${n}`} role="img" aria-label={label} data-qr-text={text} shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
