/** The OSC number the lab shell emits when its prompt comes back. Private range, no clash known. */
export const PROMPT_OSC = 7770;
export const PROMPT_OSC_TAG = 'dnlab-prompt';

/**
 * The bash line the lab shell's rc file must contain (after anything else that sets
 * PROMPT_COMMAND). Before each prompt it emits `ESC ] 7770 ; dnlab-prompt ; <status> BEL`, where
 * <status> is the exit status of the command that just finished; it keeps `$?` and any
 * PROMPT_COMMAND that was already set. The sequence is invisible in a terminal that does not
 * know it (unknown OSCs are ignored).
 */
export const PROMPT_COMMAND_LINE =
  `__dnlab_prompt() { local s=$?; printf '\\033]${PROMPT_OSC};${PROMPT_OSC_TAG};%s\\007' "$s"; return $s; }; ` +
  'PROMPT_COMMAND="__dnlab_prompt${PROMPT_COMMAND:+; $PROMPT_COMMAND}"';
