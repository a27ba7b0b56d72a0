import { Accordion, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const APPS = ['google', 'apple', 'outlook'] as const;

/** How each calendar app subscribes to an address: what people ask right after copying it. */
export function SubscribeInstructions() {
  const { t } = useTranslation('calendarFeeds');
  return (
    <div>
      <Title order={3} fz="sm" mb={4}>
        {t('howTo.heading')}
      </Title>
      <Accordion variant="contained" multiple>
        {APPS.map((app) => (
          <Accordion.Item key={app} value={app}>
            <Accordion.Control>{t(`howTo.${app}.title`)}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm">{t(`howTo.${app}.steps`)}</Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </div>
  );
}
