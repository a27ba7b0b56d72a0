import { planDemoRequests } from './demo-service-requests';
import { demoReceipts } from './demo-stock';
import { generateDemoData } from './generate-demo-data';

const document = generateDemoData();
const receipts = demoReceipts(document);
const now = new Date('2026-11-26T15:00:00Z');
const plans = planDemoRequests(document, receipts, { now, count: 1500 });

describe('the demo service history', () => {
  it('is the same story for the same moment', () => {
    expect(planDemoRequests(document, receipts, { now, count: 1500 })).toEqual(plans);
  });

  it('opens requests over the last 90 days, each step in order and none after now', () => {
    const opened = plans.map((plan) => Date.parse(plan.openedAt));
    expect(Math.min(...opened)).toBeGreaterThanOrEqual(now.getTime() - 92 * 86_400_000);
    expect(Math.max(...opened)).toBeLessThanOrEqual(now.getTime());
    for (const plan of plans) {
      let last = Date.parse(plan.openedAt);
      for (const step of plan.steps) {
        const at = Date.parse(step.at);
        expect(at).toBeGreaterThanOrEqual(last);
        expect(at).toBeLessThanOrEqual(now.getTime());
        last = at;
      }
    }
  });

  it('ends stories in every state a request can be in', () => {
    const endings = new Set(
      plans.map((plan) => {
        const last = plan.steps.at(-1)?.action;
        if (!last) return 'open';
        if (last.type === 'assign') {
          const start = Math.min(...last.assignments.map((slot) => Date.parse(slot.start)));
          return start > now.getTime() ? 'assigned (coming)' : 'assigned';
        }
        return last.type === 'addNote' ? 'startWork' : last.type;
      }),
    );
    expect([...endings].sort()).toEqual(
      expect.arrayContaining([
        'open',
        'accept',
        'assigned (coming)',
        'startWork',
        'suspend',
        'close',
        'recordRemoteCheck',
        'cancel',
        'reject',
      ]),
    );
    expect(plans.some((plan) => plan.steps.some((step) => step.action.type === 'renounce'))).toBe(true);
    expect(
      plans.some((plan) =>
        plan.steps.some((step) => step.action.type === 'assign' && step.action.assignments.length > 1),
      ),
    ).toBe(true);
  });

  it('never books a technician twice at the same time', () => {
    const byTechnician = new Map<string, [number, number][]>();
    for (const plan of plans) {
      for (const step of plan.steps) {
        if (step.action.type !== 'assign') continue;
        for (const slot of step.action.assignments) {
          const start = Date.parse(slot.start);
          const interval: [number, number] = [start, start + slot.durationMinutes * 60_000];
          byTechnician.set(slot.technicianCode, [...(byTechnician.get(slot.technicianCode) ?? []), interval]);
        }
      }
    }
    for (const intervals of byTechnician.values()) {
      const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
    }
    const coming = [...byTechnician.values()].flat().filter(([start]) => start > now.getTime());
    expect(coming.length).toBeGreaterThan(20);
  });

  it('uses no more material than each warehouse received', () => {
    const received = new Map(receipts.map((r) => [`${r.warehouseCode}|${r.itemCode}`, r.quantity]));
    const used = new Map<string, number>();
    for (const plan of plans) {
      for (const step of plan.steps) {
        if (step.action.type !== 'close') continue;
        for (const line of step.action.materials) {
          const key = `${line.warehouseCode}|${line.itemCode}`;
          used.set(key, (used.get(key) ?? 0) + line.quantity);
        }
      }
    }
    expect(used.size).toBeGreaterThan(10);
    for (const [key, quantity] of used) expect(quantity).toBeLessThanOrEqual(received.get(key) ?? 0);
  });
});
