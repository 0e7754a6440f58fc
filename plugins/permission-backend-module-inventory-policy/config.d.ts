export interface Config {
  infraAtlas?: {
    /**
     * The production permission policy of Infra Atlas
     * (@infra-atlas/plugin-permission-backend-module-inventory-policy). Without this section,
     * nobody sees personal details or billing figures, and everyone signed in reads the whole
     * catalog except the people named by e-mail address.
     */
    permissions?: {
      /**
       * Who sees people's e-mail addresses, the entities named after them, the grants made to
       * individual people and their address-based group memberships in inventory answers
       * (`inventory.personal-details.read`).
       */
      personalDetails?: {
        /**
         * Entity refs of the groups (or users) whose members may, e.g.
         * `group:default/sig-k8s-infra-leads`; matched against the signed-in user's ownership
         * refs (the user and the groups they are a member of). Defaults to none.
         */
        allowGroups?: string[];
        /**
         * Whether people named by e-mail address (Users with an address in their profile) are
         * hidden from everyone else in the catalog too — its pages, its API and search —
         * and with them from inventory answers. Defaults to true: otherwise the catalog hands
         * out the addresses the inventory withholds.
         */
        hidePeopleInCatalog?: boolean;
      };
      /** Who reads billing figures: the billing report, its API and actions, the cost cards. */
      billing?: {
        /**
         * Entity refs of the groups (or users) whose members may (`inventory.billing.read`),
         * e.g. `group:default/sig-k8s-infra`; matched against the signed-in user's ownership
         * refs. Defaults to none: without it the billing answers are 403s for everyone signed
         * in (a static token's access restrictions decide for scripts).
         */
        allowGroups?: string[];
      };
      /** Reading catalog entities (`catalog.entity.read`), in the catalog and in the inventory. */
      catalog?: {
        /**
         * Kinds (e.g. `Resource`) whose entities only their owners, and members of
         * `personalDetails.allowGroups`, may read. Defaults to none: everyone signed in reads
         * every entity.
         */
        ownersOnlyKinds?: string[];
      };
    };
  };
}
