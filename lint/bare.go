package lint

import "bytes"

// Bare addresses: web and email addresses written in the text without any
// markup, which GitHub and most Markdown renderers turn into links (GFM's
// extended autolinks). They are found in runs of plain text (never in code,
// link text or raw HTML) by the rules of the GFM specification, with one
// difference on the side of silence: an address starts only at the start
// of a run or after white space or one of "*", "_", "~" and "(", also for
// email addresses.

// bareLinks appends the bare addresses in src[start:stop], a run of plain
// text on one line, to links.
func bareLinks(src []byte, start, stop int, links []bodyLink) []bodyLink {
	run := src[start:stop]
	if !mayHoldAddress(run) {
		return links
	}
	for i := 0; i < len(run); i++ {
		if i > 0 && !bareBoundary(run[i-1]) {
			continue
		}
		if n, dest := bareURL(run[i:]); n > 0 {
			links = append(links, bodyLink{autolink: true, dest: dest, start: start + i, end: start + i + n})
			i += n - 1
			continue
		}
		if n := bareEmail(run[i:]); n > 0 {
			links = append(links, bodyLink{autolink: true, email: true, dest: string(run[i : i+n]), start: start + i, end: start + i + n})
			i += n - 1
		}
	}
	return links
}

// mayHoldAddress reports whether text may hold a bare address: most text
// has none, and these searches are much faster than looking at every word.
func mayHoldAddress(text []byte) bool {
	return bytes.Contains(text, []byte("://")) || bytes.Contains(text, []byte("www.")) || bytes.IndexByte(text, '@') >= 0
}

// bareBoundary reports whether a bare address may start after c.
func bareBoundary(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v', '*', '_', '~', '(':
		return true
	}
	return false
}

// bareToken returns the length of the text an address at the start of s
// could take: up to white space or "<".
func bareToken(s []byte) int {
	for i, c := range s {
		if c == '<' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			return i
		}
	}
	return len(s)
}

// bareURL returns the length of the web address at the start of s and its
// destination, or 0: "http://" or "https://" and a valid domain, or
// "www." and a valid domain (the destination gets "http://"), then
// anything up to white space or "<", without trailing punctuation.
func bareURL(s []byte) (int, string) {
	var domainStart int
	prefix := ""
	switch {
	case bytes.HasPrefix(s, []byte("https://")):
		domainStart = len("https://")
	case bytes.HasPrefix(s, []byte("http://")):
		domainStart = len("http://")
	case bytes.HasPrefix(s, []byte("www.")):
		prefix = "http://"
	default:
		return 0, ""
	}
	token := s[:bareToken(s)]
	if !validDomain(token[domainStart:]) {
		return 0, ""
	}
	n := trimAddressEnd(token)
	if n <= domainStart {
		return 0, ""
	}
	return n, prefix + string(token[:n])
}

// validDomain reports whether s starts with a valid domain in GFM's sense:
// segments of letters, digits, "_" and "-" separated by periods, at least
// one period, and no "_" in the last two segments; and, as goldmark's
// Linkify had it, a last segment starting with a letter, so that an IP
// address ("http://127.0.0.1:8080" in instructions) stays text.
func validDomain(s []byte) bool {
	end := 0
	for end < len(s) && (isAlnum(s[end]) || s[end] == '_' || s[end] == '-' || s[end] == '.') {
		end++
	}
	domain := bytes.TrimRight(s[:end], ".")
	segments := bytes.Split(domain, []byte("."))
	if len(segments) < 2 {
		return false
	}
	for _, seg := range segments {
		if len(seg) == 0 {
			return false
		}
	}
	for _, seg := range segments[len(segments)-2:] {
		if bytes.IndexByte(seg, '_') >= 0 {
			return false
		}
	}
	last := segments[len(segments)-1]
	return last[0]|0x20 >= 'a' && last[0]|0x20 <= 'z'

}

// trimAddressEnd returns the length of token without the punctuation that
// ends a sentence rather than an address: "?", "!", ".", ",", ":", "*",
// "_", "~" and quotes, a ")" without its "(", and a character reference
// ("&amp;").
func trimAddressEnd(token []byte) int {
	n := len(token)
	open, closing := bytes.Count(token, []byte("(")), bytes.Count(token, []byte(")"))
	for n > 0 {
		switch c := token[n-1]; c {
		case '?', '!', '.', ',', ':', '*', '_', '~', '"', '\'':
			n--
		case ')':
			if closing <= open {
				return n
			}
			closing--
			n--
		case ';':
			j := n - 2
			for j >= 0 && isAlnum(token[j]) {
				j--
			}
			if j < 0 || j == n-2 || token[j] != '&' {
				return n
			}
			n = j
		default:
			return n
		}
	}
	return n
}

// bareEmail returns the length of the email address at the start of s, or
// 0: letters, digits and ".", "-", "_", "+" before the "@"; after it,
// segments of letters, digits, "-" and "_" separated by periods, at least
// one period, and not ending in "-" or "_". A final period is not part of it.
func bareEmail(s []byte) int {
	at := 0
	for at < len(s) && (isAlnum(s[at]) || s[at] == '.' || s[at] == '-' || s[at] == '_' || s[at] == '+') {
		at++
	}
	if at == 0 || at >= len(s) || s[at] != '@' {
		return 0
	}
	end, periods := at+1, 0
	for end < len(s) {
		c := s[end]
		if c == '.' {
			if end+1 >= len(s) || !(isAlnum(s[end+1]) || s[end+1] == '-' || s[end+1] == '_') || s[end-1] == '.' || s[end-1] == '@' {
				break
			}
			periods++
		} else if !isAlnum(c) && c != '-' && c != '_' {
			break
		}
		end++
	}
	if periods == 0 || s[end-1] == '-' || s[end-1] == '_' {
		return 0
	}
	return end
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}
