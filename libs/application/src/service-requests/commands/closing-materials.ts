import { type MaterialLine, stockDecider } from '@fieldstream/domain';
import { executeCommand, loadStream } from '../../commands/execute-command';
import { stockStreamName } from '../../commands/stream-names';
import { type FieldIssue, FieldValidationError } from '../../errors';
import { activeRecord } from './active-record';
import type { CommandRun } from './command-run';

/** Quantities are kept to the thousandth (litres, metres), as the stock decider does. */
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Before a request is closed, every material line must be issuable: its warehouse and item exist,
 * and the warehouse's stock (folded from its stream, the truth, not the read model) has the
 * quantity free, counting earlier lines of the same item. Otherwise nothing is written and each
 * line at fault is named with what is available.
 */
export async function checkMaterials(run: CommandRun, materials: readonly MaterialLine[]): Promise<void> {
  const issues: FieldIssue[] = [];
  const free = new Map<string, Map<string, number>>();
  for (const [index, line] of materials.entries()) {
    const field = `materials.${index}`;
    const warehouse = await activeRecord(run.masterData, 'warehouse', line.warehouseCode);
    const item = await activeRecord(run.masterData, 'item', line.itemCode);
    if (!warehouse) {
      issues.push({
        field: `${field}.warehouseCode`,
        code: 'unknown_reference',
        message: `There is no warehouse ${line.warehouseCode}`,
      });
    }
    if (!item) {
      issues.push({
        field: `${field}.itemCode`,
        code: 'unknown_reference',
        message: `There is no item ${line.itemCode}`,
      });
    }
    if (!warehouse || !item) continue;
    let levels = free.get(line.warehouseCode);
    if (!levels) {
      const { state } = await loadStream(run.events, stockStreamName(line.warehouseCode), stockDecider);
      levels = new Map(
        Object.entries(state.levels).map(([code, level]) => [code, round(level.onHand - level.reserved)]),
      );
      free.set(line.warehouseCode, levels);
    }
    const available = levels.get(line.itemCode) ?? 0;
    if (available < line.quantity) {
      issues.push({
        field: `${field}.quantity`,
        code: 'insufficient_stock',
        message: `Only ${Math.max(available, 0)} of ${line.itemCode} available in ${line.warehouseCode}; ${line.quantity} used`,
      });
    }
    levels.set(line.itemCode, round(available - line.quantity));
  }
  if (issues.length > 0) {
    throw new FieldValidationError('The materials used cannot be issued; see errors', issues);
  }
}

/**
 * Issues the materials of one closing. Each line's event id derives from the request, which
 * closing of it this is (a reopened request closes again) and the line, so a retried close
 * completes the lines a first attempt did not reach and never issues one twice.
 */
export async function issueMaterials(
  run: CommandRun,
  requestId: string,
  closing: number,
  materials: readonly MaterialLine[],
): Promise<void> {
  for (const [index, line] of materials.entries()) {
    const outcome = await executeCommand(
      run.events,
      stockStreamName(line.warehouseCode),
      stockDecider,
      {
        type: 'issue',
        warehouseCode: line.warehouseCode,
        itemCode: line.itemCode,
        quantity: line.quantity,
        reason: 'intervention',
        reference: requestId,
      },
      { ...run.context, idempotencyKey: `service-request:${requestId}:closing:${closing}:line:${index}` },
    );
    run.written.note(outcome, 'stock');
  }
}
