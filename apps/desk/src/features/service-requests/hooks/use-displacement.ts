import { useCallback, useMemo, useState } from 'react';
import { scheduleConflictOf, type ConflictingAppointment } from '../commands/schedule-conflict-of';
import type { DisplaceInstruction } from '../types/displace-instruction';

export interface Displacement {
  /** The server's words for the last schedule conflict, or null when there is none. */
  detail: string | null;
  /** Every appointment found in the way since the slot was last changed. */
  conflicts: ConflictingAppointment[];
  emergency: boolean;
  action: DisplaceInstruction['action'];
  setEmergency(emergency: boolean): void;
  setAction(action: DisplaceInstruction['action']): void;
  /** Takes note of an error; true when it was a schedule conflict. */
  record(error: unknown): boolean;
  /** The slot changed: what was in the way of the old one says nothing of the new one. */
  reset(): void;
  /** What the next attempt sends as `displace`: nothing unless the dispatcher declared an emergency. */
  instructions: DisplaceInstruction[];
}

/**
 * A booking refused for a schedule conflict may be retried as an emergency that suspends or removes
 * the appointments in the way. The schedule refuses unless every one of them is named, and a crew
 * may meet a conflict for each technician in turn: so the conflicts add up until the slot changes.
 */
export function useDisplacement(): Displacement {
  const [detail, setDetail] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<ConflictingAppointment[]>([]);
  const [emergency, setEmergency] = useState(false);
  const [action, setAction] = useState<DisplaceInstruction['action']>('suspend');
  const record = useCallback((error: unknown) => {
    const conflict = scheduleConflictOf(error);
    if (!conflict) return false;
    setDetail(conflict.detail);
    setConflicts((known) => [
      ...known,
      ...conflict.conflicts.filter((c) => !known.some((k) => k.appointmentId === c.appointmentId)),
    ]);
    return true;
  }, []);
  const reset = useCallback(() => {
    setDetail(null);
    setConflicts([]);
    setEmergency(false);
  }, []);
  const instructions = useMemo(
    () => (emergency ? conflicts.map((c) => ({ appointmentId: c.appointmentId, action })) : []),
    [emergency, conflicts, action],
  );
  return { detail, conflicts, emergency, action, setEmergency, setAction, record, reset, instructions };
}
