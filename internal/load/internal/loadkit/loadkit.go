// Package loadkit holds the small pieces both model loaders share: JSON validation with a
// useful message, raw-JSON compaction and the enum value names derived from values.
package loadkit

import (
	"strings"
	"unsafe"

	"github.com/tidwall/gjson"
)

// CheckJSON reports what is wrong with data as a model file, or "" when it is one valid
// JSON object.
func CheckJSON(data []byte) string {
	// A view of data, not a copy: nothing read from it outlives this call.
	return CheckJSONText(unsafe.String(unsafe.SliceData(data), len(data)))
}

// CheckJSONText is CheckJSON for a string.
func CheckJSONText(data string) string {
	if !gjson.Valid(data) {
		return "invalid JSON: " + diagnose(data)
	}
	// Valid JSON: its first byte other than white space starts the top-level value.
	for i := 0; i < len(data); i++ {
		if c := data[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			if c != '{' {
				return "invalid model: the top level is not a JSON object"
			}
			break
		}
	}
	return ""
}

// diagnose tells a truncated document from other syntax errors, which is the common case
// worth a specific message (an interrupted download or copy).
func diagnose(data string) string {
	depth, inString, escaped, content := 0, false, false, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			content = true
		}
	}
	switch {
	case !content:
		return "empty input"
	case inString || depth > 0:
		return "unexpected end of input (truncated file?)"
	}
	return "syntax error"
}

// Compact returns raw JSON without insignificant white space, so that values such as
// defaults read the same whatever the model's formatting.
func Compact(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return raw
	}
	switch raw[0] {
	case '{', '[':
		if strings.ContainsAny(raw, " \t\r\n") {
			return gjson.Get(raw, "@ugly").Raw
		}
	}
	return raw
}

// EnumName derives an enum value's name from its value where the model gives none: the
// value in upper case, with every run of characters other than ASCII letters and digits
// replaced by one '_', trimmed of '_' at both ends; "VALUE" when nothing is left.
func EnumName(value string) string {
	var b strings.Builder
	sep := false
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteByte(c)
	}
	if b.Len() == 0 {
		return "VALUE"
	}
	return b.String()
}
