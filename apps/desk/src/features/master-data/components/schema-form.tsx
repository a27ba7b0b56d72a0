import {
  Button,
  Checkbox,
  Code,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { FieldSpec } from '../form/field-spec';
import { valueAt, withValueAt } from '../form/form-values';
import { JsonField } from './json-field';
import { ReferenceMultiSelect, ReferenceSelect } from './reference-select';

type Values = Record<string, unknown>;

export interface SchemaFormProps {
  specs: FieldSpec[];
  values: Values;
  onChange: (values: Values) => void;
  /** Messages by dotted path, as the API's problem names them. */
  errors: Record<string, string>;
  readOnly: boolean;
}

/** `vatNumber` → "Vat number": a readable fallback for fields without a translation. */
function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An error on the field itself or, for lists, on one of its entries (`skillCodes.2`). */
function errorFor(errors: Record<string, string>, path: string, includeEntries: boolean): string | undefined {
  if (errors[path] !== undefined) return errors[path] || ' ';
  if (!includeEntries) return undefined;
  const entry = Object.keys(errors).find((key) =>
    new RegExp(`^${path.replace(/\./g, '\\.')}\\.\\d+$`).test(key),
  );
  return entry ? errors[entry] : undefined;
}

/** A form generated from a kind's field specs; values are the record as JSON. */
export function SchemaForm({ specs, values, onChange, errors, readOnly }: SchemaFormProps) {
  const { t, i18n } = useTranslation('masterData');
  const label = (name: string) => t(`fields.${name}`, { defaultValue: humanize(name) });
  // A group's legend may differ from a field of the same name (a plan's meter rule, its meter).
  const legend = (name: string) => t(`groups.${name}`, { defaultValue: label(name) });
  const set = (path: string, value: unknown) => onChange(withValueAt(values, path, value));
  /** How to fill a field that needs it (a recurrence rule), by its path without list indices; examples in <code>. */
  const help = (path: string) => {
    const key = `help.${path.replace(/\.\d+(?=\.|$)/g, '')}`;
    return i18n.exists(key, { ns: 'masterData' }) ? (
      <Trans t={t} i18nKey={key} components={{ code: <Code /> }} />
    ) : undefined;
  };

  const renderField = (spec: FieldSpec, base: string) => {
    const path = base ? `${base}.${spec.name}` : spec.name;
    const value = valueAt(values, path);
    const description = help(path);
    const common = {
      label: label(spec.name),
      required: spec.required,
      readOnly,
      'data-path': path,
      ...(description ? { description } : {}),
    };
    switch (spec.type) {
      case 'text':
        return spec.multiline ? (
          <Textarea
            key={path}
            {...common}
            autosize
            minRows={2}
            value={(value as string) ?? ''}
            error={errorFor(errors, path, false)}
            onChange={(e) => set(path, e.currentTarget.value)}
          />
        ) : (
          <TextInput
            key={path}
            {...common}
            value={(value as string) ?? ''}
            error={errorFor(errors, path, false)}
            onChange={(e) => set(path, e.currentTarget.value)}
          />
        );
      case 'date':
        return (
          <TextInput
            key={path}
            {...common}
            type="date"
            value={(value as string) ?? ''}
            error={errorFor(errors, path, false)}
            onChange={(e) => set(path, e.currentTarget.value)}
          />
        );
      case 'number':
        return (
          <NumberInput
            key={path}
            {...common}
            value={typeof value === 'number' ? value : ''}
            allowDecimal={!spec.integer}
            {...(spec.min !== undefined ? { min: spec.min } : {})}
            {...(spec.max !== undefined ? { max: spec.max } : {})}
            error={errorFor(errors, path, false)}
            onChange={(next) => set(path, typeof next === 'number' ? next : undefined)}
          />
        );
      case 'boolean':
        return (
          <Checkbox
            key={path}
            label={common.label}
            disabled={readOnly}
            data-path={path}
            checked={value === true}
            error={errorFor(errors, path, false)}
            onChange={(e) => set(path, e.currentTarget.checked)}
          />
        );
      case 'enum':
        return (
          <Select
            key={path}
            {...common}
            data={spec.options.map((option) => ({
              value: option,
              label: t(`options.${option}`, { defaultValue: option }),
            }))}
            value={(value as string) ?? null}
            clearable={!spec.required}
            allowDeselect={!spec.required}
            error={errorFor(errors, path, false)}
            onChange={(next) => set(path, next ?? undefined)}
          />
        );
      case 'reference':
        return (
          <ReferenceSelect
            key={path}
            {...common}
            refKind={spec.refKind}
            value={(value as string) || undefined}
            error={errorFor(errors, path, false)}
            onChange={(next) => set(path, next)}
          />
        );
      case 'references':
        return (
          <ReferenceMultiSelect
            key={path}
            {...common}
            refKind={spec.refKind}
            value={Array.isArray(value) ? (value as string[]) : []}
            error={errorFor(errors, path, true)}
            onChange={(next) => set(path, next)}
          />
        );
      case 'tags':
        // A closed list (topics, audiences, channels, priorities): chosen by their names, never typed.
        return spec.options ? (
          <MultiSelect
            key={path}
            {...common}
            data={spec.options.map((option) => ({
              value: option,
              label: t(`options.${option}`, { defaultValue: option }),
            }))}
            value={Array.isArray(value) ? (value as string[]) : []}
            error={errorFor(errors, path, true)}
            onChange={(next) => set(path, next)}
          />
        ) : (
          <TagsInput
            key={path}
            {...common}
            value={Array.isArray(value) ? (value as string[]) : []}
            error={errorFor(errors, path, true)}
            onChange={(next) => set(path, next)}
          />
        );
      case 'json':
        return (
          <JsonField
            key={path}
            {...common}
            value={value}
            error={errorFor(errors, path, false)}
            onChange={(next) => set(path, next)}
          />
        );
      case 'object': {
        // A rule across the group (a plan needs a calendar or a meter rule) is said on the group.
        const groupError = errorFor(errors, path, false);
        return (
          <Fieldset key={path} legend={legend(spec.name)} data-path={path}>
            <Stack gap="sm">
              {groupError && (
                <div
                  role="alert"
                  style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}
                >
                  {groupError}
                </div>
              )}
              {spec.fields.map((child) => renderField(child, path))}
            </Stack>
          </Fieldset>
        );
      }
      case 'objectArray': {
        const items = Array.isArray(value) ? (value as unknown[]) : [];
        const listError = errorFor(errors, path, false);
        return (
          <Fieldset key={path} legend={common.label} data-path={path}>
            <Stack gap="sm">
              {items.map((_item, index) => (
                <Fieldset
                  key={`${path}.${index}`}
                  legend={t('form.entry', { field: common.label, number: index + 1 })}
                  variant="filled"
                >
                  <Stack gap="sm">
                    {spec.item.map((child) => renderField(child, `${path}.${index}`))}
                    {!readOnly && (
                      <Group justify="flex-end">
                        <Button
                          variant="subtle"
                          color="red.9"
                          size="xs"
                          onClick={() =>
                            set(
                              path,
                              items.filter((_, i) => i !== index),
                            )
                          }
                        >
                          {t('form.removeEntry', { field: common.label, number: index + 1 })}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Fieldset>
              ))}
              {listError && (
                <div
                  role="alert"
                  style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}
                >
                  {listError}
                </div>
              )}
              {!readOnly && (
                <Group>
                  <Button variant="light" size="xs" onClick={() => set(path, [...items, {}])}>
                    {t('form.addEntry', { field: common.label })}
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
        );
      }
    }
  };

  return <Stack gap="sm">{specs.map((spec) => renderField(spec, ''))}</Stack>;
}
