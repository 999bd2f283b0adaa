/**
 * ag-grid's own words (filter menus, operators, overlays, pagination, the screen-reader hints)
 * in the analyst's language. Every grid of the app takes its `localeText` from here. English
 * keeps ag-grid's built-in defaults; Dari is the table below, keyed by ag-grid's locale keys
 * (those the community grid can show with the text, number and date filters we use).
 * Gregorian month names are the Afghan ones, since ag-grid's date filter is Gregorian.
 */
import { currentLanguage, type Language } from './i18n'

const DARI: Readonly<Record<string, string>> = {
  // Filter menus and their operators.
  applyFilter: 'اعمال',
  clearFilter: 'پاک کردن',
  resetFilter: 'بازنشانی',
  cancelFilter: 'لغو',
  textFilter: 'فیلتر متن',
  numberFilter: 'فیلتر عدد',
  bigintFilter: 'فیلتر عدد بزرگ',
  dateFilter: 'فیلتر تاریخ',
  setFilter: 'فیلتر فهرست',
  filterOoo: 'فیلتر…',
  empty: 'یکی را انتخاب کنید',
  equals: 'برابر با',
  notEqual: 'نابرابر با',
  lessThan: 'کمتر از',
  greaterThan: 'بیشتر از',
  inRange: 'بین',
  inRangeStart: 'از',
  inRangeEnd: 'تا',
  lessThanOrEqual: 'کمتر یا برابر با',
  greaterThanOrEqual: 'بیشتر یا برابر با',
  contains: 'شامل',
  notContains: 'شامل نیست',
  startsWith: 'شروع با',
  endsWith: 'ختم با',
  blank: 'خالی',
  notBlank: 'خالی نیست',
  before: 'پیش از',
  after: 'پس از',
  andCondition: 'و',
  orCondition: 'یا',
  dateFormatOoo: 'yyyy-mm-dd',
  filterSummaryInactive: 'هست (همه)',
  filterSummaryContains: 'شامل',
  filterSummaryNotContains: 'شامل نیست',
  filterSummaryTextEquals: 'برابر با',
  filterSummaryTextNotEqual: 'نابرابر با',
  filterSummaryStartsWith: 'شروع با',
  filterSummaryEndsWith: 'ختم با',
  filterSummaryBlank: 'خالی است',
  filterSummaryNotBlank: 'خالی نیست',
  filterSummaryInRange: 'بین',
  yesterday: 'دیروز',
  today: 'امروز',
  tomorrow: 'فردا',
  invalidDate: 'تاریخ نادرست',
  invalidNumber: 'عدد نادرست',
  invalidBigInt: 'عدد بزرگ نادرست',
  invalidSelectionValidation: 'انتخاب نادرست.',
  blanks: '(خالی‌ها)',
  // Gregorian months as written in Afghanistan.
  january: 'جنوری',
  february: 'فبروری',
  march: 'مارچ',
  april: 'اپریل',
  may: 'می',
  june: 'جون',
  july: 'جولای',
  august: 'اگست',
  september: 'سپتمبر',
  october: 'اکتوبر',
  november: 'نومبر',
  december: 'دسمبر',
  // Overlays and pagination.
  loadingOoo: 'در حال بارگذاری…',
  loadingError: 'خطا',
  noRowsToShow: 'سطری برای نمایش نیست',
  noMatchingRows: 'سطر مطابقی نیست',
  page: 'صفحه',
  of: 'از',
  to: 'تا',
  more: 'بیشتر',
  firstPage: 'صفحهٔ اول',
  lastPage: 'صفحهٔ آخر',
  nextPage: 'صفحهٔ بعد',
  previousPage: 'صفحهٔ قبل',
  pageSizeSelectorLabel: 'اندازهٔ صفحه:',
  ariaPageSizeSelectorLabel: 'اندازهٔ صفحه',
  // Sorting, menus and selection as screen readers announce them.
  sortAscending: 'مرتب‌سازی صعودی',
  sortDescending: 'مرتب‌سازی نزولی',
  sortUnSort: 'حذف مرتب‌سازی',
  selectAll: 'انتخاب همه',
  ariaChecked: 'انتخاب‌شده',
  ariaUnchecked: 'انتخاب‌نشده',
  ariaIndeterminate: 'نیمه‌انتخاب',
  ariaColumnFiltered: 'ستون فیلتر شده',
  ariaFilterColumn: 'برای باز کردن فیلتر CTRL ENTER را فشار دهید',
  ariaFilterInput: 'ورودی فیلتر',
  ariaDateFilterInput: 'ورودی فیلتر تاریخ',
  ariaFilterFromValue: 'فیلتر از مقدار',
  ariaFilterToValue: 'فیلتر تا مقدار',
  ariaFilterValue: 'مقدار فیلتر',
  ariaFilterMenuOpen: 'باز کردن مینوی فیلتر',
  ariaFilteringOperator: 'عملگر فیلتر',
  ariaHeaderSelection: 'ستون انتخاب در سرستون',
  ariaInputEditor: 'ویرایشگر ورودی',
  ariaLabelColumnFilter: 'فیلتر ستون',
  ariaLabelColumnMenu: 'مینوی ستون',
  ariaLabelInputClear: 'پاک کردن',
  ariaLabelSelectField: 'انتخاب',
  ariaLabelTooltip: 'راهنما',
  ariaMenuColumn: 'برای باز کردن مینوی ستون ALT DOWN را فشار دهید',
  ariaRowSelectAll: 'برای انتخاب یا لغو انتخاب همهٔ سطرها Space را فشار دهید',
  ariaRowToggleSelection: 'برای انتخاب یا لغو انتخاب سطر Space را فشار دهید',
  ariaRowSelect: 'برای انتخاب این سطر SPACE را فشار دهید',
  ariaRowDeselect: 'برای لغو انتخاب این سطر SPACE را فشار دهید',
  ariaRowSelectionDisabled: 'انتخاب این سطر ممکن نیست',
  ariaSortableColumn: 'برای مرتب‌سازی ENTER را فشار دهید',
  ariaSortableColumnWithCellSelection: 'برای مرتب‌سازی ALT ENTER را فشار دهید',
  ariaToggleCellValue: 'برای تغییر مقدار خانه SPACE را فشار دهید',
  ariaColumnGroupExpansion: 'برای باز یا بسته کردن این گروه ستون ENTER را فشار دهید',
  ariaSkeletonCellLoading: 'دادهٔ سطر در حال بارگذاری است',
  ariaSkeletonCellLoadingFailed: 'بارگذاری سطر ناکام شد',
  ariaDeferSkeletonCellLoading: 'خانه در حال بارگذاری است',
  ariaPendingChange: 'تغییر در انتظار',
  ariaValidationErrorPrefix: 'اعتبارسنجی ویرایشگر خانه',
  ariaHasNote: 'این خانه یادداشت دارد.',
  ariaCalculatedColumn: 'ستون محاسبه‌شده',
}

/**
 * The `localeText` a grid takes in the given language, with the grid's own overrides (its
 * "no rows" message, say) on top. English gives only the overrides: ag-grid fills the rest.
 */
export function gridLocaleTextFor(
  language: Language,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return language === 'fa-AF' ? { ...DARI, ...overrides } : { ...overrides }
}

/** The `localeText` for a grid in the language in force. */
export function gridLocaleText(overrides: Record<string, string> = {}): Record<string, string> {
  return gridLocaleTextFor(currentLanguage(), overrides)
}
