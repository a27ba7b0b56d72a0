import {
  SERVICE_REQUEST_PRIORITY_VALUES,
  SERVICE_REQUEST_SOURCE_VALUES,
  SERVICE_REQUEST_STATUS_VALUES,
} from '@fieldstream/api-contract';
import {
  SERVICE_REQUEST_PRIORITIES,
  SERVICE_REQUEST_SOURCES,
  SERVICE_REQUEST_STATES,
} from '@fieldstream/domain';

/**
 * The wire contract restates the domain's enumerations (a shared lib may not import the domain);
 * this keeps the two lists equal. Compared sorted: the contract orders states as the desk shows them.
 */
describe('the service-request contract and the domain', () => {
  it('name the same sources, priorities and states', () => {
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(sorted(SERVICE_REQUEST_SOURCE_VALUES)).toEqual(sorted(SERVICE_REQUEST_SOURCES));
    expect(sorted(SERVICE_REQUEST_PRIORITY_VALUES)).toEqual(sorted(SERVICE_REQUEST_PRIORITIES));
    expect(sorted(SERVICE_REQUEST_STATUS_VALUES)).toEqual(sorted(SERVICE_REQUEST_STATES));
  });
});
