import { SERVICE_REQUEST_PRIORITY_VALUES, type ServiceRequestPriorityValue } from '@fieldstream/api-contract';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { RecordSearchMultiSelect } from '../../../shared/components/record-search-multi-select';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import { openBodyOf } from '../commands/open-body-of';
import { siteContactsOf } from '../commands/site-contacts-of';
import { useMasterRecord } from '../hooks/use-master-record';
import { useOpenServiceRequest } from '../hooks/use-open-service-request';
import { EMPTY_NEW_REQUEST, type NewRequestDraft } from '../types/new-request-draft';
import type { SiteContact } from '../types/site-contact';

/** The body paths this form has a field for; a field error elsewhere is listed at the top. */
const PLACED = [
  'customerCode',
  'siteCode',
  'assetCode',
  'description',
  'priority',
  'conditionCodes',
  'contact.name',
  'contact.phone',
  'contact.email',
  'externalReference',
];
const placed = (path: string) => PLACED.some((field) => path === field || path.startsWith(`${field}.`));

/**
 * `/app/requests/new`: a customer, then one of its sites, then one of that site's assets; what is
 * wrong and how urgent; who to ask on site (prefilled from the site's contacts).
 */
export function NewRequestPage() {
  const { t } = useTranslation('serviceRequests');
  useDocumentTitle(`${t('new.title')} · Fieldstream`);
  const navigate = useNavigate();
  const mutation = useOpenServiceRequest();
  const [draft, setDraft] = useState<NewRequestDraft>(EMPTY_NEW_REQUEST);
  const [problems, setProblems] = useState<Record<string, 'required'>>({});
  const site = useMasterRecord('sites', draft.siteCode);
  const contacts = siteContactsOf(draft.siteCode ? site.data?.record : undefined);
  const prefilledFor = useRef<string | null>(null);
  const serverErrors = fieldErrorsByPath(mutation.error);
  const errorOf = (path: string) =>
    serverErrors[path] ?? (problems[path] ? t(`form.problems.${problems[path]}`) : undefined);

  const change = (next: Partial<NewRequestDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setProblems((current) => {
      const rest = { ...current };
      for (const key of Object.keys(next)) delete rest[key];
      if ('contactName' in next || 'contactPhone' in next || 'contactEmail' in next)
        delete rest['contact.name'];
      return rest;
    });
  };
  const applyContact = (contact: SiteContact | undefined) =>
    change({
      contactName: contact?.name ?? '',
      contactPhone: contact?.phone ?? '',
      contactEmail: contact?.email ?? '',
    });

  // The site's first contact is usually the one to call: prefill once per site chosen.
  const siteCode = draft.siteCode;
  const firstContact = contacts[0];
  useEffect(() => {
    if (!siteCode || !site.data || site.data.code !== siteCode || prefilledFor.current === siteCode) return;
    prefilledFor.current = siteCode;
    setDraft((current) => ({
      ...current,
      contactName: firstContact?.name ?? '',
      contactPhone: firstContact?.phone ?? '',
      contactEmail: firstContact?.email ?? '',
    }));
  }, [siteCode, site.data, firstContact]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = openBodyOf(draft);
    if (!result.ok) {
      setProblems(result.problems);
      mutation.reset();
      return;
    }
    setProblems({});
    mutation.mutate(result.body, {
      onSuccess: (request) => navigate(`/app/requests/${encodeURIComponent(request.id)}`),
    });
  };

  const error = mutation.error;
  const unplaced = Object.entries(serverErrors).filter(([path]) => !placed(path));
  const invalid =
    Object.keys(problems).length > 0 || (error instanceof ApiProblemError && error.status === 400);

  return (
    <Stack gap="md" maw={880}>
      <Anchor component={Link} to="/app/requests" size="sm">
        {t('detail.back')}
      </Anchor>
      <Title order={1} fz="h2">
        {t('new.title')}
      </Title>
      <form noValidate onSubmit={submit} aria-label={t('new.title')}>
        <Stack gap="md">
          {invalid ? (
            <Alert color="red" role="alert" title={t('form.invalidTitle')}>
              {t('form.invalidBody')}
              {unplaced.length > 0 && (
                <List size="sm" mt="xs">
                  {unplaced.map(([path, message]) => (
                    <List.Item key={path}>{path ? `${path}: ${message}` : message}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          ) : (
            error && <ProblemAlert error={error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <RecordSearchSelect
              plural="customers"
              label={t('fields.customer')}
              required
              autoFocus
              value={draft.customerCode}
              error={errorOf('customerCode')}
              onChange={(customerCode) => {
                prefilledFor.current = null;
                change({ customerCode, siteCode: null, assetCode: null });
              }}
            />
            <RecordSearchSelect
              plural="sites"
              label={t('fields.site')}
              required
              value={draft.siteCode}
              where={draft.customerCode ? { customerCode: draft.customerCode } : {}}
              enabled={draft.customerCode !== null}
              placeholder={draft.customerCode ? undefined : t('new.customerFirst')}
              error={errorOf('siteCode')}
              onChange={(siteCode) => change({ siteCode, assetCode: null })}
            />
            <RecordSearchSelect
              plural="assets"
              label={t('fields.asset')}
              value={draft.assetCode}
              where={draft.siteCode ? { siteCode: draft.siteCode } : {}}
              enabled={draft.siteCode !== null}
              placeholder={draft.siteCode ? undefined : t('new.siteFirst')}
              error={errorOf('assetCode')}
              onChange={(assetCode) => change({ assetCode })}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.description')}
            required
            autosize
            minRows={3}
            value={draft.description}
            error={errorOf('description')}
            onChange={(event) => change({ description: event.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('fields.priority')}
              data={SERVICE_REQUEST_PRIORITY_VALUES.map((priority) => ({
                value: priority,
                label: t(`priority.${priority}`),
              }))}
              value={draft.priority}
              allowDeselect={false}
              error={errorOf('priority')}
              onChange={(priority) =>
                priority && change({ priority: priority as ServiceRequestPriorityValue })
              }
            />
            <RecordSearchMultiSelect
              plural="conditions"
              label={t('fields.conditions')}
              value={draft.conditionCodes}
              error={errorOf('conditionCodes')}
              onChange={(conditionCodes) => change({ conditionCodes })}
            />
          </SimpleGrid>
          <Title order={2} fz="h4">
            {t('new.contact')}
          </Title>
          {contacts.length > 1 && (
            <Select
              label={t('new.siteContacts')}
              data={contacts.map((contact, index) => ({
                value: String(index),
                label: contact.role ? `${contact.name} (${contact.role})` : contact.name,
              }))}
              value={String(
                Math.max(
                  0,
                  contacts.findIndex((contact) => contact.name === draft.contactName),
                ),
              )}
              allowDeselect={false}
              onChange={(index) => applyContact(contacts[Number(index)])}
              w={320}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('fields.contactName')}
              value={draft.contactName}
              error={errorOf('contact.name')}
              onChange={(event) => change({ contactName: event.currentTarget.value })}
            />
            <TextInput
              label={t('fields.contactPhone')}
              type="tel"
              value={draft.contactPhone}
              error={errorOf('contact.phone')}
              onChange={(event) => change({ contactPhone: event.currentTarget.value })}
            />
            <TextInput
              label={t('fields.contactEmail')}
              type="email"
              value={draft.contactEmail}
              error={errorOf('contact.email')}
              onChange={(event) => change({ contactEmail: event.currentTarget.value })}
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.externalReference')}
            description={t('new.externalReferenceHint')}
            value={draft.externalReference}
            error={errorOf('externalReference')}
            onChange={(event) => change({ externalReference: event.currentTarget.value })}
            w={320}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('new.submit')}
            </Button>
            <Button variant="default" component={Link} to="/app/requests">
              {t('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
