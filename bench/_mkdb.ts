import { openDatabase } from '../src/lib/server/db/client';
import { seedSchool } from './seed-school';
const db = openDatabase('/tmp/fdexp/school.db');
seedSchool(db, { students: 1000, classes: 40, cards: 200000, reviewLogs: 1000000 }, new Date());
db.$client.close();
