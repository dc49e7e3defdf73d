/** Name the shiki themes of code on the site: the cells and Starlight's prose code blocks share them. */
// On their own backgrounds every token of this pair meets WCAG AA (4.5:1); Night Owl Light and
// the older github-light/github-dark pair do not (orange 3.5:1, dark comments 3.1:1).
export const CELL_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
