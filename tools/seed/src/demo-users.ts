import { type AuthService, type CommandContext, userIdOf } from '@fieldstream/application';
import { USERS_COLLECTION, type UserDocument } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';

export const DEMO_PASSWORD = 'fieldstream-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'dispatcher' | 'manager' | 'technician' | 'customer' | 'auditor';
  binding: { unitCode?: string; customerCode?: string; technicianCode?: string };
  language: 'it' | 'en';
  /** Where notifications reach them (nothing is sent unless SMTP_URL is set). */
  email?: string;
}

/** One user per role, bound to the demo organisation's records (the admin exists already). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'dispatcher.milano',
    email: 'dispatcher.milano@fieldstream.example',
    displayName: 'Dispatcher Milano',
    role: 'dispatcher',
    binding: { unitCode: 'MI' },
    language: 'it',
  },
  {
    username: 'dispatcher.muenchen',
    email: 'dispatcher.muenchen@fieldstream.example',
    displayName: 'Disponent München',
    role: 'dispatcher',
    binding: { unitCode: 'MUC' },
    language: 'en',
  },
  {
    username: 'manager',
    email: 'manager@fieldstream.example',
    displayName: 'Service Manager',
    role: 'manager',
    binding: { unitCode: 'HQ' },
    language: 'it',
  },
  {
    username: 'tecnico.rossi',
    email: 'tecnico.rossi@fieldstream.example',
    displayName: 'Marco Rossi',
    role: 'technician',
    binding: { technicianCode: 'T001' },
    language: 'it',
  },
  {
    username: 'cliente.acme',
    email: 'cliente.acme@fieldstream.example',
    displayName: 'Acme (cliente)',
    role: 'customer',
    binding: { customerCode: 'ACME' },
    language: 'it',
  },
  { username: 'auditor', displayName: 'Auditor', role: 'auditor', binding: {}, language: 'en' },
];

/**
 * Registers the demo users that do not exist yet; an existing user is left as it is (its
 * password may have been changed on purpose). Answers how many were created.
 */
export async function ensureDemoUsers(
  auth: AuthService,
  reads: ReadStore,
  context: CommandContext,
  onEach: (done: number) => void = () => {},
): Promise<{ created: number; unchanged: number }> {
  let created = 0;
  let unchanged = 0;
  for (const [index, user] of DEMO_USERS.entries()) {
    const existing = await reads.collection<UserDocument>(USERS_COLLECTION).get(userIdOf(user.username));
    if (existing) unchanged++;
    else {
      await auth.registerUser(context, { ...user, password: DEMO_PASSWORD });
      created++;
    }
    onEach(index + 1);
  }
  return { created, unchanged };
}
