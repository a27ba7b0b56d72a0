import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** A master-data record by code (and name when known), linking to its page. */
export function RecordLink({
  plural,
  code,
  name,
}: {
  plural: string;
  code: string;
  name?: string | undefined;
}) {
  return (
    <Anchor component={Link} to={`/app/md/${plural}/${encodeURIComponent(code)}`}>
      {name ? `${name} (${code})` : code}
    </Anchor>
  );
}
