/** English messages for the lessons area (keys: `lessons.*`). Placeholders are `{name}`. */
export const lessons = {} as const satisfies Record<string, string>;
