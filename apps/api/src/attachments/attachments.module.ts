import { MasterDataService } from '@fieldstream/application';
import type { AttachmentStore } from '@fieldstream/attachment-store';
import { APP_CONFIG, type AppConfig, createAttachmentStore } from '@fieldstream/infrastructure';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { setAttachmentMaxBytes } from './attachment-upload-limits';
import { AttachmentsController } from './attachments.controller';
import { ATTACHMENT_STORE, AttachmentsService } from './attachments.service';

@Module({
  imports: [MasterDataModule],
  controllers: [AttachmentsController],
  providers: [
    {
      provide: ATTACHMENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        setAttachmentMaxBytes(config.attachments.maxBytes);
        return createAttachmentStore(config);
      },
    },
    {
      provide: AttachmentsService,
      inject: [ATTACHMENT_STORE, MasterDataService],
      useFactory: (store: AttachmentStore, masterData: MasterDataService) =>
        new AttachmentsService(store, masterData),
    },
  ],
})
export class AttachmentsModule implements OnApplicationShutdown {
  constructor(@Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
