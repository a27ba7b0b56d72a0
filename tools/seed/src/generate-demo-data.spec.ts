import {
  MASTER_DATA_KINDS,
  type MasterDataKindName,
  canonicalJson,
  masterDataKindByPlural,
  resolveZone,
} from '@fieldstream/domain';
import { generateDemoData } from './generate-demo-data';

describe('demo data', () => {
  const document = generateDemoData();
  const parsed = new Map<string, Record<string, unknown>>();
  const codes = new Map<MasterDataKindName, Set<string>>();

  beforeAll(() => {
    for (const [plural, records] of Object.entries(document)) {
      const kind = masterDataKindByPlural(plural)!;
      codes.set(kind.name, new Set(records.map((record) => record.code)));
    }
  });

  it('has the organisation the issue describes', () => {
    const count = (plural: string) => document[plural]?.length;
    expect(count('technicians')).toBe(60);
    expect(count('customers')).toBe(200);
    expect(count('sites')).toBe(600);
    expect(count('assets')).toBe(2000);
    expect(count('asset-models')).toBe(10);
    expect(count('conditions')).toBe(80);
    expect(count('contracts')).toBe(200);
    expect(count('parameters')).toBe(1);
    expect(document['units']!.map((unit) => unit['type'])).toEqual([
      'head-office',
      'service-centre',
      'service-centre',
      'service-centre',
      'service-centre',
      'partner',
    ]);
    expect(document['warehouses']!.filter((warehouse) => warehouse['type'] === 'van')).toHaveLength(60);
    expect(count('skills')).toBeGreaterThanOrEqual(20);
    expect(count('professional-roles')).toBe(8);
    expect(count('items')).toBeGreaterThanOrEqual(60);
    const tiers = new Set(
      document['contracts']!.map((contract) => (contract['notes'] as string).split(' ')[1]),
    );
    expect(tiers).toEqual(new Set(['gold', 'silver', 'bronze']));
  });

  it('lists kinds in dependency order, with codes unique per kind', () => {
    const order = MASTER_DATA_KINDS.map((kind) => kind.plural).filter((plural) => plural in document);
    expect(Object.keys(document)).toEqual(order);
    for (const [plural, records] of Object.entries(document)) {
      expect([plural, new Set(records.map((record) => record.code)).size]).toEqual([plural, records.length]);
    }
  });

  it('passes every schema, and every reference names a record of the document', () => {
    const problems: string[] = [];
    for (const [plural, records] of Object.entries(document)) {
      const kind = masterDataKindByPlural(plural)!;
      for (const { code, ...fields } of records) {
        const result = kind.schema.safeParse(fields);
        if (!result.success) {
          problems.push(
            `${plural} ${code}: ${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
          );
          continue;
        }
        parsed.set(`${kind.name}:${code}`, result.data as Record<string, unknown>);
        for (const reference of kind.references(result.data as never)) {
          if (!codes.get(reference.kind)?.has(reference.code))
            problems.push(`${plural} ${code}: ${reference.field} → no ${reference.kind} ${reference.code}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps assets and contracts with their own customer’s sites', () => {
    for (const asset of document['assets']!) {
      expect([asset.code, parsed.get(`site:${String(asset['siteCode'])}`)?.['customerCode']]).toEqual([
        asset.code,
        asset['customerCode'],
      ]);
    }
    for (const contract of document['contracts']!) {
      for (const site of contract['siteCodes'] as string[])
        expect(parsed.get(`site:${site}`)?.['customerCode']).toBe(contract['customerCode']);
    }
  });

  it('places every site inside its zone, by coordinates and by postal code', () => {
    const zones = document['zones']!.map((zone) => ({
      id: zone.code,
      geometry: zone['geometry'] as never,
      postalCodes: zone['postalCodes'] as string[],
      country: zone['country'] as string,
    }));
    const misplaced = document['sites']!.filter((site) => {
      const address = site['address'] as { postalCode: string; country: string };
      const byPoint = resolveZone(zones, { location: site['location'] as { lat: number; lon: number } });
      const byPostalCode = resolveZone(zones, { postalCode: address.postalCode, country: address.country });
      return byPoint?.zoneId !== site['zoneCode'] || byPostalCode?.zoneId !== site['zoneCode'];
    });
    expect(misplaced.map((site) => site.code)).toEqual([]);
  });

  it('is the same on every run', () => {
    expect(canonicalJson(generateDemoData())).toBe(canonicalJson(document));
    expect(canonicalJson(generateDemoData(1))).not.toBe(canonicalJson(document));
  });
});
