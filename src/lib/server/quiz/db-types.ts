import type { DB } from '../db/client';

/** The database or a transaction on it: services that run inside a caller's transaction take this. */
export type Queryable = Pick<DB, 'select' | 'insert' | 'update'>;
