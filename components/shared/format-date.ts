/** A timestamp as the user's language writes a date and time (`30.11.2026, 17:12` in Ukrainian). */
export function formatDateTime(value: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value))
}
