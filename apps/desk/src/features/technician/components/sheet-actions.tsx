import type { InterventionSheet } from '@fieldstream/api-contract';
import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { technicianPaths } from '../api/technician-paths';
import { useRequestCommand } from '../hooks/use-request-command';
import { sheetActions } from '../sheet/sheet-actions';
import type { SheetAction } from '../types/sheet-action';
import type { Viewer } from '../types/viewer';
import { CloseWorkForm } from './close-work-form';
import { CommandButton } from './command-button';
import { CommandProblem } from './command-problem';
import { ConditionFoundDialog } from './condition-found-dialog';
import { FollowUpDialog } from './follow-up-dialog';
import { NoteDialog } from './note-dialog';
import { RenounceDialog } from './renounce-dialog';

/**
 * What the viewer can do with the request now, as big buttons near the top of the sheet. Setting
 * out and starting work are one tap each (a repeat changes nothing); the rest ask for details first. After renouncing,
 * the job is no longer the technician's: back to the agenda.
 */
export function SheetActions({
  sheet,
  viewer,
  online,
}: {
  sheet: InterventionSheet;
  viewer: Viewer;
  online: boolean;
}) {
  const { t } = useTranslation('technician');
  const navigate = useNavigate();
  const request = sheet.request;
  const actions = sheetActions(request, viewer);
  const start = useRequestCommand(request.id);
  const [open, setOpen] = useState<SheetAction | null>(null);
  const [done, setDone] = useState<SheetAction | null>(null);
  const technicianBody =
    viewer.actsForAnother && viewer.technicianCode ? { technicianCode: viewer.technicianCode } : {};
  // An office user acting for a technician goes back to that technician's agenda.
  const agendaAfterRenouncing =
    viewer.actsForAnother && viewer.technicianCode
      ? `/app/my/agenda?${new URLSearchParams({ technician: viewer.technicianCode }).toString()}`
      : '/app/my/agenda';
  if (actions.length === 0) return null;

  const finished = (action: SheetAction) => () => {
    setOpen(null);
    setDone(action);
  };
  const choose = (action: SheetAction) => {
    setDone(null);
    if (action !== 'start' && action !== 'onTheWay') {
      setOpen(action);
      return;
    }
    start.mutate(
      {
        path: technicianPaths.action(request.id, action === 'start' ? 'start' : 'on-the-way'),
        version: request.version,
        body: technicianBody,
      },
      { onSuccess: finished(action) },
    );
  };
  const dialog = {
    requestId: request.id,
    version: request.version,
    online,
    technicianBody,
    onClose: () => setOpen(null),
  };

  return (
    <Stack gap="sm">
      {done && (
        <Alert color="green" role="status" variant="light">
          {t(`done.${done}`)}
        </Alert>
      )}
      {start.error ? <CommandProblem error={start.error} /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" role="group" aria-label={t('actions.label')}>
        {actions.map((action) => (
          <CommandButton
            key={action}
            online={online}
            // Mantine's light variant paints a shaded colour (red.9) as text on itself: outline instead.
            variant={
              action === 'start' || action === 'close'
                ? 'filled'
                : action === 'renounce'
                  ? 'outline'
                  : 'light'
            }
            color={action === 'renounce' ? 'red.9' : undefined}
            size="lg"
            fullWidth
            loading={(action === 'start' || action === 'onTheWay') && start.isPending}
            onClick={() => choose(action)}
          >
            {t(`actions.${action}`)}
          </CommandButton>
        ))}
      </SimpleGrid>
      {actions.includes('renounce') && (
        <RenounceDialog
          {...dialog}
          opened={open === 'renounce'}
          reasons={sheet.renounceReasons}
          onDone={() => void navigate(agendaAfterRenouncing, { state: { notice: 'renounce' } })}
        />
      )}
      {actions.includes('conditionFound') && (
        <ConditionFoundDialog
          {...dialog}
          opened={open === 'conditionFound'}
          onDone={finished('conditionFound')}
        />
      )}
      {actions.includes('note') && (
        <NoteDialog {...dialog} opened={open === 'note'} onDone={finished('note')} />
      )}
      {actions.includes('followUp') && (
        <FollowUpDialog
          {...dialog}
          opened={open === 'followUp'}
          priority={request.priority}
          onDone={finished('followUp')}
        />
      )}
      {open === 'close' && (
        <CloseWorkForm
          sheet={sheet}
          technicianCode={viewer.technicianCode}
          online={online}
          onCancel={() => setOpen(null)}
          onDone={finished('close')}
        />
      )}
    </Stack>
  );
}
