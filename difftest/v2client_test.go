package difftest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
)

// fakeHTTP stands in for the network under a real v2 client: it keeps the request body and
// answers 200 with a canned body.
type fakeHTTP struct {
	request  []byte
	target   string
	response []byte
}

func (f *fakeHTTP) Do(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	f.request, f.target = body, r.Header.Get("X-Amz-Target")
	resp := f.response
	if resp == nil {
		resp = []byte("{}")
	}
	return &http.Response{
		StatusCode:    200,
		Status:        "200 OK",
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/x-amz-json-1.1"}, "X-Amzn-Requestid": {"difftest"}},
		Body:          io.NopCloser(bytes.NewReader(resp)),
		ContentLength: int64(len(resp)),
		Request:       r,
	}, nil
}

// newV2Client returns a v2 client that signs nothing, retries nothing and talks to f.
func newV2Client(f *fakeHTTP) *cip.Client {
	return cip.New(cip.Options{
		Region:      "us-east-1",
		Credentials: aws.AnonymousCredentials{},
		HTTPClient:  f,
		Retryer:     aws.NopRetryer{},
	})
}

// v2Op is one v2 client method, called by reflection.
type v2Op struct {
	method        reflect.Value
	input, output reflect.Type // struct types
}

func lookupV2Op(c *cip.Client, name string) (v2Op, bool) {
	m := reflect.ValueOf(c).MethodByName(name)
	if !m.IsValid() {
		return v2Op{}, false
	}
	t := m.Type()
	return v2Op{method: m, input: t.In(1).Elem(), output: t.Out(0).Elem()}, true
}

// call runs the operation with in (a pointer to v2's input struct).
func (o v2Op) call(in reflect.Value) (reflect.Value, error) {
	res := o.method.Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
	if err, _ := res[1].Interface().(error); err != nil {
		return reflect.Value{}, err
	}
	return res[0], nil
}

// isValidationError reports whether v2 refused the input before sending it.
func isValidationError(err error) bool {
	var inv smithy.InvalidParamsError
	return errors.As(err, &inv)
}

// wantTarget is the X-Amz-Target header v2 sends for op.
func wantTarget(op string) string { return "AWSCognitoIdentityProviderService." + op }

func checkTarget(f *fakeHTTP, op string) error {
	if f.target != wantTarget(op) {
		return fmt.Errorf("v2 sent X-Amz-Target %q, want %q", f.target, wantTarget(op))
	}
	if !strings.HasPrefix(string(f.request), "{") {
		return fmt.Errorf("v2 sent a body that is not an object: %q", f.request)
	}
	return nil
}
