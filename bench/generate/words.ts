/**
 * Word lists and sentence templates for generated projects, written for this generator.
 * Names are pairs of a Latin transliteration and an Arabic-script (Dari/Pashto-like)
 * spelling, so an entity's alias and the Arabic-script paragraphs can name it too.
 */

export type Pair = readonly [latin: string, arabic: string]

const nfc = <T extends readonly string[]>(words: T): T =>
  words.map((w) => w.normalize('NFC')) as unknown as T

const pairs = (list: readonly Pair[]): readonly Pair[] =>
  list.map(([latin, arabic]) => [latin, arabic.normalize('NFC')] as const)

// ---------------------------------------------------------------- people

export const GIVEN_NAMES = pairs([
  ['Ahmad', 'احمد'],
  ['Mohammad', 'محمد'],
  ['Abdullah', 'عبدالله'],
  ['Karim', 'کریم'],
  ['Rahim', 'رحیم'],
  ['Nur', 'نور'],
  ['Gul', 'گل'],
  ['Zia', 'ضیا'],
  ['Hamid', 'حمید'],
  ['Wali', 'ولی'],
  ['Jawad', 'جواد'],
  ['Farid', 'فرید'],
  ['Habib', 'حبیب'],
  ['Khalid', 'خالد'],
  ['Latif', 'لطیف'],
  ['Nasir', 'ناصر'],
  ['Qadir', 'قادر'],
  ['Rashid', 'رشید'],
  ['Sami', 'سمیع'],
  ['Tariq', 'طارق'],
  ['Yusuf', 'یوسف'],
  ['Zahir', 'ظاهر'],
  ['Bashir', 'بشیر'],
  ['Daud', 'داود'],
  ['Ghulam', 'غلام'],
  ['Ismail', 'اسماعیل'],
  ['Jalal', 'جلال'],
  ['Mansur', 'منصور'],
  ['Obaid', 'عبید'],
  ['Sadiq', 'صادق'],
  ['Shafiq', 'شفیق'],
  ['Wahid', 'وحید'],
  ['Yasin', 'یاسین'],
  ['Aziz', 'عزیز'],
  ['Baz', 'باز'],
  ['Fazl', 'فضل'],
  ['Hakim', 'حکیم'],
  ['Mir', 'میر'],
  ['Nawid', 'نوید'],
  ['Sher', 'شیر'],
])

export const FAMILY_NAMES = pairs([
  ['Ahmadi', 'احمدی'],
  ['Karimi', 'کریمی'],
  ['Rahimi', 'رحیمی'],
  ['Noori', 'نوری'],
  ['Hashimi', 'هاشمی'],
  ['Sultani', 'سلطانی'],
  ['Hakimi', 'حکیمی'],
  ['Safi', 'صافی'],
  ['Popal', 'پوپل'],
  ['Wardak', 'وردک'],
  ['Mangal', 'منگل'],
  ['Zazai', 'زازی'],
  ['Amiri', 'امیری'],
  ['Rasuli', 'رسولی'],
  ['Niazi', 'نیازی'],
  ['Akbari', 'اکبری'],
  ['Samadi', 'صمدی'],
  ['Qaderi', 'قادری'],
  ['Jalali', 'جلالی'],
  ['Saberi', 'صابری'],
  ['Mohseni', 'محسنی'],
  ['Rezai', 'رضایی'],
  ['Azimi', 'عظیمی'],
  ['Faizi', 'فیضی'],
  ['Stanikzai', 'ستانکزی'],
  ['Yousufzai', 'یوسفزی'],
  ['Durrani', 'درانی'],
  ['Habibi', 'حبیبی'],
  ['Latifi', 'لطیفی'],
  ['Naderi', 'نادری'],
])

export const PERSON_ROLES = nfc([
  'commander',
  'spokesman',
  'political leader',
  'deputy commander',
  'founder',
  'financier',
  'cleric',
  'tribal elder',
  'recruiter',
  'former governor',
  'intelligence chief',
  'field commander',
  'envoy abroad',
  'media officer',
] as const)

// ---------------------------------------------------------------- places

export const PLACE_PREFIXES = pairs([
  ['Dasht', 'دشت'],
  ['Qala', 'قلعه'],
  ['Deh', 'ده'],
  ['Khwaja', 'خواجه'],
  ['Sang', 'سنگ'],
  ['Shah', 'شاه'],
  ['Pul', 'پل'],
  ['Char', 'چهار'],
  ['Sar', 'سر'],
  ['Bagh', 'باغ'],
  ['Nahr', 'نهر'],
  ['Mir', 'میر'],
  ['Darra', 'دره'],
  ['Kariz', 'کاریز'],
  ['Kotal', 'کوتل'],
  ['Chashma', 'چشمه'],
  ['Robat', 'رباط'],
  ['Tapa', 'تپه'],
])

export const PLACE_ROOTS = pairs([
  ['Sabz', 'سبز'],
  ['Now', 'نو'],
  ['Safed', 'سفید'],
  ['Surkh', 'سرخ'],
  ['Kalan', 'کلان'],
  ['Khord', 'خورد'],
  ['Bala', 'بالا'],
  ['Payin', 'پایین'],
  ['Shahr', 'شهر'],
  ['Ab', 'آب'],
  ['Gul', 'گل'],
  ['Bid', 'بید'],
  ['Anar', 'انار'],
  ['Zard', 'زرد'],
  ['Siah', 'سیاه'],
  ['Bazar', 'بازار'],
  ['Tut', 'توت'],
  ['Chenar', 'چنار'],
  ['Sher', 'شیر'],
  ['Kuh', 'کوه'],
])

export const PLACE_SUFFIXES = pairs([
  ['', ''],
  ['abad', 'آباد'],
  ['istan', 'ستان'],
  ['dara', 'دره'],
  ['bagh', 'باغ'],
  ['kheyl', 'خیل'],
])

export const COUNTRIES = pairs([
  ['Afghanistan', 'افغانستان'],
  ['Pakistan', 'پاکستان'],
  ['Tajikistan', 'تاجیکستان'],
  ['Uzbekistan', 'ازبکستان'],
  ['Iran', 'ایران'],
])

// ---------------------------------------------------------------- groups

export const GROUP_ADJECTIVES = pairs([
  ['National', 'ملی'],
  ['Islamic', 'اسلامی'],
  ['Free', 'آزاد'],
  ['United', 'متحد'],
  ['Popular', 'مردمی'],
  ['Democratic', 'دموکراتیک'],
  ['Revolutionary', 'انقلابی'],
  ['Northern', 'شمالی'],
  ['Eastern', 'شرقی'],
  ['Southern', 'جنوبی'],
  ['Western', 'غربی'],
  ['Supreme', 'عالی'],
])

export const GROUP_NOUNS = pairs([
  ['Resistance', 'مقاومت'],
  ['Freedom', 'آزادی'],
  ['Liberation', 'رهایی'],
  ['Justice', 'عدالت'],
  ['Salvation', 'نجات'],
  ['Unity', 'وحدت'],
  ['Defence', 'دفاع'],
  ['Solidarity', 'همبستگی'],
  ['Uprising', 'خیزش'],
  ['Dignity', 'کرامت'],
])

export const GROUP_FORMS = pairs([
  ['Front', 'جبهه'],
  ['Movement', 'جنبش'],
  ['Council', 'شورای'],
  ['Brigade', 'لوای'],
  ['Army', 'اردوی'],
  ['Union', 'اتحاد'],
  ['Alliance', 'ائتلاف'],
  ['Corps', 'قول اردوی'],
])

export const IDEOLOGIES = nfc([
  'nationalist',
  'Islamist',
  'ethno-nationalist',
  'secular republican',
  'Salafi-jihadist',
  'monarchist',
  'regionalist',
  'leftist',
  'tribal self-defence',
] as const)

// ---------------------------------------------------------------- communities

export const ETHNIC_COMMUNITIES = pairs([
  ['Hazara', 'هزاره'],
  ['Tajik', 'تاجیک'],
  ['Uzbek', 'ازبک'],
  ['Pashtun', 'پشتون'],
  ['Turkmen', 'ترکمن'],
  ['Baloch', 'بلوچ'],
  ['Aimaq', 'ایماق'],
  ['Nuristani', 'نورستانی'],
  ['Pashai', 'پشه‌یی'],
  ['Kyrgyz', 'قرغیز'],
])

export const RELIGIOUS_COMMUNITIES = pairs([
  ['Ismaili', 'اسماعیلیه'],
  ['Shia', 'شیعه'],
  ['Sufi', 'صوفی'],
  ['Sikh', 'سیک'],
  ['Hindu', 'هندو'],
])

export const TRIBE_SUFFIXES = pairs([
  ['zai', 'زی'],
  ['khel', 'خیل'],
])

// ---------------------------------------------------------------- sources

export const PUBLISHERS = [
  { name: 'Kabul Ledger', domain: 'kabul-ledger.example' },
  { name: 'Hindu Kush Monitor', domain: 'hindukush-monitor.example' },
  { name: 'Northern Valleys Review', domain: 'nvreview.example' },
  { name: 'Conflict Watch Asia', domain: 'conflictwatch-asia.example' },
  { name: 'The Frontier Bulletin', domain: 'frontier-bulletin.example' },
  { name: 'Amu River Radio', domain: 'amu-radio.example' },
  { name: 'Institute for Regional Security', domain: 'irs-institute.example' },
  { name: 'Open Source Brief', domain: 'osbrief.example' },
  { name: 'Mountain Press Agency', domain: 'mpa-news.example' },
  { name: 'Salang Daily', domain: 'salang-daily.example' },
] as const

export const REPORT_HEADINGS = nfc([
  'Background',
  'Security situation',
  'Leadership',
  'Recruitment and support',
  'Areas of operation',
  'Assessment',
  'Outlook',
  'Method and sources',
] as const)

export const MONTHS = nfc([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const)

// ---------------------------------------------------------------- English prose

export const TIME_PHRASES = nfc([
  'In early 2022',
  'Over the winter',
  'During the following months',
  'By late spring',
  'Since the takeover',
  'Earlier this year',
  'Last autumn',
  'In the weeks before the harvest',
  'Throughout the summer',
  'At the start of Ramadan',
  'Shortly after the announcement',
  'For most of the year',
] as const)

export const SUBJECTS = nfc([
  'local officials',
  'residents',
  'humanitarian workers',
  'tribal elders',
  'security analysts',
  'journalists',
  'shopkeepers',
  'former soldiers',
  'the provincial council',
  'aid agencies',
  'teachers',
  'religious scholars',
  'truck drivers',
  'returnees from Iran',
  'displaced families',
  'a district health worker',
] as const)

export const VERBS = nfc([
  'reported',
  'described',
  'denied',
  'confirmed',
  'disputed',
  'documented',
  'played down',
  'warned of',
  'estimated',
  'recorded',
  'complained about',
  'pointed to',
] as const)

export const OBJECTS = nfc([
  'a rise in checkpoints',
  'sporadic clashes',
  'the closure of girls’ schools',
  'new taxes on traders',
  'arrests of former officials',
  'night raids',
  'the displacement of families',
  'shortages of fuel',
  'forced recruitment of young men',
  'a short-lived ceasefire',
  'the seizure of weapons caches',
  'restrictions on movement',
  'disputes over land and water',
  'the return of exiled commanders',
  'cuts to mobile phone coverage',
  'rising food prices',
] as const)

export const PLACE_PHRASES = nfc([
  'along the main highway',
  'in the northern districts',
  'near the border crossings',
  'in the provincial capital',
  'across several valleys',
  'in rural areas',
  'around the old bazaar',
  'in the mountain passes',
  'on the outskirts of the city',
] as const)

export const TAILS = nfc([
  ', according to people interviewed for this report',
  ', though details remain unclear',
  ', a claim that could not be independently verified',
  '',
  '',
  ' despite repeated denials',
  ', several sources said',
  ' in statements shared on messaging apps',
  ', which officials attributed to criminal gangs',
] as const)

export const ATTACKS = nfc([
  'an ambush on a patrol',
  'a rocket attack on a checkpoint',
  'the killing of a district chief',
  'a raid on an arms depot',
  'an attack on a convoy',
  'the capture of two outposts',
  'a roadside bomb',
] as const)

export const STATEMENTS = nfc([
  'would not negotiate while its members were detained',
  'had no link to the recent killings',
  'controlled several villages in the area',
  'was ready to join a broader coalition',
  'had received no foreign support',
  'would continue its campaign through the winter',
  'had lost a senior commander in the fighting',
  'would protect civilians who stayed neutral',
] as const)

export const ACTIVITIES = nfc([
  'moving through the valley at night',
  'collecting donations at the mosque',
  'training in abandoned compounds',
  'escorting supply trucks',
  'distributing leaflets in the bazaar',
  'guarding the approaches to the pass',
] as const)

export const FREQUENCIES = nfc([
  'almost every week',
  'at irregular intervals',
  'after each reported attack',
  'less often than last year',
] as const)

export const ANALYST_COMMENTS = nfc([
  'Corroborates earlier reporting from the same district.',
  'Single-source claim; treat with caution.',
  'The figure is likely inflated for propaganda.',
  'Consistent with satellite imagery of the area.',
  'The source has a record of reliable reporting on this group.',
  'Dates conflict with another account; check against local media.',
  'First mention of this commander in open sources.',
  'Suggests a shift from political mobilization to guerrilla activity.',
  'The group denies this; the denial is itself noted.',
  'Useful for the ethnic base column.',
  'Names given in transliteration; spelling varies across sources.',
  'Possibly the same event reported twice.',
] as const)

export const TAGS = nfc([
  'recruitment',
  'funding',
  'leadership',
  'clashes',
  'territory',
  'propaganda',
  'displacement',
  'ethnic-tension',
  'ceasefire',
  'casualties',
  'taxation',
  'border',
] as const)

export const NOTE_HEADINGS = nfc([
  'Summary',
  'Who leads',
  'Where it operates',
  'Support base',
  'Allies and rivals',
  'Open questions',
  'Timeline',
  'Sources to check',
] as const)

// ---------------------------------------------------------------- Arabic-script prose

/** Common Dari and Pashto words; the prose they make is word salad, but real script. */
export const ARABIC_WORDS = nfc([
  'ولایت',
  'ولسوالی',
  'جبهه',
  'مقاومت',
  'ملی',
  'آزادی',
  'جنگ',
  'مردم',
  'حکومت',
  'گروه',
  'رهبر',
  'قوماندان',
  'امنیت',
  'منطقه',
  'نیروها',
  'حمله',
  'کشته',
  'زخمی',
  'شمال',
  'شرق',
  'غرب',
  'جنوب',
  'و',
  'در',
  'از',
  'به',
  'که',
  'این',
  'آن',
  'است',
  'بود',
  'شد',
  'کرد',
  'گفت',
  'د',
  'او',
  'په',
  'چې',
  'دا',
  'کې',
  'سره',
  'خلک',
  'جګړه',
  'ښار',
  'ځواک',
  'کلی',
  'روغتیا',
  'ښوونځی',
  'بازار',
  'دولت',
  'مسجد',
  'زمستان',
  'تابستان',
  'سرحد',
  'راه',
  'کوه',
  'دره',
  'مهاجرین',
  'بیکاری',
  'مالیات',
  'اعلامیه',
  'سخنگوی',
] as const)

export const ARABIC_MENTION_FRAMES = nfc([
  'به گفته منابع محلی {name} در این منطقه فعال است',
  'سخنگوی {name} این خبر را تایید کرد',
  'مردم محل از حضور {name} در کوه‌ها خبر دادند',
  'د {name} په اړه نوی معلومات خپاره شول',
  'خلک وايي چې {name} په دې سیمه کې ځواک لري',
] as const)
