import OptionsApp from '../../../components/options/OptionsApp.vue'
import { mountWithI18n } from '../../components/mount.ts'

/** The options page as its entrypoint mounts it (Pinia, the panel's i18n in `locale`), attached to the document. */
export function mountOptions(locale = 'en') {
  return mountWithI18n(OptionsApp, {}, locale)
}
