package ir

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Location is where a member of an operation's input, output or error structure travels in
// the HTTP message of a protocol with HTTP bindings (restJson1, restXml). The RPC protocols
// (awsJson, awsQuery, ec2Query, rpcv2Cbor) ignore it and put every member in the body, and
// so does every protocol for members of nested structures. Use Member.RequestLocation and
// Member.ResponseLocation, which drop a binding the message cannot have.
type Location int

// The locations. The comment of each says what Member.Traits.LocationName holds for it.
const (
	// InBody: a member of the document in the body, under Traits.JSONName if set, else
	// under Name (the default: no binding trait).
	InBody Location = iota
	// InLabel (Smithy @httpLabel, c2j location "uri"): the label "{LocationName}" or, greedy,
	// "{LocationName+}" of Operation.HTTPPath. A plain label's value is percent-encoded
	// whole; a greedy label's value keeps its '/'. Requests only.
	InLabel
	// InQuery (@httpQuery, c2j "querystring"): the query parameter LocationName; a list
	// gives the parameter once per element. Requests only.
	InQuery
	// InQueryParams (@httpQueryParams, c2j "querystring" on a map): every entry of a map of
	// strings (or of lists of strings) is a query parameter of its own; parameters bound
	// by InQuery members take precedence. LocationName is "". Requests only.
	InQueryParams
	// InHeader (@httpHeader, c2j "header"): the header LocationName; a list is sent as one
	// comma-separated value. A string with a media type (Member.MediaType, c2j "jsonvalue")
	// is base64-encoded in a header.
	InHeader
	// InPrefixHeaders (@httpPrefixHeaders, c2j "headers"): a map of strings; each entry is
	// the header LocationName+key. LocationName may be "" (every header).
	InPrefixHeaders
	// InPayload (@httpPayload, c2j "payload" naming the member on its structure): the whole
	// body. A blob or string is sent as is, a structure, union or document as the
	// protocol's document; the structure has no InBody members beside it.
	InPayload
	// InResponseCode (@httpResponseCode, c2j "statusCode"): the status code of the
	// response, an integer. Responses only. LocationName is "".
	InResponseCode
)

var locationNames = [...]string{
	InBody: "body", InLabel: "label", InQuery: "query", InQueryParams: "queryParams",
	InHeader: "header", InPrefixHeaders: "prefixHeaders", InPayload: "payload",
	InResponseCode: "responseCode",
}

func (l Location) String() string {
	if l >= 0 && int(l) < len(locationNames) {
		return locationNames[l]
	}
	return fmt.Sprintf("Location(%d)", int(l))
}

// RequestLocation is where the member travels as a top-level member of an operation's
// input: its binding, except that a response code is a body member there.
func (m *Member) RequestLocation() Location {
	if m.Traits.Location == InResponseCode {
		return InBody
	}
	return m.Traits.Location
}

// ResponseLocation is where the member travels as a top-level member of an operation's
// output or of an error: its binding, except that labels and query parameters are body
// members there (Smithy ignores those traits outside input; API Gateway's models rely on
// it).
func (m *Member) ResponseLocation() Location {
	switch l := m.Traits.Location; l {
	case InLabel, InQuery, InQueryParams:
		return InBody
	default:
		return l
	}
}

// MediaType returns the member's media type (c2j "jsonvalue" on the member gives
// "application/json"), else its target's (@mediaType), else "".
func (m *Member) MediaType() string {
	if m.Traits.MediaType != "" {
		return m.Traits.MediaType
	}
	return m.Target.Traits.MediaType
}

// ExplicitTimestampFormat returns the timestamp format the model writes for a timestamp
// member, on the member or else on its target, or "" when it writes none. The default then
// depends on the protocol and the location (body: epoch-seconds in the JSON protocols;
// header: http-date; label and query: date-time), which is the emitter's to apply.
func (m *Member) ExplicitTimestampFormat() string {
	if f := m.Traits.TimestampFormat; f != "" {
		return f
	}
	return m.Target.Traits.TimestampFormat
}

// BindsHTTP reports whether the service's protocol binds members to HTTP locations
// (restJson1, restXml): only then must an operation's URI and its members agree.
func (s *Service) BindsHTTP() bool {
	return s != nil && (s.Protocol == "restJson1" || s.Protocol == "restXml")
}

// PathSegment is one '/'-separated segment of an HTTP path pattern (Operation.HTTPPath).
type PathSegment struct {
	// Text is the literal text of the segment, or the name of the label ("Key" for "{Key}"
	// and "{Key+}").
	Text   string
	Label  bool
	Greedy bool // "{Key+}": the value may hold '/' and span several segments
}

// ParsePath splits a path pattern such as "/{Bucket}/{Key+}" into its segments after the
// leading '/' ("/" is one empty literal segment). A label must be a whole segment with a
// non-empty name, a name is used once, and at most one label is greedy.
func ParsePath(path string) ([]PathSegment, error) {
	rest, ok := strings.CutPrefix(path, "/")
	if !ok {
		return nil, errors.New("must start with '/'")
	}
	var segs []PathSegment
	seen, greedy := map[string]bool{}, false
	for _, s := range strings.Split(rest, "/") {
		if !strings.ContainsAny(s, "{}") {
			segs = append(segs, PathSegment{Text: s})
			continue
		}
		if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' || strings.ContainsAny(s[1:len(s)-1], "{}") {
			return nil, fmt.Errorf("segment %q: a label must be a whole segment {Name} or {Name+}", s)
		}
		seg := PathSegment{Label: true}
		seg.Text, seg.Greedy = strings.CutSuffix(s[1:len(s)-1], "+")
		switch {
		case seg.Text == "" || strings.ContainsAny(seg.Text, "+?#&="):
			return nil, fmt.Errorf("segment %q: bad label name", s)
		case seen[seg.Text]:
			return nil, fmt.Errorf("label %q appears twice", seg.Text)
		case seg.Greedy && greedy:
			return nil, errors.New("more than one greedy label")
		}
		seen[seg.Text], greedy = true, greedy || seg.Greedy
		segs = append(segs, seg)
	}
	return segs, nil
}

// QueryLiteral is one fixed parameter of the query part of an operation's URI
// (Operation.HTTPQuery): "x-id=GetObject", or "uploads" with an empty Value.
type QueryLiteral struct {
	Key, Value string
}

// ParseQuery splits a fixed query such as "x-id=GetObject&uploads" at '&' into parameters,
// each "key" or "key=value" with a non-empty key used once and no labels.
func ParseQuery(query string) ([]QueryLiteral, error) {
	if query == "" {
		return nil, nil
	}
	var lits []QueryLiteral
	seen := map[string]bool{}
	for _, p := range strings.Split(query, "&") {
		var q QueryLiteral
		q.Key, q.Value, _ = strings.Cut(p, "=")
		switch {
		case q.Key == "":
			return nil, fmt.Errorf("parameter %q has no key", p)
		case strings.ContainsAny(p, "{}"):
			return nil, fmt.Errorf("parameter %q: the query part cannot hold labels", p)
		case seen[q.Key]:
			return nil, fmt.Errorf("parameter %q appears twice", q.Key)
		}
		seen[q.Key] = true
		lits = append(lits, q)
	}
	return lits, nil
}

// SplitURI splits an @http uri (c2j requestUri) into its path and fixed query, checking
// both (ParsePath, ParseQuery).
func SplitURI(uri string) (path, query string, err error) {
	path, query, _ = strings.Cut(uri, "?")
	if _, err := ParsePath(path); err != nil {
		return "", "", fmt.Errorf("uri %q: %v", uri, err)
	}
	if _, err := ParseQuery(query); err != nil {
		return "", "", fmt.Errorf("uri %q: %v", uri, err)
	}
	return path, query, nil
}

// CheckBinding reports why a member's location does not suit its target, or "": labels
// take a boolean, number, string or timestamp; query parameters and headers those or a
// list of them; query params and prefix headers a map of strings (query params also a map
// of lists of strings); a payload a string, blob, structure, union, document, list or map;
// a response code an integer. A host label takes a string. Labels, query parameters and
// headers need a name.
func CheckBinding(m *Member) string {
	t, loc := m.Target, m.Traits.Location
	if (loc == InLabel || loc == InQuery || loc == InHeader) && m.Traits.LocationName == "" {
		return fmt.Sprintf("a %s needs a name", loc)
	}
	switch loc {
	case InLabel:
		if !simple(t) {
			return fmt.Sprintf("a label must target a boolean, number, string or timestamp, not %s %s", t.Kind, t.ID)
		}
	case InQuery, InHeader:
		// A blob in a header (base64) is c2j's; Smithy allows none.
		if !simple(t) && !(t.Kind == List && simple(t.Member.Target)) && !(loc == InHeader && t.Kind == Blob) {
			return fmt.Sprintf("a %s must target a boolean, number, string or timestamp, or a list of them, not %s %s", loc, t.Kind, t.ID)
		}
	case InQueryParams, InPrefixHeaders:
		ok := t.Kind == Map && (isString(t.Value.Target) ||
			loc == InQueryParams && t.Value.Target.Kind == List && isString(t.Value.Target.Member.Target))
		if !ok {
			return fmt.Sprintf("%s must target a map of strings, not %s %s", loc, t.Kind, t.ID)
		}
	case InPayload:
		switch t.Kind {
		case String, Enum, Blob, Structure, Union, Document, List, Map:
		default:
			return fmt.Sprintf("a payload must target a string, blob, structure, union, document, list or map, not %s %s", t.Kind, t.ID)
		}
	case InResponseCode:
		if t.Kind != Integer {
			return fmt.Sprintf("a response code must target an integer, not %s %s", t.Kind, t.ID)
		}
	}
	if m.Traits.HostLabel && !isString(t) {
		return fmt.Sprintf("a host label must target a string, not %s %s", t.Kind, t.ID)
	}
	return ""
}

func simple(s *Shape) bool {
	return s.Kind == Boolean || s.Kind == String || s.Kind == Enum || s.Kind == IntEnum ||
		s.Kind == Timestamp || s.Kind.IsNumber()
}

func isString(s *Shape) bool { return s.Kind == String || s.Kind == Enum }

// CheckHTTP checks that an operation's HTTP facts agree with its input and output, for a
// service that binds HTTP (Service.BindsHTTP): the operation has a method and a path;
// every label of HTTPPath is bound by exactly one input member, and every input label
// member appears in HTTPPath; an input or output has at most one payload member and no
// body members beside it. The error names the shape and member; the caller sets File.
func CheckHTTP(op *Operation) *Error {
	if op.HTTPMethod == "" || op.HTTPPath == "" {
		return &Error{Shape: op.ID, Msg: "an operation of a service with HTTP bindings needs an HTTP method and URI"}
	}
	segs, err := ParsePath(op.HTTPPath)
	if err != nil {
		return &Error{Shape: op.ID, Msg: fmt.Sprintf("uri %q: %v", op.HTTPPath, err)}
	}
	labels := map[string]bool{}
	for _, s := range segs {
		if s.Label {
			labels[s.Text] = true
		}
	}
	bound := map[string]bool{}
	if in := op.Input; in != nil {
		for _, m := range in.Members {
			if m.RequestLocation() != InLabel {
				continue
			}
			name := m.Traits.LocationName
			switch {
			case !labels[name]:
				return &Error{Shape: in.ID, Member: m.Name, Msg: fmt.Sprintf("label %q is not in the URI %q of operation %s", name, op.HTTPPath, op.ID)}
			case bound[name]:
				return &Error{Shape: in.ID, Member: m.Name, Msg: fmt.Sprintf("label %q is bound by two members", name)}
			}
			bound[name] = true
		}
	}
	for _, s := range segs {
		if s.Label && !bound[s.Text] {
			return &Error{Shape: op.ID, Msg: fmt.Sprintf("URI %q: no input member is bound to label %q", op.HTTPPath, s.Text)}
		}
	}
	for _, s := range []*Shape{op.Input, op.Output} {
		if e := checkPayload(s, s == op.Input); e != nil {
			return e
		}
	}
	return nil
}

// checkPayload checks that a structure has at most one payload member and, if it has one,
// no body members.
func checkPayload(s *Shape, request bool) *Error {
	if s == nil {
		return nil
	}
	var payload, body *Member
	for _, m := range s.Members {
		loc := m.ResponseLocation()
		if request {
			loc = m.RequestLocation()
		}
		switch {
		case loc == InPayload && payload != nil:
			return &Error{Shape: s.ID, Member: m.Name, Msg: "a second payload member (also " + payload.Name + ")"}
		case loc == InPayload:
			payload = m
		case loc == InBody && body == nil:
			body = m
		}
	}
	if payload != nil && body != nil {
		return &Error{Shape: s.ID, Member: body.Name, Msg: "a body member beside the payload member " + payload.Name}
	}
	return nil
}

// CheckOperationHTTP checks an operation's HTTP facts as a loader must once it has read
// them: its host prefix (CheckHostPrefix) and, when svc binds HTTP, its method, URI and
// payloads against its input and output (CheckHTTP). The caller sets File.
func CheckOperationHTTP(svc *Service, op *Operation) *Error {
	if e := CheckHostPrefix(op); e != nil {
		return e
	}
	if svc.BindsHTTP() {
		return CheckHTTP(op)
	}
	return nil
}

// CheckHostPrefix checks the operation's HostPrefix: labels are "{Name}", each names an
// input member with HostLabel, and each such member appears in it.
func CheckHostPrefix(op *Operation) *Error {
	var labels []string
	for rest := op.HostPrefix; ; {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			break
		}
		name, after, ok := strings.Cut(rest[i+1:], "}")
		if rest[i] != '{' || !ok || name == "" || strings.Contains(name, "{") {
			return &Error{Shape: op.ID, Msg: fmt.Sprintf("host prefix %q: labels must be {Name}", op.HostPrefix)}
		}
		labels = append(labels, name)
		rest = after
	}
	members := map[string]bool{}
	if in := op.Input; in != nil {
		for _, m := range in.Members {
			if !m.Traits.HostLabel {
				continue
			}
			if !slices.Contains(labels, m.Name) {
				return &Error{Shape: in.ID, Member: m.Name, Msg: fmt.Sprintf("host label is not in the host prefix %q of operation %s", op.HostPrefix, op.ID)}
			}
			members[m.Name] = true
		}
	}
	for _, name := range labels {
		if !members[name] {
			return &Error{Shape: op.ID, Msg: fmt.Sprintf("host prefix %q: no input member is the host label %q", op.HostPrefix, name)}
		}
	}
	return nil
}
