import { Anchor } from '@mantine/core';
import { masterDataKind, isMasterDataKindName } from '@fieldstream/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { csvTemplateText } from '../csv-template/csv-template-text';

/** A data: URL, so the template downloads without a round trip and without object-URL clean-up. */
export function CsvTemplateLink({ kind, plural }: { kind: string; plural: string }) {
  const { t } = useTranslation('import');
  const href = useMemo(() => {
    if (!isMasterDataKindName(kind)) return undefined;
    return `data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplateText(masterDataKind(kind).schema))}`;
  }, [kind]);
  if (!href) return null;
  return (
    <Anchor href={href} download={`${plural}-template.csv`} size="sm">
      {t('template.download', { plural })}
    </Anchor>
  );
}
