import { mountExtensionPage } from '../../components/extension/mount-page.ts'
import SidePanelApp from '../../components/popup/SidePanelApp.vue'

void mountExtensionPage(SidePanelApp)
