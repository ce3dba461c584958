package difftest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math/rand/v2"
	"net/http"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	smithytime "github.com/aws/smithy-go/time"
)

// The restJson1 differential test, for Lambda and API Gateway: our client and v2's each send
// to an httptest server that records the request (rest_setup_test.go).
//
//   - Requests: random inputs of every operation, sent by both; the method, the path (after
//     percent-decoding when only the escaping differs), the query parameters as a multiset,
//     every header either sets but the clients' own (ignoredHeaders), and the body (as JSON
//     values, or bytes for a blob payload) must be the same.
//   - Responses: random outputs of every operation, served with the success status (any
//     2xx for an output bound to the status), the members bound to headers as headers and
//     the rest as the body; both decode it, and v2's result, converted to our type, must
//     Equal ours.
//   - Errors: random modeled errors of every operation, with the model's status, the code in
//     one of the places services put it (restErrorCodeVariants); both must report the code,
//     and the error's members must be equal.
//
// What neither side's fault makes differ is forgiven by restKnownDiffs (each entry says why
// and is checked by TestRESTKnownDiffs); what the test cannot compare is listed by
// TestRESTRepresentability -v.

var (
	restIters    = flag.Int("rest-iters", 20, "random requests and responses per restJson1 operation")
	restErrIters = flag.Int("rest-erriters", 12, "random error responses per restJson1 operation (each of its errors in turn)")
	restOnly     = flag.String("rest-service", "", "restJson1 tests: only this service (lambda, apigateway)")
)

// restCounts is one operation's tally.
type restCounts struct {
	op                                     string
	n, regenerated, excused, emptyPayloads int
	forgiven                               map[string]int
	failed                                 bool
}

func (c *restCounts) forgive(key string) {
	if c.forgiven == nil {
		c.forgiven = map[string]int{}
	}
	c.forgiven[key]++
}

// forEachRESTService runs f for each service (or the one -rest-service names) in a subtest,
// the services in parallel when parallel is set (each has its own server and clients).
func forEachRESTService(t *testing.T, parallel bool, f func(t *testing.T, s *restService)) {
	for _, def := range restServices {
		if *restOnly != "" && def.pkg != *restOnly {
			continue
		}
		t.Run(def.pkg, func(t *testing.T) {
			if parallel {
				t.Parallel()
			}
			f(t, newRESTService(t, def))
		})
	}
}

// filler returns the random source of an operation and direction.
func (o *restOp) filler(dir string) *filler {
	fl := &filler{r: opSeed(o.svc.def.pkg+"/"+o.Name, dir), pl: o.svc.pl, maxDepth: 6}
	// The keys of the named query parameters and of the URI pattern's literal query
	// ("?mode=import"), which a query map's keys take now and then: the map must not
	// override or repeat them.
	for name, ref := range o.svc.model.Shapes[o.Input].Members {
		if ref.Location == "querystring" && o.svc.model.Shapes[ref.Shape].Type != "map" {
			fl.queryKeys = append(fl.queryKeys, cmp.Or(ref.LocationName, name))
		}
	}
	fl.queryKeys = append(fl.queryKeys, o.literalQueryKeys()...)
	sort.Strings(fl.queryKeys)
	return fl
}

// literalQueryKeys returns the keys of the query the URI pattern fixes.
func (o *restOp) literalQueryKeys() []string {
	_, q, ok := strings.Cut(o.URI, "?")
	if !ok {
		return nil
	}
	var keys []string
	for _, p := range strings.Split(q, "&") {
		k, _, _ := strings.Cut(p, "=")
		keys = append(keys, k)
	}
	return keys
}

// successResponse is the answer to requests whose response does not matter.
func (o *restOp) successResponse() cannedResponse {
	r := cannedResponse{status: o.ResponseCode, header: http.Header{"Content-Type": {"application/json"}}}
	if r.status != http.StatusNoContent {
		r.body = []byte("{}")
	}
	return r
}

// blobPayload returns the name of shape's payload member when it is a blob, else "".
func (s *restService) blobPayload(shape string) string {
	sh := s.model.Shapes[shape]
	if sh.Payload != "" && s.model.Shapes[sh.Members[sh.Payload].Shape].Type == "blob" {
		return sh.Payload
	}
	return ""
}

// send sends in (our input) with both clients, v2 first, and returns what each sent and
// returned. refused is set, and ours is not called, when v2 refuses the input before sending.
func (o *restOp) send(t *testing.T, in reflect.Value) (ours, v2 *recordedRequest, ourErr, v2Err, refused error) {
	rec := o.svc.rec
	v2in, err := o.toV2(in)
	if err != nil {
		t.Fatalf("%s: converting our input to v2: %v\n%s", o, err, dump(in))
	}
	_, v2Err = o.callV2(v2in)
	v2reqs := rec.take()
	if v2Err != nil && len(v2reqs) == 0 && v2Refused(v2Err) {
		return nil, nil, nil, v2Err, v2Err
	}
	_, ourErr = o.callOurs(in)
	ourReqs := rec.take()
	if len(v2reqs) > 1 || len(ourReqs) > 1 {
		t.Fatalf("%s: more than one request per call: v2 %d, ours %d", o, len(v2reqs), len(ourReqs))
	}
	if len(v2reqs) == 1 {
		v2 = v2reqs[0]
	}
	if len(ourReqs) == 1 {
		ours = ourReqs[0]
	}
	return ours, v2, ourErr, v2Err, nil
}

// requestDiffs compares what the two clients sent and returned for one input.
func (o *restOp) requestDiffs(ours, v2 *recordedRequest, ourErr, v2Err error, st *reqStats) []wireDiff {
	switch {
	case ours == nil && v2 == nil:
		return []wireDiff{{"neither sends", fmt.Sprintf("ours: %v; v2: %v", ourErr, v2Err)}}
	case ours == nil:
		return []wireDiff{{"ours sends nothing", fmt.Sprint(ourErr)}}
	case v2 == nil:
		return []wireDiff{{"v2 sends nothing", fmt.Sprint(v2Err)}}
	}
	diffs := compareRequests(ours, v2, o.svc.blobPayload(o.Input) != "", o.literalQueryKeys(), st)
	if ourErr != nil || v2Err != nil {
		diffs = append(diffs, wireDiff{"call fails", fmt.Sprintf("ours: %v; v2: %v", ourErr, v2Err)})
	}
	return diffs
}

// randomInput makes a random input that v2 accepts and sends it with both clients.
func (o *restOp) randomInput(t *testing.T, fl *filler, c *restCounts) (in reflect.Value, ours, v2 *recordedRequest, ourErr, v2Err error, ok bool) {
	var last error
	for try := 0; try < maxRetries; try++ {
		in = reflect.New(o.ourIn)
		fl.fillStruct(in.Elem(), o.inPlan, 0)
		var refused error
		ours, v2, ourErr, v2Err, refused = o.send(t, in)
		if refused == nil {
			return in, ours, v2, ourErr, v2Err, true
		}
		c.regenerated++
		last = refused
	}
	t.Errorf("v2 refused %d random inputs in a row, the last with: %v", maxRetries, last)
	return in, nil, nil, nil, nil, false
}

// known looks a difference up in restKnownDiffs, for the operation and then for all of the
// service's operations.
func (o *restOp) known(key string) (string, bool) {
	for _, k := range []string{o.String() + ": " + key, o.svc.def.pkg + " *: " + key} {
		if _, ok := restKnownDiffs[k]; ok {
			return k, true
		}
	}
	return "", false
}

func TestRESTDiffRequests(t *testing.T) {
	forEachRESTService(t, true, func(t *testing.T, s *restService) {
		var tally []restCounts
		var st reqStats
		for _, o := range s.ops {
			c := restCounts{op: o.Name}
			ok := t.Run(o.Name, func(t *testing.T) {
				fl := o.filler("in")
				s.rec.respond(o.successResponse())
				if o.eventStream {
					checkEventStream(t, o, fl)
					return
				}
				for i := 0; i < *restIters; i++ {
					in, ours, v2, ourErr, v2Err, ok := o.randomInput(t, fl, &c)
					if !ok {
						return
					}
					diffs := o.requestDiffs(ours, v2, ourErr, v2Err, &st)
					if !o.report(t, &c, diffs, func() string {
						return fmt.Sprintf("seed %d, value %d: %s request\nours: %s\nv2:   %s\nour input: %s", *seed, i, o, showRequest(ours), showRequest(v2), dump(in))
					}) {
						return
					}
					c.n++
				}
			})
			c.failed = !ok
			tally = append(tally, c)
		}
		restReport(t, s, "requests", tally)
		t.Logf("%s: spelling only, not differences: %d paths escaped differently (same after percent-decoding), %d queries escaped differently, %d queries in another order",
			s.def.pkg, st.pathEscaping, st.queryEscaping, st.queryOrder)
	})
}

// report forgives the known differences among diffs and fails the test on the others,
// returning false then. what describes the case.
func (o *restOp) report(t *testing.T, c *restCounts, diffs []wireDiff, what func() string) bool {
	var left []string
	for _, d := range diffs {
		if k, ok := o.known(d.key); ok {
			c.forgive(k)
			continue
		}
		left = append(left, d.key+": "+d.detail)
	}
	if len(left) == 0 {
		return true
	}
	t.Errorf("%s\ndifferences:\n  %s", what(), strings.Join(left, "\n  "))
	return false
}

func showRequest(r *recordedRequest) string {
	if r == nil {
		return "(nothing sent)"
	}
	var h []string
	for k, v := range r.header {
		if !ignoredHeaders[k] {
			h = append(h, fmt.Sprintf("%s: %q", k, v))
		}
	}
	sort.Strings(h)
	return fmt.Sprintf("%s %s [%s] %q", r.method, r.uri, strings.Join(h, ", "), r.body)
}

// checkEventStream checks that our method of an event-stream operation fails without
// sending anything.
func checkEventStream(t *testing.T, o *restOp, fl *filler) {
	in := reflect.New(o.ourIn)
	fl.fillStruct(in.Elem(), o.inPlan, 0)
	_, err := o.callOurs(in)
	if sent := o.svc.rec.take(); err == nil || len(sent) != 0 || !strings.Contains(err.Error(), "event streams are not supported") {
		t.Errorf("%s: want ErrEventStream and nothing sent, got %v and %d requests", o, err, len(sent))
	}
}

// validInput makes one random input both clients send without error, for the response
// tests.
func (o *restOp) validInput(t *testing.T, fl *filler, c *restCounts) (reflect.Value, bool) {
	o.svc.rec.respond(o.successResponse())
	for try := 0; try < maxRetries; try++ {
		in, ours, v2, ourErr, v2Err, ok := o.randomInput(t, fl, c)
		if !ok {
			return in, false
		}
		if ours != nil && v2 != nil && ourErr == nil && v2Err == nil {
			return in, true
		}
	}
	t.Errorf("%s: no random input that both send without error", o)
	return reflect.Value{}, false
}

// statusMember reports whether an output structure has a member bound to the status code.
func (s *restService) statusMember(shape string) bool {
	for _, ref := range s.model.Shapes[shape].Members {
		if ref.Location == "statusCode" {
			return true
		}
	}
	return false
}

// exchangeResponse serves resp to both clients, called with in (our input), and returns
// what each decoded: our output and v2's converted to our type, or the errors.
func (o *restOp) exchangeResponse(t *testing.T, in reflect.Value, resp cannedResponse) (ours, fromV2 reflect.Value, ourErr, v2Err error, v2Raw reflect.Value) {
	o.svc.rec.respond(resp)
	ours, ourErr = o.callOurs(in)
	v2in, err := o.toV2(in)
	if err != nil {
		t.Fatal(err)
	}
	v2Raw, v2Err = o.callV2(v2in)
	o.svc.rec.take()
	if ourErr == nil && v2Err == nil && o.ourOut != nil {
		fromV2 = reflect.New(o.ourOut)
		if err := convert(fromV2.Elem(), v2Raw.Elem()); err != nil {
			t.Fatalf("%s: converting v2's output to ours: %v\nv2: %s", o, err, dump(v2Raw))
		}
	}
	return ours, fromV2, ourErr, v2Err, v2Raw
}

// outputResponse builds the response that carries orig (our output), with the operation's
// success status, or any 2xx when the output has a member bound to the status.
func (o *restOp) outputResponse(t *testing.T, r *rand.Rand, orig reflect.Value) cannedResponse {
	status := o.ResponseCode
	if o.svc.statusMember(o.Output) {
		status = []int{o.ResponseCode, 200, 201, 202, 203}[r.IntN(5)]
	}
	resp, err := restResponseOf(o.svc.model, o.Output, o.outPlan, orig, status, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.svc.blobPayload(o.Output) == "" && resp.header.Get("Content-Type") == "" {
		resp.header.Set("Content-Type", "application/json")
	}
	return resp
}

// outputDiffs compares the two decoded outputs of a response that carried orig.
func (o *restOp) outputDiffs(resp cannedResponse, orig, ours, fromV2 reflect.Value, ourErr, v2Err error, c *restCounts) []wireDiff {
	if ourErr != nil || v2Err != nil {
		return []wireDiff{{"decode fails", fmt.Sprintf("ours: %v; v2: %v", ourErr, v2Err)}}
	}
	c.excused += excuseV2EpochRounding(orig, ours, fromV2, smithytime.ParseEpochSeconds)
	if payload := o.svc.blobPayload(o.Output); payload != "" {
		c.emptyPayloads += sameEmptyBlob(ours, fromV2, payload)
	}
	diffs := headerDiffs(resp, ours, fromV2, o.outPlan)
	if d := firstDiff(ours.Elem(), fromV2.Elem(), o.Output); d != "" {
		diffs = append(diffs, wireDiff{"output", d})
	} else if !ours.MethodByName("Equal").Call([]reflect.Value{fromV2})[0].Bool() {
		diffs = append(diffs, wireDiff{"output", "our Equal says different, reflection finds no difference"})
	}
	return diffs
}

func TestRESTDiffResponses(t *testing.T) {
	forEachRESTService(t, true, func(t *testing.T, s *restService) {
		var tally []restCounts
		for _, o := range s.ops {
			if o.ourOut == nil || o.eventStream {
				continue
			}
			c := restCounts{op: o.Name}
			ok := t.Run(o.Name, func(t *testing.T) {
				fl := o.filler("out")
				in, ok := o.validInput(t, fl, &c)
				if !ok {
					return
				}
				for i := 0; i < *restIters; i++ {
					orig := reflect.New(o.ourOut)
					fl.fillStruct(orig.Elem(), o.outPlan, 0)
					resp := o.outputResponse(t, fl.r, orig)
					fl.repeatHeaders(resp, o.outPlan)
					var perturbed []string
					if s.blobPayload(o.Output) == "" && len(resp.body) > 0 {
						resp.body, perturbed = fl.perturbJSON(t, resp.body, nil)
					}
					ours, fromV2, ourErr, v2Err, _ := o.exchangeResponse(t, in, resp)
					diffs := o.outputDiffs(resp, orig, ours, fromV2, ourErr, v2Err, &c)
					if !o.report(t, &c, diffs, func() string {
						return fmt.Sprintf("seed %d, value %d: %s response (status %d, headers %q)\nbody (%s): %q\ngenerated: %s\nours: %s\nv2:   %s",
							*seed, i, o, resp.status, resp.header, strings.Join(perturbed, ", "), resp.body, dump(orig), dump(ours), dump(fromV2))
					}) {
						return
					}
					c.n++
				}
			})
			c.failed = !ok
			tally = append(tally, c)
		}
		restReport(t, s, "responses", tally)
	})
}

// repeatHeaders now and then sends a member bound to a header as two field lines, the
// second with another value.
func (f *filler) repeatHeaders(resp cannedResponse, plan *structPlan) {
	for _, fp := range plan.fields {
		k := http.CanonicalHeaderKey(fp.locationName)
		if fp.location == "header" && len(resp.header[k]) == 1 && f.r.IntN(8) == 0 {
			resp.header[k] = append(resp.header[k], f.headerString())
		}
	}
}

// headerDiffs finds the known ways the two sides read a string member bound to a header
// differently, reports each and gives v2's copy our value, so that the rest of the
// structure is still compared:
//   - the header sent as several field lines: ours joins them with ", " (RFC 9110 5.3),
//     v2 takes the first;
//   - leading or trailing Unicode white space: v2 removes it (strings.TrimSpace), ours
//     keeps it; HTTP strips spaces and tabs only (RFC 9110 OWS), which net/http has done
//     for both.
func headerDiffs(resp cannedResponse, ours, v2 reflect.Value, plan *structPlan) []wireDiff {
	var d []wireDiff
	for _, fp := range plan.fields {
		if fp.location != "header" {
			continue
		}
		a, b := ours.Elem().Field(fp.ours), v2.Elem().Field(fp.ours)
		if a.Kind() != reflect.Pointer || a.Type().Elem().Kind() != reflect.String || a.IsNil() || b.IsNil() {
			continue
		}
		x, y := a.Elem().String(), b.Elem().String()
		if x == y {
			continue
		}
		var lines []string
		for _, l := range resp.header[http.CanonicalHeaderKey(fp.locationName)] {
			lines = append(lines, strings.Trim(l, " \t"))
		}
		switch {
		case len(lines) > 1 && x == strings.Join(lines, ", ") && (y == lines[0] || y == strings.TrimSpace(lines[0])):
			d = append(d, wireDiff{"header sent twice", fmt.Sprintf("%s (%s) as %q: ours %q, v2 %q", fp.name, fp.locationName, lines, x, y)})
		case strings.TrimSpace(x) == y:
			d = append(d, wireDiff{"header value trimmed of Unicode spaces", fmt.Sprintf("%s (%s): ours %q, v2 %q", fp.name, fp.locationName, x, y)})
		default:
			continue
		}
		b.Elem().SetString(x)
	}
	return d
}

// sameEmptyBlob makes an empty blob payload nil on both sides: a response without a body
// cannot tell an empty payload from none (ours decodes nil, v2 may decode an empty slice).
// It returns 1 when the two differed in that only.
func sameEmptyBlob(ours, v2 reflect.Value, member string) int {
	f, _ := ourField(ours.Elem().Type(), member)
	a, b := ours.Elem().FieldByIndex(f.Index), v2.Elem().FieldByIndex(f.Index)
	if a.Len() != 0 || b.Len() != 0 {
		return 0
	}
	differed := a.IsNil() != b.IsNil()
	a.SetZero()
	b.SetZero()
	if differed {
		return 1
	}
	return 0
}

// restErrorCodeVariant is a place an error response puts its code in.
type restErrorCodeVariant struct {
	name string
	make func(svc, code, other string) (header string, body map[string]string)
}

// restErrorCodeVariants are the places an error response puts its code in: the header
// X-Amzn-Errortype or the body's "code", "__type" or "Code", bare or with a namespace or a
// URI suffix; the last two disagree on purpose (the header, then "code", win: ours follows
// the restJson1 specification there).
var restErrorCodeVariants = []restErrorCodeVariant{
	{"header", func(_, code, _ string) (string, map[string]string) { return code, nil }},
	{"header with a URI suffix", func(_, code, _ string) (string, map[string]string) {
		return code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/", nil
	}},
	{"header with a namespace", func(svc, code, _ string) (string, map[string]string) {
		return "com.amazonaws." + svc + "#" + code, nil
	}},
	{"body code", func(_, code, _ string) (string, map[string]string) { return "", map[string]string{"code": code} }},
	{"body Code", func(_, code, _ string) (string, map[string]string) { return "", map[string]string{"Code": code} }},
	{"body __type", func(_, code, _ string) (string, map[string]string) { return "", map[string]string{"__type": code} }},
	{"body __type with a namespace", func(svc, code, _ string) (string, map[string]string) {
		return "", map[string]string{"__type": "com.amazonaws." + svc + "#" + code}
	}},
	{"header over body", func(_, code, other string) (string, map[string]string) {
		return code, map[string]string{"code": other, "__type": other}
	}},
	{"body code over __type", func(_, code, other string) (string, map[string]string) {
		return "", map[string]string{"code": code, "__type": other}
	}},
}

// errorResponse builds the error response that carries orig (our error structure for
// shape e), its code placed as variant says.
func (o *restOp) errorResponse(t *testing.T, e string, plan *structPlan, orig reflect.Value, variant restErrorCodeVariant, other string) cannedResponse {
	header, codes := variant.make(o.svc.def.pkg, e, other)
	extra := map[string][]byte{}
	for k, v := range codes {
		extra[k], _ = json.Marshal(v)
	}
	resp, err := restResponseOf(o.svc.model, e, plan, orig, o.svc.model.Shapes[e].Error.HTTPStatusCode, extra)
	if err != nil {
		t.Fatal(err)
	}
	if header != "" {
		resp.header.Set("X-Amzn-Errortype", header)
	}
	resp.header.Set("Content-Type", "application/json")
	return resp
}

// errorDiffs compares the errors the two clients returned for an error response of shape
// e: both must report the code e, with the same members.
func errorDiffs(t *testing.T, resp cannedResponse, e string, variant string, pair [2]reflect.Type, plan *structPlan, ourErr, v2Err error) []wireDiff {
	ourCode, ourVal, _ := errorCode(ourErr)
	v2Code, v2Val, _ := errorCode(v2Err)
	var diffs []wireDiff
	if ourCode != e {
		diffs = append(diffs, wireDiff{"error code (" + variant + ")", fmt.Sprintf("ours %q, want %q (%v)", ourCode, e, ourErr)})
	}
	if v2Code != e {
		diffs = append(diffs, wireDiff{"v2 error code (" + variant + ")", fmt.Sprintf("v2 %q, want %q (%v)", v2Code, e, v2Err)})
	}
	if len(diffs) > 0 {
		return diffs
	}
	if ourVal.Type() != reflect.PointerTo(pair[0]) || v2Val.Type() != reflect.PointerTo(pair[1]) {
		t.Fatalf("error types %s and %s, want *%s and *%s", ourVal.Type(), v2Val.Type(), pair[0], pair[1])
	}
	fromV2 := reflect.New(pair[0])
	if err := convert(fromV2.Elem(), v2Val.Elem()); err != nil {
		t.Fatalf("converting v2's error to ours: %v", err)
	}
	diffs = headerDiffs(resp, ourVal, fromV2, plan)
	if d := firstDiff(ourVal.Elem(), fromV2.Elem(), e); d != "" {
		diffs = append(diffs, wireDiff{"error members", d})
	} else if !ourVal.MethodByName("Equal").Call([]reflect.Value{fromV2})[0].Bool() {
		diffs = append(diffs, wireDiff{"error members", "our Equal says different, reflection finds no difference"})
	}
	return diffs
}

// errorPlan returns the two types of the modeled error e and their plan.
func (s *restService) errorPlan(t *testing.T, e string) ([2]reflect.Type, *structPlan) {
	pair, ok := restErrorTypes[s.def.pkg][e]
	if !ok {
		t.Fatalf("%s is not in rest_table_test.go; run go test -run TestRESTErrorTable -update", e)
	}
	return pair, s.pl.plan(pair[0], pair[1], e)
}

func TestRESTDiffErrors(t *testing.T) {
	forEachRESTService(t, true, func(t *testing.T, s *restService) {
		var tally []restCounts
		for _, o := range s.ops {
			if len(o.Errors) == 0 || o.eventStream {
				continue
			}
			c := restCounts{op: o.Name}
			ok := t.Run(o.Name, func(t *testing.T) {
				fl := o.filler("err")
				in, ok := o.validInput(t, fl, &c)
				if !ok {
					return
				}
				for i := 0; i < *restErrIters; i++ {
					e := o.Errors[i%len(o.Errors)] // every error in turn
					pair, plan := s.errorPlan(t, e)
					orig := reflect.New(pair[0])
					fl.fillStruct(orig.Elem(), plan, 0)
					// Another of the operation's errors, for the variants that disagree.
					other := o.Errors[(i+1+fl.r.IntN(len(o.Errors)))%len(o.Errors)]
					variant := restErrorCodeVariants[fl.r.IntN(len(restErrorCodeVariants))]
					resp := o.errorResponse(t, e, plan, orig, variant, other)
					fl.repeatHeaders(resp, plan)
					var perturbed []string
					resp.body, perturbed = fl.perturbJSON(t, resp.body, map[string]bool{"code": true, "__type": true, "Code": true})
					_, _, ourErr, v2Err, _ := o.exchangeResponse(t, in, resp)
					diffs := errorDiffs(t, resp, e, variant.name, pair, plan, ourErr, v2Err)
					if !o.report(t, &c, diffs, func() string {
						return fmt.Sprintf("seed %d, value %d: %s error %s, code in the %s (status %d, headers %q)\nbody (%s): %q\ngenerated: %s\nours: %v\nv2:   %v",
							*seed, i, o, e, variant.name, resp.status, resp.header, strings.Join(perturbed, ", "), resp.body, dump(orig), ourErr, v2Err)
					}) {
						return
					}
					c.n++
				}
			})
			c.failed = !ok
			tally = append(tally, c)
		}
		restReport(t, s, "error responses", tally)
	})
}

func restReport(t *testing.T, s *restService, what string, tally []restCounts) {
	var b strings.Builder
	total, regen, excused, empty := 0, 0, 0, 0
	forgiven := map[string]int{}
	failed := 0
	fmt.Fprintf(&b, "%s: %s compared per operation (seed %d, -rest-iters %d, -rest-erriters %d):\n", s.def.pkg, what, *seed, *restIters, *restErrIters)
	for _, c := range tally {
		status := "ok"
		if c.failed {
			status = "MISMATCH"
			failed++
		}
		var fs []string
		for k, n := range c.forgiven {
			forgiven[k] += n
			fs = append(fs, fmt.Sprintf("%d forgiven", n))
		}
		total += c.n
		regen += c.regenerated
		excused += c.excused
		empty += c.emptyPayloads
		fmt.Fprintf(&b, "  %-45s %4d compared  %4d regenerated  %s %s\n", c.op, c.n, c.regenerated, strings.Join(fs, " "), status)
	}
	fmt.Fprintf(&b, "  %s: %d operations (%d mismatched), %d compared, %d regenerated after v2 validation, %d v2 timestamps 1 ms off (forgiven), %d empty payloads nil vs empty (alike)",
		s.def.pkg, len(tally), failed, total, regen, excused, empty)
	for _, k := range slices.Sorted(mapKeys(forgiven)) {
		fmt.Fprintf(&b, "\n  forgiven %d times: %s", forgiven[k], k)
	}
	t.Log(b.String())
}

// --- the error table -------------------------------------------------------------------------

// TestRESTErrorTable keeps rest_table_test.go in step with the models (-update rewrites it).
func TestRESTErrorTable(t *testing.T) {
	want := map[string][]string{}
	for _, def := range restServices {
		m, err := loadModelOf(def.pkg)
		if err != nil {
			t.Fatal(err)
		}
		set := map[string]bool{}
		for _, op := range m.operations() {
			for _, e := range op.Errors {
				set[e] = true
			}
		}
		want[def.pkg] = slices.Sorted(mapKeys(set))
	}
	if *update {
		var b bytes.Buffer
		b.WriteString("// Code generated by `go test -run TestRESTErrorTable -update`. DO NOT EDIT.\n\npackage difftest\n\nimport (\n\"reflect\"\n\n")
		for _, def := range restServices {
			fmt.Fprintf(&b, "%s %q\n", def.v2TypesAlias, def.v2TypesImport)
		}
		b.WriteString("\n")
		for _, def := range restServices {
			fmt.Fprintf(&b, "%q\n", "github.com/awsgen/awsgen/generated/"+def.pkg)
		}
		b.WriteString(")\n\n// restErrorTypes maps each modeled error of the restJson1 services to our type and v2's.\n")
		b.WriteString("var restErrorTypes = map[string]map[string][2]reflect.Type{\n")
		for _, def := range restServices {
			fmt.Fprintf(&b, "%q: {\n", def.pkg)
			for _, e := range want[def.pkg] {
				fmt.Fprintf(&b, "%q: {reflect.TypeFor[%s.%s](), reflect.TypeFor[%s.%s]()},\n", e, def.pkg, e, def.v2TypesAlias, e)
			}
			b.WriteString("},\n")
		}
		b.WriteString("}\n")
		src, err := format.Source(b.Bytes())
		if err != nil {
			t.Fatalf("%v\n%s", err, b.Bytes())
		}
		if err := os.WriteFile("rest_table_test.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for pkg, names := range want {
		got := slices.Sorted(mapKeys(restErrorTypes[pkg]))
		if !slices.Equal(got, names) {
			t.Errorf("rest_table_test.go has the %s errors %q, the model %q; run go test -run TestRESTErrorTable -update", pkg, got, names)
		}
		for _, n := range names {
			if typ := restErrorTypes[pkg][n]; typ[0].Name() != n {
				t.Errorf("rest_table_test.go maps %s %s to %s", pkg, n, typ[0])
			}
		}
	}
}

// --- representability ------------------------------------------------------------------------

// restRepresentabilityAllowed is what the restJson1 test leaves out beyond the two kinds of
// restriction allowed by rule (see TestRepresentability): each key is a note as
// TestRESTRepresentability -v words it, each value says why. An unused entry fails.
var restRepresentabilityAllowed = map[string]string{
	"apigateway SdkTypes.Position: v2 apigateway.GetSdkTypesOutput has no such member; left unset": "the models: the c2j model " +
		"(aws-sdk-go v1.55.8) gives GetSdkTypes' output a position member, v2's Smithy model does not (the operation does not page)",
	"lambda InvokeWithResponseStream" + noteEventStream: "our client does not implement event streams (templates/rt: ErrEventStream); " +
		"TestRESTDiffRequests checks that the method fails without sending",
}

func TestRESTRepresentability(t *testing.T) {
	used := map[string]bool{}
	allowed := func(note string) bool {
		_, ok := restRepresentabilityAllowed[note]
		used[note] = used[note] || ok
		return ok
	}
	forEachRESTService(t, false, func(t *testing.T, s *restService) {
		// Plan the errors too, for their notes.
		for e, pair := range restErrorTypes[s.def.pkg] {
			s.pl.plan(pair[0], pair[1], e)
		}
		for _, n := range s.opNotes {
			t.Log(n)
			if !allowed(n) {
				t.Errorf("%s: the operation is not compared", n)
			}
		}
		for ours, p := range s.pl.plans {
			for member := range s.model.Shapes[p.shape].Members {
				if _, ok := ourField(ours, member); !ok {
					t.Errorf("%s.%s: in the c2j model, but %s has no field for it", p.shape, member, ours)
				}
			}
		}
		var values, newer int
		for _, n := range s.pl.sortedNotes() {
			t.Log(s.def.pkg + " " + n)
			switch {
			case strings.HasSuffix(n, noteValue):
				values++
			case strings.HasSuffix(n, noteNewer):
				newer++
				shape, member, _ := strings.Cut(strings.TrimSuffix(n, noteNewer), ".")
				for m := range s.model.Shapes[shape].Members {
					if goName(m) == member {
						t.Errorf("%s: but the c2j model has %s.%s: the generator left it out", n, shape, m)
					}
				}
			case !allowed(s.def.pkg + " " + n):
				t.Errorf("%s %s: the differential test cannot compare it", s.def.pkg, n)
			}
		}
		compared := 0
		for _, o := range s.ops {
			if !o.eventStream {
				compared++
			}
		}
		t.Logf("%s: %d operations compared (%d in the model); %d members generated nil or non-zero only, %d only in v2",
			s.def.pkg, compared, len(s.model.Operations), values, newer)
	})
	if *restOnly == "" {
		for _, n := range slices.Sorted(mapKeys(restRepresentabilityAllowed)) {
			if !used[n] {
				t.Errorf("restRepresentabilityAllowed entry %q is used by no note: remove it", n)
			}
		}
	}
}

// --- known differences -------------------------------------------------------------------------

// restKnownDiffs forgives differences whose cause is known and is not our generated code:
// each key is "service Operation: difference" (Operation "*" for all), as the test words
// the difference; each value says whose it is and why. TestRESTKnownDiffs checks that each
// still happens.
var restKnownDiffs = map[string]string{
	"lambda *: path: trailing slash": "the models: the c2j model ours is generated from ends seven URIs with '/' " +
		"(ListFunctions: /2015-03-31/functions/), v2's Smithy model does not; Lambda accepts both",
	"lambda *: v2 error code (body code over __type)": "v2: its schema-based restJson1 protocol (smithy-go " +
		"transport/http/protocol/internal/json ResolveProtocolErrorType) takes the body's __type before its code; " +
		"the restJson1 specification, ours and v2's API Gateway client (restjson.GetErrorInfo) take code first",
	"apigateway *: header value trimmed of Unicode spaces": "v2: strings.TrimSpace on header values (generated deserializers) also strips U+00A0, U+2028, U+2029...; HTTP strips only spaces and tabs, as ours does",
	"lambda Invoke: header Content-Type": "v2: its schema-based serializer (smithy-go httpbinding ShapeSerializer.Build) sends nothing, " +
		"Content-Type included, for an empty but set blob payload; ours sends Content-Type: application/octet-stream and an empty body, " +
		"as v2's generated serializers (API Gateway's ImportRestApi...) do",
	"lambda *: header sent twice": "neither: a header bound to a string member, sent as two field lines: ours joins them with \", \" " +
		"(RFC 9110 5.3 makes that the field's value), v2's schema-based deserializer takes the first (Header.Get)",
	"apigateway *: header sent twice": "neither: a header bound to a string member, sent as two field lines: ours joins them with \", \" " +
		"(RFC 9110 5.3 makes that the field's value), v2's generated deserializers take the first (Header.Values(...)[0])",
	"apigateway *: header Accept": "v2: its API Gateway customization (service/apigateway/internal/customizations, AddAcceptHeader) " +
		"sets Accept: application/json on every request, overwriting GetExport's and GetSdk's Accepts member; ours sends Accept only from that member",
}

// restKnownDiffChecks holds, for each entry of restKnownDiffs, a case made to show the
// difference: it returns the differences the two clients make on it.
var restKnownDiffChecks = map[string]func(t *testing.T, s *restService) []wireDiff{
	"lambda *: path: trailing slash": func(t *testing.T, s *restService) []wireDiff {
		return s.requestCase(t, "ListFunctions", nil)
	},
	"lambda Invoke: header Content-Type": func(t *testing.T, s *restService) []wireDiff {
		return s.requestCase(t, "Invoke", map[string]any{"FunctionName": "f", "Payload": []byte{}})
	},
	"apigateway *: header Accept": func(t *testing.T, s *restService) []wireDiff {
		return s.requestCase(t, "GetExport", map[string]any{"RestApiId": "a", "StageName": "b", "ExportType": "oas30", "Accepts": "application/yaml"})
	},
	"lambda *: v2 error code (body code over __type)": func(t *testing.T, s *restService) []wireDiff {
		return s.errorCase(t, "GetFunction", map[string]any{"FunctionName": "f"}, "ResourceNotFoundException", nil, "body code over __type", "ServiceException")
	},
	"apigateway *: header value trimmed of Unicode spaces": func(t *testing.T, s *restService) []wireDiff {
		return s.exportCase(t, "attachment\u2028", false)
	},
	"apigateway *: header sent twice": func(t *testing.T, s *restService) []wireDiff {
		return s.exportCase(t, "attachment", true)
	},
	"lambda *: header sent twice": func(t *testing.T, s *restService) []wireDiff {
		o := s.op(t, "GetFunction")
		pair, plan := s.errorPlan(t, "TooManyRequestsException")
		orig := reflect.New(pair[0])
		setFields(t, orig, map[string]any{"RetryAfterSeconds": "7"})
		resp := o.errorResponse(t, "TooManyRequestsException", plan, orig, restErrorCodeVariants[0], "")
		resp.header["Retry-After"] = append(resp.header["Retry-After"], "8")
		_, _, ourErr, v2Err, _ := o.exchangeResponse(t, o.input(t, map[string]any{"FunctionName": "f"}), resp)
		return errorDiffs(t, resp, "TooManyRequestsException", restErrorCodeVariants[0].name, pair, plan, ourErr, v2Err)
	},
}

// exportCase answers API Gateway's GetExport with the Content-Disposition header given (twice
// when twice) and compares what the two clients make of it.
func (s *restService) exportCase(t *testing.T, disposition string, twice bool) []wireDiff {
	o := s.op(t, "GetExport")
	in := o.input(t, map[string]any{"RestApiId": "a", "StageName": "b", "ExportType": "oas30"})
	orig := reflect.New(o.ourOut)
	setFields(t, orig, map[string]any{"ContentDisposition": disposition, "Body": []byte("{}")})
	resp := o.outputResponse(t, rand.New(rand.NewPCG(1, 1)), orig)
	if twice {
		resp.header["Content-Disposition"] = append(resp.header["Content-Disposition"], "inline")
	}
	ours, fromV2, ourErr, v2Err, _ := o.exchangeResponse(t, in, resp)
	return o.outputDiffs(resp, orig, ours, fromV2, ourErr, v2Err, &restCounts{})
}

// op returns the operation name of the service.
func (s *restService) op(t *testing.T, name string) *restOp {
	for _, o := range s.ops {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("%s has no operation %s", s.def.pkg, name)
	return nil
}

// input returns a new input of the operation with the given members set.
func (o *restOp) input(t *testing.T, members map[string]any) reflect.Value {
	in := reflect.New(o.ourIn)
	setFields(t, in, members)
	return in
}

// setFields sets members of the structure v points to: a string or []byte each, into a
// field of that type or a pointer to it (or to a string type).
func setFields(t *testing.T, v reflect.Value, members map[string]any) {
	for name, val := range members {
		f := v.Elem().FieldByName(name)
		if !f.IsValid() {
			t.Fatalf("%s has no field %s", v.Type(), name)
		}
		x := reflect.ValueOf(val)
		if f.Kind() == reflect.Pointer {
			f.Set(reflect.New(f.Type().Elem()))
			f = f.Elem()
		}
		f.Set(x.Convert(f.Type()))
	}
}

// requestCase sends an input with the given members from both clients and compares.
func (s *restService) requestCase(t *testing.T, op string, members map[string]any) []wireDiff {
	o := s.op(t, op)
	s.rec.respond(o.successResponse())
	ours, v2, ourErr, v2Err, refused := o.send(t, o.input(t, members))
	if refused != nil {
		t.Fatalf("%s: v2 refuses the input: %v", o, refused)
	}
	var st reqStats
	return o.requestDiffs(ours, v2, ourErr, v2Err, &st)
}

// errorCase answers a call of op with the error e (members set as given, code placed as
// the variant says) and compares what the two clients make of it.
func (s *restService) errorCase(t *testing.T, op string, in map[string]any, e string, members map[string]any, variant, other string) []wireDiff {
	o := s.op(t, op)
	pair, plan := s.errorPlan(t, e)
	orig := reflect.New(pair[0])
	setFields(t, orig, members)
	i := slices.IndexFunc(restErrorCodeVariants, func(v restErrorCodeVariant) bool { return v.name == variant })
	if i < 0 {
		t.Fatalf("no error code variant %q", variant)
	}
	resp := o.errorResponse(t, e, plan, orig, restErrorCodeVariants[i], other)
	_, _, ourErr, v2Err, _ := o.exchangeResponse(t, o.input(t, in), resp)
	return errorDiffs(t, resp, e, variant, pair, plan, ourErr, v2Err)
}

// TestRESTKnownDiffs checks, with a case made for the purpose, that every difference
// restKnownDiffs forgives still happens, so that the list never outlives its causes.
func TestRESTKnownDiffs(t *testing.T) {
	services := map[string]*restService{}
	for _, def := range restServices {
		services[def.pkg] = newRESTService(t, def) // the parent's: the servers outlive the subtests
	}
	for _, k := range slices.Sorted(mapKeys(restKnownDiffs)) {
		svc, rest, _ := strings.Cut(k, " ")
		_, key, _ := strings.Cut(rest, ": ")
		check, ok := restKnownDiffChecks[k]
		if !ok {
			t.Errorf("restKnownDiffs entry %q has no case in restKnownDiffChecks", k)
			continue
		}
		t.Run(k, func(t *testing.T) {
			s := services[svc]
			if s == nil {
				t.Fatalf("no service %q", svc)
			}
			diffs := check(t, s)
			found := false
			for _, d := range diffs {
				if d.key == key {
					found = true
					t.Logf("still differs: %s", d.detail)
				} else if !slices.ContainsFunc(slices.Collect(mapKeys(restKnownDiffs)), func(k string) bool {
					return strings.HasPrefix(k, svc+" ") && strings.HasSuffix(k, ": "+d.key)
				}) {
					t.Errorf("the case also differs in %s: %s", d.key, d.detail)
				}
			}
			if !found {
				t.Errorf("the difference no longer happens (differences: %v): remove the restKnownDiffs entry", diffs)
			}
		})
	}
	for k := range restKnownDiffChecks {
		if _, ok := restKnownDiffs[k]; !ok {
			t.Errorf("restKnownDiffChecks has %q, which restKnownDiffs does not", k)
		}
	}
}
