package difftest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2apigw "github.com/aws/aws-sdk-go-v2/service/apigateway"
	v2lambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/smithy-go"

	"github.com/awsgen/awsgen/generated/apigateway"
	"github.com/awsgen/awsgen/generated/lambda"
)

// This file sets up the restJson1 differential test (rest_diff_test.go): one httptest server
// per service records every request and answers with a canned response, and our client and
// v2's both talk to it; operations are paired by name and called by reflection.

// restServiceDef is one restJson1 service on both sides.
type restServiceDef struct {
	pkg string // our package under generated/, also the //go:generate -pkg
	// For the error table (TestRESTErrorTable -update): the import path of v2's types
	// package and the name it is imported as.
	v2TypesImport, v2TypesAlias string
	newOurs, newV2              func(url string, hc *http.Client) any
}

var restServices = []restServiceDef{
	{
		pkg:           "lambda",
		v2TypesImport: "github.com/aws/aws-sdk-go-v2/service/lambda/types",
		v2TypesAlias:  "v2lambdatypes",
		newOurs: func(url string, hc *http.Client) any {
			return lambda.NewClient(lambda.Options{Endpoint: url, Region: "us-east-1", HTTPClient: hc, Retry: lambda.RetryOptions{MaxAttempts: 1}})
		},
		newV2: func(url string, hc *http.Client) any {
			return v2lambda.New(v2lambda.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: aws.AnonymousCredentials{}, HTTPClient: hc, Retryer: aws.NopRetryer{}})
		},
	},
	{
		pkg:           "apigateway",
		v2TypesImport: "github.com/aws/aws-sdk-go-v2/service/apigateway/types",
		v2TypesAlias:  "v2apigwtypes",
		newOurs: func(url string, hc *http.Client) any {
			return apigateway.NewClient(apigateway.Options{Endpoint: url, Region: "us-east-1", HTTPClient: hc, Retry: apigateway.RetryOptions{MaxAttempts: 1}})
		},
		newV2: func(url string, hc *http.Client) any {
			return v2apigw.New(v2apigw.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: aws.AnonymousCredentials{}, HTTPClient: hc, Retryer: aws.NopRetryer{}})
		},
	},
}

// --- the recording server ------------------------------------------------------------------

// recordedRequest is a request as the server received it.
type recordedRequest struct {
	method string
	uri    string // the request target as sent: escaped path, '?', raw query
	header http.Header
	body   []byte
}

// cannedResponse is what the server answers.
type cannedResponse struct {
	status int
	header http.Header
	body   []byte
}

// recorder is an httptest server that keeps every request and answers each with resp.
type recorder struct {
	srv  *httptest.Server
	mu   sync.Mutex
	reqs []*recordedRequest
	resp cannedResponse
}

func newRecorder(t testing.TB) *recorder {
	rec := &recorder{resp: cannedResponse{status: 200}}
	// A plain handler, no ServeMux: the path reaches us as sent, never cleaned or redirected.
	rec.srv = httptest.NewServer(http.HandlerFunc(rec.serve))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, &recordedRequest{method: r.Method, uri: r.RequestURI, header: r.Header.Clone(), body: body})
	resp := rec.resp
	rec.mu.Unlock()
	h := w.Header()
	// No Content-Type sniffing and no Date: the response has the headers we set, only.
	h["Content-Type"] = nil
	h["Date"] = nil
	for k, v := range resp.header {
		h[k] = v
	}
	w.WriteHeader(resp.status)
	_, _ = w.Write(resp.body)
}

// respond sets the response to every following request.
func (rec *recorder) respond(r cannedResponse) {
	rec.mu.Lock()
	rec.resp = r
	rec.mu.Unlock()
}

// take returns the requests received since the last take.
func (rec *recorder) take() []*recordedRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	r := rec.reqs
	rec.reqs = nil
	return r
}

// --- the services and their operations -------------------------------------------------------

// restOp is one operation on both sides.
type restOp struct {
	operation
	svc                        *restService
	ourM, v2M                  reflect.Value // bound methods
	ourIn, ourOut, v2In, v2Out reflect.Type  // structs; ourOut nil when the operation has none
	inPlan, outPlan            *structPlan
	eventStream                bool // our client sends nothing (ErrEventStream)
}

// restService is one service's model, planner, recording server and two clients.
type restService struct {
	def      restServiceDef
	model    *c2jModel
	pl       *planner
	rec      *recorder
	ours, v2 reflect.Value
	ops      []*restOp
	opNotes  []string // operations left out, worded as the representability notes
}

func newRESTService(t *testing.T, def restServiceDef) *restService {
	t.Helper()
	m, err := loadModelOf(def.pkg)
	if err != nil {
		t.Fatalf("loading the c2j model of %s: %v", def.pkg, err)
	}
	rec := newRecorder(t)
	s := &restService{def: def, model: m, pl: newPlanner(m), rec: rec,
		ours: reflect.ValueOf(def.newOurs(rec.srv.URL, rec.srv.Client())),
		v2:   reflect.ValueOf(def.newV2(rec.srv.URL, rec.srv.Client()))}
	for _, op := range m.operations() {
		o := &restOp{operation: op, svc: s, ourM: s.ours.MethodByName(op.Name), v2M: s.v2.MethodByName(op.Name)}
		if !o.ourM.IsValid() {
			t.Fatalf("%s: our client has no method %s", def.pkg, op.Name)
		}
		if !o.v2M.IsValid() {
			s.opNotes = append(s.opNotes, def.pkg+" "+op.Name+noteNoOp)
			continue
		}
		mt := o.ourM.Type()
		o.ourIn = mt.In(1).Elem()
		if mt.NumOut() == 2 {
			o.ourOut = mt.Out(0).Elem()
		}
		o.v2In, o.v2Out = o.v2M.Type().In(1).Elem(), o.v2M.Type().Out(0).Elem()
		if o.ourIn.Name() != op.Input || (o.ourOut == nil) != (op.Output == "") || o.ourOut != nil && o.ourOut.Name() != op.Output {
			t.Fatalf("%s %s: our method takes %s and gives %v; the model says %s and %q", def.pkg, op.Name, o.ourIn, o.ourOut, op.Input, op.Output)
		}
		if s.isEventStream(op.Input) || s.isEventStream(op.Output) {
			o.eventStream = true
			s.opNotes = append(s.opNotes, def.pkg+" "+op.Name+noteEventStream)
		}
		o.inPlan = s.pl.plan(o.ourIn, o.v2In, op.Input)
		if o.ourOut != nil && !o.eventStream {
			o.outPlan = s.pl.plan(o.ourOut, o.v2Out, op.Output)
		}
		s.ops = append(s.ops, o)
	}
	if len(s.ops) == 0 {
		t.Fatalf("%s: no operation in common", def.pkg)
	}
	return s
}

// noteEventStream ends the note of an event-stream operation.
const noteEventStream = ": event stream; our client sends nothing (ErrEventStream), v2 streams"

// isEventStream reports whether the structure shape has an event stream payload.
func (s *restService) isEventStream(shape string) bool {
	sh, ok := s.model.Shapes[shape]
	if !ok || sh.Payload == "" {
		return false
	}
	return s.model.Shapes[sh.Members[sh.Payload].Shape].EventStream
}

// callOurs calls our method with in (a pointer to our input) and returns the output (a
// pointer, invalid when the operation has none) and the error.
func (o *restOp) callOurs(in reflect.Value) (reflect.Value, error) {
	rewindStreams(in)
	res := o.ourM.Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
	err, _ := res[len(res)-1].Interface().(error)
	if len(res) == 1 || err != nil {
		return reflect.Value{}, err
	}
	return res[0], nil
}

// callV2 calls v2's method with in (a pointer to v2's input).
func (o *restOp) callV2(in reflect.Value) (reflect.Value, error) {
	res := o.v2M.Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
	if err, _ := res[1].Interface().(error); err != nil {
		return reflect.Value{}, err
	}
	return res[0], nil
}

// toV2 converts our input to a new v2 input (streams are fresh readers each time).
func (o *restOp) toV2(ours reflect.Value) (reflect.Value, error) {
	rewindStreams(ours)
	v2 := reflect.New(o.v2In)
	err := convert(v2.Elem(), ours.Elem())
	return v2, err
}

// errorCode returns the code of a modeled error or API error inside err, and the error
// value itself, from either side.
func errorCode(err error) (string, reflect.Value, bool) {
	var ce interface{ ErrorCode() string }
	if !errors.As(err, &ce) {
		return "", reflect.Value{}, false
	}
	return ce.ErrorCode(), reflect.ValueOf(ce), true
}

// v2Refused reports whether v2 refused the input before sending it: its validation, or its
// serializer (an empty label).
func v2Refused(err error) bool {
	var inv smithy.InvalidParamsError
	var ser *smithy.SerializationError
	return errors.As(err, &inv) || errors.As(err, &ser)
}

func (o *restOp) String() string { return fmt.Sprintf("%s %s", o.svc.def.pkg, o.Name) }
