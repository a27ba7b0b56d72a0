/** One line of materials used, as typed: numbers stay text until the form is sent. */
export interface MaterialDraft {
  /** Stable React key of the row, not sent. */
  key: string;
  itemCode: string;
  quantity: string;
  warehouseCode: string;
}

/** The close form as the technician fills it in. */
export interface CloseDraft {
  labourMinutes: string;
  travelMinutes: string;
  travelKm: string;
  materials: MaterialDraft[];
  /** Titles of the corrective actions ticked in the checklist. */
  correctiveActions: string[];
  /** Other actions done, one per line. */
  otherActions: string;
  resolution: string;
}
