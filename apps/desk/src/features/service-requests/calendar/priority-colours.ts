/** The slot being proposed in the assign dialog, apart from every booked one. */
export const PROPOSED_COLOUR = '#6d28d9';
