/** Why a close-form field cannot be sent; each has a sentence in the `close.problems` texts. */
export type CloseProblem =
  | 'required'
  | 'notANumber'
  | 'notWholeMinutes'
  | 'negative'
  | 'notPositive'
  | 'tooBig'
  | 'tooLong'
  | 'tooMany';
