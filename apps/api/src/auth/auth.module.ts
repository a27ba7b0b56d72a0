import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthService } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { APP_CONFIG, type AppConfig, EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { resolveTokenSecret } from './auth-token-secret';
import { UsersController } from './users.controller';

@Module({
  controllers: [AuthController, UsersController],
  providers: [
    {
      provide: AuthService,
      inject: [APP_CONFIG, EVENT_STORE, READ_STORE],
      useFactory: async (config: AppConfig, events: EventStore, reads: ReadStore) =>
        new AuthService({
          events,
          reads,
          tokenSecret: await resolveTokenSecret(config.auth.tokenSecret, config.dataDir),
          tokenTtlSeconds: config.auth.tokenTtlSeconds,
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Nobody can sign in on a new installation: the first administrator comes from configuration. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.config.auth;
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    const created = await this.auth.ensureAdmin(adminUsername, password, 'first-start');
    if (created && !adminPassword) {
      await writeFile(join(this.config.dataDir, 'initial-admin-password'), `${password}\n`, { mode: 0o600 });
      this.logger.warn(
        `First start: created administrator "${adminUsername}" with password ${password} (also in ${this.config.dataDir}/initial-admin-password); change it after signing in.`,
      );
    } else if (created) {
      this.logger.log(`First start: created administrator "${adminUsername}"`);
    }
  }
}
