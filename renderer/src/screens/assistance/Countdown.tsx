/** A live countdown to a deadline (急难型临时救助's 24 hours, a ledger item's step). */
import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import { appClock } from '../../api/clock';

export function countdownText(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}小时${String(m).padStart(2, '0')}分${String(sec).padStart(2, '0')}秒`;
}

/** `label`: what the time is left for (read out by screen readers). */
export function Countdown({ deadline, label = '审批剩余时间' }: { deadline: string; label?: string }) {
  const [now, setNow] = useState(() => appClock.now().getTime());
  useEffect(() => {
    const t = setInterval(() => setNow(appClock.now().getTime()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) return <Tag color="red" data-testid="countdown">{`已超时 ${countdownText(left)}`}</Tag>;
  return (
    <Tag color={left < 4 * 3600_000 ? 'volcano' : 'orange'} data-testid="countdown" role="timer" aria-label={label}>
      {`剩余 ${countdownText(left)}`}
    </Tag>
  );
}
