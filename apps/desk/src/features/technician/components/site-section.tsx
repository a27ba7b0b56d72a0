import type { InterventionSheet } from '@fieldstream/api-contract';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from './labelled-value';
import { SheetSection } from './sheet-section';
import { SiteAddress } from './site-address';

/** Who and where: customer, site, how to get in, whom to call (a tap dials). */
export function SiteSection({ sheet }: { sheet: InterventionSheet }) {
  const { t } = useTranslation('technician');
  const { request, site } = sheet;
  const contacts = [
    ...(request.contact
      ? [{ name: request.contact.name, phone: request.contact.phone, reporter: true }]
      : []),
    ...site.contacts.map((contact) => ({ ...contact, reporter: false })),
  ];
  return (
    <SheetSection id="sheet-site" title={t('site.title')}>
      <LabelledValue label={t('site.customer')}>{request.customerName ?? request.customerCode}</LabelledValue>
      <LabelledValue label={t('site.site')}>{site.name ?? site.code}</LabelledValue>
      <SiteAddress address={site.address} latitude={site.latitude} longitude={site.longitude} />
      {site.accessNotes && (
        <LabelledValue label={t('site.access')}>
          <Text span style={{ whiteSpace: 'pre-line' }}>
            {site.accessNotes}
          </Text>
        </LabelledValue>
      )}
      {contacts.length > 0 && (
        <Stack gap={6}>
          {contacts.map((contact, index) => (
            <Stack key={`${contact.name}-${index}`} gap={2}>
              <Text>{contact.reporter ? t('site.reporter', { name: contact.name }) : contact.name}</Text>
              {contact.phone && (
                <Button
                  component="a"
                  href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}
                  variant="light"
                  size="md"
                  aria-label={t('site.call', { name: contact.name, phone: contact.phone })}
                >
                  {contact.phone}
                </Button>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </SheetSection>
  );
}
