import { Anchor, Group, Loader, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useInterventionSheet } from '../hooks/use-intervention-sheet';
import { useOnlineStatus } from '../hooks/use-online-status';
import { useViewer } from '../hooks/use-viewer';
import { mayRecordMeterReading } from '../sheet/may-record-meter-reading';
import { AssetSection } from './asset-section';
import { AttachmentsSection } from './attachments-section';
import { ConditionsSection } from './conditions-section';
import { ContractSection } from './contract-section';
import { HistorySection } from './history-section';
import { LastUpdated } from './last-updated';
import { OfflineBanner } from './offline-banner';
import { SheetActions } from './sheet-actions';
import { SheetHeader } from './sheet-header';
import { SiteSection } from './site-section';

/**
 * The intervention sheet: everything a technician needs on site, in the order they need it —
 * what and when, what to do now, where and whom to call, the machine (and a reading of its
 * meters), how to fix it, what the contract covers, what was done before, the documents.
 */
export function InterventionSheetPage() {
  const { t } = useTranslation('technician');
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const online = useOnlineStatus();
  const sheet = useInterventionSheet(id);
  const viewer = useViewer(sheet.data?.request.assignments);
  useDocumentTitle(
    sheet.data ? t('sheet.documentTitle', { reference: sheet.data.request.reference }) : t('sheet.loading'),
  );
  const technician = searchParams.get('technician');
  const agendaLink = technician
    ? `/app/my/agenda?${new URLSearchParams({ technician }).toString()}`
    : '/app/my/agenda';

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to={agendaLink} py={10}>
        {t('sheet.backToAgenda')}
      </Anchor>
      {!online && <OfflineBanner />}
      {sheet.error && (
        <ProblemAlert
          error={sheet.error}
          overrides={{ notFound: { title: t('sheet.notFound.title'), body: t('sheet.notFound.body') } }}
        />
      )}
      {!sheet.data ? (
        !sheet.error && <Loader role="status" aria-label={t('sheet.loading')} />
      ) : (
        <>
          <SheetHeader request={sheet.data.request} />
          <Group gap="sm" aria-live="polite">
            <LastUpdated at={sheet.dataUpdatedAt} />
            {sheet.isFetching && <Loader role="status" size="xs" aria-label={t('sheet.loading')} />}
          </Group>
          <SheetActions sheet={sheet.data} viewer={viewer} online={online} />
          <SiteSection sheet={sheet.data} />
          {sheet.data.asset && (
            <AssetSection
              asset={sheet.data.asset}
              mayRecordReading={mayRecordMeterReading(viewer)}
              online={online}
            />
          )}
          <ConditionsSection conditions={sheet.data.conditions} />
          <ContractSection contract={sheet.data.contract} />
          <HistorySection interventions={sheet.data.previousInterventions} />
          <AttachmentsSection attachments={sheet.data.attachments} />
        </>
      )}
    </Stack>
  );
}
