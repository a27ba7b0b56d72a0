import {
  DEFAULT_SUSPENSION_REASONS as DOMAIN_DEFAULTS,
  PARAMETERS_CODE as DOMAIN_PARAMETERS_CODE,
} from '@fieldstream/domain';
import english from '../i18n/en.json';
import italian from '../i18n/it.json';
import { DEFAULT_SUSPENSION_REASONS, PARAMETERS_CODE } from './default-suspension-reasons';

describe('default suspension reasons', () => {
  it('are the domain’s, each with a label in both languages', () => {
    expect(DEFAULT_SUSPENSION_REASONS).toEqual(DOMAIN_DEFAULTS);
    expect(PARAMETERS_CODE).toBe(DOMAIN_PARAMETERS_CODE);
    const codes = DOMAIN_DEFAULTS.map((reason) => reason.code);
    expect(Object.keys(english.suspensionReasons)).toEqual(codes);
    expect(Object.keys(italian.suspensionReasons)).toEqual(codes);
  });
});
