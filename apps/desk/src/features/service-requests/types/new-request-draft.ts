import type { ServiceRequestPriorityValue } from '@fieldstream/api-contract';

/** The new-request form as typed. */
export interface NewRequestDraft {
  customerCode: string | null;
  siteCode: string | null;
  assetCode: string | null;
  description: string;
  priority: ServiceRequestPriorityValue;
  conditionCodes: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  externalReference: string;
}

export const EMPTY_NEW_REQUEST: NewRequestDraft = {
  customerCode: null,
  siteCode: null,
  assetCode: null,
  description: '',
  priority: 'normal',
  conditionCodes: [],
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  externalReference: '',
};
