import { Tag } from 'antd';
import { ASSISTANCE_CATEGORIES, labelOf } from '../../../shared/codes';

const COLORS: Record<string, string> = {
  dibao: 'blue',
  'dibao-edge': 'geekblue',
  'tekun-home': 'purple',
  'tekun-institution': 'purple',
  orphan: 'magenta',
  'unsupported-child': 'magenta',
  'poor-disabled': 'orange',
  'severe-disabled': 'volcano',
};

/** 救助类别 of a household as tags. */
export function CategoryTags({ categories }: { categories: readonly string[] }) {
  if (categories.length === 0) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>无</span>;
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color={COLORS[c] ?? 'default'} style={{ marginBottom: 2 }}>
          {labelOf(ASSISTANCE_CATEGORIES, c)}
        </Tag>
      ))}
    </>
  );
}
