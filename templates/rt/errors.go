package rt

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrorFault tells whether an error was caused by the caller (client) or by
// the service (server).
type ErrorFault int

const (
	// FaultUnknown means the origin of the error is not known.
	FaultUnknown ErrorFault = iota
	// FaultClient means the request was at fault (HTTP 4xx).
	FaultClient
	// FaultServer means the service was at fault (HTTP 5xx).
	FaultServer
)

// String returns "unknown", "client" or "server".
func (f ErrorFault) String() string {
	switch f {
	case FaultClient:
		return "client"
	case FaultServer:
		return "server"
	default:
		return "unknown"
	}
}

// faultFromStatus maps an HTTP status code to an ErrorFault.
func faultFromStatus(status int) ErrorFault {
	switch {
	case status >= 400 && status < 500:
		return FaultClient
	case status >= 500 && status < 600:
		return FaultServer
	default:
		return FaultUnknown
	}
}

// modeledError is implemented by the generated error shapes of a service.
type modeledError interface {
	error
	UnmarshalJSON([]byte) error
	ErrorCode() string
	ErrorMessage() string
	ErrorFault() ErrorFault
}

// APIError is a service error response whose code is not one of the
// service's modeled errors (or whose body could not be decoded into the
// modeled error). It is always returned wrapped in an *OperationError; use
// errors.As to get at it.
type APIError struct {
	// Code is the error code, e.g. "ThrottlingException". When the response
	// carried no code it is the HTTP status text, e.g. "Bad Gateway".
	Code string
	// Message is the error message sent by the service, or the start of a
	// non-JSON response body.
	Message string
	// StatusCode is the HTTP status code of the response.
	StatusCode int
	// RequestID is the value of the x-amzn-RequestId response header.
	RequestID string
	// Fault is FaultClient for 4xx and FaultServer for 5xx responses.
	Fault ErrorFault
}

// Error returns "Code: Message" (or just the code when there is no message).
func (e *APIError) Error() string {
	if e.Message == "" {
		return e.Code
	}
	return e.Code + ": " + e.Message
}

// ErrorCode returns e.Code.
func (e *APIError) ErrorCode() string { return e.Code }

// ErrorMessage returns e.Message.
func (e *APIError) ErrorMessage() string { return e.Message }

// ErrorFault returns e.Fault.
func (e *APIError) ErrorFault() ErrorFault { return e.Fault }

// OperationError is the type of every error returned by a client operation.
// It records where the failure happened and wraps the cause (a modeled
// error, an *APIError, a validation error, a transport error or a context
// error), so errors.As and errors.Is see through it.
//
// Its message never contains request contents.
type OperationError struct {
	// Service names the service (its X-Amz-Target prefix unless the service
	// has a display name).
	Service string
	// Operation is the operation name, e.g. "ForgotPassword".
	Operation string
	// RequestID is the service request ID of the last response, if any.
	RequestID string
	// StatusCode is the HTTP status code of the last response, 0 if none.
	StatusCode int
	// Attempts is the number of HTTP requests that were sent (0 when the
	// call failed before sending, e.g. on input validation).
	Attempts int
	// Err is the cause.
	Err error
}

// Error returns a one-line description of the failure.
func (e *OperationError) Error() string {
	var b strings.Builder
	b.WriteString("operation error ")
	b.WriteString(e.Service)
	if e.Operation != "" {
		b.WriteString(": ")
		b.WriteString(e.Operation)
	}
	if e.Attempts > 1 {
		b.WriteString(", attempts ")
		b.WriteString(strconv.Itoa(e.Attempts))
	}
	if e.StatusCode != 0 {
		b.WriteString(", HTTP ")
		b.WriteString(strconv.Itoa(e.StatusCode))
	}
	if e.RequestID != "" {
		b.WriteString(", request id ")
		b.WriteString(e.RequestID)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return oneLine(b.String())
}

// Unwrap returns e.Err.
func (e *OperationError) Unwrap() error { return e.Err }

// retryAbortedError is returned (inside an OperationError) when the context
// ends or the sleep hook fails while waiting to retry. Both the cause and
// the last attempt's error are visible to errors.Is/As.
type retryAbortedError struct {
	cause error // usually context.Canceled or context.DeadlineExceeded
	last  error // error of the last attempt
}

func (e *retryAbortedError) Error() string {
	return "retry aborted: " + e.cause.Error() + "; last attempt: " + e.last.Error()
}

func (e *retryAbortedError) Unwrap() []error { return []error{e.cause, e.last} }

// errResponseTooLarge is wrapped when a response body exceeds
// Options.MaxResponseBytes.
var errResponseTooLarge = errors.New("response body exceeds size limit")

// oneLine replaces line breaks and other control characters with spaces.
func oneLine(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' }

// sanitizeErrorCode turns the raw error type sent by a service into a bare
// code: anything after ':' and anything up to and including '#' is removed,
// so "aws.protocoltests.restjson#FooError:http://internal.amazon.com/..."
// becomes "FooError".
func sanitizeErrorCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return strings.TrimSpace(code)
}

// errorBodyFields holds what parseErrorBody finds in a JSON error body.
type errorBodyFields struct {
	code    string
	message string
	isJSON  bool // the body is a JSON object
}

// parseErrorBody extracts the error code and message from the top level of
// a JSON error body. Keys are matched exactly: "__type", then "code", then
// "Code" for the code ("code" first for restJson1); "message", then
// "Message", then "errorMessage" for the message. Non-string values are
// ignored.
func parseErrorBody(body []byte, rest bool) errorBodyFields {
	var f errorBodyFields
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return f
	}
	f.isJSON = true
	str := func(keys ...string) string {
		for _, k := range keys {
			raw, ok := m[k]
			if !ok {
				continue
			}
			var s string
			if json.Unmarshal(raw, &s) == nil && s != "" {
				return s
			}
		}
		return ""
	}
	if rest {
		f.code = str("code", "__type", "Code")
	} else {
		f.code = str("__type", "code", "Code")
	}
	f.message = str("message", "Message", "errorMessage")
	return f
}

// maxTextMessage bounds the message taken from a non-JSON error body.
const maxTextMessage = 256

// textMessage makes a short one-line message out of a non-JSON body: markup
// tags are dropped, whitespace is collapsed and the result is truncated.
func textMessage(body []byte) string {
	s := string(body)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.HasPrefix(strings.TrimSpace(s), "<") {
		s = stripTags(s)
	}
	s = strings.Join(strings.Fields(oneLine(s)), " ")
	if utf8.RuneCountInString(s) > maxTextMessage {
		r := []rune(s)
		s = string(r[:maxTextMessage]) + "..."
	}
	return s
}

// stripTags removes <...> sequences, roughly, from an HTML/XML body. Content
// of <style> and <script> elements is kept; it is only used for messages.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
			b.WriteByte(' ')
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
