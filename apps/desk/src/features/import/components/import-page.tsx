import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../../../shared/components/file-drop-zone';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { fetchImportableKinds } from '../api/fetch-importable-kinds';
import { readFileText } from '../api/read-file-text';
import { useImportRun } from '../hooks/use-import-run';
import { importFormatOf } from '../types/import-format';
import { isFinalPhase } from '../types/is-final-phase';
import { CsvTemplateLink } from './csv-template-link';
import { ImportResult } from './import-result';

const IMPORT_ACCEPT = '.csv,.json,text/csv,application/json';

/** Bulk import of one master-data kind from a CSV or JSON file, validated first if wished. */
export function ImportPage() {
  const { t } = useTranslation('import');
  useDocumentTitle(t('documentTitle'));
  const token = useSession().session?.token;
  const kinds = useQuery({ queryKey: ['importable-kinds'], queryFn: () => fetchImportableKinds(token) });
  const [plural, setPlural] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { start, status } = useImportRun();
  const running = start.isPending || (status.data !== undefined && !isFinalPhase(status.data.status));
  const chosen = kinds.data?.find((entry) => entry.plural === plural);

  const run = async (dryRun: boolean) => {
    if (!plural || !file) return;
    const format = importFormatOf(file);
    if (!format) {
      setFileError(t('file.unsupported', { name: file.name }));
      return;
    }
    start.mutate({ plural, format, content: await readFileText(file), dryRun, fileName: file.name });
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={1} fz="h2">
        {t('heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      {kinds.error && <ProblemAlert error={kinds.error} />}
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('kind.label')}
          placeholder={t('kind.placeholder')}
          data={(kinds.data ?? []).map((entry) => ({
            value: entry.plural,
            label: t(`kinds.${entry.kind}`, { defaultValue: entry.plural }),
          }))}
          value={plural}
          onChange={setPlural}
          searchable
          required
          w={280}
        />
        {chosen && <CsvTemplateLink kind={chosen.kind} plural={chosen.plural} />}
      </Group>
      <FileDropZone
        label={file ? t('file.chosen', { name: file.name, size: file.size }) : t('file.dropHere')}
        announceLabel
        chooseLabel={t('file.choose')}
        accept={IMPORT_ACCEPT}
        testId="import-drop-zone"
        onFile={(next) => {
          setFile(next);
          setFileError(null);
          start.reset();
        }}
      />
      {fileError && (
        <Text c="red" size="sm" role="alert">
          {fileError}
        </Text>
      )}
      <Group>
        <Button variant="default" disabled={!plural || !file || running} onClick={() => void run(true)}>
          {t('actions.validate')}
        </Button>
        <Button disabled={!plural || !file || running} onClick={() => void run(false)}>
          {t('actions.import')}
        </Button>
      </Group>
      {start.error && <ProblemAlert error={start.error} />}
      {status.error && <ProblemAlert error={status.error} />}
      {status.data && <ImportResult status={status.data} />}
    </Stack>
  );
}
