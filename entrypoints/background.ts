import { defineBackground } from 'wxt/utils/define-background'
import { startBackground } from '../stores/extension/background/start.ts'

// The logic lives in stores/extension/background/ (tested there); WXT imports this file at build time, so
// nothing runs outside `main`.
export default defineBackground(() => {
  startBackground()
})
