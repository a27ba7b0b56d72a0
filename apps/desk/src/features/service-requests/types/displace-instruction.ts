/** What an emergency booking does to an appointment in its way (`displaceSchema` of the contract). */
export interface DisplaceInstruction {
  appointmentId: string;
  action: 'suspend' | 'remove';
}
