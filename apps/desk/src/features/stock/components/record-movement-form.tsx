import { Alert, Button, Group, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import type { RecordName } from '../hooks/use-record-names';
import { useRecordMovement } from '../hooks/use-record-movement';
import { movementBody, type MovementFieldProblem } from '../movement/movement-body';
import { MOVEMENT_FIELDS, type MovementField } from '../movement/movement-fields';
import { shortageOf } from '../movement/shortage-of';
import { EMPTY_MOVEMENT_DRAFT, type MovementDraft, type MovementType } from '../types/movement-draft';
import { MovementFieldInput } from './movement-field-input';

/**
 * Records a receipt, issue, reservation, release, count or transfer. Checks what it can before
 * sending; then shows the API's field errors in place and a shortage in words.
 */
export function RecordMovementForm({
  warehouseCode,
  types,
  items,
  warehouses,
}: {
  warehouseCode: string;
  types: readonly MovementType[];
  items: readonly RecordName[];
  warehouses: readonly RecordName[];
}) {
  const { t, i18n } = useTranslation('stock');
  const mutation = useRecordMovement(warehouseCode);
  const [draft, setDraft] = useState<MovementDraft>({ ...EMPTY_MOVEMENT_DRAFT, type: types[0] ?? 'receive' });
  const [problems, setProblems] = useState<Partial<Record<MovementField, MovementFieldProblem>>>({});
  const [recorded, setRecorded] = useState(false);
  const serverErrors = fieldErrorsByPath(mutation.error);
  const shortage = shortageOf(mutation.error);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const destinations = warehouses.filter((warehouse) => warehouse.code !== warehouseCode);

  const change = (next: Partial<MovementDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setRecorded(false);
    if (next.type) {
      setProblems({});
      mutation.reset();
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRecorded(false);
    const result = movementBody(draft);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    mutation.mutate(result.body, {
      onSuccess: () => {
        setRecorded(true);
        // Keep the type and item for the next line of a delivery note; the rest starts again.
        setDraft((current) => ({ ...EMPTY_MOVEMENT_DRAFT, type: current.type, itemCode: current.itemCode }));
      },
    });
  };

  const errorOf = (field: MovementField) =>
    problems[field] ? t(`movement.problems.${problems[field]}`) : serverErrors[field];

  const error = mutation.error;
  return (
    <form noValidate onSubmit={submit} aria-labelledby="record-movement-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="record-movement-title">
          {t('movement.title')}
        </Title>
        {shortage ? (
          <Alert color="red" role="alert" title={t('movement.shortageTitle')}>
            {t('movement.shortage', {
              available: number.format(shortage.available),
              requested: number.format(shortage.requested),
            })}
          </Alert>
        ) : error instanceof ApiProblemError && error.status === 403 ? (
          <Alert color="red" role="alert" title={t('movement.forbiddenTitle')}>
            {t('movement.forbidden')}
          </Alert>
        ) : error instanceof ApiProblemError && error.status === 400 ? (
          <Alert color="red" role="alert" title={t('movement.invalidTitle')}>
            {serverErrors[''] ?? t('movement.invalid')}
          </Alert>
        ) : (
          error && <ProblemAlert error={error} />
        )}
        {recorded && (
          <Alert color="green" role="status">
            {t('movement.recorded')}
          </Alert>
        )}
        <Select
          label={t('movement.fields.type')}
          data={types.map((type) => ({ value: type, label: t(`movement.types.${type}`) }))}
          value={draft.type}
          onChange={(next) => next && change({ type: next as MovementType })}
          allowDeselect={false}
          w={260}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {MOVEMENT_FIELDS[draft.type].map((field) => (
            <MovementFieldInput
              key={`${draft.type}-${field}`}
              field={field}
              value={draft[field]}
              error={errorOf(field)}
              items={items}
              destinations={destinations}
              onChange={(value) => change({ [field]: value })}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('movement.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
