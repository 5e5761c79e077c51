import { mountExtensionPage } from '../../components/extension/mount-page.ts'
import PopupApp from '../../components/popup/PopupApp.vue'

void mountExtensionPage(PopupApp)
