import type { MasterDataKindName } from '@fieldstream/domain';
import type { FieldIssue } from '../errors';

/** Reads a record (written, or about to be written by the same import) for the rules below. */
export type RecordLookup = (
  kind: MasterDataKindName,
  code: string,
) => Promise<Record<string, unknown> | undefined>;

/**
 * Rules that span records and that a schema cannot see: a unit cannot sit below itself, an asset
 * belongs to its site's customer, a contract covers only its customer's sites and assets.
 */
export async function crossRecordIssues(
  kind: MasterDataKindName,
  code: string,
  record: Record<string, unknown>,
  lookup: RecordLookup,
): Promise<FieldIssue[]> {
  switch (kind) {
    case 'unit':
      return unitIssues(code, record, lookup);
    case 'asset': {
      const site = await lookup('site', String(record['siteCode']));
      if (site && site['customerCode'] !== record['customerCode']) {
        return [
          {
            field: 'customerCode',
            code: 'customer_mismatch',
            message: `The site ${String(record['siteCode'])} belongs to customer ${String(site['customerCode'])}`,
          },
        ];
      }
      return [];
    }
    case 'contract':
      return contractIssues(record, lookup);
    case 'parameters':
      return code === 'organisation'
        ? []
        : [{ field: 'code', code: 'invalid_code', message: 'The parameters record is named organisation' }];
    default:
      return [];
  }
}

async function unitIssues(
  code: string,
  record: Record<string, unknown>,
  lookup: RecordLookup,
): Promise<FieldIssue[]> {
  let parent = record['parentCode'];
  const seen = new Set([code]);
  while (typeof parent === 'string') {
    if (seen.has(parent)) {
      return [{ field: 'parentCode', code: 'cycle', message: `The unit ${code} would end up below itself` }];
    }
    seen.add(parent);
    parent = (await lookup('unit', parent))?.['parentCode'];
  }
  return [];
}

async function contractIssues(record: Record<string, unknown>, lookup: RecordLookup): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const customer = record['customerCode'];
  const check = async (kind: 'site' | 'asset', field: 'siteCodes' | 'assetCodes') => {
    const codes = (record[field] as string[] | undefined) ?? [];
    for (const [index, covered] of codes.entries()) {
      const found = await lookup(kind, covered);
      if (found && found['customerCode'] !== customer) {
        issues.push({
          field: `${field}.${index}`,
          code: 'customer_mismatch',
          message: `The ${kind} ${covered} belongs to customer ${String(found['customerCode'])}`,
        });
      }
    }
  };
  await check('site', 'siteCodes');
  await check('asset', 'assetCodes');
  return issues;
}
