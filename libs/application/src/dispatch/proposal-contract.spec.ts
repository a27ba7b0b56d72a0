import { PROPOSAL_CRITERIA as CONTRACT_CRITERIA, exclusionSchema } from '@fieldstream/api-contract';
import { type Exclusion, PROPOSAL_CRITERIA } from '@fieldstream/domain';

/** Every exclusion the domain can give; the type makes this list complete. */
const EXCLUSION_CODES: Record<Exclusion['code'], true> = {
  inactive: true,
  missing_skill: true,
  skill_level_too_low: true,
  certificate_missing: true,
  certificate_expired: true,
  unavailable: true,
  site_never_accessible_when_working: true,
  fully_booked: true,
};

describe('the proposal contract and the domain', () => {
  it('name the same criteria in the same order', () => {
    expect([...CONTRACT_CRITERIA]).toEqual([...PROPOSAL_CRITERIA]);
  });

  it('know the same exclusions', () => {
    const contractCodes = exclusionSchema.options.map((option) => option.shape.code.value).sort();
    expect(contractCodes).toEqual(Object.keys(EXCLUSION_CODES).sort());
  });
});
