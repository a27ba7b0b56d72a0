import type { InterventionSheet } from '@fieldstream/api-contract';
import { List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from './labelled-value';
import { RequestStatusBadge } from './request-status-badge';
import { SheetSection } from './sheet-section';

/** What was done on this machine before, newest first: often the quickest clue. */
export function HistorySection({
  interventions,
}: {
  interventions: InterventionSheet['previousInterventions'];
}) {
  const { t, i18n } = useTranslation('technician');
  const date = (instant: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(instant));
  return (
    <SheetSection id="sheet-history" title={t('history.title')}>
      {interventions.length === 0 ? (
        <Text>{t('history.none')}</Text>
      ) : (
        interventions.map((intervention) => {
          const closure = intervention.closure;
          const at = closure?.at ?? intervention.closedAt ?? intervention.openedAt;
          return (
            <Paper
              key={intervention.id}
              withBorder
              radius="sm"
              p="sm"
              component="article"
              data-intervention={intervention.reference}
            >
              <Stack gap={4}>
                <Text fw={600}>
                  <time dateTime={at}>{date(at)}</time> · {intervention.reference}
                </Text>
                <div>
                  <RequestStatusBadge status={intervention.status} />
                </div>
                <Text style={{ overflowWrap: 'anywhere' }}>{intervention.description}</Text>
                {closure && (
                  <>
                    <LabelledValue label={t('history.resolution')}>{closure.resolution}</LabelledValue>
                    {closure.correctiveActions.length > 0 && (
                      <LabelledValue label={t('history.actions')}>
                        {closure.correctiveActions.join('; ')}
                      </LabelledValue>
                    )}
                    {closure.materials.length > 0 && (
                      <div>
                        <Text fw={600}>{t('history.materials')}</Text>
                        <List>
                          {closure.materials.map((material, index) => (
                            <List.Item key={`${material.itemCode}-${index}`}>
                              {t('conditions.material', {
                                item: material.itemCode,
                                quantity: material.quantity,
                              })}
                            </List.Item>
                          ))}
                        </List>
                      </div>
                    )}
                  </>
                )}
              </Stack>
            </Paper>
          );
        })
      )}
    </SheetSection>
  );
}
