package source

import "bytes"

// Comments returns the byte ranges of the comments in YAML or TOML text,
// each from its "#" to the end of its line: only real comments, never a
// "#" inside a quoted string, a YAML block scalar or a TOML multi-line
// string, which are data. It reads text that may not parse, so it follows
// the quoting rules leniently and never fails.
func Comments(src []byte, format Format) [][2]int {
	switch format {
	case FormatYAML:
		return yamlComments(src)
	case FormatTOML:
		return tomlComments(src)
	}
	return nil
}

func yamlComments(src []byte) [][2]int {
	var out [][2]int
	var quote byte    // an open quoted scalar's quote
	blockParent := -1 // inside a block scalar: the indentation its lines exceed
	for start := 0; start < len(src); {
		end := lineEnd(src, start)
		line := src[start:end]
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		blank := len(bytes.TrimSpace(line)) == 0
		if blockParent >= 0 && (blank || indent > blockParent) {
			start = nextLine(src, end)
			continue
		}
		blockParent = -1
		valueStart := quote == 0 // a quote can open here
		nodeIndent := indent
		lastValue := -1 // where the line's last value started
		for i := 0; i < len(line); i++ {
			c := line[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case quote == '\'' && c == '\'' && i+1 < len(line) && line[i+1] == '\'':
					i++
				case c == quote:
					quote = 0
				}
				continue
			}
			switch {
			case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				out = append(out, [2]int{start + i, end})
				i = len(line)
			case (c == '"' || c == '\'') && valueStart:
				quote = c
				lastValue = i
			case c == ' ' || c == '\t':
				continue
			case c == '-' && valueStart && (i+1 == len(line) || line[i+1] == ' '):
				nodeIndent = i
				continue // a list item: its value may follow
			case c == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
				valueStart = true
				continue
			case c == '[' || c == '{' || c == ',':
				valueStart = true
				continue
			default:
				if valueStart {
					lastValue = i
				}
			}
			valueStart = false
		}
		// A value of "|" or ">" (with indicators) starts a block scalar.
		if quote == 0 && lastValue >= 0 && (line[lastValue] == '|' || line[lastValue] == '>') {
			rest := bytes.TrimRight(line[lastValue+1:], " \t")
			if c := bytes.IndexByte(rest, '#'); c >= 0 {
				rest = bytes.TrimRight(rest[:c], " \t")
			}
			if len(bytes.Trim(rest, "+-123456789")) == 0 {
				blockParent = nodeIndent
			}
		}
		start = nextLine(src, end)
	}
	return out
}

func tomlComments(src []byte) [][2]int {
	var out [][2]int
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			end := lineEnd(src, i)
			out = append(out, [2]int{i, end})
			i = end
		case '"', '\'':
			i = tomlStringEnd(src, i) - 1
		}
	}
	return out
}

// lineEnd returns the offset of the end of the line starting at or
// containing start, before its terminator.
func lineEnd(src []byte, start int) int {
	for i := start; i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' {
			return i
		}
	}
	return len(src)
}

// nextLine returns the offset after the terminator at end.
func nextLine(src []byte, end int) int {
	if end < len(src) && src[end] == '\r' && end+1 < len(src) && src[end+1] == '\n' {
		return end + 2
	}
	return end + 1
}
