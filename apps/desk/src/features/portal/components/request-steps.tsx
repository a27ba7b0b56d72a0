import type { PortalStep } from '@fieldstream/api-contract';
import { Blockquote, Stack, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMoment, formatWindow } from '../format/format-window';

/** One step in the customer's words (the technician by first name, the visit by its window). */
export function stepWords(
  step: PortalStep,
  t: TFunction<'portal'>,
  language: string,
  me: string | undefined,
): string {
  const name = step.technicianFirstName;
  const window = step.window ? formatWindow(step.window.start, step.window.end, language) : '';
  switch (step.kind) {
    case 'opened':
      if (step.source === 'portal')
        return step.by ? t('step.opened.portalBy', { by: step.by }) : t('step.opened.portal');
      return t(`step.opened.${step.source ?? 'desk'}`);
    case 'planned':
      return name ? t('step.planned', { window, name }) : t('step.plannedNoName', { window });
    case 'rescheduled':
      return name ? t('step.rescheduled', { window, name }) : t('step.rescheduledNoName', { window });
    case 'on-hold':
      return step.until
        ? t('step.onHoldUntil', { date: formatDay(step.until.slice(0, 10), language) })
        : t('step.on-hold');
    case 'on-the-way': {
      const who = name ?? t('common.technician');
      return step.etaMinutes !== undefined
        ? t('step.onTheWayEta', { name: who, minutes: step.etaMinutes })
        : t('step.on-the-way', { name: who });
    }
    case 'arrived':
      return t('step.arrived', { name: name ?? t('common.technician') });
    case 'comment':
      return step.by && step.by !== me ? t('step.comment', { by: step.by }) : t('step.commentYours');
    default:
      return t(`step.${step.kind}`);
  }
}

/** The request's story, oldest first, each step with when it happened and the words meant for the customer. */
export function RequestSteps({ steps, me }: { steps: readonly PortalStep[]; me?: string }) {
  const { t, i18n } = useTranslation('portal');
  return (
    <Timeline
      active={steps.length - 1}
      bulletSize={14}
      lineWidth={2}
      color="steel"
      aria-label={t('request.progressTitle')}
    >
      {steps.map((step, index) => (
        <Timeline.Item key={`${step.at}-${index}`} data-step={step.kind}>
          <Stack gap={2}>
            <Text fw={600}>{stepWords(step, t, i18n.language, me)}</Text>
            <Text size="sm" c="dimmed">
              <time dateTime={step.at}>{formatMoment(step.at, i18n.language)}</time>
            </Text>
            {step.text && (
              <Blockquote
                p="xs"
                mt={4}
                color="gray"
                style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
              >
                {step.text}
              </Blockquote>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
