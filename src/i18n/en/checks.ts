/** English messages for the checks area (keys: `check.<kind>.*`). Placeholders are `{name}`. */
export const checks = {} as const satisfies Record<string, string>;
