import { BOARD_MAX_TECHNICIANS, type BoardAnswer, type BoardQuery } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import type { ReadStore } from '@fieldstream/read-store';
import type { MasterDataService } from '../master-data/master-data.service';
import { loadBoardAppointments } from './board-appointments';
import { loadBoardTechnicians } from './board-technicians';
import { requirePlanner } from './planning-access';

export interface DispatchBoardOptions {
  reads: ReadStore;
  masterData: MasterDataService;
}

/**
 * The dispatcher's board: the technicians the desk plans for as rows, and all their appointments
 * in the window, in one answer. Read from the read models like an agenda, for planners only, like
 * proposals: a technician has their own agenda, a customer no business with anyone's.
 */
export class DispatchBoard {
  constructor(private readonly options: DispatchBoardOptions) {}

  /** `query` as validated by the contract's schema (the API's pipe does it). */
  async board(principal: Principal, query: BoardQuery): Promise<BoardAnswer> {
    requirePlanner(principal);
    const { reads, masterData } = this.options;
    // Stored instants are UTC ISO strings, compared as text: the window is put in the same form.
    const from = new Date(query.from).toISOString();
    const to = new Date(query.to).toISOString();
    const matching = await loadBoardTechnicians(reads, masterData, principal, {
      ...(query.unitCode !== undefined && { unitCode: query.unitCode }),
      ...(query.zoneCode !== undefined && { zoneCode: query.zoneCode }),
      ...(query.skillCode !== undefined && { skillCode: query.skillCode }),
    });
    const technicians = matching.slice(0, BOARD_MAX_TECHNICIANS);
    const appointments = await loadBoardAppointments(
      reads,
      principal,
      technicians.map((technician) => technician.code),
      { from, to },
    );
    return { from, to, technicians, appointments, truncated: matching.length > technicians.length };
  }
}
