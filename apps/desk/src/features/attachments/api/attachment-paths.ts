/** URL builders for attachments; owners are named by the kind's plural and the record's code. */
export const attachmentPaths = {
  list: (ownerKind: string, ownerCode: string) =>
    `/api/attachments?${new URLSearchParams({ ownerKind, ownerCode }).toString()}`,
  one: (id: string) => `/api/attachments/${encodeURIComponent(id)}`,
};
