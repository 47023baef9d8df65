/** English messages for the cli area (keys: `cli.*`). Placeholders are `{name}`. */
export const cli = {} as const satisfies Record<string, string>;
