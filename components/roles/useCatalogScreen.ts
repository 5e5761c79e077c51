import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { type Permission, type RolecallError, toRolecallError } from '../../stores/api/index.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useRolesStore } from '../../stores/roles.ts'
import { useScreenMessages } from '../i18n.ts'
import type { ViewState } from '../shared/StateView.vue'
import { viewState } from '../shared/view-state.ts'
import rolesMessages from './messages.ts'
import { type CatalogGrouping, catalogTree, organizationCatalog, outsideProduct } from './role-catalog.ts'

/**
 * What the Roles and Permission Policies tabs share: loading the roles store when the organization and
 * the caller's permissions are known, the screen's state (rows from `count`), and the organization's
 * catalog as a permission tree in the user's language.
 */
export function useCatalogScreen(count: () => number) {
  // NOTE: the catalog's words ("Other") live with the roles tab; the policies tab may open first.
  useScreenMessages(rolesMessages)
  const organization = useOrganizationStore()
  const roles = useRolesStore()
  const { t, locale } = useI18n()
  const loadError = ref<RolecallError | null>(null)
  const loaded = ref(false)

  async function load() {
    loadError.value = null
    loaded.value = false
    try {
      // NOTE: the member counts too: the roles list shows them, and a policy edit names the members it reaches;
      // and the product's sections, to mark a key a policy kept from outside them.
      await Promise.all([roles.load(), roles.loadMemberCounts(), roles.loadProductSections()])
      loaded.value = true
    } catch (error) {
      loadError.value = toRolecallError(error)
    }
  }
  watch(() => organization.currentId && organization.permissions, (ready) => ready && load(), { immediate: true })

  const state = computed<ViewState>(() => viewState({ error: loadError.value, loaded: loaded.value, empty: !count() }))

  // NOTE: with every key the organization's policies hold, so a key a policy kept from outside the product's
  // catalog (a page key like settings.view) shows with its label, not hidden, even when my_permissions was read before.
  const catalog = computed(() => organizationCatalog(roles.permissions, new Set([
    ...organization.permissions.map((p) => p.key), ...roles.policyPermissions.map((p) => p.permission_key),
  ])))
  const outside = (permission: Permission) => (outsideProduct(permission, roles.productSections) ? t('catalog.outside') : undefined)
  /** The catalog grouped `by`, labelled in the current language; keys outside the product's catalog say so. */
  const tree = (by: CatalogGrouping) =>
    catalogTree(catalog.value, roles.sections, by, locale.value === 'uk' ? 'uk' : 'en', t('catalog.other'), outside)

  return { loadError, state, load, catalog, tree }
}
