/** English messages for the tui area (keys: `tui.*`). Placeholders are `{name}`. */
export const tui = {} as const satisfies Record<string, string>;
