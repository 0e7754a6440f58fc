export interface Config {
  app?: {
    /**
     * One sentence at the top of the start page, and beside every entity page's answers,
     * saying where the data comes from and how old it is, for a deployment whose data is not
     * live (the demo serves a 2024 snapshot).
     * @visibility frontend
     */
    dataNotice?: string;
    /**
     * The sign-in providers offered, in order: `guest` (the demo; refused outside
     * development) and `github`. Defaults to `[guest]`.
     * @visibility frontend
     */
    signInProviders?: Array<'guest' | 'github'>;
  };
}
