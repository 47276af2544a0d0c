/**
 * Whether a key press should drive the review screen. Typing in a field, pressing a key
 * with a modifier, or Enter/Space on a link or button keep their usual meaning.
 */
export function isShortcut(event: KeyboardEvent): boolean {
	if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
	const target = event.target as HTMLElement | null;
	if (!target) return true;
	if (target.closest('input, textarea, select, [contenteditable="true"]')) return false;
	if ((event.key === 'Enter' || event.key === ' ') && target.closest('a, button, summary, [role="button"]')) return false;
	return true;
}
