// Common first names by gender, for agreement of "he"/"she" with a named person and for
// choices that fit a prompt's "she" or "first man". English, European and some world
// names; general knowledge only, nothing taken from a particular article. A name given
// to both men and women is in UNISEX and has no gender.

import { GIVEN_NAMES } from './lexicon.js';

const list = (s: string) => s.trim().split(/\s+/).map((w) => w.toLowerCase());

const MALE = list(`
aaron abdul abdullah abraham adam adolf adrian ahmad ahmed aidan alan alastair albert alberto albrecht aleksandr aleksei alessandro
alexander alexandre alexei alfonso alfred alfredo ali alistair amir anatoly anders andre andreas andrei andres andrew andrey andy angus
anthony anton antoine antonio archibald archie arnold arthur arturo augustin augustine augustus axel barack bartholomew basil ben benedict
benjamin benoit bernard bernardo bert bertrand bill billy bjorn bob bobby boris brad bradley brandon brendan brett brian bruce bruno bryan
caleb calvin cameron carl carlo carlos casimir cecil cesar charles charlie chester christian christoph christophe christopher claude
claudio clement clifford clint colin conrad constantine cornelius craig cristiano curtis cyril dale damian damien dan daniel daniele dante
darius darren dave david dean denis dennis derek desmond dick diego dieter dimitri dmitri dmitry domenico dominic don donald douglas duncan
dustin dwight earl ed eddie edgar edmund eduard eduardo edward edwin egon elias elijah elliot emil emile emilio emmanuel enrico enrique
eric erich erik ernest ernesto ernst esteban ethan eugene evan ezra fabian federico felipe felix ferdinand fernando filip francesco
francis francisco franco frank franz fred freddie frederick friedrich fyodor gabriel gareth garry gary gavin geoffrey georg george georges
gerald gerard gerhard giacomo gilbert giovanni giuseppe gordon graham grant gregor gregory greg guido guillaume gunnar gustav gustavo guy
hamid hank hans harald harold harry harvey hassan hector heinrich helmut henri henrik henry herbert herman hermann horace horatio howard
hubert hugh hugo humphrey hussein ian ibrahim igor ilya ingmar ioannis isaac isaiah ismail ivan jack jacob jacques jake jakob james jamie
jan jared jason javier jay jeff jeffrey jeremy jerome jerry jesse jim jimmy joachim joao joe joel johan johann johannes john johnny jon
jonas jonathan jorge jose josef joseph josh joshua juan julian julio julius justin kai karl keith ken kenneth kevin khalid kieran kim-jong
konrad kurt kyle lance larry lars laurence lawrence leo leon leonard leonardo leonid leopold lewis liam lionel lorenzo louis luca
lucas luigi luis luke lukas magnus mahmoud malcolm manuel marat marc marcel marco marcus mario marius mark marko martin marvin mathias
matt matteo matthew matthias maurice max maximilian michael michel miguel mikhail miles milton mitchell mohamed mohammad mohammed moses
muhammad murray mustafa napoleon nathan nathaniel neil nelson nicholas nick nicola nicolas nicolaus niels nigel nikita nikolai nikolaus
noah norbert norman olaf oleg oliver omar oscar oskar osman otto owen pablo paolo pascal patrick paul pavel pedro per percy peter philip
philippe phillip pierre piotr pyotr quentin rafael rafa ralph ramon randall randy raphael raul ray raymond reginald reinhold rene ricardo
richard rick rob robert roberto robin rod roderick rodney rodrigo roger roland rolf roman ronald rory ross roy rudolf rudolph rupert russell
ryan salvador sam samuel santiago saul scott sean sebastian serge sergei sergey sergio seth shane shaun sidney siegfried silvio simon
solomon spencer stanley stefan stephen steve steven stuart sven tariq ted teddy terence terry thaddeus theo theodor theodore thierry thomas
tim timothy tobias todd tom tomas tommy tony trevor tristan ulrich ulysses umberto uriah valentin valentino vasily vaughan victor viktor
vincent vincenzo vladimir vladislav walter warren wayne werner wilhelm will william willy wolfgang xavier yaroslav yuri yusuf zachary
zoltan abel adolph alonso amadeus ansel archimedes aristotle balthazar baruch cato clarence claudius cosimo dietrich dominique edmond
enzo erasmus fidel galileo gottfried hernan hernando isidore jeremiah josiah jules kazimierz leif lyndon marcellus nestor niccolo ole
orville otis pieter plato rainer ramses rutherford sandro socrates tadeusz tiberius titus ulf vasco wilbur winston wladyslaw yves
zeno mats anand arjun ashok dev gopal krishna mohan rahul raj rajesh ramesh ravi sanjay sunil vijay vikram narendra shinzo hiroshi kenji
takeshi yoshi akira haruki taro kwame kofi nnamdi chinua jomo nelson thabo desmond musa abu bakr hamza yasser jamal karim nasser
tarek youssef ahmet mehmet recep kemal emre murat giorgos nikos kostas stavros vasilis mats bjorn stellan ingvar sten soren jens lasse
mads nils henning sune torben kjell knut olav arne einar gunnar sigurd odd halvard pekka jukka matti mikko juha teemu urho tomasz marek
pawel krzysztof jerzy andrzej janusz lech witold zbigniew vaclav milos milan dusan goran zoran dragan nenad slobodan tibor laszlo istvan
ferenc gyorgy janos sandor mihai ion vlad nicolae traian bogdan alexandru taras bohdan vitali vitaly
`);

const FEMALE = list(`
abigail ada adele adelaide adriana agatha agnes aileen alana alexandra alexis alice alicia alina alison alma amanda amber amelia amelie
amy ana anastasia andrea angela angelica angelina anita ann anna annabel anne annette annie antonia april ariana arlene audrey aurora
ava barbara beatrice beatrix belinda bella bernadette beth bethany betty beverly bianca brenda bridget brigitte brittany camilla candice
carla carmen carol carole caroline carolyn cassandra catalina catherine cathy cecilia celia celine charlotte chelsea cheryl chloe christina
christine cindy claire clara clarissa claudia colette constance cora cordelia corinne cynthia daisy dana daniela danielle daphne deborah
debra delia denise diana diane dolores dominika donna dora doris dorothea dorothy edith eileen elaine eleanor elena eleonora elisa elisabeth
elise eliza elizabeth ella ellen eloise elsa elsie emilia emily emma erica erika esther ethel eugenia eva evelyn fatima felicity fiona flora
frances francesca freya frida gabriela gabriella gabrielle gail gemma georgina geraldine gertrude gillian gina giulia gladys gloria grace
greta gwen gwendolyn hannah harriet hazel heather heidi helen helena helga henrietta hilary hilda hillary holly ida ilse ines ingrid irene
irina iris isabel isabella isabelle isla ivana jacqueline jane janet janice jasmine jean jeanne jeannette jennifer jenny jessica jill joan
joanna joanne jocelyn josephine joyce judith judy julia juliana julie juliet julieta justine karen karin karina kate katharina katherine
kathleen kathryn katie katrin katya kelly kirsten kristen kristin laura lauren leah leila lena leonora lesley lillian linda lindsay lindsey
lisa liza lois lorna lorraine louisa louise lucia lucille lucinda lucy ludmila lydia lynn mabel madeleine madison magdalena maggie malala
margaret margarita margot maria mariana marianne marie marilyn marina marion marjorie marlene martha martina mary matilda maureen maxine
megan melanie melinda melissa mercedes meredith mia michaela michelle mildred millicent minerva miranda miriam molly monica monika
nadia nadine nancy naomi natalia natalie natasha nathalie nell nellie nicole nina nora norma octavia olga olivia ophelia paige pamela
patricia paula pauline penelope petra philippa phoebe phyllis pippa polly priscilla rachel rebecca regina renata renee rhoda rita roberta
rosa rosalind rosemary rosie rowena roxanne ruth sabina sabrina sally samantha sandra sara sarah serena sharon sheila shirley silvia simone
sofia sonia sophia sophie stella stephanie susan susanna suzanne svetlana sylvia tamara tanya teresa tess tessa thelma theresa tina tracy
ursula valentina valerie vanessa vera veronica victoria viola violet virginia vivian wanda wendy wilhelmina winifred yasmin yolanda yvonne
zoe zofia zsuzsanna anneliese antje astrid birgit brunhilde dagmar elke frauke gudrun hanne heike hildegard ingeborg jutta liesel lotte
maja marit sigrid silke solveig ulla ulrike wiebke agnieszka beata ewa grazyna halina jadwiga katarzyna krystyna malgorzata marta
urszula zuzana jana lenka marketa ilona katalin erzsebet zsofia ioana elena mihaela oksana yulia yelena tatiana galina lyudmila
valentina ekaterina yekaterina darya daria anya masha nadezhda sveta aisha amina ayesha khadija layla leyla mariam maryam noor salma zainab
zahra yasmina farida priya sunita anjali indira lakshmi meera radha sita pooja deepa kavita rani shanti sonia yuki yoko keiko akiko
naoko sakura hana mei ling chiamaka ngozi wangari winnie miriam cleopatra hatshepsut nefertiti boudica joan dolley abigail phillis
mercy harriet sojourner rosalie rosamund fanny nettie hester prudence
`);

const UNISEX = list(`
alex ali andrea ashley bailey blair cameron carey casey charlie chris dana drew eden elliott frankie jackie jaime jamie jean jesse
jo jordan jules kelly kim kris lee leslie lindsay lou mackenzie morgan nicola noel pat quinn reese riley robin rowan sam sandy
sasha shannon sidney skyler stacy taylor terry tracy val
`);

const GENDER = new Map<string, 'm' | 'f'>();
const both = new Set([...UNISEX, ...MALE.filter((n) => FEMALE.includes(n))]);
for (const n of MALE) if (!both.has(n)) GENDER.set(n, 'm');
for (const n of FEMALE) if (!both.has(n)) GENDER.set(n, 'f');

// (with the older list of given names the recogniser used: one list of first names in all)
const KNOWN = new Set([...MALE, ...FEMALE, ...UNISEX, ...GIVEN_NAMES]);

/**
 * First names that are also common words or places: on their own ("Grace", "Will",
 * "Victoria") they do not show that a word is a person.
 */
const AMBIGUOUS_ALONE = new Set(list(`
will mark bill frank guy rich grace hope faith joy rose iris lily daisy ruby pearl amber crystal dawn april june may august summer autumn
victoria florence georgia virginia carolina jordan israel chad austin paris sydney lincoln washington jackson holly ivy heather olive jade
penny sandy carol earl duke king prince major angel christian justice constance prudence patience charity mercy eve don chase hunter
lance miles price drew glen dale basil clay rod gene max art ray jack dean wade cliff pat sue bob nick will china india regina
`));

/** 'm', 'f', or undefined (unknown or given to both) for a first name. */
export function genderOfFirstName(name: string): 'm' | 'f' | undefined {
	return GENDER.get(name.toLowerCase().replace(/[’'].*$/, ''));
}

/** Whether a word is a common first name. */
export function isFirstName(name: string): boolean {
	return KNOWN.has(name.toLowerCase());
}

/** Whether a single capitalised word that is a first name most likely names a person. */
export function isFirstNameAlone(name: string): boolean {
	const n = name.toLowerCase();
	return KNOWN.has(n) && !AMBIGUOUS_ALONE.has(n);
}

/** Titles and nouns that give a person's gender ("Mrs", "Queen", "actress", "son"). Lower-case. */
export const MALE_WORDS = new Set(list(`
mr mr. sir lord king prince emperor sultan pharaoh pope tsar czar shah duke earl baron count father brother son husband uncle nephew
grandfather grandson man men boy boys gentleman businessman spokesman chairman congressman monk priest actor nobleman widower
`));
export const FEMALE_WORDS = new Set(list(`
mrs mrs. ms ms. miss madam madame dame lady queen princess empress duchess countess baroness tsarina mother sister daughter wife aunt niece
grandmother granddaughter woman women girl girls businesswoman spokeswoman chairwoman congresswoman nun actress noblewoman widow heroine
`));
