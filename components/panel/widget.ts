import panelCss from 'virtual:rolecall-panel-styles'
import { registerTeamPanel } from './team-panel-element.ts'

// The widget bundle's entry: importing it defines <rolecall-team-panel> with the panel's whole stylesheet.
registerTeamPanel([panelCss])

export { teamPanelTag } from './team-panel-element.ts'
export type { PanelChange, PanelEvents } from './context.ts'
