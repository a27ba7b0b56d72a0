import type { WebhookEventTypes } from '@fieldstream/api-contract';
import { Checkbox, MultiSelect, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface EventSelection {
  categories: string[];
  eventTypes: string[];
}

/**
 * What a subscription receives: whole categories (ticked), and single CloudEvents types searched by
 * name and grouped by category. A type of a category ticked whole is left out of the list: it comes
 * with the category anyway.
 */
export function EventTypePicker({
  catalogue,
  value,
  onChange,
  errors,
}: {
  catalogue: WebhookEventTypes;
  value: EventSelection;
  onChange: (value: EventSelection) => void;
  errors: { categories?: string | undefined; eventTypes?: string | undefined };
}) {
  const { t } = useTranslation('webhooks');
  const whole = new Set(value.categories);
  const groups = catalogue.categories
    .filter((category) => !whole.has(category.name))
    .map((category) => ({
      group: category.title,
      items: category.types.map((type) => ({ value: type.type, label: type.type })),
    }))
    .filter((group) => group.items.length > 0);
  // Chosen types stay listed (and removable) whatever is ticked.
  const listed = new Set(groups.flatMap((group) => group.items.map((item) => item.value)));
  const kept = value.eventTypes
    .filter((type) => !listed.has(type))
    .map((type) => ({ value: type, label: type }));
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('form.categories')}
        description={t('form.categoriesHelp')}
        value={value.categories}
        onChange={(categories) => onChange({ ...value, categories })}
        error={errors.categories}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
          {catalogue.categories.map((category) => (
            <Checkbox key={category.name} value={category.name} label={category.title} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <MultiSelect
        label={t('form.types')}
        description={t('form.typesHelp')}
        placeholder={value.eventTypes.length === 0 ? t('form.typesPlaceholder') : undefined}
        data={kept.length > 0 ? [...groups, { group: t('detail.types'), items: kept }] : groups}
        value={value.eventTypes}
        onChange={(eventTypes) => onChange({ ...value, eventTypes })}
        searchable
        clearable
        maxDropdownHeight={320}
        nothingFoundMessage={t('form.nothingFound')}
        error={errors.eventTypes}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
