/** Rows per page of the to-do list: a screenful a dispatcher can scan with j/k. */
export const PAGE_SIZE = 25;
