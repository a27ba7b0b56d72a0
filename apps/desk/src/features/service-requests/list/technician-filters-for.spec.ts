import { technicianFiltersFor } from './technician-filters-for';

describe('technicians of a centre or a zone', () => {
  it('asks for everyone, or a centre’s technicians', () => {
    expect(technicianFiltersFor(null, null, null)).toEqual([{}]);
    expect(technicianFiltersFor('MI', null, null)).toEqual([{ unitCode: 'MI' }]);
  });

  it('finds a zone’s technicians among those listing it and those of the unit serving it', () => {
    expect(technicianFiltersFor(null, 'Z-MI', 'MI')).toEqual([{ zoneCodes: 'Z-MI' }, { unitCode: 'MI' }]);
    expect(technicianFiltersFor('MI', 'Z-MI', 'MI')).toEqual([
      { unitCode: 'MI', zoneCodes: 'Z-MI' },
      { unitCode: 'MI' },
    ]);
  });

  it('keeps to those listing the zone while its unit is unknown, or when another centre was chosen', () => {
    expect(technicianFiltersFor(null, 'Z-MI', null)).toEqual([{ zoneCodes: 'Z-MI' }]);
    expect(technicianFiltersFor('RM', 'Z-MI', 'MI')).toEqual([{ unitCode: 'RM', zoneCodes: 'Z-MI' }]);
  });
});
