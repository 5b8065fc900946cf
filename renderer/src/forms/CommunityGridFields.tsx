/** 所属社区 and 所属网格 (the grid list depends on the community; changing community clears the grid). */
import { Col, Form, Select } from 'antd';
import type { NamePath } from '../lib/field-path';
import { useCommunities, useGrids } from '../hooks/use-org';

export function CommunityGridFields({ prefix, autoFocus }: { prefix: NamePath; autoFocus?: boolean }) {
  const form = Form.useFormInstance();
  const communityId = Form.useWatch([...prefix, 'communityId']) as string | undefined;
  const communities = useCommunities();
  const grids = useGrids(communityId);

  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item label="所属社区" name={[...prefix, 'communityId']} rules={[{ required: true, message: '请选择所属社区' }]}>
          <Select
            autoFocus={autoFocus}
            showSearch={{ optionFilterProp: 'label' }}
            loading={communities.loading}
            placeholder={communities.error ? '社区列表加载失败' : '请选择社区'}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue([...prefix, 'gridId'], undefined)}
            notFoundContent={communities.data?.length === 0 ? '尚未设置社区，请在系统管理中添加' : undefined}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="所属网格" name={[...prefix, 'gridId']}>
          <Select
            allowClear
            disabled={!communityId}
            loading={grids.loading}
            placeholder={communityId ? '请选择网格' : '先选择社区'}
            options={(grids.data ?? []).map((g) => ({
              value: g.id,
              label: g.workerName ? `${g.name}（网格员 ${g.workerName}）` : g.name,
            }))}
          />
        </Form.Item>
      </Col>
    </>
  );
}
