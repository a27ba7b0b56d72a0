import type { PortalSite } from '@fieldstream/api-contract';
import { Alert, Button, Input, Loader, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useAssetConditions } from '../hooks/use-asset-conditions';
import { useOpenPortalRequest } from '../hooks/use-open-portal-request';
import { usePortalAssets } from '../hooks/use-portal-assets';
import { fieldProblems } from './field-problems';
import { PhotoPicker } from './photo-picker';
import { PhotoPreview } from './photo-preview';
import { portalRequestPath } from './request-card';

/** Where a `?asset=` (a QR label) or `?site=` link points, once the customer's book is known. */
function preselection(sites: readonly PortalSite[], asset: string | null, site: string | null) {
  if (asset) {
    const home = sites.find((candidate) => candidate.assets.some((a) => a.code === asset));
    return home
      ? { siteCode: home.code, assetCode: asset, unknownAsset: null }
      : { siteCode: null, assetCode: null, unknownAsset: asset };
  }
  const known = site && sites.some((candidate) => candidate.code === site) ? site : null;
  return {
    siteCode: known ?? (sites.length === 1 ? sites[0]!.code : null),
    assetCode: null,
    unknownAsset: null,
  };
}

/**
 * `/app/portal/new`: a request in a few steps a customer can do standing at the machine with a
 * phone: the site, the machine (of that site), what is wrong, optionally the problem as the
 * catalogue names it for that model, and a photo from the camera. A QR label opens it with the
 * machine already chosen. Sent as one form, so a refused photo opens nothing; then the request's page.
 */
export function PortalNewRequestPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('new.documentTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const book = usePortalAssets();
  const open = useOpenPortalRequest();
  const [siteCode, setSiteCode] = useState<string | null>(null);
  const [assetCode, setAssetCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [conditionCode, setConditionCode] = useState<string | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [unknownAsset, setUnknownAsset] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ site?: boolean; description?: boolean }>({});
  const conditions = useAssetConditions(assetCode);

  const sites = useMemo(() => book.data?.sites ?? [], [book.data]);
  const [preselected, setPreselected] = useState(false);
  useEffect(() => {
    if (preselected || !book.data) return;
    const chosen = preselection(sites, params.get('asset'), params.get('site'));
    setSiteCode(chosen.siteCode);
    setAssetCode(chosen.assetCode);
    setUnknownAsset(chosen.unknownAsset);
    setPreselected(true);
  }, [book.data, sites, params, preselected]);

  const site = sites.find((candidate) => candidate.code === siteCode);
  const problems = fieldProblems(open.error);
  const problem = (field: string) => {
    const found = problems[field];
    if (!found) return undefined;
    const key = `new.errors.${found.code}`;
    return t(key, { defaultValue: found.message || t('new.invalid') });
  };

  if (book.error) return <ProblemAlert error={book.error} />;
  if (!book.data) return <Loader role="status" size="sm" aria-label={t('new.loadingBook')} />;

  const submit = () => {
    const lacking = { site: siteCode === null, description: description.trim() === '' };
    setMissing(lacking);
    if (lacking.site || lacking.description || siteCode === null) return;
    open.mutate(
      {
        fields: {
          siteCode,
          ...(assetCode && { assetCode }),
          description: description.trim(),
          ...(conditionCode && { conditionCode }),
          ...(contactName.trim() && { contactName: contactName.trim() }),
          ...(contactPhone.trim() && { contactPhone: contactPhone.trim() }),
        },
        photo,
      },
      { onSuccess: (opened) => void navigate(portalRequestPath(opened.id)) },
    );
  };
  const anyProblem = Object.keys(problems).length > 0;

  return (
    <Stack gap="md" maw={640} mx="auto" w="100%">
      <Title order={1} fz="h2">
        {t('new.title')}
      </Title>
      <Text>{t('new.intro')}</Text>
      {unknownAsset && (
        <Alert color="orange" variant="light" role="alert">
          {t('new.assetUnknown', { code: unknownAsset })}
        </Alert>
      )}
      <Stack
        gap="md"
        component="form"
        aria-label={t('new.title')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Select
          label={t('new.site')}
          placeholder={t('new.sitePlaceholder')}
          data={sites.map((candidate) => ({
            value: candidate.code,
            label: candidate.address ? `${candidate.name} — ${candidate.address}` : candidate.name,
          }))}
          value={siteCode}
          onChange={(value) => {
            setSiteCode(value);
            setAssetCode(null);
            setConditionCode(null);
          }}
          searchable
          withAsterisk
          allowDeselect={false}
          error={missing.site ? t('new.required') : problem('siteCode')}
        />
        <Select
          label={t('new.asset')}
          description={t('new.assetHint')}
          placeholder={t('new.assetPlaceholder')}
          data={(site?.assets ?? []).map((asset) => ({
            value: asset.code,
            label: `${asset.name ?? asset.modelName ?? asset.modelCode} (${asset.code})`,
          }))}
          value={assetCode}
          onChange={(value) => {
            setAssetCode(value);
            setConditionCode(null);
          }}
          disabled={!site}
          searchable
          clearable
          error={problem('assetCode')}
        />
        <Textarea
          label={t('new.description')}
          description={t('new.descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          withAsterisk
          error={missing.description ? t('new.required') : problem('description')}
        />
        {assetCode && (
          <Select
            label={t('new.condition')}
            description={t('new.conditionHint')}
            placeholder={t('new.conditionPlaceholder')}
            nothingFoundMessage={t('new.conditionNothing')}
            data={(conditions.data?.conditions ?? []).map((condition) => ({
              value: condition.code,
              label: condition.name,
            }))}
            value={conditionCode}
            onChange={setConditionCode}
            searchable
            clearable
            error={problem('conditionCode')}
          />
        )}
        <Stack gap={6} role="group" aria-labelledby="portal-photo-label">
          <Input.Label labelElement="div" id="portal-photo-label">
            {t('new.photo')}
          </Input.Label>
          <Text size="xs" c="dimmed">
            {t('new.photoHint')}
          </Text>
          {photo && <PhotoPreview photo={photo} onRemove={() => setPhoto(null)} />}
          <div>
            <PhotoPicker label={photo ? t('new.changePhoto') : t('new.takePhoto')} onPick={setPhoto} />
          </div>
          {problem('photo') && (
            <Text c="red.8" size="sm" role="alert">
              {problem('photo')}
            </Text>
          )}
        </Stack>
        <TextInput
          label={t('new.contactName')}
          value={contactName}
          onChange={(event) => setContactName(event.currentTarget.value)}
          maxLength={200}
          autoComplete="name"
          error={problem('contactName')}
        />
        <TextInput
          label={t('new.contactPhone')}
          value={contactPhone}
          onChange={(event) => setContactPhone(event.currentTarget.value)}
          maxLength={40}
          type="tel"
          autoComplete="tel"
          error={problem('contactPhone')}
        />
        {open.error && !anyProblem ? <ProblemAlert error={open.error} /> : null}
        {anyProblem && (
          <Alert color="red" variant="light" role="alert">
            {t('new.invalid')}
          </Alert>
        )}
        <Button type="submit" size="md" loading={open.isPending}>
          {t('new.submit')}
        </Button>
      </Stack>
    </Stack>
  );
}
