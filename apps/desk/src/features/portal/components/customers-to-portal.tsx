import type { ReactNode } from 'react';
import { Navigate, type Params, useParams } from 'react-router';
import { useSession } from '../../auth/hooks/use-session';

/**
 * Sends a customer from a desk screen to its portal counterpart (a notification's link to
 * `/app/requests/:id` opens their request in the portal); everyone else gets the desk screen.
 */
export function CustomersToPortal({
  to,
  children,
}: {
  to: (params: Readonly<Params>) => string;
  children: ReactNode;
}) {
  const { session } = useSession();
  const params = useParams();
  if (session?.user.role === 'customer') return <Navigate to={to(params)} replace />;
  return <>{children}</>;
}
