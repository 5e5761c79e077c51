import OptionsApp from '../../components/options/OptionsApp.vue'
import { mountExtensionPage } from '../../components/extension/mount-page.ts'

void mountExtensionPage(OptionsApp)
