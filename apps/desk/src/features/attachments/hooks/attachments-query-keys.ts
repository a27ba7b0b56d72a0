export const attachmentsKeys = {
  owner: (ownerKind: string, ownerCode: string) => ['attachments', ownerKind, ownerCode] as const,
};
