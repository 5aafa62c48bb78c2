import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ProgressParser, parseProgressLine, type ProgressLine} from '../../source/docker/progress-stream.js';

// Lines as dockerd 20.10 wrote them (captured from a pull and a push against the
// distribution registry); the daemon ends each with \r\n.
const pullLines = [
	'{"status":"Pulling from probe/big","id":"1"}',
	'{"status":"Already exists","progressDetail":{},"id":"25e57f94c4dd"}',
	'{"status":"Pulling fs layer","progressDetail":{},"id":"6c7ead18756b"}',
	'{"status":"Downloading","progressDetail":{"current":36445,"total":3001129},"progress":"[\\u003e    ]  36.45kB/3.001MB","id":"6c7ead18756b"}',
	'{"status":"Verifying Checksum","progressDetail":{},"id":"6c7ead18756b"}',
	'{"status":"Download complete","progressDetail":{},"id":"6c7ead18756b"}',
	'{"status":"Extracting","progressDetail":{"current":3001129,"total":3001129},"progress":"[=====\\u003e]  3.001MB/3.001MB","id":"6c7ead18756b"}',
	'{"status":"Pull complete","progressDetail":{},"id":"6c7ead18756b"}',
	'{"status":"Digest: sha256:7336857eb651403978cee69e0213f270a815553990739438e89340e496ae20f9"}',
	'{"status":"Status: Downloaded newer image for 127.0.0.1:45999/probe/big:1"}',
];

const pullEvents: ProgressLine[] = [
	{type: 'message', text: 'Pulling from probe/big'},
	{type: 'layer', id: '25e57f94c4dd', phase: 'exists', status: 'Already exists'},
	{type: 'layer', id: '6c7ead18756b', phase: 'waiting', status: 'Pulling fs layer'},
	{type: 'layer', id: '6c7ead18756b', phase: 'downloading', status: 'Downloading', current: 36_445, total: 3_001_129},
	{type: 'layer', id: '6c7ead18756b', phase: 'verifying', status: 'Verifying Checksum'},
	{type: 'layer', id: '6c7ead18756b', phase: 'downloaded', status: 'Download complete'},
	{type: 'layer', id: '6c7ead18756b', phase: 'extracting', status: 'Extracting', current: 3_001_129, total: 3_001_129},
	{type: 'layer', id: '6c7ead18756b', phase: 'pulled', status: 'Pull complete'},
	{type: 'digest', digest: 'sha256:7336857eb651403978cee69e0213f270a815553990739438e89340e496ae20f9'},
	{type: 'message', text: 'Status: Downloaded newer image for 127.0.0.1:45999/probe/big:1'},
];

const pushLines = [
	'{"status":"The push refers to repository [127.0.0.1:45999/probe/big]"}',
	'{"status":"Preparing","progressDetail":{},"id":"41bbf8602def"}',
	'{"status":"Waiting","progressDetail":{},"id":"41bbf8602def"}',
	'{"status":"Mounted from probe/busybox","progressDetail":{},"id":"8e371f243753"}',
	'{"status":"Layer already exists","progressDetail":{},"id":"266f5020a7c5"}',
	'{"status":"Pushing","progressDetail":{"current":3001856,"total":3000000},"progress":"[==\\u003e]  3.002MB","id":"41bbf8602def"}',
	'{"status":"Pushed","progressDetail":{},"id":"41bbf8602def"}',
	'{"status":"1: digest: sha256:7336857eb651403978cee69e0213f270a815553990739438e89340e496ae20f9 size: 947"}',
	'{"progressDetail":{},"aux":{"Tag":"1","Digest":"sha256:7336857eb651403978cee69e0213f270a815553990739438e89340e496ae20f9","Size":947}}',
];

const pushEvents: ProgressLine[] = [
	{type: 'message', text: 'The push refers to repository [127.0.0.1:45999/probe/big]'},
	{type: 'layer', id: '41bbf8602def', phase: 'preparing', status: 'Preparing'},
	{type: 'layer', id: '41bbf8602def', phase: 'waiting', status: 'Waiting'},
	{type: 'layer', id: '8e371f243753', phase: 'exists', status: 'Mounted from probe/busybox'},
	{type: 'layer', id: '266f5020a7c5', phase: 'exists', status: 'Layer already exists'},
	{type: 'layer', id: '41bbf8602def', phase: 'pushing', status: 'Pushing', current: 3_001_856, total: 3_000_000},
	{type: 'layer', id: '41bbf8602def', phase: 'pushed', status: 'Pushed'},
	{type: 'message', text: '1: digest: sha256:7336857eb651403978cee69e0213f270a815553990739438e89340e496ae20f9 size: 947'},
	{type: 'digest', digest: 'sha256:7336857eb651403978cee69e0213f270a815553990739438e89340e496ae20f9', size: 947},
];

function parseAll(chunks: ReadonlyArray<string | Buffer>): ProgressLine[] {
	const parser = new ProgressParser();
	return chunks.flatMap(chunk => parser.push(chunk));
}

describe('ProgressParser', () => {
	test('a pull, in one chunk, becomes its events in order', () => {
		assert.deepEqual(parseAll([pullLines.map(line => `${line}\r\n`).join('')]), pullEvents);
	});

	test('a push, in one chunk, becomes its events, the digest and size from the aux record', () => {
		assert.deepEqual(parseAll([pushLines.map(line => `${line}\r\n`).join('')]), pushEvents);
	});

	test('split at every byte, and byte by byte, the events are the same', () => {
		const whole = Buffer.from(pullLines.map(line => `${line}\r\n`).join(''));
		for (let at = 1; at < whole.length; at++) {
			assert.deepEqual(parseAll([whole.subarray(0, at), whole.subarray(at)]), pullEvents, `split at ${at}`);
		}

		assert.deepEqual(parseAll([...whole].map(byte => Buffer.from([byte]))), pullEvents);
	});

	test('a character split across chunks is not mangled', () => {
		const line = Buffer.from('{"status":"Mounted from équipe/app","id":"aaaaaaaaaaaa"}\n');
		const inside = line.indexOf(Buffer.from('é')) + 1;
		assert.deepEqual(parseAll([line.subarray(0, inside), line.subarray(inside)]), [
			{type: 'layer', id: 'aaaaaaaaaaaa', phase: 'exists', status: 'Mounted from équipe/app'},
		]);
	});

	test('an error mid-stream is an error line in its place, with errorDetail\'s message', () => {
		const lines = [
			pushLines[0],
			pushLines[1],
			'{"errorDetail":{"message":"unauthorized: authentication required"},"error":"unauthorized: authentication required"}',
		];
		assert.deepEqual(parseAll([lines.join('\n')  + '\n']), [pushEvents[0], pushEvents[1], {type: 'error', message: 'unauthorized: authentication required'}]);
	});

	test('an error with only the old `error` field, or an empty errorDetail, still counts', () => {
		assert.deepEqual(parseProgressLine({error: 'EOF'}), {type: 'error', message: 'EOF'});
		assert.deepEqual(parseProgressLine({errorDetail: {}, error: 'boom'}), {type: 'error', message: 'boom'});
		assert.deepEqual(parseProgressLine({errorDetail: {code: 1, message: 'a\nb'}}), {type: 'error', message: 'a b'});
	});

	test('garbled lines and lines without a status are skipped; unknown fields ignored', () => {
		const chunks = ['{"status":"Downloading","id":"abc', '\n', 'not json\n', '{"progressDetail":{}}\n', '[1,2]\n', '"text"\n', '{"status":"Waiting","id":"bbbbbbbbbbbb","new":{"x":1},"progressDetail":null}\n'];
		assert.deepEqual(parseAll(chunks), [{type: 'layer', id: 'bbbbbbbbbbbb', phase: 'waiting', status: 'Waiting'}]);
	});

	test('a final line without its newline waits for more', () => {
		const parser = new ProgressParser();
		assert.deepEqual(parser.push('{"status":"Pushed","id":"cccccccccccc"}'), []);
		assert.deepEqual(parser.push('\n'), [{type: 'layer', id: 'cccccccccccc', phase: 'pushed', status: 'Pushed'}]);
	});
});

describe('parseProgressLine', () => {
	test('byte counts that are missing, negative, zero totals or not numbers are left out', () => {
		assert.deepEqual(parseProgressLine({status: 'Downloading', id: 'a', progressDetail: {current: -1, total: 0}}), {type: 'layer', id: 'a', phase: 'downloading', status: 'Downloading'});
		assert.deepEqual(parseProgressLine({status: 'Downloading', id: 'a', progressDetail: {current: '5', total: 10.4}}), {type: 'layer', id: 'a', phase: 'downloading', status: 'Downloading', total: 10});
	});

	test('statuses it does not know are kept as text with phase other; retries are told', () => {
		assert.deepEqual(parseProgressLine({status: 'Something new', id: 'a'}), {type: 'layer', id: 'a', phase: 'other', status: 'Something new'});
		assert.deepEqual(parseProgressLine({status: 'Retrying in 5 seconds', id: 'a'}), {type: 'layer', id: 'a', phase: 'retrying', status: 'Retrying in 5 seconds'});
	});

	test('text from the daemon is made inert', () => {
		assert.deepEqual(parseProgressLine({status: 'Pulling from evil\u001B]52;c;eA==\u0007'}), {type: 'message', text: 'Pulling from evil^[]52;c;eA==^G'});
		assert.deepEqual(parseProgressLine({status: 'Waiting', id: 'x\u001B[2J'}), {type: 'layer', id: 'x^[[2J', phase: 'waiting', status: 'Waiting'});
		assert.deepEqual(parseProgressLine({error: 'bad\u001B[31m'}), {type: 'error', message: 'bad^[[31m'});
	});

	test('an aux record without a digest (a build\'s ID, say) is not a digest', () => {
		assert.equal(parseProgressLine({aux: {ID: 'sha256:abc'}}), undefined);
		assert.equal(parseProgressLine({aux: {Digest: 'not a digest'}}), undefined);
	});

	test('non-objects are nothing', () => {
		assert.equal(parseProgressLine(null), undefined);
		assert.equal(parseProgressLine(3), undefined);
		assert.equal(parseProgressLine([]), undefined);
	});
});
