import type { CalendarFeedWithUrl } from '@fieldstream/api-contract';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import { useMasterRecord } from '../../service-requests/hooks/use-master-record';
import { useCreateCalendarFeed } from '../hooks/use-create-calendar-feed';
import type { FeedScope } from '../types/feed-scope';

export interface NewFeedFormProps {
  /** The technician, or the team first proposed (the board's centre, the user's own). */
  scope: FeedScope | null;
  /** A team's feed: the unit may be changed, among those the user reaches. */
  chooseUnit: boolean;
  /** Active feeds one user may hold, for the message when the limit is reached. */
  maxFeeds: number;
  onCreated: (feed: CalendarFeedWithUrl) => void;
}

/** Names a new feed (and, for a team, picks its unit), then has the server make its address. */
export function NewFeedForm({ scope, chooseUnit, maxFeeds, onCreated }: NewFeedFormProps) {
  const { t } = useTranslation('calendarFeeds');
  const create = useCreateCalendarFeed();
  const [unitCode, setUnitCode] = useState<string | null>(scope?.kind === 'unit' ? scope.code : null);
  const [name, setName] = useState(() =>
    scope ? t('form.defaultName', { name: scope.name ?? scope.code }) : '',
  );
  const [nameTouched, setNameTouched] = useState(false);
  const [missingUnit, setMissingUnit] = useState(false);
  const unit = useMasterRecord('units', chooseUnit ? unitCode : null);
  const unitName = unit.data?.record['name'];
  // A name the user has not written follows the team chosen.
  useEffect(() => {
    if (chooseUnit && !nameTouched && unitCode)
      setName(t('form.defaultName', { name: typeof unitName === 'string' ? unitName : unitCode }));
  }, [chooseUnit, nameTouched, unitCode, unitName, t]);
  const errors = fieldErrorsByPath(create.error);
  const tooMany =
    create.error instanceof ApiProblemError &&
    (create.error.body as { code?: unknown } | undefined)?.code === 'too_many_feeds';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen: FeedScope | null = chooseUnit
      ? unitCode
        ? { kind: 'unit', code: unitCode }
        : null
      : scope;
    setMissingUnit(chosen === null);
    if (!chosen) return;
    create.mutate({ name, scope: { kind: chosen.kind, code: chosen.code } }, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t('form.heading')}
        </Title>
        {!chooseUnit && scope && (
          <Text size="sm">{t(`list.scope.${scope.kind}`, { name: scope.name ?? scope.code })}</Text>
        )}
        {chooseUnit && (
          <RecordSearchSelect
            plural="units"
            label={t('form.unit')}
            description={t('form.unitHelp')}
            value={unitCode}
            onChange={(code) => {
              setUnitCode(code);
              setMissingUnit(false);
            }}
            required
            error={missingUnit ? t('form.unitRequired') : errors['scope.code']}
          />
        )}
        <TextInput
          label={t('form.name')}
          description={t('form.nameHelp')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setNameTouched(true);
          }}
          required
          maxLength={100}
          error={errors['name']}
        />
        {tooMany ? (
          <Text c="red.8" size="sm" role="alert">
            {t('form.limit', { max: maxFeeds })}
          </Text>
        ) : (
          create.error && !errors['name'] && !errors['scope.code'] && <ProblemAlert error={create.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
