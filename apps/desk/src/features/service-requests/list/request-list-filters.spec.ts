import { filtersFromSearchParams } from './filters-from-search-params';
import { listQueryOf } from './list-query-of';
import { searchParamsFromFilters } from './search-params-from-filters';

describe('to-do list filters in the URL', () => {
  it('shows the active requests, by priority, on the first page when the URL says nothing', () => {
    const filters = filtersFromSearchParams(new URLSearchParams(''));
    expect(filters).toEqual({
      statuses: ['open', 'accepted', 'assigned', 'in-progress', 'suspended'],
      priorities: [],
      zoneCode: null,
      unitCode: null,
      source: null,
      q: '',
      sort: 'priority',
      page: 1,
    });
    expect(searchParamsFromFilters(filters).toString()).toBe('');
  });

  it('keeps what was chosen and reads it back unchanged', () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams(
        'status=closed&status=cancelled&priority=critical&zoneCode=Z-MI&unitCode=MI&source=portal&q=pump&sort=-openedAt&page=3',
      ),
    );
    expect(filters).toMatchObject({
      statuses: ['closed', 'cancelled'],
      priorities: ['critical'],
      zoneCode: 'Z-MI',
      source: 'portal',
      sort: '-openedAt',
      page: 3,
    });
    expect(filtersFromSearchParams(searchParamsFromFilters(filters))).toEqual(filters);
  });

  it('says `status=all` for every status, and drops values a hand-edited link made up', () => {
    const all = filtersFromSearchParams(new URLSearchParams('status=all&priority=urgent&sort=x&page=-2'));
    expect(all).toMatchObject({ statuses: [], priorities: [], sort: 'priority', page: 1 });
    expect(searchParamsFromFilters(all).toString()).toBe('status=all');
  });

  it('asks the API for the statuses and priorities as repeated parameters, paged', () => {
    const query = listQueryOf(
      filtersFromSearchParams(new URLSearchParams('priority=high&priority=critical&q=%20pump%20&page=2')),
    );
    expect(query.getAll('status')).toEqual(['open', 'accepted', 'assigned', 'in-progress', 'suspended']);
    // The API's order, not the URL's: the same filters give the same query (and cache key).
    expect(query.getAll('priority')).toEqual(['critical', 'high']);
    expect(query.get('q')).toBe('pump');
    expect(query.get('sort')).toBe('priority');
    expect(query.get('limit')).toBe('25');
    expect(query.get('offset')).toBe('25');
    expect(listQueryOf(filtersFromSearchParams(new URLSearchParams('status=all'))).has('status')).toBe(false);
  });
});
