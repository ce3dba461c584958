package rt

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file is the HTTP binding half of restJson1: the generated writeREST of an operation's
// input fills a restRequest (labels, query parameters, headers, body), the client expands the
// operation's URI with it and sends it; the generated readREST of an output or error reads a
// restResponse (status, headers, body).

// invokeREST calls the restJson1 operation op: in's writeREST gives the labels, query,
// headers and body, out's readREST reads the response. Every error it returns is an
// *OperationError.
func (c *Client) invokeREST(ctx context.Context, op *operationInfo, in restInput, out restOutput) error {
	if err := c.checkInput(ctx, op, in); err != nil {
		return err
	}
	r := newRESTRequest()
	// Until the request is handed to roundTrip, a failure gives its pooled body back.
	fail := func(err error) error {
		r.release()
		return c.opError(op, err)
	}
	if err := in.writeREST(r); err != nil {
		return fail(fmt.Errorf("serialize input: %w", err))
	}
	uri, err := expandURI(op.path, op.query, r)
	if err != nil {
		return fail(err)
	}
	var label func(string) string
	if len(r.hostLabels) > 0 {
		label = func(name string) string { return lookup(r.hostLabels, name) }
	}
	base, err := c.endpoint(op, label)
	if err != nil {
		return fail(err)
	}
	target := strings.TrimSuffix(base, "/") + uri
	if (r.body != nil || r.stream != nil) && r.header.Get("Content-Type") == "" {
		// A member bound to Content-Type wins over the payload's default.
		r.setHeader("Content-Type", r.contentType)
	}
	w := &wireRequest{method: op.method, url: target, header: r.header, body: r.body, pooled: r.pooled, stream: r.stream, streamLen: r.streamLen}
	return c.roundTrip(ctx, op, w, func(resp *http.Response, data []byte) (bool, error) {
		rr := &restResponse{status: resp.StatusCode, header: resp.Header, body: data}
		if op.streamOutput {
			rr.stream = resp.Body
		}
		err := out.readREST(rr)
		return rr.kept, err
	})
}

// readRESTError is serviceInfo.readError of restJson1 services: the modeled error reads the
// body members and its header and status bindings.
func readRESTError(me modeledError, status int, header http.Header, body []byte) error {
	r, ok := me.(restOutput)
	if !ok {
		return me.UnmarshalJSON(body)
	}
	return r.readREST(&restResponse{status: status, header: header, body: body})
}

// The inputs and outputs of operations without one have no bindings and no body.
func (noInput) writeREST(*restRequest) error  { return nil }
func (noOutput) readREST(*restResponse) error { return nil }

// restInput is implemented by the generated input structures of restJson1 operations.
type restInput interface {
	validatable
	Validate() error
	writeREST(r *restRequest) error
}

// restOutput is implemented by the generated output and error structures of restJson1
// operations.
type restOutput interface {
	readREST(r *restResponse) error
}

// restParam is one query parameter. named is set for @httpQuery members, which take
// precedence over the same key from an @httpQueryParams map.
type restParam struct {
	key, value string
	named      bool
}

// restRequest is an operation's request as its input's writeREST leaves it.
type restRequest struct {
	labels      []restParam // @httpLabel values by label name (key)
	hostLabels  []restParam // @hostLabel values by member name (key)
	query       []restParam
	header      http.Header
	body        []byte // nil: no body
	pooled      bool   // body is a jsonBuffer (setJSONBody)
	stream      io.Reader
	streamLen   int64 // -1 when unknown
	contentType string
	labelSpace  [2]restParam // the first labels, without an allocation of their own
}

func newRESTRequest() *restRequest {
	r := &restRequest{streamLen: -1} // header is made by the first setHeader
	r.labels = r.labelSpace[:0]
	return r
}

// label sets the value of the URI label name.
func (r *restRequest) label(name, value string) {
	r.labels = append(r.labels, restParam{key: name, value: value})
}

// hostLabel sets the value of the host prefix label name.
func (r *restRequest) hostLabel(name, value string) {
	r.hostLabels = append(r.hostLabels, restParam{key: name, value: value})
}

// lookup returns the value of key in params, "" when it is not there.
func lookup(params []restParam, key string) string {
	for _, p := range params {
		if p.key == key {
			return p.value
		}
	}
	return ""
}

// addQuery adds the @httpQuery parameter key=value (once per element for lists).
func (r *restRequest) addQuery(key, value string) {
	r.query = append(r.query, restParam{key: key, value: value, named: true})
}

// addQueryParam adds an entry of an @httpQueryParams map, unless an @httpQuery member set
// the same key. writeREST adds named parameters first.
func (r *restRequest) addQueryParam(key, value string) {
	for _, p := range r.query {
		if p.named && p.key == key {
			return
		}
	}
	r.query = append(r.query, restParam{key: key, value: value})
}

// setHeader sets a header bound to a member. Values are sent as they are, except that
// line breaks, which would split the header, are refused by net/http when sending.
func (r *restRequest) setHeader(key, value string) {
	if r.header == nil {
		r.header = make(http.Header, 4)
	}
	r.header[http.CanonicalHeaderKey(key)] = []string{value}
}

// setBody sets the body and its content type.
func (r *restRequest) setBody(body []byte, contentType string) {
	if body == nil {
		body = []byte{}
	}
	r.body, r.contentType, r.pooled = body, contentType, false
}

// setJSONBody sets the body to the JSON document AppendJSON wrote into a jsonBuffer, which
// the request keeps instead of copying: the client gives it back when the request is done
// (wireRequest.pooled).
func (r *restRequest) setJSONBody(b []byte, err error) error {
	if err != nil {
		recycleJSON(b)
		return err
	}
	r.body, r.contentType, r.pooled = b, "application/json", true
	return nil
}

// release gives a pooled body back; the request must not be used afterwards.
func (r *restRequest) release() {
	if r.pooled {
		recycleJSON(r.body)
		r.body, r.pooled = nil, false
	}
}

// setStream sets a streaming body. Its length is known when it has a Len method (as
// *bytes.Reader, *strings.Reader and *bytes.Buffer do) or is an *os.File-like io.Seeker;
// otherwise it is sent chunked.
func (r *restRequest) setStream(body io.Reader, contentType string) {
	r.stream, r.streamLen, r.contentType = body, -1, contentType
	switch b := body.(type) {
	case interface{ Len() int }:
		r.streamLen = int64(b.Len())
	case io.Seeker:
		if cur, err := b.Seek(0, io.SeekCurrent); err == nil {
			if end, err := b.Seek(0, io.SeekEnd); err == nil {
				if _, err := b.Seek(cur, io.SeekStart); err == nil {
					r.streamLen = end - cur
				}
			}
		}
	}
}

// restLabelError reports a label that cannot be sent.
type restLabelError struct{ name string }

func (e *restLabelError) Error() string {
	return "the URI label " + e.name + " is empty; it must be set"
}

// expandURI returns the path and query of an operation's request: the path pattern with its
// labels replaced by their percent-encoded values (a greedy label keeps its '/'), then the
// pattern's fixed query and the request's parameters. A label without a value, or with an
// empty one, is an error: the request would go to another resource.
func expandURI(pattern, fixedQuery string, r *restRequest) (string, error) {
	b, err := appendExpanded(make([]byte, 0, len(pattern)+32), pattern, func(b []byte, name string) ([]byte, error) {
		greedy := strings.HasSuffix(name, "+")
		name = strings.TrimSuffix(name, "+")
		v := lookup(r.labels, name)
		if v == "" {
			return nil, &restLabelError{name: name}
		}
		return appendEscaped(b, v, greedy), nil
	})
	if err != nil {
		return "", err
	}
	sep := byte('?')
	if fixedQuery != "" {
		b = append(b, '?')
		b = append(b, fixedQuery...)
		sep = '&'
	}
	for _, p := range r.query {
		if !p.named && inQuery(fixedQuery, p.key) {
			continue // the URI's own parameter wins over a map entry
		}
		b = append(b, sep)
		sep = '&'
		b = appendEscaped(b, p.key, false)
		b = append(b, '=')
		b = appendEscaped(b, p.value, false)
	}
	return string(b), nil
}

// inQuery reports whether the fixed query "a=b&c" has the parameter key.
func inQuery(fixed, key string) bool {
	for fixed != "" {
		var p string
		p, fixed, _ = strings.Cut(fixed, "&")
		if k, _, _ := strings.Cut(p, "="); k == key {
			return true
		}
	}
	return false
}

// appendEscaped appends s percent-encoded as RFC 3986 asks for a URI component: every byte
// but the unreserved characters A-Z a-z 0-9 - . _ ~ (and '/' when keepSlash) is %XX.
func appendEscaped(b []byte, s string, keepSlash bool) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || c == '/' && keepSlash {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return b
}

// Text forms of scalars in labels, query parameters and headers.

func restInt(v int64) string { return strconv.FormatInt(v, 10) }

func restBool(v bool) string { return strconv.FormatBool(v) }

// restFloat writes a float as JSON does, with NaN and the infinities as "NaN",
// "Infinity" and "-Infinity".
func restFloat(v float64, bits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	return string(jsonAppendFloat(nil, v, bits))
}

// restTime writes a timestamp in a format: "date-time", "http-date" or "epoch-seconds".
func restTime(t time.Time, format string) string {
	switch format {
	case "date-time":
		return t.UTC().Format(jsonDateTimeLayout)
	case "http-date":
		return t.UTC().Format(jsonHTTPDateLayout)
	}
	return string(jsonAppendEpochSeconds(nil, t))
}

// restBase64 encodes a header string with a media type.
func restBase64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// restHeaderList joins the elements of a list bound to a header with ", ", quoting an
// element that holds a comma or a double quote (and escaping its quotes and backslashes).
// Timestamps in http-date form hold commas but are never quoted (quote false).
func restHeaderList(elems []string, quote bool) string {
	var b strings.Builder
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		if quote && strings.ContainsAny(e, ",\"") {
			b.WriteByte('"')
			for j := 0; j < len(e); j++ {
				if e[j] == '"' || e[j] == '\\' {
					b.WriteByte('\\')
				}
				b.WriteByte(e[j])
			}
			b.WriteByte('"')
			continue
		}
		b.WriteString(e)
	}
	return b.String()
}

// restResponse is a received response for the generated readREST methods.
type restResponse struct {
	status int
	header http.Header
	body   []byte
	stream io.ReadCloser // the unread body of an operation with a streaming output
	// kept is set when a decoded value aliases body (payloadBytes), which then must not be
	// used again for another response.
	kept bool
}

// BindingError reports a response header or status that cannot be read into its member.
type BindingError struct {
	// Location names where the value came from: "header X-Foo", "status code".
	Location string
	Msg      string
}

func (e *BindingError) Error() string { return "response " + e.Location + ": " + e.Msg }

func headerError(name, msg string) error {
	return &BindingError{Location: "header " + name, Msg: msg}
}

// headerValue returns the value of a header bound to a member and whether it was sent.
// Several field lines are joined with ", " as RFC 9110 allows.
func (r *restResponse) headerValue(name string) (string, bool) {
	vs := r.header.Values(name)
	switch len(vs) {
	case 0:
		return "", false
	case 1:
		return vs[0], true
	}
	return strings.Join(vs, ", "), true
}

// prefixHeaders returns the headers whose names start with prefix (case-insensitively),
// keyed by the rest of the name in lower case, or nil when there are none.
func (r *restResponse) prefixHeaders(prefix string) map[string]string {
	var m map[string]string
	for k, vs := range r.header {
		if len(k) < len(prefix) || !strings.EqualFold(k[:len(prefix)], prefix) || len(vs) == 0 {
			continue
		}
		if m == nil {
			m = map[string]string{}
		}
		m[strings.ToLower(k[len(prefix):])] = strings.Join(vs, ", ")
	}
	return m
}

func parseHeaderInt(name, s string, bits int) (int64, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, bits)
	if err != nil {
		return 0, headerError(name, fmt.Sprintf("not an integer of %d bits: %q", bits, clip(s)))
	}
	return v, nil
}

func parseHeaderFloat(name, s string, bits int) (float64, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	}
	v, err := strconv.ParseFloat(s, bits)
	if err != nil || strings.ContainsAny(s, "xXpP_iInN") {
		return 0, headerError(name, fmt.Sprintf("not a number: %q", clip(s)))
	}
	return v, nil
}

func parseHeaderBool(name, s string) (bool, error) {
	switch strings.TrimSpace(s) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, headerError(name, fmt.Sprintf("not a boolean: %q", clip(s)))
}

// parseHeaderTime reads a timestamp in a format: "http-date" (IMF-fixdate, or the obsolete
// forms RFC 9110 asks recipients to accept), "date-time" (RFC 3339) or "epoch-seconds".
func parseHeaderTime(name, s, format string) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch format {
	case "date-time":
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t.UTC(), nil
		}
	case "http-date":
		for _, layout := range []string{jsonHTTPDateLayout, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 02 Jan 2006 15:04:05.999 GMT"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.UTC(), nil
			}
		}
	default:
		d := jsonGetDecoder([]byte(s))
		t := d.readEpochSeconds()
		if d.done() == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, headerError(name, fmt.Sprintf("not a %s timestamp: %q", format, clip(s)))
}

func parseHeaderBase64(name, s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return "", headerError(name, "not base64")
	}
	return string(b), nil
}

// splitHeaderList splits a header bound to a list into its elements: at commas outside
// double quotes, each element trimmed and unquoted. Timestamps in http-date form are split
// at every second comma (httpDate).
func splitHeaderList(name, s string, httpDate bool) ([]string, error) {
	var out []string
	if httpDate {
		parts := strings.Split(s, ",")
		if len(parts)%2 != 0 {
			return nil, headerError(name, "not a list of http-date timestamps")
		}
		for i := 0; i < len(parts); i += 2 {
			out = append(out, strings.TrimSpace(parts[i]+","+parts[i+1]))
		}
		return out, nil
	}
	for i := 0; i <= len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && s[i] == '"' {
			var b strings.Builder
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, headerError(name, "unterminated quoted string")
			}
			out = append(out, b.String())
			j++
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) && s[j] != ',' {
				return nil, headerError(name, "text after a quoted string")
			}
			i = j + 1
			continue
		}
		j := strings.IndexByte(s[i:], ',')
		if j < 0 {
			j = len(s) - i
		}
		out = append(out, strings.TrimSpace(s[i:i+j]))
		i += j + 1
	}
	return out, nil
}

// clip shortens a value quoted in an error message.
func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}

// statusCode returns the response's status code for an @httpResponseCode member.
func (r *restResponse) statusCode() int32 { return int32(r.status) }

// decodeBody decodes a JSON body (an empty body is an empty object) into v.
func (r *restResponse) decodeBody(v jsonDecodable) error {
	data := r.body
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte("{}")
	}
	return jsonUnmarshal(data, v)
}

// payloadBytes returns the body for a blob or document payload member: nil when there is
// none. The member keeps the body itself, not a copy.
func (r *restResponse) payloadBytes() []byte {
	if len(r.body) == 0 {
		return nil
	}
	r.kept = true
	return r.body
}
