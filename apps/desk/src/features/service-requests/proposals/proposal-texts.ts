import type { ProposedSlotView, TechnicianProposalView } from '@fieldstream/api-contract';
import type { Translate } from './exclusion-text';
import type { ZonedFormats } from './zoned-formats';

type CriterionScoreView = NonNullable<TechnicianProposalView['score']>['criteria'][number];
type SkillMatchView = TechnicianProposalView['skills'][number];
type MaterialLineView = TechnicianProposalView['materials']['lines'][number];

/** `Travel 12 min · 8.4 km from Visit at Beta`, or why there is no drive to speak of. */
export function travelText(slot: ProposedSlotView, t: Translate, formats: ZonedFormats): string {
  const travel = [
    ...(slot.travelMinutes !== undefined ? [formats.minutes(slot.travelMinutes)] : []),
    ...(slot.travelKm !== undefined ? [formats.km(slot.travelKm)] : []),
  ].join(' · ');
  const from = slot.after?.label;
  if (travel && from) return t('proposals.travelFrom', { travel, from });
  if (travel) return t('proposals.travel', { travel });
  if (from) return t('proposals.travelUnknown', { from });
  return t('proposals.firstVisit');
}

/** A criterion's measured value in words, in its own unit (see the dispatch README's table). */
export function criterionValueText(line: CriterionScoreView, t: Translate, formats: ZonedFormats): string {
  const { value } = line;
  const notMeasured = t('proposals.value.notMeasured');
  switch (line.criterion) {
    case 'start':
      return typeof value === 'number'
        ? t('proposals.value.inDuration', { duration: formats.duration(value) })
        : notMeasured;
    case 'deadline':
      if (value === undefined) return t('proposals.value.noDeadline');
      return t(`proposals.value.${String(value)}`, { defaultValue: String(value) });
    case 'zone':
      return value === undefined
        ? notMeasured
        : t(`proposals.zoneFit.${String(value)}`, { defaultValue: String(value) });
    case 'materials':
      return value === undefined
        ? notMeasured
        : t(`proposals.materials.${String(value)}`, { defaultValue: String(value) });
    case 'travel':
      return typeof value === 'number' ? formats.minutes(value) : notMeasured;
    case 'workload':
      if (typeof value !== 'number') return notMeasured;
      return value === 0
        ? t('proposals.value.nothingBooked')
        : t('proposals.value.booked', { duration: formats.duration(value) });
    case 'skills':
      return typeof value === 'number' ? formats.number(value) : notMeasured;
  }
}

/** `GAS: level 3 held, 2 asked — met; certified until 30 Nov 2027`. */
export function skillText(skill: SkillMatchView, t: Translate, formats: ZonedFormats): string {
  const held =
    skill.heldLevel === undefined
      ? t('proposals.skillNotHeld', { skill: skill.skillCode, level: skill.minLevel })
      : t('proposals.skillHeld', { skill: skill.skillCode, level: skill.minLevel, held: skill.heldLevel });
  const certified = skill.certifiedUntil
    ? `; ${t('proposals.certifiedUntil', { date: formats.calendarDate(skill.certifiedUntil) })}`
    : '';
  return `${held} — ${t(`proposals.verdict.${skill.verdict}`)}${certified}`;
}

/** `FILTER-1 × 2: in the van (1)`. */
export function materialLineText(line: MaterialLineView, t: Translate, formats: ZonedFormats): string {
  const source =
    line.source === 'van'
      ? t('proposals.materialSource.van', { inVan: formats.number(line.inVan) })
      : line.source === 'warehouse'
        ? line.warehouseCode
          ? t('proposals.materialSource.warehouseNamed', { warehouse: line.warehouseCode })
          : t('proposals.materialSource.warehouse')
        : t('proposals.materialSource.missing');
  return t('proposals.materialLine', {
    item: line.itemCode,
    quantity: formats.number(line.quantity),
    source,
  });
}
