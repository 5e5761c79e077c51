import { mountExtensionPage } from '../../components/extension/mount-page.ts'
import PopupApp from '../../components/popup/PopupApp.vue'
import { usePopupStore } from '../../stores/extension/popup.ts'

// The cached snapshot is read before the mount, so the popup's first paint already shows it.
void mountExtensionPage(PopupApp, { prepare: (pinia) => usePopupStore(pinia).readCache() })
