// `npm run admin -- create-teacher|reset-password|list-users`: account tasks for the operator.
import { openDatabase } from '../src/lib/server/db/client';
import { readConfig } from '../src/lib/server/config';
import { createUser, resetPassword } from '../src/lib/server/accounts';
import { users } from '../src/lib/server/db/schema';
import { ValidationError } from '../src/lib/server/errors';
import { asc } from 'drizzle-orm';

const USAGE = `usage:
  npm run admin -- create-teacher --email EMAIL --name NAME --password PASSWORD
  npm run admin -- reset-password --email EMAIL --password PASSWORD
  npm run admin -- list-users`;

function option(args: string[], name: string): string {
	const i = args.indexOf(`--${name}`);
	const value = i >= 0 ? args[i + 1] : undefined;
	if (value === undefined || value.startsWith('--')) {
		console.error(`Missing --${name}.\n${USAGE}`);
		process.exit(2);
	}
	return value;
}

async function main(argv: string[]): Promise<void> {
	const [command, ...args] = argv;
	const db = openDatabase(readConfig(process.env).databaseUrl);
	try {
		switch (command) {
			case 'create-teacher': {
				const user = await createUser(db, {
					email: option(args, 'email'),
					name: option(args, 'name'),
					password: option(args, 'password'),
					role: 'teacher'
				});
				console.log(`Created teacher ${user.name} <${user.email}>.`);
				break;
			}
			case 'reset-password':
				await resetPassword(db, option(args, 'email'), option(args, 'password'));
				console.log('Password reset; the user was logged out everywhere.');
				break;
			case 'list-users': {
				const rows = db.select().from(users).orderBy(asc(users.createdAt)).all();
				for (const u of rows) {
					console.log(`${u.role.padEnd(8)} ${u.email.padEnd(40)} ${u.name}  (since ${u.createdAt.toISOString().slice(0, 10)})`);
				}
				console.log(`${rows.length} user${rows.length === 1 ? '' : 's'}`);
				break;
			}
			default:
				console.error(USAGE);
				process.exitCode = 2;
		}
	} finally {
		db.$client.close();
	}
}

main(process.argv.slice(2)).catch((err) => {
	if (err instanceof ValidationError) {
		console.error(err.message);
		process.exit(1);
	}
	throw err;
});
