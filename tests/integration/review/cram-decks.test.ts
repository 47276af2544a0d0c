import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tempDb, type TempDb } from '../../helpers/db';
import { insertSet, insertUser } from '../../helpers/fixtures';
import { ensureCards } from '../../../src/lib/server/cards';
import { crammableDecks } from '../../../src/lib/server/review/cram';
import { questions, setItems } from '../../../src/lib/server/db/schema';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('the decks a student can cram', () => {
	let t: TempDb;
	beforeEach(() => (t = tempDb()));
	afterEach(() => t.close());

	it('lists owned sets by their approved questions and other sets by the questions one has cards for', () => {
		const teacher = insertUser(t.db, 'teacher');
		const student = insertUser(t.db, 'student');
		const own = insertSet(t.db, student.id, { title: 'B own set' });
		// Two of the six own questions are not approved: drafts are not crammed.
		t.db.update(questions).set({ status: 'draft' }).where(eq(questions.id, own.questions[0].id)).run();
		t.db.update(questions).set({ status: 'rejected' }).where(eq(questions.id, own.questions[1].id)).run();
		const taught = insertSet(t.db, teacher.id, { title: 'A taught set' });
		const untouched = insertSet(t.db, teacher.id, { title: 'C untouched set' });
		ensureCards(t.db, student.id, taught.questions.slice(0, 3).map((q) => q.id), 'assignment', NOW);
		// A card for an own draft question makes it crammable too.
		ensureCards(t.db, student.id, [own.questions[0].id], 'self', NOW);

		expect(crammableDecks(t.db, student.id)).toEqual([
			{ id: taught.set.id, title: 'A taught set', cards: 3 },
			{ id: own.set.id, title: 'B own set', cards: 5 }
		]);
		expect(crammableDecks(t.db, teacher.id)).toEqual([
			{ id: taught.set.id, title: 'A taught set', cards: 6 },
			{ id: untouched.set.id, title: 'C untouched set', cards: 6 }
		]);
	});

	it('counts a question once however it became crammable, and in every set that holds it', () => {
		const student = insertUser(t.db, 'student');
		const own = insertSet(t.db, student.id, { title: 'Own' });
		const other = insertSet(t.db, student.id, { title: 'Other' });
		// The same question in a second set of the student's.
		t.db.insert(setItems).values({ setId: other.set.id, questionId: own.questions[2].id, position: 99 }).run();
		ensureCards(t.db, student.id, [own.questions[2].id, own.questions[3].id], 'self', NOW);
		expect(crammableDecks(t.db, student.id)).toEqual([
			{ id: other.set.id, title: 'Other', cards: 7 },
			{ id: own.set.id, title: 'Own', cards: 6 }
		]);
	});
});
