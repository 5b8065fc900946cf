/** One member in the new-household form: a card headed "成员 n" with the person fields. */
import { Button, Card, Form, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { labelOf, RELATIONS } from '../../../../shared/codes';
import { PersonFields } from '../../forms/PersonFields';

interface Props {
  index: number;
  fieldName: number;
  canRemove: boolean;
  onRemove: () => void;
  autoFocus?: boolean;
}

function MemberTitle({ index, fieldName }: { index: number; fieldName: number }) {
  const name = Form.useWatch(['members', fieldName, 'name']) as string | undefined;
  const relation = Form.useWatch(['members', fieldName, 'relation']) as string | undefined;
  const extra = [relation ? labelOf(RELATIONS, relation) : '', name?.trim() ?? ''].filter(Boolean).join(' · ');
  return (
    <Typography.Title level={5} style={{ margin: 0 }}>
      成员 {index + 1}
      {extra && (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 12 }}>
          {extra}
        </Typography.Text>
      )}
    </Typography.Title>
  );
}

export function MemberCard({ index, fieldName, canRemove, onRemove, autoFocus }: Props) {
  return (
    <Card
      size="small"
      data-testid={`member-${index}`}
      role="group"
      aria-label={`成员 ${index + 1}`}
      title={<MemberTitle index={index} fieldName={fieldName} />}
      extra={
        canRemove && (
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
            移除成员 {index + 1}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <PersonFields name={[fieldName]} absolute={['members', fieldName]} autoFocus={autoFocus} />
    </Card>
  );
}
