import { Flex, Spin } from 'antd';

/** A centred spinner with a short Chinese description, for screens that are loading. */
export function LoadingBlock({ text = '正在加载…', minHeight = 240 }: { text?: string; minHeight?: number | string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite">
      <Spin description={text} size="large">
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </Flex>
  );
}
