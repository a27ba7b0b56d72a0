/** What every command dialog of the sheet is given. */
export interface ActionDialogProps {
  opened: boolean;
  requestId: string;
  /** The request's version the sheet shows: the command's `If-Match`. */
  version: number;
  online: boolean;
  /** `{ technicianCode }` when an office user acts for a technician, else nothing. */
  technicianBody: { technicianCode?: string };
  onClose: () => void;
  onDone: () => void;
}
