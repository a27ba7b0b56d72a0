import { ApiProblemError } from './api-problem-error';
import { fieldErrorsByPath } from './field-errors-by-path';

const problem = (body: unknown) =>
  new ApiProblemError({ status: 400, type: 't', title: 'Invalid', fieldProblems: [] }, body);

describe('fieldErrorsByPath', () => {
  it('keeps the whole dotted path of each field error, first message wins', () => {
    expect(
      fieldErrorsByPath(
        problem({
          errors: [
            { field: 'address.city', message: 'Too long' },
            { field: 'serviceLevels.1.priority', message: 'Listed twice' },
            { field: 'address.city', message: 'second' },
            { pointer: '#/contacts/0/email', detail: 'Not an e-mail address' },
            { field: '', message: 'ignored' },
          ],
        }),
      ),
    ).toEqual({
      'address.city': 'Too long',
      'serviceLevels.1.priority': 'Listed twice',
      'contacts.0.email': 'Not an e-mail address',
    });
  });

  it('gives nothing for other errors', () => {
    expect(fieldErrorsByPath(new Error('x'))).toEqual({});
    expect(fieldErrorsByPath(problem(undefined))).toEqual({});
  });
});
