/** The four "有" as tags: green when in place, red when not. */
import { Space, Tag, Tooltip } from 'antd';
import { FOUR_HAVES } from '../../../../shared/care/codes';
import type { BoardRow } from '../../../../shared/care/types';

export function FourHaveTags({ row }: { row: Pick<BoardRow, 'ok' | 'gaps'> }) {
  return (
    <Space size={4} wrap>
      {FOUR_HAVES.map((h) => {
        const gaps = row.gaps.filter((g) => g.have === h.code);
        const tag = (
          <Tag key={h.code} color={row.ok[h.code] ? 'success' : 'error'} data-testid={`have-${h.code}`}>
            {row.ok[h.code] ? '✓' : '✗'} {h.label.replace('有', '')}
          </Tag>
        );
        return gaps.length ? (
          <Tooltip key={h.code} title={gaps.map((g) => g.message).join('；')}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Space>
  );
}
