import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'fieldstream:public';

/** Marks a route that answers without credentials (login, health). Everything else needs them. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
