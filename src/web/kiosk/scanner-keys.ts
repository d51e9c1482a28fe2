/** A character a scanner (or a keyboard) types, not a shortcut; Enter and Space are left to the focused control. */
export const isTyping = (e: KeyboardEvent) =>
  !e.ctrlKey && !e.metaKey && !e.altKey && e.key.length === 1 && e.key !== ' ';
