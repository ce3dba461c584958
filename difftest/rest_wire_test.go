package difftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The wire side of the restJson1 differential test: comparing two recorded requests, and
// building a response (status, headers, body) out of one of our output or error values.

// wireDiff is one difference between two requests. key is stable ("path", "query",
// "header X-Foo", "body"...) and is what restKnownDiffs matches; detail shows both sides.
type wireDiff struct {
	key, detail string
}

// reqStats counts the differences that are only spelling: the same path after
// percent-decoding, the same query parameters escaped differently or in another order.
type reqStats struct {
	pathEscaping, queryEscaping, queryOrder int
}

func (s *reqStats) add(o reqStats) {
	s.pathEscaping += o.pathEscaping
	s.queryEscaping += o.queryEscaping
	s.queryOrder += o.queryOrder
}

// ignoredHeaders are headers a client or the transport sets on its own account: user agents,
// invocation ids and attempt counts, signing, and what net/http manages.
var ignoredHeaders = map[string]bool{
	"User-Agent": true, "X-Amz-User-Agent": true, "Amz-Sdk-Invocation-Id": true, "Amz-Sdk-Request": true,
	"X-Amz-Date": true, "Authorization": true, "X-Amz-Security-Token": true, "X-Amz-Content-Sha256": true,
	"Content-Length": true, "Transfer-Encoding": true, "Accept-Encoding": true, "X-Amzn-Trace-Id": true,
}

// compareRequests compares our request a with v2's b. blobBody says the operation's body is
// a blob payload (compared as bytes; otherwise the bodies are compared as JSON values);
// literal holds the keys of the query the operation's URI pattern fixes ("?mode=import").
func compareRequests(a, b *recordedRequest, blobBody bool, literal []string, st *reqStats) []wireDiff {
	var d []wireDiff
	if a.method != b.method {
		d = append(d, wireDiff{"method", a.method + " vs " + b.method})
	}
	ap, aq, _ := strings.Cut(a.uri, "?")
	bp, bq, _ := strings.Cut(b.uri, "?")
	if ap != bp {
		switch {
		case normalizePath(ap) == normalizePath(bp):
			st.pathEscaping++
		case strings.TrimSuffix(ap, "/") == strings.TrimSuffix(bp, "/"):
			d = append(d, wireDiff{"path: trailing slash", fmt.Sprintf("%q vs %q", ap, bp)})
		default:
			d = append(d, wireDiff{"path", fmt.Sprintf("%q vs %q", ap, bp)})
		}
	}
	if aq != bq {
		ad, bd := queryPairs(aq), queryPairs(bq)
		if !slices.Equal(sortedCopy(ad), sortedCopy(bd)) {
			key := "query"
			onlyOurs, onlyV2 := multisetDiff(ad, bd)
			if len(onlyV2) == 0 && !slices.ContainsFunc(onlyOurs, func(p string) bool {
				k, _, _ := strings.Cut(p, "=")
				return !slices.Contains(literal, k)
			}) {
				key = "query: ours repeats a key of the URI's literal query"
			}
			d = append(d, wireDiff{key, fmt.Sprintf("%q vs %q (decoded %q vs %q)", aq, bq, ad, bd)})
		} else {
			if !slices.Equal(sortedCopy(strings.Split(aq, "&")), sortedCopy(strings.Split(bq, "&"))) {
				st.queryEscaping++
			}
			if !slices.Equal(ad, bd) {
				st.queryOrder++
			}
		}
	}
	keys := map[string]bool{}
	for k := range a.header {
		keys[k] = true
	}
	for k := range b.header {
		keys[k] = true
	}
	for _, k := range slices.Sorted(mapKeys(keys)) {
		if ignoredHeaders[k] {
			continue
		}
		av, aok := a.header[k]
		bv, bok := b.header[k]
		switch {
		case !aok:
			d = append(d, wireDiff{"header " + k, fmt.Sprintf("only v2 sends it: %q", bv)})
		case !bok:
			d = append(d, wireDiff{"header " + k, fmt.Sprintf("only ours sends it: %q", av)})
		case strings.Join(av, ", ") != strings.Join(bv, ", "):
			d = append(d, wireDiff{"header " + k, fmt.Sprintf("%q vs %q", av, bv)})
		}
	}
	switch {
	case len(a.body) == 0 && len(b.body) == 0:
	case blobBody:
		if !bytes.Equal(a.body, b.body) {
			d = append(d, wireDiff{"body", fmt.Sprintf("%q vs %q", a.body, b.body)})
		}
	case len(a.body) == 0 || len(b.body) == 0:
		d = append(d, wireDiff{"body", fmt.Sprintf("%q vs %q", a.body, b.body)})
	default:
		if diff := jsonDiff(a.body, b.body); diff != "" {
			d = append(d, wireDiff{"body", fmt.Sprintf("JSON differs at %s\nours: %s\nv2:   %s", diff, a.body, b.body)})
		}
	}
	return d
}

// multisetDiff returns the elements of a missing from b and those of b missing from a,
// counting repeats.
func multisetDiff(a, b []string) (onlyA, onlyB []string) {
	n := map[string]int{}
	for _, x := range a {
		n[x]++
	}
	for _, x := range b {
		n[x]--
	}
	for _, x := range slices.Sorted(mapKeys(n)) {
		for ; n[x] > 0; n[x]-- {
			onlyA = append(onlyA, x)
		}
		for ; n[x] < 0; n[x]++ {
			onlyB = append(onlyB, x)
		}
	}
	return onlyA, onlyB
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// normalizePath percent-decodes a path, except for an escaped '/' or '%', which must stay
// escaped: "/a%2Fb" and "/a/b" name different resources.
func normalizePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			if n, err := strconv.ParseUint(p[i+1:i+3], 16, 8); err == nil {
				if c := byte(n); c != '/' && c != '%' {
					b.WriteByte(c)
				} else {
					b.WriteString(strings.ToUpper(p[i : i+3]))
				}
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// queryPairs decodes a raw query into "key=value" pairs in their order.
func queryPairs(q string) []string {
	if q == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(part, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		out = append(out, k+"="+v)
	}
	return out
}

// --- responses -----------------------------------------------------------------------------

// headerText is the text of a member bound to a header; ok is false when it is unset.
func headerText(v reflect.Value) (s string, ok bool) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", false
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), true
	case reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), true
	}
	panic(fmt.Sprintf("headerText: %s bound to a header is not supported by the test yet", v.Type()))
}

// restResponseOf builds the response that carries v (a pointer to one of our output or
// error structures, c2j shape shape) following the model's bindings: members bound to
// headers become headers, the payload member or else every body member the body. The body
// of a structure comes from our MarshalJSON, without the members bound elsewhere; extra
// members are added to it (error codes). Members bound to the status code are left to the
// caller.
func restResponseOf(m *c2jModel, shape string, plan *structPlan, v reflect.Value, status int, extra map[string][]byte) (cannedResponse, error) {
	s := m.Shapes[shape]
	r := cannedResponse{status: status, header: http.Header{}}
	for _, fp := range plan.fields {
		switch fp.location {
		case "header":
			if text, ok := headerText(v.Elem().Field(fp.ours)); ok {
				r.header[http.CanonicalHeaderKey(fp.locationName)] = []string{text}
			}
		case "", "statusCode":
		default:
			return r, fmt.Errorf("%s.%s: binding %q is not supported by the test yet", shape, fp.name, fp.location)
		}
	}
	if s.Payload != "" {
		f, ok := ourField(plan.ours, s.Payload)
		if !ok {
			return r, fmt.Errorf("%s: no field for the payload member %s", shape, s.Payload)
		}
		pv := v.Elem().FieldByIndex(f.Index)
		switch {
		case pv.Type() == bytesType:
			r.body = bytes.Clone(pv.Bytes())
		case isStreamType(pv.Type()):
			if !pv.IsNil() {
				b, err := streamBytes(pv)
				if err != nil {
					return r, err
				}
				r.body = b
			}
		case pv.Kind() == reflect.Pointer && pv.Type().Elem().Kind() == reflect.Struct:
			if !pv.IsNil() {
				b, err := pv.Interface().(json.Marshaler).MarshalJSON()
				if err != nil {
					return r, err
				}
				r.body = b
			}
		default:
			return r, fmt.Errorf("%s: payload of type %s is not supported by the test yet", shape, pv.Type())
		}
		if len(extra) > 0 {
			return r, fmt.Errorf("%s: extra members for a payload body", shape)
		}
		return r, nil
	}
	doc, err := v.Interface().(json.Marshaler).MarshalJSON()
	if err != nil {
		return r, err
	}
	// The keys of the members bound elsewhere: the member's name and its location name,
	// unless a body member is sent under that key.
	bodyKeys, drop := map[string]bool{}, map[string]bool{}
	for name, ref := range s.Members {
		if ref.Location == "" {
			k := name
			if ref.LocationName != "" {
				k = ref.LocationName
			}
			bodyKeys[k] = true
		}
	}
	for name, ref := range s.Members {
		if ref.Location != "" {
			for _, k := range []string{name, ref.LocationName} {
				if k != "" && !bodyKeys[k] {
					drop[k] = true
				}
			}
		}
	}
	r.body, err = rewriteMembers(doc, drop, extra)
	return r, err
}

// rewriteMembers returns the JSON object doc without the top-level members named in drop
// and with the members of extra (raw JSON values) added at its end; every other member
// keeps its text.
func rewriteMembers(doc []byte, drop map[string]bool, extra map[string][]byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object: %.60q", doc)
	}
	out := []byte{'{'}
	add := func(k string, raw []byte) {
		if len(out) > 1 {
			out = append(out, ',')
		}
		key, _ := json.Marshal(k)
		out = append(append(append(out, key...), ':'), raw...)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if k := tok.(string); !drop[k] {
			add(k, raw)
		}
	}
	for _, k := range slices.Sorted(mapKeys(extra)) {
		add(k, extra[k])
	}
	return append(out, '}'), nil
}

// perturbJSON varies a JSON object document in ways both sides must read alike: now and then
// some top-level members (not those in keep) become null, members neither model has are
// added (nested values of every kind), every object's members are reversed, and the
// document is indented. It returns the document and what it did.
func (f *filler) perturbJSON(tb testing.TB, doc []byte, keep map[string]bool) ([]byte, []string) {
	var did []string
	if f.r.IntN(4) == 0 {
		drop := map[string]bool{}
		extra := map[string][]byte{}
		dec := json.NewDecoder(bytes.NewReader(doc))
		if tok, err := dec.Token(); err == nil && tok == json.Delim('{') {
			for dec.More() {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					break
				}
				if f.r.IntN(3) == 0 && !keep[tok.(string)] {
					drop[tok.(string)] = true
					extra[tok.(string)] = []byte("null")
				}
			}
		}
		if len(extra) > 0 {
			if d, err := rewriteMembers(doc, drop, extra); err == nil {
				doc = d
				did = append(did, fmt.Sprintf("%d members null", len(extra)))
			}
		}
	}
	if f.r.IntN(4) == 0 {
		extra := map[string][]byte{}
		for i := f.r.IntN(3); i >= 0; i-- {
			extra[fmt.Sprintf("zzUnknown%d", i)] = f.jsonValue(0)
		}
		if d, err := rewriteMembers(doc, nil, extra); err == nil {
			doc = d
			did = append(did, "unknown members")
		}
	}
	if f.r.IntN(4) == 0 {
		doc = reverseMembers(tb, doc)
		did = append(did, "members reversed")
	}
	if f.r.IntN(4) == 0 {
		var b bytes.Buffer
		if json.Indent(&b, doc, "", "\t ") == nil {
			doc = b.Bytes()
			did = append(did, "indented")
		}
	}
	return doc, did
}

// jsonValue is a random JSON value of any kind.
func (f *filler) jsonValue(depth int) []byte {
	k := f.r.IntN(8)
	if depth > 3 && k >= 6 {
		k = 0
	}
	switch k {
	case 0:
		return []byte("null")
	case 1:
		return []byte("true")
	case 2:
		return []byte("-12.5e-3")
	case 3:
		return []byte(strconv.FormatInt(f.int(64), 10))
	case 4, 5:
		s, _ := json.Marshal(f.string())
		return s
	case 6:
		b := []byte{'['}
		for i := f.r.IntN(4); i > 0; i-- {
			if len(b) > 1 {
				b = append(b, ',')
			}
			b = append(b, f.jsonValue(depth+1)...)
		}
		return append(b, ']')
	default:
		b := []byte{'{'}
		for i := f.r.IntN(4); i > 0; i-- {
			if len(b) > 1 {
				b = append(b, ',')
			}
			k, _ := json.Marshal(f.string())
			b = append(append(append(b, k...), ':'), f.jsonValue(depth+1)...)
		}
		return append(b, '}')
	}
}

// TestRESTCompareRequests checks that compareRequests sees what it must and forgives only
// spelling.
func TestRESTCompareRequests(t *testing.T) {
	const uri = "/a/b%20c?x=1&lit=2&y=a%20b"
	base := func() *recordedRequest {
		return &recordedRequest{method: "POST", uri: uri, header: http.Header{
			"Content-Type": {"application/json"}, "X-Foo": {"1"}, "User-Agent": {"ours"},
		}, body: []byte(`{"a":1,"b":[1,2]}`)}
	}
	cases := []struct {
		name   string
		ours   func(r *recordedRequest) // changes our request (v2's is base())
		want   string                   // the key of the one difference; "" for none
		counts reqStats
	}{
		{"same", func(*recordedRequest) {}, "", reqStats{}},
		{"method", func(r *recordedRequest) { r.method = "PUT" }, "method", reqStats{}},
		{"path", func(r *recordedRequest) { r.uri = "/a/b%20d?x=1&lit=2&y=a%20b" }, "path", reqStats{}},
		{"escaped slash", func(r *recordedRequest) { r.uri = "/a%2Fb%20c?x=1&lit=2&y=a%20b" }, "path", reqStats{}},
		{"trailing slash", func(r *recordedRequest) { r.uri = "/a/b%20c/?x=1&lit=2&y=a%20b" }, "path: trailing slash", reqStats{}},
		{"path escaping", func(r *recordedRequest) { r.uri = "/a/b%20%63?x=1&lit=2&y=a%20b" }, "", reqStats{pathEscaping: 1}},
		{"query escaping", func(r *recordedRequest) { r.uri = "/a/b%20c?x=1&lit=2&y=a+b" }, "", reqStats{queryEscaping: 1}},
		{"query order", func(r *recordedRequest) { r.uri = "/a/b%20c?y=a%20b&x=1&lit=2" }, "", reqStats{queryOrder: 1}},
		{"query value", func(r *recordedRequest) { r.uri = "/a/b%20c?x=2&lit=2&y=a%20b" }, "query", reqStats{}},
		{"query repeated", func(r *recordedRequest) { r.uri = uri + "&x=1" }, "query", reqStats{}},
		{"literal key repeated", func(r *recordedRequest) { r.uri = uri + "&lit=3" }, "query: ours repeats a key of the URI's literal query", reqStats{}},
		{"header value", func(r *recordedRequest) { r.header.Set("X-Foo", "2") }, "header X-Foo", reqStats{}},
		{"header only v2's", func(r *recordedRequest) { r.header.Del("X-Foo") }, "header X-Foo", reqStats{}},
		{"ignored header", func(r *recordedRequest) { r.header.Set("User-Agent", "v2") }, "", reqStats{}},
		{"body member order", func(r *recordedRequest) { r.body = []byte(`{"b":[1,2.0],"a":1}`) }, "", reqStats{}},
		{"body value", func(r *recordedRequest) { r.body = []byte(`{"a":1,"b":[2,1]}`) }, "body", reqStats{}},
		{"no body", func(r *recordedRequest) { r.body = nil }, "body", reqStats{}},
	}
	for _, c := range cases {
		ours := base()
		c.ours(ours)
		var st reqStats
		d := compareRequests(ours, base(), false, []string{"lit"}, &st)
		switch {
		case c.want == "" && len(d) != 0, c.want != "" && (len(d) != 1 || d[0].key != c.want):
			t.Errorf("%s: differences %v, want %q", c.name, d, c.want)
		case st != c.counts:
			t.Errorf("%s: spelling counts %+v, want %+v", c.name, st, c.counts)
		}
	}
	// A blob body compares as bytes.
	ours, v2 := base(), base()
	v2.body = []byte(`{"b":[1,2],"a":1}`)
	if d := compareRequests(ours, v2, true, nil, new(reqStats)); len(d) != 1 || d[0].key != "body" {
		t.Errorf("blob bodies: differences %v, want body", d)
	}
}
