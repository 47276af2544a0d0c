// Word lists the entity recogniser uses. General English and world knowledge only:
// nothing here is taken from a particular article.

const set = (s: string) => new Set(s.trim().split(/\s*\|\s*|\n+/).map((w) => w.trim()).filter(Boolean));

/** Titles written before a name ("Prime Minister Hun Sen", "Lord North"). Lower-case. */
export const PERSON_TITLES = set(`mr | mr. | mrs | mrs. | ms | ms. | dr | dr. | prof | prof. | professor | sir | dame | lord | lady | king | queen |
prince | princess | emperor | empress | sultan | pharaoh | pope | saint | st. | president | vice president | prime minister | premier |
chancellor | minister | secretary | senator | governor | mayor | general | lieutenant general | major general | brigadier general | colonel |
captain | admiral | commander | judge | justice | chief justice | ambassador | bishop | archbishop | cardinal | father | rabbi | imam | sheikh |
representative | congressman | congresswoman | chairman | chairwoman | lieutenant | sergeant | marshal | field marshal | duke | duchess | earl | count | baron | tsar | czar | shah | khan | caliph`);

/** Nouns that, written just before a name, say the name is a person ("analyst Meas Nee"). */
export const PERSON_ROLES = set(`leader | analyst | spokesman | spokeswoman | spokesperson | counterpart | explorer | writer | author | poet | novelist |
humorist | philosopher | scientist | physicist | chemist | biologist | astronomer | mathematician | economist | historian | journalist | reporter |
editor | artist | painter | composer | musician | singer | actor | actress | director | producer | inventor | engineer | architect | founder |
ruler | warrior | warrior-prince | commander | strongman | dictator | activist | lawyer | official | officer | diplomat | politician | candidate |
chief | head | executive | ceo | chairman | professor | researcher | teacher | student | monk | priest | missionary | trader | merchant | traveller |
traveler | navigator | geographer | chronicler | emperor | king | queen | minister | president | premier | governor | general | senator | adviser |
advisor | aide | secretary | ambassador | envoy | colonel | admiral | captain | player | coach | athlete | champion | banker | businessman |
businesswoman | entrepreneur | investor | industrialist | doctor | physician | surgeon | nurse | psychologist | sociologist | theologian | critic |
filmmaker | photographer | designer | programmer | developer | astronaut | pilot | soldier | revolutionary | patriot | rebel | abolitionist | reformer |
saint | prophet | pharaoh | sultan | caliph | vizier | nobleman | noblewoman | heir | son | daughter | wife | husband | brother | sister | uncle | nephew | cousin | mother | father`);

/** Last words of organisation names. */
export const ORG_HEADS = set(`party | company | corporation | corp | corp. | inc | inc. | ltd | ltd. | llc | plc | group | university | college | school |
academy | laboratory | laboratories | lab | labs | ministry | department | council | committee | committees | association | union | nations |
organisation | organization | agency | bank | fund | institute | institution | center | centre | parliament | congress | senate | court | assembly |
commission | army | navy | air force | forces | society | foundation | network | news | times | post | press | club | league | federation |
alliance | board | office | service | authority | bureau | cabinet | government | community | forum | cooperation | commonwealth | church |
museum | library | hospital | police | guard | corps | brigade | regiment | division | team | band | orchestra | agency | directorate | politburo |
secretariat | tribunal | exchange | railway | railways | airlines | airways | motors | industries | systems | technologies | media | studios | records | enterprises | holdings | partners | trust | conservancy`);

/** Last words of laws, treaties and documents. */
export const LAW_HEADS = set(`act | acts | treaty | accord | accords | agreement | declaration | constitution | convention | protocol | bill | law | laws |
amendment | charter | compact | resolution | proclamation | edict | decree | code | doctrine | plan | pact | statute | ordinance | manifesto | covenant`);

/** Last words of named events. */
export const EVENT_HEADS = set(`war | wars | revolution | summit | conference | affair | battle | crisis | massacre | rebellion | revolt | uprising |
games | olympics | cup | championship | festival | expedition | campaign | movement | election | elections | riots | riot | siege | strike |
depression | recession | era | age | period | renaissance | reformation | crusade | crusades | invasion | occupation | famine | pandemic | epidemic | mission | missions | programme | program | project |
open | slam | slams | championships | trophy | prix | tournament | masters | marathon | derby | world cup`);

/** Last words of states and dynasties, which behave like places. */
export const POLITY_HEADS = set(`empire | kingdom | dynasty | republic | caliphate | sultanate | confederacy | confederation | realm | principality | duchy | khanate | federation | state | states | colony | colonies | territory | territories | dependency | dominion | province | provinces`);

/** Last words of geographic names. */
export const PLACE_HEADS = set(`river | sea | ocean | island | islands | isles | mountains | mountain | mount | alps | range | lake | lakes | bay | harbor |
harbour | gulf | strait | straits | channel | desert | valley | peninsula | coast | region | basin | canal | falls | plateau | plain | plains |
forest | county | district | city | town | village | commune | prefecture | oblast | square | street | avenue | road | park | palace | castle |
cathedral | temple | mosque | house | hall | tower | bridge | airport | station | port | reef | glacier | volcano | delta | highlands | lowlands | cape | sound | fjord | creek | springs | beach | heights | hills | hill | estuary`);

/** Words written before a geographic name ("Lake Victoria", "Mount Everest"). */
export const PLACE_PREFIXES = set(`lake | mount | mt | mt. | cape | fort | port | gulf | isle | saint | san | santa | são | st`);

/** Common given names, a sign that a capitalised pair is a person. */
export const GIVEN_NAMES = set(`aaron | abraham | adam | adrian | ahmed | alan | albert | alexander | alexandra | alfred | ali | alice | amanda |
amelia | amy | andrew | angela | ann | anna | anne | anthony | antonio | arthur | barack | barbara | ben | benjamin | bernard | betty | bill | bob |
boris | brian | bruce | carl | carlos | caroline | catherine | charles | charlotte | chris | christian | christina | christopher | claire | clara |
daniel | david | deborah | dennis | diana | donald | dorothy | douglas | edward | eleanor | elizabeth | ellen | emily | emma | eric | ernest | eva |
fatima | ferdinand | francis | frank | franklin | frederick | gabriel | george | georgia | gerald | grace | gregory | hannah | harold | harriet |
harry | helen | henry | herbert | hugh | ian | isaac | isabel | jack | jacob | james | jane | janet | jean | jennifer | jessica | joan | john |
johann | jonathan | joseph | joshua | juan | judith | julia | julian | karen | karl | katherine | kate | keith | kenneth | kevin | laura | lawrence |
leo | leonard | linda | louis | louise | lucy | luis | margaret | maria | marie | mark | martha | martin | mary | matthew | michael | miguel |
mohammed | muhammad | nancy | nathan | neil | nelson | nicholas | nick | noah | oliver | oscar | patricia | patrick | paul | peter | philip | rachel |
ralph | raymond | rebecca | richard | robert | roger | ronald | rose | ruth | ryan | samuel | sam | sarah | scott | sean | simon | sophia | spencer |
stephen | steven | susan | theodore | thomas | timothy | tom | victor | victoria | vincent | walter | wilhelm | william | winston | xi | vladimir |
angela | emmanuel | narendra | shinzo | justin | joe | jimmy | ulysses | abigail | dolley | benedict | nathanael | paul | crispus | mercy | phillis |
nelson | isaac | galileo | johannes | nicolaus | marie | albert | ada | alan | grace | leonardo | michelangelo | vasco | christopher | hernán | francisco | pedro | jacques | pierre | jean-jacques | friedrich | otto | hans | giovanni | marco | ibn`);

/** Sentence-opening discourse connectives, stripped from prompts. */
export const LEADING_CONNECTIVES = [
	'however', 'but', 'and', 'also', 'moreover', 'furthermore', 'thus', 'therefore', 'hence', 'finally', 'additionally', 'meanwhile',
	'in addition', 'so far', 'now', 'first', 'second', 'third', 'fourth', 'rather', 'interestingly', 'of course', 'for example',
	'for instance', 'ultimately', 'in other words', 'indeed', 'instead', 'still', 'yet', 'so', 'then', 'nevertheless', 'nonetheless',
	'in fact', 'as a result', 'consequently', 'similarly', 'likewise', 'in contrast', 'by contrast', 'on the other hand', 'today',
	'in turn', 'at the same time', 'besides', 'notably', 'importantly', 'even so', 'after all', 'in short', 'overall', 'specifically', 'again'
];

/** Verbs of saying, used to attribute quotations. Lower-case past and present forms. */
export const SPEECH_VERBS = set(`said | says | say | told | tells | added | adds | wrote | writes | declared | declares | stated | states | argued | argues |
explained | explains | noted | notes | asked | asks | replied | replies | insisted | insists | warned | warns | claimed | claims | remarked |
remarks | recalled | recalls | announced | announces | observed | observes | commented | comments | concluded | concludes | admitted | admits |
acknowledged | acknowledges | suggested | suggests | believes | believed | urged | urges | proclaimed | proclaims | quipped | quips | continued | continues | exclaimed | told`);

/** Units that belong with the number they follow ("70.72 teraflops", "40 km"). Lower-case. */
export const UNITS = set(`km | kilometre | kilometres | kilometer | kilometers | mile | miles | mi | m | metre | metres | meter | meters | cm |
centimetre | centimetres | centimeter | centimeters | mm | millimetre | millimetres | millimeter | millimeters | nm | nanometre | nanometres |
nanometer | nanometers | micrometre | micrometres | micrometer | micrometers | ft | foot | feet | inch | inches | yard | yards | kg | kilogram |
kilograms | g | gram | grams | mg | milligram | milligrams | ton | tons | tonne | tonnes | lb | lbs | pound-weight | ounce | ounces | l | litre | litres |
liter | liters | ml | millilitre | millilitres | gallon | gallons | barrel | barrels | hectare | hectares | acre | acres | ha | sq | square | cubic |
teraflop | teraflops | petaflop | petaflops | gigaflop | gigaflops | megaflop | megaflops | exaflop | exaflops | hz | khz | mhz | ghz | hertz |
w | kw | mw | gw | watt | watts | kilowatt | kilowatts | megawatt | megawatts | gigawatt | gigawatts | kwh | mwh | gwh | v | volt | volts | amp |
amps | ampere | amperes | joule | joules | calorie | calories | kcal | degree | degrees | °c | °f | c | f | kelvin | k | mph | kph | km/h | knots |
knot | decibel | decibels | db | byte | bytes | kb | mb | gb | tb | pb | bit | bits | light-year | light-years | au | parsec | parsecs | g/cm3 | kg/m3 |
ppm | psi | pascal | pascals | bar | atm | percent | per cent | percentage points | points | years | year | months | month | weeks | week | days | day |
hours | hour | minutes | minute | seconds | second | centuries | century | decades | decade | millennia | ms | μm | mol | moles`);

/** Units of time, which make durations rather than measures. */
export const TIME_UNITS = set(`years | year | months | month | weeks | week | days | day | hours | hour | minutes | minute | seconds | second | centuries | century | decades | decade | millennia`);

export const SCALE_WORDS: Record<string, number> = {
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12,
	bn: 1e9,
	m: 1e6,
	mn: 1e6,
	k: 1e3,
	tn: 1e12
};

export const NUMBER_WORDS: Record<string, number> = {
	two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
	fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
	seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12
};

export const MONTHS = [
	'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'
];

/** Modifiers that say a number is approximate or a bound ("about 25 million", "more than 76,000"). */
export const APPROX = [
	'about', 'around', 'approximately', 'nearly', 'almost', 'roughly', 'some', 'more than', 'over', 'less than', 'under', 'up to',
	'at least', 'at most', 'just over', 'just under', 'fewer than', 'c.', 'circa', 'ca.', 'an estimated', 'estimated', 'close to', 'upwards of', 'well over'
];
