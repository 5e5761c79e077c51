/**
 * The look of a tab trigger (underlined when active), shared by the panel's tabs and the sign-in's
 * two ways to sign in.
 */
export const tabTriggerClass = 'focus-ring -mb-px cursor-pointer border-0 border-b-2 border-solid border-transparent bg-transparent px-3 py-2 text-sm text-rc-muted data-[state=active]:border-rc-accent data-[state=active]:text-rc-fg'
