import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Stack,
  Tabs,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { AttachmentsTab } from '../../attachments/components/attachments-tab';
import { DevicePanel } from '../../devices/components/device-panel';
import { WarehouseStockTab } from '../../stock/components/warehouse-stock-tab';
import { cleanFormValues, initialFormValues } from '../form/form-values';
import { useKindForm } from '../hooks/use-kind-form';
import { useMasterDataKinds } from '../hooks/use-master-data-kinds';
import { masterDataKeys } from '../hooks/master-data-query-keys';
import { useRecord } from '../hooks/use-record';
import { useRecordCommands } from '../hooks/use-record-commands';
import { RecordHistory } from './record-history';
import { RetireDialog } from './retire-dialog';
import { SchemaForm } from './schema-form';

type Values = Record<string, unknown>;

const isConflict = (error: unknown) => error instanceof ApiProblemError && error.status === 409;

/**
 * One record of any kind (or a new one at `/app/md/<plural>/new`): a form generated from the
 * kind's schema, saved with If-Match so an edit never silently overwrites someone else's; its
 * history; retire and reinstate.
 */
export function RecordPage() {
  const { plural = '', code: rawCode = '' } = useParams();
  const creating = rawCode === 'new';
  const { t } = useTranslation(['masterData', 'stock', 'attachments', 'devices']);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useKindForm(plural);
  const kinds = useMasterDataKinds();
  const access = kinds.data?.find((kind) => kind.plural === plural);
  const readOnly = !access || access.write === 'none';
  const record = useRecord(plural, creating ? undefined : rawCode);
  const commands = useRecordCommands(plural);

  // What the user typed, over the record as loaded: polling may refresh the record underneath,
  // and the version the edit started from is what If-Match sends.
  const [draft, setDraft] = useState<Values | null>(null);
  const [draftVersion, setDraftVersion] = useState<number | null>(null);
  const [newCode, setNewCode] = useState('');
  const [formKey, setFormKey] = useState(0);
  const [invalidJson, setInvalidJson] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [tab, setTab] = useState<string | null>('details');
  const [retireOpened, retireDialog] = useDisclosure(false);
  const topRef = useRef<HTMLDivElement>(null);

  const kindTitle = access ? t(`kinds.${access.kind}.singular`) : plural;
  useDocumentTitle(`${creating ? t('record.newTitle', { kind: kindTitle }) : rawCode} · Fieldstream`);

  const mutation = creating ? commands.create : commands.save;
  const errors = fieldErrorsByPath(mutation.error);
  useEffect(() => {
    if (mutation.error) topRef.current?.scrollIntoView?.({ block: 'start' });
  }, [mutation.error]);

  if (!form) return <Alert color="red">{t('record.unknownKind', { plural })}</Alert>;
  if (!creating && record.error && !record.data) return <ProblemAlert error={record.error} />;
  if (!creating && !record.data) return <Loader role="status" size="sm" aria-label={t('record.loading')} />;

  const document = record.data;
  const values: Values = draft ?? (creating ? initialFormValues(form.specs) : (document?.record ?? {}));
  const change = (next: Values) => {
    if (draft === null && document) setDraftVersion(document.version);
    setSaved(false);
    setDraft(next);
  };
  const discard = async () => {
    setDraft(null);
    setDraftVersion(null);
    setFormKey((key) => key + 1);
    commands.save.reset();
    await queryClient.invalidateQueries({ queryKey: masterDataKeys.record(plural, rawCode) });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cleaned = cleanFormValues(form.specs, values);
    setInvalidJson(cleaned.invalidJson);
    if (cleaned.invalidJson.length > 0) return;
    if (creating) {
      commands.create.mutate(
        { code: newCode.trim(), fields: cleaned.body },
        {
          onSuccess: (created) =>
            navigate(`/app/md/${plural}/${encodeURIComponent(created.code)}`, { replace: true }),
        },
      );
      return;
    }
    if (!document) return;
    commands.save.mutate(
      { code: document.code, version: draftVersion ?? document.version, fields: cleaned.body },
      {
        onSuccess: (next) => {
          queryClient.setQueryData(masterDataKeys.record(plural, document.code), next);
          setDraft(null);
          setDraftVersion(null);
          setFormKey((key) => key + 1);
          setSaved(true);
        },
      },
    );
  };

  const unplacedErrors = Object.entries(errors).filter(
    ([path]) =>
      path === '' || (!form.specs.some((spec) => path.split('.')[0] === spec.name) && path !== 'code'),
  );

  const details = (
    <form noValidate onSubmit={submit} aria-label={t('record.formLabel', { kind: kindTitle })}>
      <Stack gap="md">
        {isConflict(mutation.error) ? (
          <Alert color="orange" title={t('record.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              {t('record.conflictBody')}
              <Button size="xs" variant="white" onClick={() => void discard()}>
                {t('record.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : mutation.error instanceof ApiProblemError && mutation.error.status === 400 ? (
          <Alert color="red" title={t('record.invalidTitle')} role="alert">
            {t('record.invalidBody')}
            {unplacedErrors.length > 0 && (
              <List size="sm" mt="xs">
                {unplacedErrors.map(([path, message]) => (
                  <List.Item key={path}>{path ? `${path}: ${message}` : message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        ) : (
          mutation.error && <ProblemAlert error={mutation.error} />
        )}
        {invalidJson.length > 0 && (
          <Alert color="red" role="alert">
            {t('record.fixJson', { fields: invalidJson.join(', ') })}
          </Alert>
        )}
        {saved && (
          <Alert color="green" role="status">
            {t('record.saved')}
          </Alert>
        )}
        {!creating &&
          draft !== null &&
          document &&
          draftVersion !== null &&
          document.version > draftVersion && (
            <Alert color="yellow" role="status">
              {t('record.changedMeanwhile')}
            </Alert>
          )}
        {creating && (
          <TextInput
            label={t('fields.code')}
            required
            value={newCode}
            error={errors['code']}
            onChange={(event) => setNewCode(event.currentTarget.value)}
            description={t('record.codeHint')}
          />
        )}
        <SchemaForm
          key={formKey}
          specs={form.specs}
          values={values}
          onChange={change}
          errors={errors}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {creating ? t('record.create') : t('record.save')}
            </Button>
            {!creating && draft !== null && (
              <Button variant="default" onClick={() => void discard()}>
                {t('record.discard')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );

  return (
    <Stack gap="md" maw={880} ref={topRef}>
      <Anchor component={Link} to={`/app/md/${plural}`} size="sm">
        {t('record.back', { kinds: access ? t(`kinds.${access.kind}.plural`) : plural })}
      </Anchor>
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={1} fz="h2">
            {creating ? t('record.newTitle', { kind: kindTitle }) : `${kindTitle} ${document?.code ?? ''}`}
          </Title>
          {document && (
            <Badge color={document.status === 'active' ? 'teal.9' : 'gray.7'} variant="filled">
              {t(`status.${document.status}`)}
            </Badge>
          )}
          {readOnly && (
            <Badge variant="outline" color="gray.7">
              {t('record.readOnly')}
            </Badge>
          )}
        </Group>
        {document && !readOnly && (
          <Group gap="xs">
            {document.status === 'active' ? (
              <Button variant="outline" color="red.9" onClick={retireDialog.open}>
                {t('record.retire')}
              </Button>
            ) : (
              <Button
                variant="outline"
                loading={commands.reinstate.isPending}
                onClick={() => commands.reinstate.mutate({ code: document.code })}
              >
                {t('record.reinstate')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {commands.reinstate.error && <ProblemAlert error={commands.reinstate.error} />}
      {creating || !document ? (
        details
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="details">{t('record.details')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('record.history')}</Tabs.Tab>
            {plural === 'warehouses' && <Tabs.Tab value="stock">{t('stock:tab')}</Tabs.Tab>}
            {plural === 'assets' && <Tabs.Tab value="device">{t('devices:tab')}</Tabs.Tab>}
            <Tabs.Tab value="attachments">{t('attachments:tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details" pt="md">
            {details}
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <RecordHistory plural={plural} code={document.code} active={tab === 'history'} />
          </Tabs.Panel>
          {plural === 'warehouses' && (
            <Tabs.Panel value="stock" pt="md">
              <WarehouseStockTab
                warehouseCode={document.code}
                technicianCode={
                  typeof document.record['technicianCode'] === 'string'
                    ? document.record['technicianCode']
                    : undefined
                }
              />
            </Tabs.Panel>
          )}
          {plural === 'assets' && (
            <Tabs.Panel value="device" pt="md">
              <DevicePanel assetCode={document.code} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="attachments" pt="md">
            <AttachmentsTab ownerKind={plural} ownerCode={document.code} canWrite={!readOnly} />
          </Tabs.Panel>
        </Tabs>
      )}
      {document && (
        <RetireDialog
          opened={retireOpened}
          onClose={retireDialog.close}
          pending={commands.retire.isPending}
          error={commands.retire.error ? commands.retire.error.message : undefined}
          onConfirm={(reason) =>
            commands.retire.mutate({ code: document.code, reason }, { onSuccess: () => retireDialog.close() })
          }
        />
      )}
    </Stack>
  );
}
