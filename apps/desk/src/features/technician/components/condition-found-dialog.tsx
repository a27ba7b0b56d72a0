import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import type { RecordOption } from '../../../shared/types/record-option';
import { technicianPaths } from '../api/technician-paths';
import { useConditionSearch } from '../hooks/use-condition-search';
import { useRequestCommand } from '../hooks/use-request-command';
import type { ActionDialogProps } from '../types/action-dialog-props';
import { CommandDialog } from './command-dialog';

/** Records a condition found on site, picked from the catalogue as the technician types. */
export function ConditionFoundDialog(props: ActionDialogProps) {
  const { t } = useTranslation('technician');
  const command = useRequestCommand(props.requestId);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<RecordOption | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const q = chosen && debounced === chosen.label ? '' : debounced;
  const options = useConditionSearch(props.opened ? q : '');
  const [problem, setProblem] = useState<string | undefined>();
  const server = fieldErrorsByPath(command.error);
  const data = [
    ...(chosen ? [chosen] : []),
    ...(options.data ?? []).filter((option) => option.value !== chosen?.value),
  ];
  const submit = () => {
    if (!chosen) {
      setProblem(t('problems.required'));
      return;
    }
    setProblem(undefined);
    command.mutate(
      {
        path: technicianPaths.conditionsFound(props.requestId),
        version: props.version,
        body: { conditionCode: chosen.value, ...props.technicianBody },
      },
      { onSuccess: props.onDone },
    );
  };
  return (
    <CommandDialog
      opened={props.opened}
      title={t('conditionFound.title')}
      submitLabel={t('conditionFound.submit')}
      online={props.online}
      pending={command.isPending}
      error={command.error}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <Select
        label={t('conditionFound.condition')}
        placeholder={t('conditionFound.placeholder')}
        required
        size="md"
        searchable
        data={data}
        value={chosen?.value ?? null}
        onChange={(next, option) =>
          setChosen(next && option ? { value: option.value, label: option.label } : null)
        }
        searchValue={search}
        onSearchChange={setSearch}
        // The API already searched by word prefix; filtering again by substring would hide matches.
        filter={({ options: all }) => all}
        nothingFoundMessage={t('conditionFound.nothingFound')}
        error={problem ?? server['conditionCode']}
      />
    </CommandDialog>
  );
}
