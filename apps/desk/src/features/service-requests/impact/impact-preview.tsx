import type { AssignBody, DisplacedAppointmentView } from '@fieldstream/api-contract';
import { Anchor, Badge, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { useApi } from '../../auth/hooks/use-api';
import { masterDataPaths } from '../../master-data/api/master-data-paths';
import { masterDataKeys } from '../../master-data/hooks/master-data-query-keys';
import type { MasterDataDocument } from '../../master-data/types/master-data-types';
import { PriorityBadge } from '../components/priority-badge';
import { useFormatters } from '../format/use-formatters';
import { useAssignmentImpact } from './use-assignment-impact';

type SlaRisk = DisplacedAppointmentView['slaRisk'];
type Notified = DisplacedAppointmentView['notified'][number];

/** Dark shades under white text (WCAG AA); the words say the risk, the colour only helps. */
const RISK_COLOURS: Record<SlaRisk, string> = {
  breached: 'red.9',
  at_risk: 'orange.9',
  ok: 'teal.9',
  none: 'gray.7',
};

const RISK_KEYS: Record<SlaRisk, string> = {
  breached: 'impact.risk.breached',
  at_risk: 'impact.risk.atRisk',
  ok: 'impact.risk.ok',
  none: 'impact.risk.none',
};

/** The names of the service centres whose desks are told, from master data (the code when unknown). */
function useUnitNames(codes: readonly string[]): Map<string, string> {
  const api = useApi();
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: masterDataKeys.record('units', code),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<MasterDataDocument>(masterDataPaths.record('units', code), { signal }),
    })),
  });
  const names = new Map<string, string>();
  codes.forEach((code, index) => {
    const name = results[index]?.data?.record['name'];
    if (typeof name === 'string' && name.trim() !== '') names.set(code, name);
  });
  return names;
}

/**
 * What an emergency does before it is confirmed: each appointment it pushes aside, what happens to
 * it, its request's service-level risk and deadline, and who will be told. Asked of the API with the
 * very body the assignment would send (`body`; null while the rows are not complete).
 */
export function ImpactPreview({ requestId, body }: { requestId: string; body: AssignBody | null }) {
  const { t } = useTranslation('serviceRequests');
  const format = useFormatters();
  const headingId = useId();
  const impact = useAssignmentImpact(requestId, body);
  const unitCodes = useMemo(
    () => [
      ...new Set(
        (impact.data?.displaced ?? []).flatMap((d) =>
          d.notified.flatMap((n) => (n.kind === 'desk' ? [n.unitCode] : [])),
        ),
      ),
    ],
    [impact.data],
  );
  const unitNames = useUnitNames(unitCodes);

  const told = (notified: Notified) => {
    if (notified.kind === 'technician')
      return notified.name
        ? t('impact.technician', { name: notified.name, code: notified.code })
        : notified.code;
    const name = unitNames.get(notified.unitCode);
    return name
      ? t('impact.desk', { name, code: notified.unitCode })
      : t('impact.deskCode', { code: notified.unitCode });
  };

  let content;
  if (body === null) {
    content = (
      <Text size="sm" data-testid="impact-incomplete">
        {t('impact.incomplete')}
      </Text>
    );
  } else if (impact.isPending) {
    content = (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t('impact.loading')}</Text>
      </Group>
    );
  } else if (impact.isError) {
    const { error } = impact;
    const detail = error instanceof ApiProblemError ? (error.detail ?? error.title) : undefined;
    content = (
      <Stack gap={4} data-testid="impact-error">
        <Text size="sm" fw={700}>
          {t('impact.errorTitle')}
        </Text>
        {detail && <Text size="sm">{detail}</Text>}
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            loading={impact.isFetching}
            onClick={() => void impact.refetch()}
          >
            {t('impact.retry')}
          </Button>
        </Group>
      </Stack>
    );
  } else {
    const { displaced, unnamed, clear } = impact.data;
    content = (
      <Stack gap="xs">
        {clear && <Text size="sm">{t('impact.clear')}</Text>}
        {unnamed > 0 && (
          <Text size="sm" fw={700} data-testid="impact-unnamed">
            {t('impact.unnamed', { count: unnamed })}
          </Text>
        )}
        {displaced.length > 0 && (
          <List listStyleType="none" spacing="xs" data-testid="impact-list">
            {displaced.map((d) => (
              <List.Item key={d.appointmentId} data-appointment={d.appointmentId}>
                <Paper withBorder p="xs" radius="sm">
                  <Stack gap={4}>
                    <Group gap="xs" wrap="wrap">
                      <Anchor
                        component={Link}
                        to={`/app/requests/${encodeURIComponent(d.requestId)}`}
                        fw={700}
                      >
                        {d.reference}
                      </Anchor>
                      {(d.customerName ?? d.siteName) && (
                        <Text size="sm">{[d.customerName, d.siteName].filter(Boolean).join(' · ')}</Text>
                      )}
                    </Group>
                    <Text size="sm">
                      {t('impact.when', {
                        range: format.range(d.start, d.end),
                        technician: d.technicianCode,
                      })}
                    </Text>
                    {d.priority && (
                      <Group gap="xs">
                        <Text size="sm">{t('impact.priority')}</Text>
                        <PriorityBadge priority={d.priority} />
                      </Group>
                    )}
                    <Text size="sm" data-testid="impact-action">
                      {t(d.action ? `impact.action.${d.action}` : 'impact.action.unnamed')}
                    </Text>
                    <Group gap="xs">
                      <Text size="sm">{t('impact.serviceLevel')}</Text>
                      <Badge
                        variant="filled"
                        color={RISK_COLOURS[d.slaRisk]}
                        miw="fit-content"
                        data-risk={d.slaRisk}
                      >
                        {t(RISK_KEYS[d.slaRisk])}
                      </Badge>
                      {d.deadline && (
                        <Text size="sm">{t('impact.deadline', { date: format.dateTime(d.deadline) })}</Text>
                      )}
                    </Group>
                    <Text size="sm" data-testid="impact-notified">
                      {d.notified.length > 0
                        ? t('impact.told', { list: d.notified.map(told).join(', ') })
                        : t('impact.toldNobody')}
                    </Text>
                  </Stack>
                </Paper>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  }

  return (
    <section aria-labelledby={headingId} data-testid="impact-preview">
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {t('impact.title')}
        </Title>
        {content}
      </Stack>
    </section>
  );
}
