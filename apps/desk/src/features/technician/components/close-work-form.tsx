import type { InterventionSheet } from '@fieldstream/api-contract';
import {
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../agenda/format-duration';
import { technicianPaths } from '../api/technician-paths';
import { useItemOptions } from '../hooks/use-item-options';
import { useRequestCommand } from '../hooks/use-request-command';
import { useStockSources } from '../hooks/use-stock-sources';
import { closeBody } from '../sheet/close-body';
import { closeFieldErrors } from '../sheet/close-field-errors';
import { defaultWarehouse } from '../sheet/default-warehouse';
import { emptyCloseDraft } from '../sheet/empty-close-draft';
import { estimateMinutes } from '../sheet/estimate-minutes';
import type { CloseDraft, MaterialDraft } from '../types/close-draft';
import type { CloseProblem } from '../types/close-problem';
import { CommandButton } from './command-button';
import { CommandProblem } from './command-problem';
import { MaterialRow } from './material-row';

/**
 * Closes the job with its actuals: labour (prefilled with the catalogue's estimate, shown beside
 * what is typed), travel, materials and where they came from (the technician's van unless said
 * otherwise), the corrective actions done and the resolution. Checks what it can before sending;
 * the API's field errors (a shortage in the van) then show beside their field.
 */
export function CloseWorkForm({
  sheet,
  technicianCode,
  online,
  onCancel,
  onDone,
}: {
  sheet: InterventionSheet;
  technicianCode: string | undefined;
  online: boolean;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('technician');
  const requestId = sheet.request.id;
  const command = useRequestCommand(requestId);
  const estimate = estimateMinutes(sheet, technicianCode);
  const [draft, setDraft] = useState<CloseDraft>(() => emptyCloseDraft(estimate));
  const [problems, setProblems] = useState<Record<string, CloseProblem>>({});
  const nextRowKey = useRef(0);
  const items = useItemOptions(true);
  const sources = useStockSources(true);
  const fallbackWarehouse = defaultWarehouse(sources.data ?? [], technicianCode) ?? '';
  const warehouseOptions = (sources.data ?? []).map((source) => ({
    value: source.code,
    label:
      source.type === 'van' && source.technicianCode === technicianCode
        ? t('close.myVan', { name: source.name || source.code, code: source.code })
        : `${source.name || source.code} (${source.code})`,
  }));
  const checklist = useMemo(
    () => [...new Set(sheet.conditions.flatMap((c) => c.correctiveActions.map((action) => action.title)))],
    [sheet.conditions],
  );
  const server = closeFieldErrors(command.error);
  const errorOf = (path: string) => (problems[path] ? t(`close.problems.${problems[path]}`) : server[path]);
  const duration = (minutes: number) =>
    formatDuration(minutes, { hours: t('units.hours'), minutes: t('units.minutes') });
  const entered = Number(draft.labourMinutes.trim());
  const labourEntered = draft.labourMinutes.trim() !== '' && Number.isInteger(entered) && entered >= 0;

  const change = (next: Partial<CloseDraft>) => setDraft((current) => ({ ...current, ...next }));
  const changeRow = (index: number, row: MaterialDraft) =>
    change({ materials: draft.materials.map((current, i) => (i === index ? row : current)) });
  const addRow = () => {
    nextRowKey.current += 1;
    change({
      materials: [
        ...draft.materials,
        { key: `row-${nextRowKey.current}`, itemCode: '', quantity: '', warehouseCode: '' },
      ],
    });
  };
  const removeRow = (index: number) => {
    // Row errors are keyed by position: after a removal they would point at the wrong row.
    setProblems({});
    command.reset();
    change({ materials: draft.materials.filter((_, i) => i !== index) });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = closeBody({
      ...draft,
      materials: draft.materials.map((row) => ({
        ...row,
        warehouseCode: row.warehouseCode || fallbackWarehouse,
      })),
    });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    command.mutate(
      { path: technicianPaths.action(requestId, 'close'), version: sheet.request.version, body: result.body },
      { onSuccess: onDone },
    );
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="close-work-title">
      <form noValidate onSubmit={submit} aria-labelledby="close-work-title">
        <Stack gap="md">
          <Title order={2} fz="h3" id="close-work-title">
            {t('close.title')}
          </Title>
          {command.error ? <CommandProblem error={command.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('close.labourMinutes')}
              required
              size="md"
              inputMode="numeric"
              value={draft.labourMinutes}
              onChange={(event) => change({ labourMinutes: event.currentTarget.value })}
              description={
                estimate === undefined
                  ? t('close.noEstimate')
                  : labourEntered
                    ? t('close.estimateBeside', { estimate: duration(estimate), entered: duration(entered) })
                    : t('close.estimate', { estimate: duration(estimate) })
              }
              error={errorOf('labourMinutes')}
            />
            <TextInput
              label={t('close.travelMinutes')}
              required
              size="md"
              inputMode="numeric"
              value={draft.travelMinutes}
              onChange={(event) => change({ travelMinutes: event.currentTarget.value })}
              error={errorOf('travelMinutes')}
            />
            <TextInput
              label={t('close.travelKm')}
              required
              size="md"
              inputMode="decimal"
              value={draft.travelKm}
              onChange={(event) => change({ travelKm: event.currentTarget.value })}
              error={errorOf('travelKm')}
            />
          </SimpleGrid>

          <Stack gap="xs">
            <Title order={3} fz="h4">
              {t('close.materials')}
            </Title>
            {draft.materials.length === 0 && <Text size="sm">{t('close.noMaterials')}</Text>}
            {errorOf('materials') && (
              <Text c="red.9" size="sm" role="alert">
                {errorOf('materials')}
              </Text>
            )}
            {draft.materials.map((row, index) => (
              <MaterialRow
                key={row.key}
                index={index}
                row={row}
                warehouseCode={row.warehouseCode || fallbackWarehouse}
                items={items.data ?? []}
                warehouses={warehouseOptions}
                errorOf={errorOf}
                onChange={(next) => changeRow(index, next)}
                onRemove={() => removeRow(index)}
              />
            ))}
            <Button variant="light" size="md" mih={44} onClick={addRow} style={{ alignSelf: 'flex-start' }}>
              {t('close.addMaterial')}
            </Button>
          </Stack>

          {checklist.length > 0 && (
            <Checkbox.Group
              label={t('close.actionsDone')}
              value={draft.correctiveActions}
              onChange={(next) =>
                // Keep the checklist's order whatever order they were ticked in.
                change({ correctiveActions: checklist.filter((title) => next.includes(title)) })
              }
              error={errorOf('correctiveActions')}
            >
              <Stack gap="sm" mt="xs">
                {checklist.map((title) => (
                  <Checkbox key={title} value={title} label={title} size="md" />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Textarea
            label={t('close.otherActions')}
            description={t('close.otherActionsHint')}
            size="md"
            autosize
            minRows={2}
            value={draft.otherActions}
            onChange={(event) => change({ otherActions: event.currentTarget.value })}
            error={errorOf('otherActions')}
          />
          <Textarea
            label={t('close.resolution')}
            required
            size="md"
            autosize
            minRows={3}
            value={draft.resolution}
            onChange={(event) => change({ resolution: event.currentTarget.value })}
            error={errorOf('resolution')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" mih={44} onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
            <CommandButton type="submit" online={online} loading={command.isPending}>
              {t('close.submit')}
            </CommandButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
