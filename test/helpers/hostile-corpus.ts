// Text an attacker can put where dtui will draw it: a container name, a
// command, a label, an image name, a log line. Each entry is one thing a
// terminal would act on or that would lie about what is on screen. The unit
// tests pin what sanitize() makes of each; the end-to-end tests put the same
// strings into real containers. Written with escapes only, so this file itself
// is safe to cat. Some entries (NUL, lone surrogates) cannot survive every
// channel into a container (argv, JSON); end-to-end tests pick what fits.

export type HostileCase = {
	readonly name: string;
	readonly text: string;
};

/** A piece of log line that holds one of most kinds of trouble; `hugeLine` repeats it. */
export const hugeLinePiece = 'log \u001b[31mERROR\u001b[0m \u202eevil\u202c \u4e2d\u6587 e\u0301\u0302\u0303 \u{1f433} \u009b2J\r';

/** Just over 100 KB (in UTF-16 code units) of `hugeLinePiece`. */
export const hugeLine = hugeLinePiece.repeat(Math.ceil(100_000 / hugeLinePiece.length));

export const hostileCorpus: readonly HostileCase[] = [
	// C0 controls and DEL
	{name: 'NUL', text: 'a\u0000b'},
	{name: 'bell', text: 'ding\u0007'},
	{name: 'every C0 control', text: Array.from({length: 0x20}, (_, code) => String.fromCharCode(code)).join('')},
	{name: 'DEL', text: 'abc\u007f'},
	{name: 'tab', text: 'a\tb\t\tc'},
	{name: 'newline in a single-line value', text: 'line1\nline2'},
	{name: 'vertical tab and form feed', text: 'a\u000bb\u000cc'},
	{name: 'carriage return overwrite', text: 'evil-command\rnice-name   '},
	{name: 'backspace overwrite', text: 'rm -rf /\b\b\b\b\b\b\b\bls -la   '},
	{name: 'fake prompt after carriage return', text: 'ok\r\u001b[2K$ sudo rm -rf /'},
	{name: 'shift out to the line-drawing charset', text: '\u000elqqk\u000f'},
	{name: 'ESC ( 0 line-drawing charset', text: '\u001b(0lqqk\u001b(B'},
	{name: 'lone ESC at the end', text: 'trailing\u001b'},

	// CSI: screen, cursor, modes
	{name: 'CSI clear screen', text: '\u001b[2J'},
	{name: 'CSI clear screen and home', text: '\u001b[2J\u001b[H'},
	{name: 'cursor up and erase line', text: '\u001b[1A\u001b[2K'},
	{name: 'cursor position', text: '\u001b[10;20H'},
	{name: 'save and restore cursor', text: '\u001b7\u001b[5;5Hx\u001b8'},
	{name: 'scroll region', text: '\u001b[1;3r'},
	{name: 'SGR colours', text: '\u001b[31;1mred\u001b[0m'},
	{name: 'SGR concealed text', text: '\u001b[8msecret\u001b[28m'},
	{name: 'alternate screen', text: '\u001b[?1049h'},
	{name: 'cursor hide', text: '\u001b[?25l'},
	{name: 'mouse tracking on', text: '\u001b[?1000h\u001b[?1006h'},
	{name: 'bracketed paste end', text: '\u001b[201~'},
	{name: 'device status queries', text: '\u001b[c\u001b[6n'},
	{name: 'window title report', text: '\u001b[21t'},
	{name: 'window resize', text: '\u001b[8;100;300t'},
	{name: 'full reset', text: '\u001bc'},
	{name: 'keypad application mode', text: '\u001b='},

	// 8-bit (C1) controls
	{name: '8-bit CSI clear screen', text: '\u009b2J'},
	{name: 'every C1 control', text: Array.from({length: 0x20}, (_, index) => String.fromCharCode(0x80 + index)).join('')},
	{name: 'NEL', text: 'a\u0085b'},

	// OSC, DCS, APC, PM, SOS
	{name: 'OSC 0 title', text: '\u001b]0;pwned\u0007'},
	{name: 'OSC 2 title ended by ST', text: '\u001b]2;pwned\u001b\\'},
	{name: 'OSC 8 hyperlink', text: '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\'},
	{name: 'OSC 52 clipboard write', text: '\u001b]52;c;aGk=\u0007'},
	{name: '8-bit OSC title', text: '\u009d0;pwned\u009c'},
	{name: 'DCS XTGETTCAP request', text: '\u001bP+q544e\u001b\\'},
	{name: '8-bit DCS', text: '\u0090$q"p\u009c'},
	{name: 'APC kitty graphics', text: '\u001b_Gf=100;AAAA\u001b\\'},
	{name: 'PM', text: '\u001b^privacy\u001b\\'},
	{name: 'SOS', text: '\u001bXstring\u001b\\'},

	// Bidi controls
	{name: 'RLO file name spoof', text: 'invoice\u202efdp.exe'},
	{name: 'LRO and PDF', text: '\u202dabc\u202c'},
	{name: 'LRE and RLE embeddings', text: '\u202aa\u202bb'},
	{name: 'bidi isolates', text: '\u2066a\u2067b\u2068c\u2069'},
	{name: 'LRM, RLM and ALM', text: '\u200ea\u200fb\u061cc'},
	{name: 'Trojan Source comment', text: 'level != "user\u202e \u2066// admin\u2069 \u2066"'},

	// Invisible characters
	{name: 'zero-width space in a name', text: 'ng\u200binx'},
	{name: 'ZWNJ and ZWJ between letters', text: 'a\u200cb\u200dc'},
	{name: 'word joiner and invisible operators', text: '\u2060\u2061\u2062\u2063\u2064'},
	{name: 'byte order mark', text: '\ufefflog line'},
	{name: 'soft hyphen', text: 'pass\u00adword'},
	{name: 'Mongolian vowel separator', text: 'a\u180eb'},
	{name: 'Hangul filler blank name', text: '\u3164\u3164'},
	{name: 'tag characters smuggling text', text: 'hi\u{e0069}\u{e0067}\u{e006e}'},
	{name: 'line and paragraph separators', text: 'a\u2028b\u2029c'},
	{name: 'private use characters', text: '\ue000\u{f0000}'},
	{name: 'unassigned code point and noncharacter', text: '\u0378\uffff'},

	// Combining marks
	{name: 'zalgo stack', text: 'Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334'},
	{name: 'two combining marks are kept', text: 'e\u0323\u0302'},
	{name: 'leading combining marks', text: '\u0301\u0302abc'},
	{name: 'leading zalgo stack', text: '\u0301\u0302\u0303x'},
	{name: 'combining marks after an escape', text: '\u001b\u0301\u0302\u0303'},
	{name: 'combining marks on an emoji', text: '\u{1f433}\u0301\u0302\u0303'},

	// Wide characters and emoji (kept)
	{name: 'CJK', text: '\u5bb9\u5668\u540d\u524d'},
	{name: 'fullwidth letters', text: '\uff44\uff4f\uff43\uff4b\uff45\uff52'},
	{name: 'emoji', text: '\u{1f433} whale'},
	{name: 'emoji ZWJ family', text: '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}'},
	{name: 'emoji ZWJ with skin tone', text: '\u{1f9d1}\u{1f3fd}\u200d\u{1f4bb}'},
	{name: 'rainbow flag', text: '\u{1f3f3}\ufe0f\u200d\u{1f308}'},
	{name: 'country flags', text: '\u{1f1ef}\u{1f1f5}\u{1f1fa}\u{1f1e6}'},
	{name: 'subdivision flag', text: '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'},
	{name: 'keycaps', text: '1\ufe0f\u20e3#\ufe0f\u20e3'},
	{name: 'emoji with skin tone', text: '\u{1f44b}\u{1f3ff}'},
	{name: 'stray skin tone', text: 'a\u{1f3ff}'},
	{name: 'ZWJ after an emoji but not before one', text: '\u{1f468}\u200dx'},
	{name: 'spaces that are visible', text: 'a\u00a0b\u3000c'},

	// Broken UTF-16
	{name: 'lone high surrogate', text: 'a\ud83db'},
	{name: 'lone low surrogate', text: 'a\udc00b'},
	{name: 'reversed surrogate pair', text: '\ude00\ud83d'},
	{name: 'replacement character', text: 'bad \ufffd byte'},

	// Size
	{name: '100 KB line', text: hugeLine},
];
