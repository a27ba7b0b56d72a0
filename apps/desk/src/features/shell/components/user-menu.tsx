import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import classes from './user-menu.module.css';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/hooks/use-session';

/** A placeholder until profiles exist: who is signed in, and a way out. */
export function UserMenu() {
  const { t } = useTranslation('auth');
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const username = session?.username ?? '';
  return (
    <Menu position="bottom-end" width={220} shadow="sm">
      <Menu.Target>
        {/* The accessible name contains the visible username, as WCAG 2.5.3 asks; the avatar icon is decoration. */}
        <UnstyledButton aria-label={t('session.userMenu', { username })} className={classes.trigger}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={26} radius="xl" color="steel" aria-hidden="true" />
            <Text size="sm" fw={500} visibleFrom="sm">
              {username}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('session.signedInAs', { username })}</Menu.Label>
        <Menu.Item
          onClick={() => {
            signOut();
            navigate('/login', { replace: true });
          }}
        >
          {t('session.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
