import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of background threads: the lowest priority there is. */
export const BACKGROUND_NICE = 19;

/**
 * Gives the calling thread the lowest CPU priority, so that on a busy machine the thread
 * answering requests runs first and background work (question generation) takes the CPU
 * that is left. On Linux a nice value belongs to a thread, not to the whole process: the
 * thread's id is read from /proc/thread-self. Returns false where that is not possible
 * (another OS, no /proc), and the thread keeps its priority.
 */
export function runAsBackgroundThread(): boolean {
	if (process.platform !== 'linux') return false;
	let link: string;
	try {
		link = readlinkSync('/proc/thread-self');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw err;
	}
	const tid = Number(link.split('/').pop());
	if (!Number.isInteger(tid) || tid <= 0) return false;
	setPriority(tid, BACKGROUND_NICE);
	return true;
}

/**
 * Gives every thread of this process the lowest CPU priority (for a worker process: its
 * V8 helper threads, which compile and collect garbage, are as much background work as
 * its main thread; threads started later inherit the priority). Linux only, as above.
 */
export function runAsBackgroundProcess(): boolean {
	if (process.platform !== 'linux') return false;
	let threads: string[];
	try {
		threads = readdirSync('/proc/self/task');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw err;
	}
	for (const tid of threads) {
		try {
			setPriority(Number(tid), BACKGROUND_NICE);
		} catch (err) {
			// A thread that ended meanwhile (os.setPriority puts the errno name in `info`).
			if ((err as { info?: { code?: string } }).info?.code !== 'ESRCH') throw err;
		}
	}
	return true;
}
