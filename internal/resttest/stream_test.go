package resttest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	rs "github.com/awsgen/awsgen/generated/reststore"
)

const streamSize = 64 << 20

// pattern is an endless reader of a fixed byte pattern, limited by the caller; it holds
// nothing but its position.
type pattern struct{ n int64 }

func (p *pattern) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = byte(p.n*7 + p.n>>9)
		p.n++
	}
	return len(b), nil
}

func patternDigest(n int64) string {
	h := sha256.New()
	io.Copy(h, io.LimitReader(&pattern{}, n))
	return hex.EncodeToString(h.Sum(nil))
}

// allocated returns the bytes allocated while f runs (all goroutines).
func allocated(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestStreamUpload sends 64 MiB through UploadData without holding it: the client and the
// test server together allocate a few MiB at most.
func TestStreamUpload(t *testing.T) {
	want := patternDigest(streamSize)
	var contentLength, encoding atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		contentLength.Store(r.ContentLength)
		encoding.Store(r.TransferEncoding)
		h := sha256.New()
		buf := make([]byte, 32<<10)
		io.CopyBuffer(h, r.Body, buf)
		w.Header().Set("X-Digest", hex.EncodeToString(h.Sum(nil)))
	}))
	defer srv.Close()
	c := rs.NewClient(rs.Options{Endpoint: srv.URL, Retry: rs.RetryOptions{MaxAttempts: 1}})
	var out *rs.UploadDataOutput
	var err error
	n := allocated(func() {
		out, err = c.UploadData(context.Background(), &rs.UploadDataInput{Id: ptr("big"), Data: io.LimitReader(&pattern{}, streamSize)})
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.Digest == nil || *out.Digest != want {
		t.Fatalf("the server got other bytes: digest %v, want %s", out.Digest, want)
	}
	if cl := contentLength.Load().(int64); cl != -1 {
		t.Errorf("a reader of unknown length: Content-Length %d, want chunked", cl)
	}
	if n > 8<<20 {
		t.Errorf("uploading %d MiB allocated %.1f MiB; the body must not be held in memory", streamSize>>20, float64(n)/(1<<20))
	}
	t.Logf("uploading %d MiB allocated %.2f MiB", streamSize>>20, float64(n)/(1<<20))

	// A reader that knows its length sends it.
	small := bytes.Repeat([]byte("ab"), 1000)
	if _, err := c.UploadData(context.Background(), &rs.UploadDataInput{Id: ptr("small"), Data: bytes.NewReader(small)}); err != nil {
		t.Fatal(err)
	}
	if cl := contentLength.Load().(int64); cl != int64(len(small)) {
		t.Errorf("Content-Length %d, want %d", cl, len(small))
	}
}

// TestStreamDownload reads 64 MiB from DownloadData's body as it arrives.
func TestStreamDownload(t *testing.T) {
	want := patternDigest(streamSize)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Digest", "d")
		w.Header().Set("Content-Length", strconv.Itoa(streamSize))
		buf := make([]byte, 32<<10)
		io.CopyBuffer(w, io.LimitReader(&pattern{}, streamSize), buf)
	}))
	defer srv.Close()
	// A response limit far below the stream's size: it applies to bodies read whole, not
	// to a stream handed to the caller.
	c := rs.NewClient(rs.Options{Endpoint: srv.URL, MaxResponseBytes: 1 << 20, Retry: rs.RetryOptions{MaxAttempts: 1}})
	var got string
	n := allocated(func() {
		out, err := c.DownloadData(context.Background(), &rs.DownloadDataInput{Id: ptr("big")})
		if err != nil {
			t.Fatal(err)
		}
		defer out.Data.Close()
		if out.Digest == nil || *out.Digest != "d" {
			t.Errorf("header member %v", out.Digest)
		}
		h := sha256.New()
		if _, err := io.CopyBuffer(h, out.Data, make([]byte, 32<<10)); err != nil {
			t.Fatal(err)
		}
		got = hex.EncodeToString(h.Sum(nil))
	})
	if got != want {
		t.Fatalf("digest %s, want %s", got, want)
	}
	if n > 8<<20 {
		t.Errorf("downloading %d MiB allocated %.1f MiB; the body must not be read into memory", streamSize>>20, float64(n)/(1<<20))
	}
	t.Logf("downloading %d MiB allocated %.2f MiB", streamSize>>20, float64(n)/(1<<20))
}

// TestStreamRetry: a seekable stream is rewound and sent again; any other stream is sent
// once, as it cannot be sent again.
func TestStreamRetry(t *testing.T) {
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if len(bodies)%2 == 1 {
			w.WriteHeader(503)
			return
		}
	}))
	defer srv.Close()
	noSleep := func(context.Context, time.Duration) error { return nil }
	c := rs.NewClient(rs.Options{Endpoint: srv.URL, Retry: rs.RetryOptions{MaxAttempts: 3, Sleep: noSleep}})
	r := bytes.NewReader([]byte("0123456789"))
	r.Seek(2, io.SeekStart) // the stream starts where the reader is
	if _, err := c.UploadData(context.Background(), &rs.UploadDataInput{Id: ptr("x"), Data: r}); err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 2 || bodies[0] != "23456789" || bodies[1] != "23456789" {
		t.Errorf("seekable stream: bodies %q, want the same 8 bytes twice", bodies)
	}
	bodies = nil
	_, err := c.UploadData(context.Background(), &rs.UploadDataInput{Id: ptr("x"), Data: io.LimitReader(&pattern{}, 10)})
	var oe *rs.OperationError
	if !errors.As(err, &oe) || oe.Attempts != 1 || oe.StatusCode != 503 || len(bodies) != 1 {
		t.Errorf("non-seekable stream: %v after %d requests, want one attempt", err, len(bodies))
	}
}
