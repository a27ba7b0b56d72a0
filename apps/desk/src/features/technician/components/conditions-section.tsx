import type { InterventionSheet } from '@fieldstream/api-contract';
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachmentButton } from './attachment-button';
import { LabelledValue } from './labelled-value';
import { SheetSection } from './sheet-section';

type Condition = InterventionSheet['conditions'][number];

/** One condition and how to clear it: its corrective actions step by step, tools and materials. */
function ConditionInstructions({ condition }: { condition: Condition }) {
  const { t } = useTranslation('technician');
  const headingId = `sheet-condition-${condition.code}`;
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      component="article"
      aria-labelledby={headingId}
      data-condition={condition.code}
    >
      <Stack gap="xs">
        <Title order={3} fz="h4" id={headingId}>
          {condition.name} ({condition.code})
        </Title>
        {condition.description && <Text style={{ whiteSpace: 'pre-line' }}>{condition.description}</Text>}
        <LabelledValue label={t('conditions.expected')}>
          {t('minutes', { count: condition.expectedMinutes })}
        </LabelledValue>
        {condition.requiredSkillCodes.length > 0 && (
          <LabelledValue label={t('conditions.skills')}>
            {condition.requiredSkillCodes.join(', ')}
          </LabelledValue>
        )}
        {condition.tools.length > 0 && (
          <div>
            <Text fw={600}>{t('conditions.tools')}</Text>
            <List>
              {condition.tools.map((tool) => (
                <List.Item key={tool}>{tool}</List.Item>
              ))}
            </List>
          </div>
        )}
        {condition.materials.length > 0 && (
          <div>
            <Text fw={600}>{t('conditions.materials')}</Text>
            <List>
              {condition.materials.map((material) => (
                <List.Item key={material.itemCode}>
                  {t('conditions.material', { item: material.itemCode, quantity: material.quantity })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {condition.correctiveActions.map((action, actionIndex) => (
          <Stack key={`${action.title}-${actionIndex}`} gap={4} data-corrective-action={action.title}>
            <Text fw={600}>{t('conditions.action', { title: action.title })}</Text>
            <List type="ordered" spacing={4}>
              {action.steps.map((step, stepIndex) => (
                <List.Item key={stepIndex}>
                  <Text span style={{ whiteSpace: 'pre-line' }}>
                    {step}
                  </Text>
                </List.Item>
              ))}
            </List>
            {action.attachmentIds.map((id, index) => (
              <AttachmentButton
                key={id}
                id={id}
                label={t('conditions.attachment', { number: index + 1, title: action.title })}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** What the request is about, with the operating instructions of each condition. */
export function ConditionsSection({ conditions }: { conditions: InterventionSheet['conditions'] }) {
  const { t } = useTranslation('technician');
  return (
    <SheetSection id="sheet-conditions" title={t('conditions.title')}>
      {conditions.length === 0 ? (
        <Text>{t('conditions.none')}</Text>
      ) : (
        conditions.map((condition) => <ConditionInstructions key={condition.code} condition={condition} />)
      )}
    </SheetSection>
  );
}
