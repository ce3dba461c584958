package gen

// NotSupportedError reports a model feature the generator cannot express. Generate returns
// it (wrapped with the file being emitted) instead of panicking, skipping the shape or
// emitting code that does not compile; the sweep (internal/tools/sweep) counts failures by Feature. Emitters, which
// return nothing, panic with a *NotSupportedError and render recovers it.
type NotSupportedError struct {
	// Feature names the construct, briefly and without model-specific parts, so that
	// failures group: "eventstream union", "bigDecimal map key".
	Feature string
	// Where locates it: "file: shape S member M".
	Where string
}

func (e *NotSupportedError) Error() string {
	msg := "not supported: " + e.Feature
	if e.Where != "" {
		return e.Where + ": " + msg
	}
	return msg
}

// TranslatePattern turns a model @pattern (ECMAScript) into the RE2 expression the
// generated Validate uses. It fails, with RE2's reason, for patterns RE2 cannot express,
// which Validate does not enforce.
func TranslatePattern(pattern string) (re2 string, err error) { return translatePatternErr(pattern) }
