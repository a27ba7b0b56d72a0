import { Alert, Autocomplete, NumberInput, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { readingGoesBack } from '../../preventive/api/reading-goes-back';
import { useRecordMeterReading } from '../../preventive/hooks/use-record-meter-reading';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { CommandDialog } from './command-dialog';

/** The longest meter name the API takes. */
const METER_NAME_MAX = 40;

/**
 * Records what one of the asset's meters reads now (operating hours, cycles): its name — picked
 * from the asset's meters when the sheet knows them, typed otherwise — and the value. A meter only
 * goes up: when the API refuses a reading below the last one (409 `reading_goes_back`), the dialog
 * says what the last reading was instead of the generic "the request changed".
 */
export function MeterReadingDialog({
  opened,
  assetCode,
  meters = [],
  online,
  onClose,
  onDone,
}: {
  opened: boolean;
  assetCode: string;
  /** The asset's meters, as suggestions; empty when unknown (the name is then free text). */
  meters?: readonly string[];
  online: boolean;
  onClose: () => void;
  onDone: (reading: { meter: string; value: number; recorded: boolean }) => void;
}) {
  const { t } = useTranslation('technician');
  const format = useFormatters();
  const record = useRecordMeterReading(assetCode);
  const [meter, setMeter] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [problems, setProblems] = useState<{ meter?: string; value?: string }>({});
  const goesBack = readingGoesBack(record.error);
  const server = fieldErrorsByPath(record.error);
  const goesBackRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (goesBack) goesBackRef.current?.focus();
  }, [goesBack]);

  const close = () => {
    record.reset();
    setProblems({});
    onClose();
  };
  const submit = () => {
    const name = meter.trim();
    const reading = typeof value === 'number' ? value : Number.NaN;
    const valueProblem =
      value === ''
        ? t('problems.required')
        : !Number.isFinite(reading)
          ? t('meterReading.notANumber')
          : reading < 0
            ? t('meterReading.negative')
            : undefined;
    const missing = {
      ...(name ? {} : { meter: t('problems.required') }),
      ...(name.length > METER_NAME_MAX
        ? { meter: t('meterReading.nameTooLong', { max: METER_NAME_MAX }) }
        : {}),
      ...(valueProblem ? { value: valueProblem } : {}),
    };
    setProblems(missing);
    if (Object.keys(missing).length > 0) return;
    record.mutate(
      { meter: name, value: reading },
      {
        onSuccess: (answer) => {
          setMeter('');
          setValue('');
          onDone({ meter: name, value: reading, recorded: answer.recorded });
        },
      },
    );
  };

  const goesBackText = goesBack
    ? goesBack.value !== undefined && goesBack.at
      ? t('meterReading.goesBack', {
          meter: meter.trim(),
          value: format.number(goesBack.value),
          time: format.dateTime(goesBack.at),
        })
      : t('meterReading.goesBackUnknown', { meter: meter.trim() })
    : undefined;
  const nameField = {
    label: t('meterReading.meter'),
    description: t(meters.length > 0 ? 'meterReading.meterHintKnown' : 'meterReading.meterHint'),
    required: true,
    size: 'md' as const,
    maxLength: METER_NAME_MAX,
    value: meter,
    error: problems.meter ?? server['meter'],
  };

  return (
    <CommandDialog
      opened={opened}
      title={t('meterReading.title', { asset: assetCode })}
      submitLabel={t('meterReading.submit')}
      online={online}
      pending={record.isPending}
      // A meter going back is said below, in its own words: not "the request changed meanwhile".
      error={goesBack ? null : record.error}
      onClose={close}
      onSubmit={submit}
    >
      {goesBack && (
        <Alert
          ref={goesBackRef}
          tabIndex={-1}
          color="red"
          variant="light"
          role="alert"
          title={t('meterReading.goesBackTitle')}
          data-problem="reading-goes-back"
        >
          <Text size="sm">{goesBackText}</Text>
        </Alert>
      )}
      {meters.length > 0 ? (
        <Autocomplete {...nameField} data={[...meters]} onChange={setMeter} />
      ) : (
        <TextInput {...nameField} onChange={(event) => setMeter(event.currentTarget.value)} />
      )}
      <NumberInput
        label={t('meterReading.value')}
        description={t('meterReading.valueHint')}
        required
        size="md"
        min={0}
        value={value}
        onChange={setValue}
        error={problems.value ?? (goesBack ? t('meterReading.goesBackField') : server['value'])}
      />
    </CommandDialog>
  );
}
