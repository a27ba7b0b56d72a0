import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InvalidJsonText } from '../form/form-values';

function toText(value: unknown): string {
  if (value instanceof InvalidJsonText) return value.text;
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** Geometries and other structured values the generator has no widget for, edited as JSON. */
export function JsonField({
  label,
  value,
  onChange,
  error,
  required,
  readOnly,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string | undefined;
  required: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation('masterData');
  const [text, setText] = useState(() => toText(value));
  const invalid = value instanceof InvalidJsonText;
  return (
    <Textarea
      label={label}
      description={t('form.jsonHint')}
      required={required}
      readOnly={readOnly}
      autosize
      minRows={3}
      maxRows={14}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      value={text}
      error={error ?? (invalid ? t('form.invalidJson') : undefined)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '') return onChange(undefined);
        try {
          onChange(JSON.parse(next));
        } catch {
          onChange(new InvalidJsonText(next));
        }
      }}
    />
  );
}
