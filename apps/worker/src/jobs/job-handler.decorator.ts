import { DiscoveryService } from '@nestjs/core';

/**
 * Marks a provider as a BullMQ job handler (a class implementing JobHandler with one handle()).
 * Feature modules declare such providers; the worker discovers them at start, so adding a saga
 * is adding a module, with no central list to edit.
 */
export const QueueJobHandler = DiscoveryService.createDecorator<void>();
