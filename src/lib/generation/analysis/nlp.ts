import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Loading the model takes ~40 ms; do it once per process (or worker), on first use.
let instance: ReturnType<typeof winkNLP> | null = null;

export function nlp(): ReturnType<typeof winkNLP> {
	instance ??= winkNLP(model);
	return instance;
}
