import { describe, expect, it } from 'vitest'
import { type MessageModule, toLocale } from '../../components/i18n.ts'

// NOTE: every message module of the panel, the popup and the options page, found by name (so a new screen's
// messages are checked without being listed here).
const messageModules = Object.values(import.meta.glob<MessageModule>('../../components/**/*messages.ts', { eager: true, import: 'default' }))
const messages = Object.fromEntries((['en', 'uk'] as const).map((locale) =>
  [locale, Object.assign({}, ...messageModules.map((module) => module[locale]))])) as Record<'en' | 'uk', any>

/** Every leaf key of a message tree, dotted. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`])
}

// The README's error table and the functions' codes: every one needs a message in both languages.
const serverCodes = [
  ...[101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 201, 203, 204, 205, 206,
    301, 302, 303, 304, 305, 306, 307, 308, 309,
    401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411].map((n) => `RC${n}`),
  'not_signed_in', 'invalid_body', 'invalid_csv', 'weak_password', 'reauthentication_required',
  'reauthentication_failed', 'account_exists', 'account_not_created', 'method_not_allowed', 'internal',
]

describe('panel messages', () => {
  it('English and Ukrainian have the same keys', () => {
    expect(keys(messages.uk).sort()).toEqual(keys(messages.en).sort())
  })

  it('no message is empty, and none uses vue-i18n syntax by accident (@ or |)', () => {
    for (const locale of ['en', 'uk'] as const) {
      for (const key of keys(messages[locale])) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages[locale])
        expect(text, `${locale} ${key}`).toMatch(/\S/)
        expect(text, `${locale} ${key}`).not.toMatch(/[@|]/)
      }
    }
  })

  it.each(serverCodes)('has errors.%s in both languages', (code) => {
    expect(messages.en.errors).toHaveProperty(code)
    expect(messages.uk.errors).toHaveProperty(code)
  })

  it('finds the modules by name, also those no screen list names (options page, member card admin)', () => {
    for (const top of ['common', 'errors', 'members', 'popup', 'options', 'memberAdmin', 'signIn', 'switcher']) expect(messages.en).toHaveProperty(top)
  })

  it('the screens\' modules never share a top-level key (one would hide the other)', () => {
    const topKeys = messageModules.flatMap((module) => Object.keys(module.en))
    expect(new Set(topKeys).size).toBe(topKeys.length)
  })

  it('speaks Jusnote\'s words in Ukrainian', () => {
    expect(messages.uk.errors.RC105).toContain('Адміністратор, призначений Підписником')
    expect(messages.uk.badges.primary).toBe('Адміністратор, призначений Підписником')
    expect(messages.uk.panel.title).toBe('Команда')
  })

  it.each([['uk-UA', 'uk'], ['uk', 'uk'], ['en-GB', 'en'], ['de', 'en'], [undefined, 'en']])('toLocale(%s) is %s', (value, locale) => {
    expect(toLocale(value)).toBe(locale)
  })
})

describe('the permission sources\' words (components/shared/permission-source-messages.ts)', () => {
  it('are among the modules checked above, in both languages', () => {
    expect(keys(messages.en)).toContain('permissionSource.member.all_permissions')
    expect(keys(messages.uk)).toContain('permissionSource.member.all_permissions')
  })
})

describe('the extension popup\'s words (components/popup/messages.ts)', () => {
  it('names Jusnote\'s sidebar tabs as its doc does, and the contact list', () => {
    expect(Object.values(messages.uk.popup.tabs.jusnote)).toEqual(['Налаштування', 'Рахунки', 'Звіти', 'Інвойси', 'Список контактів'])
  })
})
