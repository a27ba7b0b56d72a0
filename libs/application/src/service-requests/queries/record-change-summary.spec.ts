import { summariseRecordChange } from './record-change-summary';

describe('summariseRecordChange', () => {
  it.each([
    [{ type: 'AssetRegistered', changedFields: [], data: {} }, 'Registered.', 'Registrato.'],
    [
      { type: 'AssetChanged', changedFields: ['configuration', 'siteCode'], data: {} },
      'Changed: configuration, siteCode.',
      'Modificato: configuration, siteCode.',
    ],
    [{ type: 'SiteChanged', changedFields: [], data: {} }, 'Changed.', 'Modificato.'],
    [
      { type: 'AssetRetired', changedFields: [], data: { reason: 'Scrapped' } },
      'Retired: Scrapped.',
      'Dismesso: Scrapped.',
    ],
    [{ type: 'SiteReinstated', changedFields: [], data: {} }, 'Reinstated.', 'Ripristinato.'],
    [{ type: 'SiteAudited', changedFields: [], data: {} }, 'SiteAudited.', 'SiteAudited.'],
  ])('sums up %o in one line', (change, en, it) => {
    expect(summariseRecordChange(change, 'en')).toBe(en);
    expect(summariseRecordChange(change, 'it')).toBe(it);
  });
});
