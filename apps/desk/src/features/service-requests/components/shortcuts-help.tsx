import { Button, Kbd, Modal, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';

const SHORTCUTS = {
  new: ['n'],
  search: ['/'],
  move: ['j', 'k'],
  open: ['Enter'],
  help: ['?'],
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;

/**
 * The page's keyboard shortcuts (and `?` itself), listed in a dialog that `?` or the button opens:
 * keys nobody can discover are keys nobody uses.
 */
export function ShortcutsHelp({ shortcuts }: { shortcuts: readonly ShortcutName[] }) {
  const { t } = useTranslation('serviceRequests');
  const [opened, dialog] = useDisclosure(false);
  useKeyboardShortcuts({ '?': dialog.open });
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={dialog.open} aria-keyshortcuts="Shift+?">
        {t('shortcuts.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={dialog.close}
        title={t('shortcuts.title')}
        closeButtonProps={{ 'aria-label': t('detail.closeDialog') }}
      >
        <Table>
          <Table.Caption>{t('shortcuts.caption')}</Table.Caption>
          <Table.Tbody>
            {[...shortcuts, 'help' as const].map((name) => (
              <Table.Tr key={name}>
                <Table.Td>
                  {SHORTCUTS[name].map((key, index) => (
                    <span key={key}>
                      {index > 0 && ' / '}
                      <Kbd>{key}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>{t(`shortcuts.${name}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}
