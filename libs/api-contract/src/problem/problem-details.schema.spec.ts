import { problemDetailsSchema } from './problem-details.schema';

describe('problemDetailsSchema', () => {
  it('accepts a validation problem with field errors and keeps unknown extension members', () => {
    const problem = {
      type: '/problems/validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ field: 'customer.email', message: 'Invalid email' }],
      traceId: 'abc',
    };
    expect(problemDetailsSchema.parse(problem)).toEqual(problem);
  });

  it('refuses a status outside 4xx/5xx and a missing title', () => {
    const result = problemDetailsSchema.safeParse({ type: 'about:blank', status: 200 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['status', 'title']);
  });
});
