export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  rolecall: {
    Tables: {
      audit_events: {
        Row: {
          action: string
          actor_id: string | null
          actor_role: string
          after: Json | null
          before: Json | null
          created_at: string
          id: number
          organization_id: string
          request_ip: unknown
          subject_id: string
          subject_type: string
        }
        Insert: {
          action: string
          actor_id?: string | null
          actor_role: string
          after?: Json | null
          before?: Json | null
          created_at?: string
          id?: never
          organization_id: string
          request_ip?: unknown
          subject_id: string
          subject_type: string
        }
        Update: {
          action?: string
          actor_id?: string | null
          actor_role?: string
          after?: Json | null
          before?: Json | null
          created_at?: string
          id?: never
          organization_id?: string
          request_ip?: unknown
          subject_id?: string
          subject_type?: string
        }
        Relationships: []
      }
      checkbox_permissions: {
        Row: {
          checkbox_key: string
          organization_id: string
          permission_key: string
        }
        Insert: {
          checkbox_key: string
          organization_id: string
          permission_key: string
        }
        Update: {
          checkbox_key?: string
          organization_id?: string
          permission_key?: string
        }
        Relationships: [
          {
            foreignKeyName: "checkbox_permissions_organization_id_checkbox_key_fkey"
            columns: ["organization_id", "checkbox_key"]
            isOneToOne: false
            referencedRelation: "checkboxes"
            referencedColumns: ["organization_id", "key"]
          },
          {
            foreignKeyName: "checkbox_permissions_permission_key_fkey"
            columns: ["permission_key"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["key"]
          },
        ]
      }
      checkboxes: {
        Row: {
          always_on: boolean
          description_en: string
          description_uk: string
          key: string
          label_en: string
          label_uk: string
          organization_id: string
          position: number
          role_id: string | null
          section: string
        }
        Insert: {
          always_on?: boolean
          description_en?: string
          description_uk?: string
          key: string
          label_en: string
          label_uk: string
          organization_id: string
          position?: number
          role_id?: string | null
          section: string
        }
        Update: {
          always_on?: boolean
          description_en?: string
          description_uk?: string
          key?: string
          label_en?: string
          label_uk?: string
          organization_id?: string
          position?: number
          role_id?: string | null
          section?: string
        }
        Relationships: [
          {
            foreignKeyName: "checkboxes_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "checkboxes_role_id_organization_id_fkey"
            columns: ["role_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["id", "organization_id"]
          },
          {
            foreignKeyName: "checkboxes_section_fkey"
            columns: ["section"]
            isOneToOne: false
            referencedRelation: "permission_sections"
            referencedColumns: ["key"]
          },
        ]
      }
      invitations: {
        Row: {
          accepted_by: string | null
          created_at: string
          denies: string[]
          email: string
          expires_at: string
          grants: string[]
          id: string
          invited_by: string | null
          ip_allowlist: string[]
          language: string
          last_sent_at: string
          organization_id: string
          resource_grants: Json
          responded_at: string | null
          role_id: string
          send_count: number
          status: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash: string
          updated_at: string
        }
        Insert: {
          accepted_by?: string | null
          created_at?: string
          denies?: string[]
          email: string
          expires_at: string
          grants?: string[]
          id?: string
          invited_by?: string | null
          ip_allowlist?: string[]
          language?: string
          last_sent_at?: string
          organization_id: string
          resource_grants?: Json
          responded_at?: string | null
          role_id: string
          send_count?: number
          status?: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash: string
          updated_at?: string
        }
        Update: {
          accepted_by?: string | null
          created_at?: string
          denies?: string[]
          email?: string
          expires_at?: string
          grants?: string[]
          id?: string
          invited_by?: string | null
          ip_allowlist?: string[]
          language?: string
          last_sent_at?: string
          organization_id?: string
          resource_grants?: Json
          responded_at?: string | null
          role_id?: string
          send_count?: number
          status?: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invitations_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invitations_role_id_organization_id_fkey"
            columns: ["role_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["id", "organization_id"]
          },
        ]
      }
      member_overrides: {
        Row: {
          created_at: string
          effect: Database["rolecall"]["Enums"]["override_effect"]
          member_id: string
          organization_id: string
          permission_key: string
        }
        Insert: {
          created_at?: string
          effect: Database["rolecall"]["Enums"]["override_effect"]
          member_id: string
          organization_id: string
          permission_key: string
        }
        Update: {
          created_at?: string
          effect?: Database["rolecall"]["Enums"]["override_effect"]
          member_id?: string
          organization_id?: string
          permission_key?: string
        }
        Relationships: [
          {
            foreignKeyName: "member_overrides_member_id_organization_id_fkey"
            columns: ["member_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id", "organization_id"]
          },
          {
            foreignKeyName: "member_overrides_permission_key_fkey"
            columns: ["permission_key"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["key"]
          },
        ]
      }
      members: {
        Row: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          deactivated_at?: string | null
          display_name?: string
          email?: string
          id?: string
          ip_allowlist?: string[]
          ip_ranges?: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary?: boolean
          notifications?: boolean
          organization_id: string
          role_id: string
          status?: Database["rolecall"]["Enums"]["member_status"]
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          deactivated_at?: string | null
          display_name?: string
          email?: string
          id?: string
          ip_allowlist?: string[]
          ip_ranges?: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary?: boolean
          notifications?: boolean
          organization_id?: string
          role_id?: string
          status?: Database["rolecall"]["Enums"]["member_status"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "members_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: true
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "members_role_id_organization_id_fkey"
            columns: ["role_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["id", "organization_id"]
          },
        ]
      }
      organizations: {
        Row: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        Insert: {
          admin_mode?: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          invitation_ttl?: string
          language?: string
          name: string
          notify_admins?: boolean
          template?: string
          unique_member_emails?: boolean
          updated_at?: string
        }
        Update: {
          admin_mode?: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at?: string | null
          created_at?: string
          created_by?: string | null
          id?: string
          invitation_ttl?: string
          language?: string
          name?: string
          notify_admins?: boolean
          template?: string
          unique_member_emails?: boolean
          updated_at?: string
        }
        Relationships: []
      }
      permission_requires: {
        Row: {
          permission_key: string
          requires_key: string
        }
        Insert: {
          permission_key: string
          requires_key: string
        }
        Update: {
          permission_key?: string
          requires_key?: string
        }
        Relationships: [
          {
            foreignKeyName: "permission_requires_permission_key_fkey"
            columns: ["permission_key"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["key"]
          },
          {
            foreignKeyName: "permission_requires_requires_key_fkey"
            columns: ["requires_key"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["key"]
          },
        ]
      }
      permission_sections: {
        Row: {
          key: string
          label_en: string
          label_uk: string
          position: number
        }
        Insert: {
          key: string
          label_en: string
          label_uk: string
          position?: number
        }
        Update: {
          key?: string
          label_en?: string
          label_uk?: string
          position?: number
        }
        Relationships: []
      }
      permissions: {
        Row: {
          description_en: string
          description_uk: string
          key: string
          kind: Database["rolecall"]["Enums"]["permission_kind"]
          label_en: string
          label_uk: string
          page: string | null
          position: number
          resource: string | null
          section: string
        }
        Insert: {
          description_en?: string
          description_uk?: string
          key: string
          kind?: Database["rolecall"]["Enums"]["permission_kind"]
          label_en: string
          label_uk: string
          page?: string | null
          position?: number
          resource?: string | null
          section: string
        }
        Update: {
          description_en?: string
          description_uk?: string
          key?: string
          kind?: Database["rolecall"]["Enums"]["permission_kind"]
          label_en?: string
          label_uk?: string
          page?: string | null
          position?: number
          resource?: string | null
          section?: string
        }
        Relationships: [
          {
            foreignKeyName: "permissions_page_fkey"
            columns: ["page"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["key"]
          },
          {
            foreignKeyName: "permissions_section_fkey"
            columns: ["section"]
            isOneToOne: false
            referencedRelation: "permission_sections"
            referencedColumns: ["key"]
          },
        ]
      }
      policies: {
        Row: {
          created_at: string
          description: string
          id: string
          name: string
          organization_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          description?: string
          id?: string
          name: string
          organization_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string
          id?: string
          name?: string
          organization_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "policies_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      policy_permissions: {
        Row: {
          effect: Database["rolecall"]["Enums"]["override_effect"]
          organization_id: string
          permission_key: string
          policy_id: string
        }
        Insert: {
          effect?: Database["rolecall"]["Enums"]["override_effect"]
          organization_id: string
          permission_key: string
          policy_id: string
        }
        Update: {
          effect?: Database["rolecall"]["Enums"]["override_effect"]
          organization_id?: string
          permission_key?: string
          policy_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "policy_permissions_permission_key_fkey"
            columns: ["permission_key"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["key"]
          },
          {
            foreignKeyName: "policy_permissions_policy_id_organization_id_fkey"
            columns: ["policy_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "policies"
            referencedColumns: ["id", "organization_id"]
          },
        ]
      }
      resource_grants: {
        Row: {
          created_at: string
          granted_by: string | null
          id: string
          member_id: string
          organization_id: string
          resource_id: string
          resource_type: string
        }
        Insert: {
          created_at?: string
          granted_by?: string | null
          id?: string
          member_id: string
          organization_id: string
          resource_id: string
          resource_type: string
        }
        Update: {
          created_at?: string
          granted_by?: string | null
          id?: string
          member_id?: string
          organization_id?: string
          resource_id?: string
          resource_type?: string
        }
        Relationships: [
          {
            foreignKeyName: "resource_grants_member_id_organization_id_fkey"
            columns: ["member_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id", "organization_id"]
          },
        ]
      }
      role_policies: {
        Row: {
          organization_id: string
          policy_id: string
          role_id: string
        }
        Insert: {
          organization_id: string
          policy_id: string
          role_id: string
        }
        Update: {
          organization_id?: string
          policy_id?: string
          role_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "role_policies_policy_id_organization_id_fkey"
            columns: ["policy_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "policies"
            referencedColumns: ["id", "organization_id"]
          },
          {
            foreignKeyName: "role_policies_role_id_organization_id_fkey"
            columns: ["role_id", "organization_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["id", "organization_id"]
          },
        ]
      }
      roles: {
        Row: {
          all_permissions: boolean
          created_at: string
          description: string
          editable: boolean
          id: string
          is_default: boolean
          max_members: number | null
          member_overrides: boolean
          name: string
          organization_id: string
          rank: number
          template_key: string | null
          updated_at: string
        }
        Insert: {
          all_permissions?: boolean
          created_at?: string
          description?: string
          editable?: boolean
          id?: string
          is_default?: boolean
          max_members?: number | null
          member_overrides?: boolean
          name: string
          organization_id: string
          rank: number
          template_key?: string | null
          updated_at?: string
        }
        Update: {
          all_permissions?: boolean
          created_at?: string
          description?: string
          editable?: boolean
          id?: string
          is_default?: boolean
          max_members?: number | null
          member_overrides?: boolean
          name?: string
          organization_id?: string
          rank?: number
          template_key?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "roles_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: true
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      template_checkboxes: {
        Row: {
          always_on: boolean
          description_en: string
          description_uk: string
          key: string
          label_en: string
          label_uk: string
          permission_keys: string[]
          position: number
          role_key: string | null
          section: string
          template_key: string
        }
        Insert: {
          always_on?: boolean
          description_en?: string
          description_uk?: string
          key: string
          label_en: string
          label_uk: string
          permission_keys?: string[]
          position?: number
          role_key?: string | null
          section: string
          template_key: string
        }
        Update: {
          always_on?: boolean
          description_en?: string
          description_uk?: string
          key?: string
          label_en?: string
          label_uk?: string
          permission_keys?: string[]
          position?: number
          role_key?: string | null
          section?: string
          template_key?: string
        }
        Relationships: [
          {
            foreignKeyName: "template_checkboxes_section_fkey"
            columns: ["section"]
            isOneToOne: false
            referencedRelation: "permission_sections"
            referencedColumns: ["key"]
          },
          {
            foreignKeyName: "template_checkboxes_template_key_fkey"
            columns: ["template_key"]
            isOneToOne: false
            referencedRelation: "templates"
            referencedColumns: ["key"]
          },
          {
            foreignKeyName: "template_checkboxes_template_key_role_key_fkey"
            columns: ["template_key", "role_key"]
            isOneToOne: false
            referencedRelation: "template_roles"
            referencedColumns: ["template_key", "key"]
          },
        ]
      }
      template_policies: {
        Row: {
          description_en: string
          description_uk: string
          key: string
          name_en: string
          name_uk: string
          permission_keys: string[]
          position: number
          template_key: string
        }
        Insert: {
          description_en?: string
          description_uk?: string
          key: string
          name_en: string
          name_uk: string
          permission_keys?: string[]
          position?: number
          template_key: string
        }
        Update: {
          description_en?: string
          description_uk?: string
          key?: string
          name_en?: string
          name_uk?: string
          permission_keys?: string[]
          position?: number
          template_key?: string
        }
        Relationships: [
          {
            foreignKeyName: "template_policies_template_key_fkey"
            columns: ["template_key"]
            isOneToOne: false
            referencedRelation: "templates"
            referencedColumns: ["key"]
          },
        ]
      }
      template_roles: {
        Row: {
          all_permissions: boolean
          description_en: string
          description_uk: string
          editable: boolean
          is_creator: boolean
          is_default: boolean
          key: string
          max_members: number | null
          member_overrides: boolean
          name_en: string
          name_uk: string
          policy_keys: string[]
          position: number
          rank: number
          template_key: string
        }
        Insert: {
          all_permissions?: boolean
          description_en?: string
          description_uk?: string
          editable?: boolean
          is_creator?: boolean
          is_default?: boolean
          key: string
          max_members?: number | null
          member_overrides?: boolean
          name_en: string
          name_uk: string
          policy_keys?: string[]
          position?: number
          rank: number
          template_key: string
        }
        Update: {
          all_permissions?: boolean
          description_en?: string
          description_uk?: string
          editable?: boolean
          is_creator?: boolean
          is_default?: boolean
          key?: string
          max_members?: number | null
          member_overrides?: boolean
          name_en?: string
          name_uk?: string
          policy_keys?: string[]
          position?: number
          rank?: number
          template_key?: string
        }
        Relationships: [
          {
            foreignKeyName: "template_roles_template_key_fkey"
            columns: ["template_key"]
            isOneToOne: true
            referencedRelation: "templates"
            referencedColumns: ["key"]
          },
        ]
      }
      templates: {
        Row: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          description_en: string
          description_uk: string
          key: string
          language: string
          name_en: string
          name_uk: string
          position: number
          sections: string[]
          unique_member_emails: boolean
        }
        Insert: {
          admin_mode?: Database["rolecall"]["Enums"]["admin_mode"]
          description_en?: string
          description_uk?: string
          key: string
          language?: string
          name_en: string
          name_uk: string
          position?: number
          sections?: string[]
          unique_member_emails?: boolean
        }
        Update: {
          admin_mode?: Database["rolecall"]["Enums"]["admin_mode"]
          description_en?: string
          description_uk?: string
          key?: string
          language?: string
          name_en?: string
          name_uk?: string
          position?: number
          sections?: string[]
          unique_member_emails?: boolean
        }
        Relationships: []
      }
    }
    Views: {
      invitation_list: {
        Row: {
          accepted_by: string | null
          created_at: string | null
          denies: string[] | null
          email: string | null
          expires_at: string | null
          grants: string[] | null
          id: string | null
          invited_by: string | null
          ip_allowlist: string[] | null
          language: string | null
          last_sent_at: string | null
          organization_id: string | null
          organization_name: string | null
          resource_grants: Json | null
          responded_at: string | null
          role_id: string | null
          role_name: string | null
          send_count: number | null
          status: Database["rolecall"]["Enums"]["invitation_status"] | null
        }
        Relationships: []
      }
      member_list: {
        Row: {
          created_at: string | null
          deactivated_at: string | null
          display_name: string | null
          email: string | null
          id: string | null
          ip_allowlist: string[] | null
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][] | null
          is_primary: boolean | null
          notifications: boolean | null
          organization_id: string | null
          role_id: string | null
          role_rank: number | null
          status: Database["rolecall"]["Enums"]["member_status"] | null
          updated_at: string | null
          user_id: string | null
        }
        Relationships: []
      }
      members_permissions_report: {
        Row: {
          all_permissions: boolean | null
          display_name: string | null
          email: string | null
          ip_allowlist: string[] | null
          is_primary: boolean | null
          member_id: string | null
          organization_id: string | null
          organization_name: string | null
          permission_keys: string[] | null
          role_name: string | null
          status: Database["rolecall"]["Enums"]["member_status"] | null
          user_id: string | null
        }
        Relationships: []
      }
      role_member_counts: {
        Row: {
          members: number | null
          organization_id: string | null
          role_id: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      accept_invitation: {
        Args: { p_invitation?: string; p_token_hash?: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      accept_invitation_as: {
        Args: { p_actor: string; p_client_ip?: unknown; p_invitation?: string; p_token_hash?: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      change_member_role: {
        Args: { p_member: string; p_role: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      close_organization: {
        Args: { p_confirm_name: string; p_org: string }
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_invitation: {
        Args: { p_actor: string; p_allowlist?: string[]; p_client_ip?: unknown; p_denies?: string[]; p_email: string; p_grants?: string[]; p_org: string; p_resource_grants?: Json; p_role: string; p_token_hash: string }
        Returns: {
          accepted_by: string | null
          created_at: string
          denies: string[]
          email: string
          expires_at: string
          grants: string[]
          id: string
          invited_by: string | null
          ip_allowlist: string[]
          language: string
          last_sent_at: string
          organization_id: string
          resource_grants: Json
          responded_at: string | null
          role_id: string
          send_count: number
          status: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "invitations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_organization: {
        Args: { p_language?: string; p_name: string; p_template?: string }
        Returns: string
      }
      create_policy: {
        Args: { p_description?: string; p_keys?: string[]; p_name: string; p_org: string }
        Returns: {
          created_at: string
          description: string
          id: string
          name: string
          organization_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "policies"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_role: {
        Args: { p_description?: string; p_is_default?: boolean; p_max_members?: number; p_member_overrides?: boolean; p_name: string; p_org: string; p_policy_ids?: string[]; p_rank: number }
        Returns: {
          all_permissions: boolean
          created_at: string
          description: string
          editable: boolean
          id: string
          is_default: boolean
          max_members: number | null
          member_overrides: boolean
          name: string
          organization_id: string
          rank: number
          template_key: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "roles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      deactivate_member: {
        Args: { p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      decline_invitation: {
        Args: { p_invitation?: string; p_token_hash?: string }
        Returns: {
          accepted_by: string | null
          created_at: string
          denies: string[]
          email: string
          expires_at: string
          grants: string[]
          id: string
          invited_by: string | null
          ip_allowlist: string[]
          language: string
          last_sent_at: string
          organization_id: string
          resource_grants: Json
          responded_at: string | null
          role_id: string
          send_count: number
          status: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "invitations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      delete_policy: {
        Args: { p_policy: string }
        Returns: {
          created_at: string
          description: string
          id: string
          name: string
          organization_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "policies"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      delete_role: {
        Args: { p_role: string }
        Returns: {
          all_permissions: boolean
          created_at: string
          description: string
          editable: boolean
          id: string
          is_default: boolean
          max_members: number | null
          member_overrides: boolean
          name: string
          organization_id: string
          rank: number
          template_key: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "roles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      explain_permission: {
        Args: { p_key: string; p_org: string; p_user: string }
        Returns: Json
      }
      granted_resource_ids: {
        Args: { p_type: string }
        Returns: string[]
      }
      has_permission: {
        Args: { p_key: string; p_org: string }
        Returns: boolean
      }
      has_resource_access: {
        Args: { p_id: string; p_org: string; p_type: string }
        Returns: boolean
      }
      invitation_by_token: {
        Args: { p_token_hash: string }
        Returns: Json
      }
      leave_organization: {
        Args: { p_org: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_checkboxes: {
        Args: { p_org: string; p_user?: string }
        Returns: {
          always_on: boolean
          description_en: string
          description_uk: string
          key: string
          label_en: string
          label_uk: string
          permission_keys: string[]
          position: number
          role_id: string
          section: string
          state: string
          ticked: boolean
        }[]
      }
      member_permissions: {
        Args: { p_org: string; p_user: string }
        Returns: {
          checkboxes: string[]
          granted: boolean
          key: string
          kind: Database["rolecall"]["Enums"]["permission_kind"]
          label_en: string
          label_uk: string
          section: string
          sources: Json
        }[]
      }
      my_organizations: {
        Args: never
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          blocked: string
          ip_allowed: boolean
          is_primary: boolean
          member_id: string
          name: string
          organization_id: string
          role_id: string
          role_name: string
          status: Database["rolecall"]["Enums"]["member_status"]
          template: string
        }[]
      }
      my_permissions: {
        Args: { p_org: string }
        Returns: {
          checkboxes: string[]
          granted: boolean
          key: string
          kind: Database["rolecall"]["Enums"]["permission_kind"]
          label_en: string
          label_uk: string
          section: string
          sources: Json
        }[]
      }
      notification_recipients: {
        Args: { p_org: string }
        Returns: {
          email: string
          language: string
        }[]
      }
      ops_add_owner: {
        Args: { p_org: string; p_user: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      ops_expire_invitations: {
        Args: never
        Returns: number
      }
      ops_purge_organization: {
        Args: { p_org: string }
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      ops_reactivate_member: {
        Args: { p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      ops_reopen_organization: {
        Args: { p_org: string }
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      ops_service_contact: {
        Args: { p_org: string }
        Returns: {
          display_name: string
          email: string
          language: string
          member_id: string
        }[]
      }
      ops_transfer_ownership: {
        Args: { p_org: string; p_user: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      permitted_org_ids: {
        Args: { p_key: string }
        Returns: string[]
      }
      preview_close_organization: {
        Args: { p_org: string }
        Returns: Json
      }
      preview_promote_to_admin: {
        Args: { p_member: string }
        Returns: Json
      }
      promote_to_admin: {
        Args: { p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      promote_to_admin_as: {
        Args: { p_actor: string; p_client_ip?: unknown; p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reactivate_member: {
        Args: { p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      remove_member: {
        Args: { p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      remove_member_as: {
        Args: { p_actor: string; p_client_ip?: unknown; p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      resend_invitation: {
        Args: { p_actor: string; p_client_ip?: unknown; p_invitation: string; p_token_hash: string }
        Returns: {
          accepted_by: string | null
          created_at: string
          denies: string[]
          email: string
          expires_at: string
          grants: string[]
          id: string
          invited_by: string | null
          ip_allowlist: string[]
          language: string
          last_sent_at: string
          organization_id: string
          resource_grants: Json
          responded_at: string | null
          role_id: string
          send_count: number
          status: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "invitations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      revoke_invitation: {
        Args: { p_invitation: string }
        Returns: {
          accepted_by: string | null
          created_at: string
          denies: string[]
          email: string
          expires_at: string
          grants: string[]
          id: string
          invited_by: string | null
          ip_allowlist: string[]
          language: string
          last_sent_at: string
          organization_id: string
          resource_grants: Json
          responded_at: string | null
          role_id: string
          send_count: number
          status: Database["rolecall"]["Enums"]["invitation_status"]
          token_hash: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "invitations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_admin_mode: {
        Args: { p_mode: Database["rolecall"]["Enums"]["admin_mode"]; p_org: string }
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_ip_allowlist: {
        Args: { p_allowlist: string[]; p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_member_overrides: {
        Args: { p_denies: string[]; p_grants: string[]; p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_my_notifications: {
        Args: { p_enabled: boolean; p_org: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_policy_permissions: {
        Args: { p_keys: string[]; p_policy: string }
        Returns: {
          created_at: string
          description: string
          id: string
          name: string
          organization_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "policies"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_policy_restrictions: {
        Args: { p_keys: string[]; p_policy: string }
        Returns: {
          created_at: string
          description: string
          id: string
          name: string
          organization_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "policies"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_resource_grants: {
        Args: { p_member: string; p_resource_ids: string[]; p_resource_type: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_role_policies: {
        Args: { p_policy_ids: string[]; p_role: string }
        Returns: {
          all_permissions: boolean
          created_at: string
          description: string
          editable: boolean
          id: string
          is_default: boolean
          max_members: number | null
          member_overrides: boolean
          name: string
          organization_id: string
          rank: number
          template_key: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "roles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_unique_member_emails: {
        Args: { p_on: boolean; p_org: string }
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      transfer_primary: {
        Args: { p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      transfer_primary_as: {
        Args: { p_actor: string; p_client_ip?: unknown; p_member: string }
        Returns: {
          created_at: string
          deactivated_at: string | null
          display_name: string
          email: string
          id: string
          ip_allowlist: string[]
          ip_ranges: Database["rolecall"]["CompositeTypes"]["ip_range"][]
          is_primary: boolean
          notifications: boolean
          organization_id: string
          role_id: string
          status: Database["rolecall"]["Enums"]["member_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      update_organization: {
        Args: { p_invitation_ttl?: string; p_language?: string; p_name?: string; p_notify_admins?: boolean; p_org: string }
        Returns: {
          admin_mode: Database["rolecall"]["Enums"]["admin_mode"]
          closed_at: string | null
          created_at: string
          created_by: string | null
          id: string
          invitation_ttl: string
          language: string
          name: string
          notify_admins: boolean
          template: string
          unique_member_emails: boolean
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "organizations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      update_policy: {
        Args: { p_description?: string; p_name?: string; p_policy: string }
        Returns: {
          created_at: string
          description: string
          id: string
          name: string
          organization_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "policies"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      update_role: {
        Args: { p_description?: string; p_is_default?: boolean; p_max_members?: number; p_member_overrides?: boolean; p_name?: string; p_rank?: number; p_role: string }
        Returns: {
          all_permissions: boolean
          created_at: string
          description: string
          editable: boolean
          id: string
          is_default: boolean
          max_members: number | null
          member_overrides: boolean
          name: string
          organization_id: string
          rank: number
          template_key: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "roles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      who_can_grant: {
        Args: { p_key: string; p_org: string }
        Returns: Json
      }
    }
    Enums: {
      admin_mode: "multi" | "single"
      invitation_status: "pending" | "accepted" | "declined" | "revoked" | "expired"
      member_status: "active" | "deactivated"
      override_effect: "grant" | "deny"
      permission_kind: "action" | "page"
    }
    CompositeTypes: {
      ip_range: {
        low: unknown
        high: unknown
      }
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  rolecall: {
    Enums: {
      admin_mode: ["multi", "single"],
      invitation_status: ["pending", "accepted", "declined", "revoked", "expired"],
      member_status: ["active", "deactivated"],
      override_effect: ["grant", "deny"],
      permission_kind: ["action", "page"],
    }
  },
} as const
