import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ChangePasswordDialog } from '../../auth/components/change-password-dialog';
import { useLogout } from '../../auth/hooks/use-logout';
import { useSession } from '../../auth/hooks/use-session';
import classes from './user-menu.module.css';

/** Who is signed in and in which role, their notification settings, their password, and a way out. */
export function UserMenu() {
  const { t } = useTranslation(['auth', 'shell']);
  const { session } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [passwordOpened, passwordDialog] = useDisclosure(false);
  const username = session?.user.username ?? '';
  const displayName = session?.user.displayName || username;
  return (
    <>
      <Menu position="bottom-end" width={240} shadow="sm">
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
          <Menu.Label>{t('session.signedInAs', { username: displayName })}</Menu.Label>
          {session && (
            <Menu.Label>{t('session.role', { role: t(`shell:roles.${session.user.role}`) })}</Menu.Label>
          )}
          <Menu.Item component={Link} to="/app/settings/notifications">
            {t('shell:userMenu.notificationSettings')}
          </Menu.Item>
          <Menu.Item onClick={passwordDialog.open}>{t('session.changePassword')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
            }
          >
            {t('session.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordDialog opened={passwordOpened} onClose={passwordDialog.close} />
    </>
  );
}
