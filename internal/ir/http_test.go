package ir

import (
	"fmt"
	"strings"
	"testing"
)

func TestParsePath(t *testing.T) {
	render := func(segs []PathSegment) string {
		var p []string
		for _, s := range segs {
			switch {
			case s.Greedy:
				p = append(p, "greedy:"+s.Text)
			case s.Label:
				p = append(p, "label:"+s.Text)
			default:
				p = append(p, s.Text)
			}
		}
		return strings.Join(p, " | ")
	}
	for path, want := range map[string]string{
		"/":                                  "",
		"/things":                            "things",
		"/things/":                           "things | ",
		"/{Bucket}/{Key+}":                   "label:Bucket | greedy:Key",
		"/mrap/instances/{Name+}/policy":     "mrap | instances | greedy:Name | policy", // a greedy label need not come last
		"/2015-03-31/functions/{Fn}/invoke":  "2015-03-31 | functions | label:Fn | invoke",
		"/restapis/{restapi_id}/authorizers": "restapis | label:restapi_id | authorizers",
	} {
		segs, err := ParsePath(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if got := render(segs); got != want {
			t.Errorf("%s: got %q, want %q", path, got, want)
		}
	}
	for path, want := range map[string]string{
		"":             "must start with '/'",
		"things":       "must start with '/'",
		"/a{b}":        "a label must be a whole segment",
		"/{b}c":        "a label must be a whole segment",
		"/{b":          "a label must be a whole segment",
		"/b}":          "a label must be a whole segment",
		"/{{b}}":       "a label must be a whole segment",
		"/{}":          "bad label name",
		"/{+}":         "bad label name",
		"/{a+b}":       "bad label name",
		"/{a}/{a+}":    `label "a" appears twice`,
		"/{a+}/{b+}":   "more than one greedy label",
		"/x/{a?}/{b+}": "bad label name",
	} {
		if _, err := ParsePath(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", path, err, want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	for query, want := range map[string]string{
		"":                     "[]",
		"uploads":              "[{uploads }]",
		"x-id=GetObject":       "[{x-id GetObject}]",
		"mode=import&a=b=c&ok": "[{mode import} {a b=c} {ok }]",
	} {
		lits, err := ParseQuery(query)
		if err != nil {
			t.Errorf("%q: %v", query, err)
			continue
		}
		if got := fmt.Sprint(lits); got != want {
			t.Errorf("%q: got %s, want %s", query, got, want)
		}
	}
	for query, want := range map[string]string{
		"=x":      "has no key",
		"a&&b":    "has no key",
		"a={b}":   "cannot hold labels",
		"a=1&a=2": `"a" appears twice`,
	} {
		if _, err := ParseQuery(query); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", query, err, want)
		}
	}
}

func TestSplitURI(t *testing.T) {
	for uri, want := range map[string]string{
		"/":                               "/ ",
		"/{Bucket}/{Key+}?x-id=GetObject": "/{Bucket}/{Key+} x-id=GetObject",
		"/things?":                        "/things ",
	} {
		path, query, err := SplitURI(uri)
		if err != nil || path+" "+query != want {
			t.Errorf("%q: %q %q %v, want %q", uri, path, query, err, want)
		}
	}
	for uri, want := range map[string]string{
		"things":      `uri "things": must start with '/'`,
		"/a?b={c}":    `uri "/a?b={c}": parameter "b={c}": the query part cannot hold labels`,
		"/{a}/{a}?ok": `uri "/{a}/{a}?ok": label "a" appears twice`,
	} {
		if _, _, err := SplitURI(uri); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", uri, err, want)
		}
	}
}

// shapes for the binding tests.
var (
	str       = &Shape{ID: "S", Kind: String}
	integer   = &Shape{ID: "I", Kind: Integer}
	blob      = &Shape{ID: "B", Kind: Blob}
	strList   = &Shape{ID: "L", Kind: List, Member: &Member{Target: str}}
	listList  = &Shape{ID: "LL", Kind: List, Member: &Member{Target: strList}}
	strMap    = &Shape{ID: "M", Kind: Map, Key: &Member{Target: str}, Value: &Member{Target: str}}
	listMap   = &Shape{ID: "ML", Kind: Map, Key: &Member{Target: str}, Value: &Member{Target: strList}}
	intMap    = &Shape{ID: "MI", Kind: Map, Key: &Member{Target: str}, Value: &Member{Target: integer}}
	doc       = &Shape{ID: "D", Kind: Document}
	structure = &Shape{ID: "T", Kind: Structure}
)

func bound(name string, target *Shape, loc Location, locName string) *Member {
	return &Member{Name: name, Target: target, Traits: Traits{Location: loc, LocationName: locName}}
}

func TestCheckBinding(t *testing.T) {
	ok := []*Member{
		bound("a", str, InLabel, "a"), bound("a", integer, InLabel, "a"),
		bound("a", strList, InQuery, "q"), bound("a", strList, InHeader, "h"),
		bound("a", strMap, InQueryParams, ""), bound("a", listMap, InQueryParams, ""),
		bound("a", strMap, InPrefixHeaders, "x-"), bound("a", blob, InPayload, ""),
		bound("a", doc, InPayload, ""), bound("a", structure, InPayload, ""), bound("a", integer, InResponseCode, ""),
		bound("a", structure, InBody, ""), {Name: "h", Target: str, Traits: Traits{HostLabel: true, Location: InLabel, LocationName: "h"}},
	}
	for _, m := range ok {
		if msg := CheckBinding(m); msg != "" {
			t.Errorf("%s on %s: %s", m.Traits.Location, m.Target.ID, msg)
		}
	}
	bad := []struct {
		m    *Member
		want string
	}{
		{bound("a", blob, InLabel, "a"), "a label must target a boolean, number, string or timestamp, not blob B"},
		{bound("a", strList, InLabel, "a"), "a label must target"},
		{bound("a", listList, InQuery, "q"), "a query must target a boolean, number, string or timestamp, or a list of them, not list LL"},
		{bound("a", strMap, InHeader, "h"), "a header must target"},
		{bound("a", intMap, InQueryParams, ""), "queryParams must target a map of strings, not map MI"},
		{bound("a", listMap, InPrefixHeaders, "x-"), "prefixHeaders must target a map of strings, not map ML"},
		{bound("a", str, InPrefixHeaders, "x-"), "prefixHeaders must target a map of strings, not string S"},
		{bound("a", integer, InPayload, ""), "a payload must target a string, blob, structure, union, document, list or map, not integer I"},
		{bound("a", str, InResponseCode, ""), "a response code must target an integer, not string S"},
		{&Member{Name: "h", Target: integer, Traits: Traits{HostLabel: true}}, "a host label must target a string, not integer I"},
		{&Member{Name: "h", Target: strMap, Traits: Traits{HostLabel: true, Location: InPrefixHeaders}}, "a host label must target a string, not map M"},
		{bound("a", str, InLabel, ""), "a label needs a name"},
		{bound("a", str, InQuery, ""), "a query needs a name"},
		{bound("a", str, InHeader, ""), "a header needs a name"},
	}
	for _, tt := range bad {
		if msg := CheckBinding(tt.m); !strings.Contains(msg, tt.want) {
			t.Errorf("%s on %s: %q, want %q", tt.m.Traits.Location, tt.m.Target.ID, msg, tt.want)
		}
	}
}

func TestMessageLocations(t *testing.T) {
	for loc, want := range map[Location][2]Location{
		InBody:          {InBody, InBody},
		InLabel:         {InLabel, InBody},
		InQuery:         {InQuery, InBody},
		InQueryParams:   {InQueryParams, InBody},
		InHeader:        {InHeader, InHeader},
		InPrefixHeaders: {InPrefixHeaders, InPrefixHeaders},
		InPayload:       {InPayload, InPayload},
		InResponseCode:  {InBody, InResponseCode},
	} {
		m := bound("a", str, loc, "")
		if got := [2]Location{m.RequestLocation(), m.ResponseLocation()}; got != want {
			t.Errorf("%s: request and response locations %v, want %v", loc, got, want)
		}
	}
	if got := fmt.Sprint(InBody, InQueryParams, InResponseCode, Location(99)); got != "body queryParams responseCode Location(99)" {
		t.Errorf("names %s", got)
	}
}

func TestMemberHTTPHelpers(t *testing.T) {
	json := &Shape{ID: "J", Kind: String, Traits: Traits{MediaType: "application/json"}}
	ts := &Shape{ID: "T", Kind: Timestamp, Traits: Traits{TimestampFormat: "date-time"}}
	plain := &Shape{ID: "P", Kind: Timestamp}
	for _, tt := range []struct {
		m          *Member
		media, fmt string
	}{
		{&Member{Target: json}, "application/json", ""},
		{&Member{Target: str, Traits: Traits{MediaType: "application/json"}}, "application/json", ""}, // c2j jsonvalue
		{&Member{Target: json, Traits: Traits{MediaType: "text/plain"}}, "text/plain", ""},
		{&Member{Target: ts}, "", "date-time"},
		{&Member{Target: ts, Traits: Traits{TimestampFormat: "http-date"}}, "", "http-date"},
		{&Member{Target: plain}, "", ""},
	} {
		if got := tt.m.MediaType(); got != tt.media {
			t.Errorf("%s: media type %q, want %q", tt.m.Target.ID, got, tt.media)
		}
		if got := tt.m.ExplicitTimestampFormat(); got != tt.fmt {
			t.Errorf("%s: explicit timestamp format %q, want %q", tt.m.Target.ID, got, tt.fmt)
		}
	}
	for proto, want := range map[string]bool{"restJson1": true, "restXml": true, "awsJson1_1": false, "awsQuery": false, "": false} {
		if got := (&Service{Protocol: proto}).BindsHTTP(); got != want {
			t.Errorf("%q binds HTTP: %v", proto, got)
		}
	}
	if (*Service)(nil).BindsHTTP() {
		t.Error("a nil service binds HTTP")
	}
}

func TestCheckHTTP(t *testing.T) {
	in := func(ms ...*Member) *Shape { return &Shape{ID: "In", Kind: Structure, Members: ms} }
	out := func(ms ...*Member) *Shape { return &Shape{ID: "Out", Kind: Structure, Members: ms} }
	op := func(path string, input, output *Shape) *Operation {
		return &Operation{ID: "Op", HTTPMethod: "GET", HTTPPath: path, Input: input, Output: output}
	}
	good := []*Operation{
		op("/", nil, nil),
		op("/b/{Bucket}/{Key+}", in(bound("Bucket", str, InLabel, "Bucket"), bound("K", str, InLabel, "Key")), nil),
		// A payload beside headers and a response code; a query member of an output is a
		// body member, but a response code is not, so the payload stands alone.
		op("/", in(bound("B", blob, InPayload, ""), bound("H", str, InHeader, "X")),
			out(bound("B", blob, InPayload, ""), bound("C", integer, InResponseCode, ""))),
		// A response code in an input is a body member, and so is a label in an output.
		op("/", in(bound("C", integer, InResponseCode, ""), bound("D", str, InBody, "")), out(bound("L", str, InLabel, "L"))),
	}
	for _, o := range good {
		if e := CheckHTTP(o); e != nil {
			t.Errorf("%s: %v", o.HTTPPath, e)
		}
	}
	bad := []struct {
		op                 *Operation
		shape, member, msg string
	}{
		{&Operation{ID: "Op", HTTPPath: "/"}, "Op", "", "needs an HTTP method and URI"},
		{op("", nil, nil), "Op", "", "needs an HTTP method and URI"},
		{op("x", nil, nil), "Op", "", `uri "x": must start with '/'`},
		{op("/{A}", nil, nil), "Op", "", `no input member is bound to label "A"`},
		{op("/{A}", in(bound("A", str, InLabel, "a")), nil), "In", "A", `label "a" is not in the URI "/{A}" of operation Op`},
		{op("/{a}", in(bound("A", str, InLabel, "a"), bound("B", str, InLabel, "a")), nil), "In", "B", `label "a" is bound by two members`},
		{op("/", in(bound("A", blob, InPayload, ""), bound("B", blob, InPayload, "")), nil), "In", "B", "a second payload member (also A)"},
		{op("/", in(bound("A", blob, InPayload, ""), bound("B", str, InBody, "")), nil), "In", "B", "a body member beside the payload member A"},
		{op("/", nil, out(bound("Q", str, InQuery, "q"), bound("A", blob, InPayload, ""))), "Out", "Q", "a body member beside the payload member A"},
		{op("/", in(bound("C", integer, InResponseCode, ""), bound("A", blob, InPayload, "")), nil), "In", "C", "a body member beside the payload member A"},
	}
	for _, tt := range bad {
		e := CheckHTTP(tt.op)
		if e == nil || e.Shape != tt.shape || e.Member != tt.member || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%s: got %#v, want shape %q member %q message %q", tt.op.HTTPPath, e, tt.shape, tt.member, tt.msg)
		}
	}
}

func TestCheckHostPrefix(t *testing.T) {
	host := func(name string) *Member {
		return &Member{Name: name, Target: str, Traits: Traits{HostLabel: true}}
	}
	in := func(ms ...*Member) *Shape { return &Shape{ID: "In", Kind: Structure, Members: ms} }
	for _, op := range []*Operation{
		{ID: "Op"},
		{ID: "Op", HostPrefix: "data-"},
		{ID: "Op", HostPrefix: "{A}.", Input: in(host("A"), bound("B", str, InBody, ""))},
		{ID: "Op", HostPrefix: "{A}-{B}.", Input: in(host("A"), host("B"))},
	} {
		if e := CheckHostPrefix(op); e != nil {
			t.Errorf("%q: %v", op.HostPrefix, e)
		}
	}
	for _, tt := range []struct {
		op            *Operation
		shape, member string
		msg           string
	}{
		{&Operation{ID: "Op", HostPrefix: "{A}."}, "Op", "", `no input member is the host label "A"`},
		{&Operation{ID: "Op", HostPrefix: "{A}-{B}.", Input: in(host("A"))}, "Op", "", `no input member is the host label "B"`},
		{&Operation{ID: "Op", Input: in(host("A"))}, "In", "A", `host label is not in the host prefix "" of operation Op`},
		{&Operation{ID: "Op", HostPrefix: "{}."}, "Op", "", "labels must be {Name}"},
		{&Operation{ID: "Op", HostPrefix: "{A."}, "Op", "", "labels must be {Name}"},
		{&Operation{ID: "Op", HostPrefix: "A}."}, "Op", "", "labels must be {Name}"},
		{&Operation{ID: "Op", HostPrefix: "{{A}."}, "Op", "", "labels must be {Name}"},
	} {
		e := CheckHostPrefix(tt.op)
		if e == nil || e.Shape != tt.shape || e.Member != tt.member || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%q: got %#v, want shape %q member %q message %q", tt.op.HostPrefix, e, tt.shape, tt.member, tt.msg)
		}
	}
}
