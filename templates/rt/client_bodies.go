package rt

// noInput is the request body of an operation without input: an empty JSON object.
type noInput struct{}

func (noInput) AppendJSON(b []byte) ([]byte, error) { return append(b, "{}"...), nil }
func (noInput) Validate() error                     { return nil }
func (noInput) validate(*vpath, *validator)         {}

// noOutput accepts and ignores the response body of an operation without output.
type noOutput struct{}

func (noOutput) UnmarshalJSON([]byte) error { return nil }
