// The part of autocannon 8's API the bench uses (the package ships no types).
declare module 'autocannon' {
	type Headers = Record<string, string>;
	export type Request = {
		method?: 'GET' | 'POST';
		path?: string;
		headers?: Headers;
		body?: string;
		setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
		onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
	};
	export type Options = {
		url: string;
		connections?: number;
		duration?: number;
		amount?: number;
		timeout?: number;
		pipelining?: number;
		requests?: Request[];
	};
	export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number; p99_9?: number };
	export type Result = {
		latency: Histogram;
		requests: Histogram & { sent: number };
		throughput: Histogram;
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
		statusCodeStats: Record<string, { count: number }>;
	};
	export type Instance = Promise<Result> & { stop: () => void };
	function autocannon(options: Options): Instance;
	export default autocannon;
}
