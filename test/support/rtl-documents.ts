/**
 * Pages in Dari, Pashto and mixed Latin and Dari that the PDF importer tests read once
 * Chromium has printed them (scripts/rtl-pdf-fixtures.ts writes test/fixtures/rtl-pdf/).
 * The sentences are written for these tests.
 */
export interface RtlPage {
  /** The PDF's file name in test/fixtures/rtl-pdf/, without ".pdf". */
  name: string
  /** The page's direction and layout. */
  dir: 'rtl' | 'ltr'
  columns: 1 | 2
  /** The paragraphs as typed, in logical order. */
  paragraphs: string[]
}

export const RTL_PAGES: readonly RtlPage[] = [
  {
    name: 'dari',
    dir: 'rtl',
    columns: 1,
    paragraphs: [
      'ولایت پنجشیر در شمال کابل (پایتخت) موقعیت دارد و راه اصلی آن از کنار رود می‌گذرد.',
      'احمد مسعود روز سه‌شنبه با بزرگان محل دیدار کرد؛ به گفته شاهدان، نشست دو ساعت طول کشید.',
      'در سال ۱۴۰۲ نماینده‌ای از UNAMA نیز در این دیدار حضور داشت.',
    ],
  },
  {
    name: 'pashto',
    dir: 'rtl',
    columns: 1,
    paragraphs: [
      'د هلمند ولایت د هېواد په سویل کې پروت دی او ډېر خلک یې بزګران دي.',
      'ښځې او ماشومان د سیند غاړې ته ورغلل چې اوبه راوړي.',
      'د لښکرګاه ښار له کندهار څخه ۱۵۰ کیلومتره لرې دی.',
    ],
  },
  {
    name: 'mixed',
    dir: 'ltr',
    columns: 1,
    paragraphs: [
      'The governor of Bamyan, والی بامیان, met elders on 12 March.',
      'Local radio called the district ولسوالی ورس in its morning report.',
      'Dostum left Sheberghan before noon.',
    ],
  },
  {
    name: 'two-columns',
    dir: 'rtl',
    columns: 2,
    paragraphs: [
      'گزارش‌های محلی نشان می‌دهد که راه‌های کوهستانی بدخشان پس از بارش برف بسته شده است و مسافران چند روز در فیض‌آباد منتظر ماندند.',
      'مسئولان ولایت گفتند که ماشین‌های برف‌روبی از کابل فرستاده شده و تا پایان هفته راه اصلی باز خواهد شد.',
      'در همین حال، شماری از بازرگانان از کمبود سوخت و آرد در بازارهای شهر شکایت کردند و خواستار کمک فوری شدند.',
      'یک منبع امنیتی که نخواست نامش فاش شود گفت که در این مدت هیچ رویداد امنیتی در مسیر گزارش نشده است.',
    ],
  },
]
