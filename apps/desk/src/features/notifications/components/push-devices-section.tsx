import { Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useSession } from '../../auth/hooks/use-session';
import { usePushDevices } from '../hooks/use-push-devices';
import { useThisBrowserPush } from '../hooks/use-this-browser-push';
import { pushHereState } from '../push/push-here-state';
import { rememberedPushDevice } from '../push/remembered-push-device';
import { PushDeviceList } from './push-device-list';
import { PushHerePanel } from './push-here-panel';

/**
 * "Push notifications on this device": turning push on or off in this browser, then every browser
 * that receives the user's push notifications. The list shows even where this browser cannot
 * receive any, so that another device can still be removed from here.
 */
export function PushDevicesSection() {
  const { t } = useTranslation('notifications');
  const { session } = useSession();
  const devices = usePushDevices();
  const browser = useThisBrowserPush();
  let content;
  if (devices.error) content = <ProblemAlert error={devices.error} />;
  else if (!devices.data || !browser.data)
    content = <Loader size="sm" role="status" aria-label={t('push.loading')} />;
  else {
    const remembered = session ? rememberedPushDevice.read(session.user.id) : null;
    const here = pushHereState(browser.data, devices.data.devices, remembered);
    content = (
      <>
        <PushHerePanel here={here} publicKey={devices.data.publicKey} />
        <PushDeviceList
          devices={devices.data.devices}
          maxDevices={devices.data.maxDevices}
          thisDeviceId={here.state === 'on' ? here.deviceId : null}
        />
      </>
    );
  }
  return (
    <Stack component="section" aria-labelledby="push-devices-title" gap="sm">
      <Title order={2} fz="h3" id="push-devices-title">
        {t('push.title')}
      </Title>
      <Text size="sm">{t('push.intro')}</Text>
      {content}
    </Stack>
  );
}
