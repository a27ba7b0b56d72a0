import type { WhatIfProposalBody } from '@fieldstream/api-contract';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordSearchMultiSelect } from '../../../shared/components/record-search-multi-select';
import { RecordSearchSelect } from '../../../shared/components/record-search-select';
import { instantOfLocalInput } from '../../service-requests/format/instant-of-local-input';

const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;

/** What the form holds, as its inputs hold it. */
interface Draft {
  siteCode: string | null;
  conditionCodes: string[];
  skillCodes: string[];
  skillLevel: number;
  durationMinutes: number | '';
  priority: (typeof PRIORITIES)[number];
  /** A `datetime-local` value on the browser's clock; empty: now. */
  notBefore: string;
}

const EMPTY: Draft = {
  siteCode: null,
  conditionCodes: [],
  skillCodes: [],
  skillLevel: 1,
  durationMinutes: '',
  priority: 'normal',
  notBefore: '',
};

/**
 * The job a dispatcher imagines — a site, what is wrong there (conditions) or the skills it takes,
 * how long, how urgent, from when — asked as `POST /api/proposals` would take it. What the form can
 * tell by itself (no site, an unreadable time) it says beside the field; the rest (`errors`, by
 * body path) comes from the server's answer.
 */
export function WhatIfForm({
  errors,
  busy,
  onAsk,
}: {
  errors: Record<string, string>;
  busy: boolean;
  onAsk: (asked: WhatIfProposalBody) => void;
}) {
  const { t } = useTranslation('dispatchBoard');
  const { t: tRequests } = useTranslation('serviceRequests');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const errorOf = (path: string) => local[path] ?? errors[path];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.siteCode) found['siteCode'] = t('whatIf.siteRequired');
    const notBefore = draft.notBefore ? instantOfLocalInput(draft.notBefore) : undefined;
    if (draft.notBefore && !notBefore) found['notBefore'] = t('whatIf.notBeforeInvalid');
    setLocal(found);
    if (Object.keys(found).length > 0 || !draft.siteCode) return;
    onAsk({
      siteCode: draft.siteCode,
      conditionCodes: draft.conditionCodes,
      requiredSkills: draft.skillCodes.map((skillCode) => ({ skillCode, minLevel: draft.skillLevel })),
      priority: draft.priority,
      ...(draft.durationMinutes !== '' && { durationMinutes: draft.durationMinutes }),
      ...(notBefore !== undefined && { notBefore }),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('whatIf.formLabel')}>
      <Stack gap="xs">
        <RecordSearchSelect
          plural="sites"
          label={t('whatIf.site')}
          required
          value={draft.siteCode}
          onChange={(siteCode) => change({ siteCode })}
          error={errorOf('siteCode')}
        />
        <RecordSearchMultiSelect
          plural="conditions"
          label={t('whatIf.conditions')}
          description={t('whatIf.conditionsHint')}
          value={draft.conditionCodes}
          onChange={(conditionCodes) => change({ conditionCodes })}
          error={errorOf('conditionCodes')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <RecordSearchMultiSelect
            plural="skills"
            label={t('whatIf.skills')}
            description={t('whatIf.skillsHint')}
            value={draft.skillCodes}
            onChange={(skillCodes) => change({ skillCodes })}
            error={errorOf('requiredSkills')}
          />
          <NumberInput
            label={t('whatIf.skillLevel')}
            min={1}
            max={5}
            allowDecimal={false}
            value={draft.skillLevel}
            onChange={(value) => change({ skillLevel: typeof value === 'number' ? value : 1 })}
          />
          <NumberInput
            label={t('whatIf.duration')}
            description={t('whatIf.durationHint')}
            min={5}
            max={7 * 24 * 60}
            step={15}
            allowDecimal={false}
            value={draft.durationMinutes}
            onChange={(value) => change({ durationMinutes: typeof value === 'number' ? value : '' })}
            error={errorOf('durationMinutes')}
          />
          <Select
            label={t('whatIf.priority')}
            allowDeselect={false}
            data={PRIORITIES.map((priority) => ({
              value: priority,
              label: tRequests(`priority.${priority}`),
            }))}
            value={draft.priority}
            onChange={(value) => {
              const priority = PRIORITIES.find((known) => known === value);
              if (priority) change({ priority });
            }}
          />
        </SimpleGrid>
        <TextInput
          type="datetime-local"
          label={t('whatIf.notBefore')}
          description={t('whatIf.notBeforeHint')}
          value={draft.notBefore}
          onChange={(event) => change({ notBefore: event.currentTarget.value })}
          error={errorOf('notBefore')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('whatIf.ask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
