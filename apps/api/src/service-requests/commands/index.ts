import { ActOnServiceRequestHandler } from './act-on-service-request.command';
import { OpenServiceRequestHandler } from './open-service-request.command';

/** Every service-request command handler, registered by the module. */
export const SERVICE_REQUEST_COMMAND_HANDLERS = [OpenServiceRequestHandler, ActOnServiceRequestHandler];
