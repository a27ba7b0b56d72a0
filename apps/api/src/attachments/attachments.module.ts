import { MasterDataService } from '@fieldstream/application';
import type { AttachmentStore } from '@fieldstream/attachment-store';
import { APP_CONFIG, type AppConfig, READ_STORE, createAttachmentStore } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { MasterDataModule } from '../master-data/master-data.module';
import { AttachmentsController } from './attachments.controller';
import { ATTACHMENT_STORE, AttachmentsService } from './attachments.service';

@Module({
  imports: [
    MasterDataModule,
    // Multer only buffers the upload: one byte over the store's limit, so that the store's own
    // check, with its clear message, is what refuses a file one byte too big.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.attachments.maxBytes + 1, files: 1, fields: 0 },
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    {
      provide: ATTACHMENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createAttachmentStore(config),
    },
    {
      provide: AttachmentsService,
      inject: [ATTACHMENT_STORE, MasterDataService, READ_STORE],
      useFactory: (store: AttachmentStore, masterData: MasterDataService, reads: ReadStore) =>
        new AttachmentsService(store, masterData, reads),
    },
  ],
  // The portal keeps the photos customers send with their requests in the same store.
  exports: [ATTACHMENT_STORE, AttachmentsService],
})
export class AttachmentsModule implements OnApplicationShutdown {
  constructor(@Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
