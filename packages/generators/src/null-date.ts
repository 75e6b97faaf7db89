/** A nullable date column's null in block columns (Int32 days since the epoch). */
export const NULL_DATE = -2_147_483_648;
