import type { DB } from '../../src/lib/server/db/client';
import {
	articles,
	classes,
	memberships,
	questionSets,
	questions,
	setArticles,
	setItems,
	users,
	type QuestionType,
	type Role
} from '../../src/lib/server/db/schema';

// Inserted with a fixed, cheap hash: these users log in through createSession, not the form.
const FAKE_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture';

let counter = 0;

export function insertUser(db: DB, role: Role = 'student', name?: string) {
	counter++;
	return db
		.insert(users)
		.values({
			id: `user-${counter}-${Math.random().toString(36).slice(2, 8)}`,
			email: `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
			name: name ?? `${role} ${counter}`,
			role,
			passwordHash: FAKE_HASH
		})
		.returning()
		.get();
}

export const ARTICLE_TEXT =
	'Vietnam invaded Cambodia in 1979 and deposed the Khmer Rouge. ' +
	'Cambodia’s biggest exports are garments and footwear. ' +
	'In 2016, 830,000 Chinese tourists visited Cambodia. ' +
	'“I will question our friend Vietnam,” Hun Sen said. ' +
	'The border marker was inaugurated in 2006, and the ASEAN summit met in Phnom Penh in 2012.';

function span(text: string) {
	const start = ARTICLE_TEXT.indexOf(text);
	if (start < 0) throw new Error(`not in the fixture article: ${text}`);
	return [{ start, end: start + text.length, text }];
}

/** One question of every type, grounded in ARTICLE_TEXT. */
export const SAMPLE_QUESTIONS: Array<{
	type: QuestionType;
	prompt: string;
	answer: string | string[];
	options: string[] | null;
	accept: string[];
	tolerance: number | null;
	source: string;
}> = [
	{
		type: 'multiple_choice',
		prompt: 'In what year did Vietnam invade Cambodia and depose the Khmer Rouge?',
		answer: '1979',
		options: ['1975', '1979', '1985', '1991'],
		accept: [],
		tolerance: null,
		source: 'Vietnam invaded Cambodia in 1979 and deposed the Khmer Rouge.'
	},
	{
		type: 'cloze',
		prompt: 'Cambodia’s biggest exports are _____ and footwear.',
		answer: 'garments',
		options: null,
		accept: [],
		tolerance: null,
		source: 'Cambodia’s biggest exports are garments and footwear.'
	},
	{
		type: 'true_false',
		prompt: 'In 2016, 730,000 Chinese tourists visited Cambodia.',
		answer: 'False',
		options: ['True', 'False'],
		accept: [],
		tolerance: null,
		source: 'In 2016, 830,000 Chinese tourists visited Cambodia.'
	},
	{
		type: 'numeric',
		prompt: 'How many Chinese tourists visited Cambodia in 2016?',
		answer: '830,000',
		options: null,
		accept: [],
		tolerance: 10000,
		source: 'In 2016, 830,000 Chinese tourists visited Cambodia.'
	},
	{
		type: 'who_said',
		prompt: 'Who said “I will question our friend Vietnam”?',
		answer: 'Hun Sen',
		options: ['Hun Sen', 'Sam Rainsy', 'Meas Nee', 'Keo Vanthan'],
		accept: [],
		tolerance: null,
		source: '“I will question our friend Vietnam,” Hun Sen said.'
	},
	{
		type: 'ordering',
		prompt: 'Put these events in order, earliest first.',
		answer: ['Vietnam invades Cambodia', 'The border marker is inaugurated', 'The ASEAN summit meets in Phnom Penh'],
		options: ['The ASEAN summit meets in Phnom Penh', 'Vietnam invades Cambodia', 'The border marker is inaugurated'],
		accept: [],
		tolerance: null,
		source: 'The border marker was inaugurated in 2006, and the ASEAN summit met in Phnom Penh in 2012.'
	}
];

/** An article owned by `ownerId` with one question of each type, all in one set. */
export function insertSet(db: DB, ownerId: string, options: { status?: 'draft' | 'approved'; title?: string } = {}) {
	const article = db
		.insert(articles)
		.values({ ownerId, title: 'Hun Sen and Vietnam', source: 'pasted', sourceKind: 'paste', text: ARTICLE_TEXT, generationStatus: 'ready' })
		.returning()
		.get();
	const set = db.insert(questionSets).values({ ownerId, title: options.title ?? 'Hun Sen and Vietnam' }).returning().get();
	db.insert(setArticles).values({ setId: set.id, articleId: article.id }).run();
	const rows = SAMPLE_QUESTIONS.map((q, position) => {
		const row = db
			.insert(questions)
			.values({
				articleId: article.id,
				ownerId,
				type: q.type,
				prompt: q.prompt,
				answer: q.answer,
				options: q.options,
				accept: q.accept,
				tolerance: q.tolerance,
				sources: span(q.source),
				cardFront: q.prompt,
				cardBack: `${Array.isArray(q.answer) ? q.answer.join(' → ') : q.answer}\n\n${q.source}`,
				score: 1 - position / 10,
				status: options.status ?? 'approved'
			})
			.returning()
			.get();
		db.insert(setItems).values({ setId: set.id, questionId: row.id, position }).run();
		return row;
	});
	return { article, set, questions: rows };
}

export function insertClass(db: DB, teacherId: string, studentIds: string[] = [], name = 'Class 9B') {
	const cls = db.insert(classes).values({ teacherId, name, joinCode: `CODE${++counter}X` }).returning().get();
	for (const userId of studentIds) db.insert(memberships).values({ classId: cls.id, userId }).run();
	return cls;
}
