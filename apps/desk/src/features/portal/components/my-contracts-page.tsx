import type { PortalContract } from '@fieldstream/api-contract';
import { Badge, Card, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { formatDay } from '../format/format-window';
import { formatDuration } from '../format/format-duration';
import { hoursRuns } from '../format/weekly-hours';
import { usePortalContracts } from '../hooks/use-portal-contracts';

const STANDING_COLOURS: Record<PortalContract['standing'], string> = {
  'in-force': 'green.9',
  expired: 'gray.8',
  'not-yet': 'blue.8',
};

function ContractCard({ contract }: { contract: PortalContract }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language;
  const names = (list: readonly { code: string; name?: string }[]) =>
    list.map((entry) => entry.name ?? entry.code).join(', ');
  const country = (code: string) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  const money = (amount: number) =>
    new Intl.NumberFormat(language, { style: 'currency', currency: contract.currency }).format(amount);
  const headingId = `portal-contract-${contract.code}`;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-contract={contract.code}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} fz="h3" id={headingId}>
            {contract.name}
          </Title>
          <Badge color={STANDING_COLOURS[contract.standing]} variant="filled" tt="none">
            {t(`contracts.standing.${contract.standing}`)}
          </Badge>
        </Group>
        <Text>
          {t('contracts.validity', {
            from: formatDay(contract.validFrom, language),
            to: formatDay(contract.validTo, language),
          })}
        </Text>

        <Stack gap={4}>
          <Title order={3} fz="h5">
            {t('contracts.coverageTitle')}
          </Title>
          <List size="sm" spacing={2}>
            <List.Item>
              {contract.coverage.allSites
                ? t('contracts.allSites')
                : t('contracts.sites', { list: names(contract.coverage.sites) })}
            </List.Item>
            <List.Item>
              {contract.coverage.allAssets
                ? t('contracts.allAssets')
                : t('contracts.assets', { list: names(contract.coverage.assets) })}
            </List.Item>
            <List.Item>
              {contract.includesLabour ? t('contracts.labourIncluded') : t('contracts.labourExcluded')}
            </List.Item>
            <List.Item>
              {contract.includesMaterials
                ? t('contracts.materialsIncluded')
                : t('contracts.materialsExcluded')}
            </List.Item>
          </List>
        </Stack>

        <Stack gap={4}>
          <Title order={3} fz="h5">
            {t('contracts.hoursTitle')}
          </Title>
          {contract.serviceHours.roundTheClock ? (
            <Text size="sm">{t('contracts.roundTheClock')}</Text>
          ) : (
            <List size="sm" spacing={2}>
              {hoursRuns(contract.serviceHours.weekly).map((run) => (
                <List.Item key={run.from}>
                  {run.from === run.to
                    ? t(`contracts.days.${run.from}`)
                    : t('contracts.dayRange', {
                        from: t(`contracts.days.${run.from}`),
                        to: t(`contracts.days.${run.to}`),
                      })}{' '}
                  {run.hours}
                </List.Item>
              ))}
            </List>
          )}
          {contract.serviceHours.publicHolidays && (
            <Text size="sm">
              {t('contracts.holidays', { country: country(contract.serviceHours.publicHolidays) })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('contracts.timeZone', { zone: contract.serviceHours.timeZone })}
          </Text>
        </Stack>

        <Stack gap={4}>
          <Title order={3} fz="h5">
            {t('contracts.levelsTitle')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table striped withTableBorder verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('contracts.priority')}</Table.Th>
                  <Table.Th scope="col">{t('contracts.response')}</Table.Th>
                  <Table.Th scope="col">{t('contracts.restoration')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contract.serviceLevels.map((level) => (
                  <Table.Tr key={level.priority}>
                    <Table.Th scope="row" fw={600}>
                      {t(`contracts.priorities.${level.priority}`)}
                    </Table.Th>
                    <Table.Td>{formatDuration(level.responseMinutes, language)}</Table.Td>
                    <Table.Td>{formatDuration(level.restorationMinutes, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('contracts.countedIn')} {t(`contracts.responseEndsOn.${contract.responseEndsOn}`)}
          </Text>
          {contract.penaltyPerHour !== undefined && (
            <Text size="sm">{t('contracts.penalty', { amount: money(contract.penaltyPerHour) })}</Text>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

/** `/app/portal/contracts`: what the customer's contracts promise, in plain words. */
export function MyContractsPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('contracts.documentTitle'));
  const contracts = usePortalContracts();
  return (
    <Stack gap="lg" maw={760} mx="auto" w="100%">
      <Title order={1} fz="h2">
        {t('contracts.title')}
      </Title>
      {contracts.error ? (
        <ProblemAlert error={contracts.error} />
      ) : !contracts.data ? (
        <Loader role="status" size="sm" aria-label={t('common.loading')} />
      ) : contracts.data.contracts.length === 0 ? (
        <Text>{t('contracts.empty')}</Text>
      ) : (
        contracts.data.contracts.map((contract) => <ContractCard key={contract.code} contract={contract} />)
      )}
    </Stack>
  );
}
