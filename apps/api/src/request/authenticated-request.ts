import type { Principal } from '@fieldstream/domain';
import type { Request } from 'express';

/** A request the auth guard let through, with who is asking. */
export interface AuthenticatedRequest extends Request {
  principal: Principal;
  sessionId?: string;
}
