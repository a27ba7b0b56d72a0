export const usersKeys = {
  all: () => ['users'] as const,
  users: () => ['users', 'list'] as const,
  apiKeys: () => ['users', 'api-keys'] as const,
};
