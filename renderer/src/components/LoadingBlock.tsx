import { Flex, Spin } from 'antd';

/** A centred spinner with a short Chinese description, for screens that are loading. */
export function LoadingBlock({ text = '正在加载…', minHeight = 240 }: { text?: string; minHeight?: number | string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite">
      {/* The description sits centred on the 160 px box, which leaves it half that width: kept on one line. */}
      <Spin description={<span style={{ whiteSpace: 'nowrap' }}>{text}</span>} size="large">
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </Flex>
  );
}
