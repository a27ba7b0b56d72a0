import { PortalCommands, PortalQueries, ServiceRequestCommands } from '@fieldstream/application';
import type { AttachmentStore } from '@fieldstream/attachment-store';
import { APP_CONFIG, type AppConfig, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ATTACHMENT_STORE } from '../attachments/attachments.service';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ServiceRequestsModule } from '../service-requests/service-requests.module';
import { PORTAL_COMMAND_HANDLERS } from './commands';
import { PortalBookController } from './portal-book.controller';
import { PortalRequestsController } from './portal-requests.controller';
import { PORTAL_QUERY_HANDLERS } from './queries';

/** Form fields a portal opening may carry besides its photo (see portalOpenRequestBodySchema), with room to spare. */
const FORM_FIELDS = 20;

/**
 * The customer portal's API under /api/portal: the customer's requests, machines and contracts in
 * shapes made for them, opening and following requests with photos. Built on the same commands,
 * read models and attachment store as the desk.
 */
@Module({
  imports: [
    ServiceRequestsModule,
    AttachmentsModule,
    // One photo, one byte over the store's limit so that the store's own check (with its clear
    // message, on the `photo` field) is what refuses a photo one byte too big.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.attachments.maxBytes + 1, files: 1, fields: FORM_FIELDS },
      }),
    }),
  ],
  controllers: [PortalRequestsController, PortalBookController],
  providers: [
    {
      provide: PortalQueries,
      inject: [READ_STORE, ATTACHMENT_STORE],
      useFactory: (reads: ReadStore, attachments: AttachmentStore) =>
        new PortalQueries({ reads, attachments }),
    },
    {
      provide: PortalCommands,
      inject: [READ_STORE, ATTACHMENT_STORE, ServiceRequestCommands, PortalQueries, APP_CONFIG],
      useFactory: (
        reads: ReadStore,
        attachments: AttachmentStore,
        commands: ServiceRequestCommands,
        queries: PortalQueries,
        config: AppConfig,
      ) =>
        new PortalCommands({
          reads,
          attachments,
          commands,
          queries,
          maxPhotoBytes: config.attachments.maxBytes,
        }),
    },
    ...PORTAL_COMMAND_HANDLERS,
    ...PORTAL_QUERY_HANDLERS,
  ],
})
export class PortalModule {}
