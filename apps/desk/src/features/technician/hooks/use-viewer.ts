import type { AssignmentView } from '@fieldstream/api-contract';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/hooks/use-session';
import { resolveViewer } from '../sheet/resolve-viewer';
import type { Viewer } from '../types/viewer';

/** Who is looking and for which technician: see resolveViewer. */
export function useViewer(assignments?: readonly AssignmentView[]): Viewer {
  const { session } = useSession();
  const [searchParams] = useSearchParams();
  return resolveViewer(session?.user, searchParams.get('technician'), assignments);
}
