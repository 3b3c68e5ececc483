/**
 * The failing red, in the diagram text (one text for both themes: it is also
 * the downloadable .mmd). 5.6:1 on white; on the dark theme's subgraph fill it
 * is 1.4:1, so the dark theme draws failing edges in a lighter red
 * (components/diagram/mermaid-config.ts).
 */
export const FAILING_STROKE = "#b42318";
