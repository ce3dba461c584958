package cognitolocal

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// call sends one raw awsJson1.1 request and decodes the JSON response.
func call(t *testing.T, endpoint, op string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, endpoint+"/", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AWSCognitoIdentityProviderService."+op)
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%s: status %d, non-JSON body %q", op, resp.StatusCode, data)
	}
	return resp.StatusCode, resp.Header, out
}

func mustOK(t *testing.T, endpoint, op string, body any) map[string]any {
	t.Helper()
	status, _, out := call(t, endpoint, op, body)
	if status != http.StatusOK {
		t.Fatalf("%s: status %d: %v", op, status, out)
	}
	return out
}

func str(m map[string]any, path ...string) string {
	var cur any = m
	for _, p := range path {
		mm, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = mm[p]
	}
	s, _ := cur.(string)
	return s
}

func TestStartCreateUserPool(t *testing.T) {
	s := Start(t)
	if !strings.HasPrefix(s.Endpoint, "http://127.0.0.1:") {
		t.Errorf("Endpoint = %q", s.Endpoint)
	}
	out := mustOK(t, s.Endpoint, "CreateUserPool", map[string]any{"PoolName": "p"})
	id := str(out, "UserPool", "Id")
	if !strings.HasPrefix(id, "local_") {
		t.Fatalf("UserPool.Id = %q in %v", id, out)
	}
	if _, err := os.Stat(filepath.Join(s.Dir, ".cognito", "db", id+".json")); err != nil {
		t.Errorf("state file: %v", err)
	}
	if logs := s.Logs(); !strings.Contains(logs, "Cognito Local running on http://127.0.0.1:") || strings.Contains(logs, "\x1b[") {
		t.Errorf("Logs() = %q", logs)
	}
	begin := time.Now()
	s.Stop()
	s.Stop() // idempotent
	// SIGTERM must end the server: Stop did not fall back to SIGKILL. The time is bounded by
	// Stop's own timeouts (maxStop), plus slack for a loaded machine, not by a guess of how
	// fast the server exits.
	if s.killed {
		t.Errorf("SIGTERM did not end the server within %v; Stop had to SIGKILL it", stopTimeout)
	}
	const slack = 5 * time.Second
	if d := time.Since(begin); d > maxStop+slack {
		t.Errorf("Stop took %v, more than its bound %v (plus %v)", d, maxStop, slack)
	}
	if _, err := http.Get(s.Endpoint + "/health"); err == nil {
		t.Error("server still answers after Stop")
	}
}

// TestForgotPasswordFlow runs the flow the generated client's end-to-end
// test relies on, with raw requests.
func TestForgotPasswordFlow(t *testing.T) {
	s := Start(t)
	e := s.Endpoint
	pool := str(mustOK(t, e, "CreateUserPool", map[string]any{"PoolName": "flow"}), "UserPool", "Id")
	client := str(mustOK(t, e, "CreateUserPoolClient", map[string]any{
		"UserPoolId": pool, "ClientName": "c",
		"ExplicitAuthFlows": []string{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
	}), "UserPoolClient", "ClientId")
	if client == "" {
		t.Fatal("no ClientId")
	}
	const email = "alice@example.com"
	created := mustOK(t, e, "AdminCreateUser", map[string]any{
		"UserPoolId": pool, "Username": email, "MessageAction": "SUPPRESS",
		"UserAttributes": []map[string]string{{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}},
	})
	if str(created, "User", "UserStatus") != "FORCE_CHANGE_PASSWORD" {
		t.Errorf("AdminCreateUser = %v", created)
	}
	mustOK(t, e, "AdminSetUserPassword", map[string]any{"UserPoolId": pool, "Username": email, "Password": "Passw0rd!one", "Permanent": true})

	if _, err := s.ConfirmationCode(pool, email); err == nil {
		t.Error("ConfirmationCode before ForgotPassword succeeded")
	}
	fp := mustOK(t, e, "ForgotPassword", map[string]any{"ClientId": client, "Username": email})
	if str(fp, "CodeDeliveryDetails", "DeliveryMedium") != "EMAIL" || str(fp, "CodeDeliveryDetails", "Destination") != email ||
		str(fp, "CodeDeliveryDetails", "AttributeName") != "email" {
		t.Errorf("ForgotPassword = %v", fp)
	}
	code, err := s.ConfirmationCode(pool, email)
	if err != nil {
		t.Fatal(err)
	}
	if len(code) != 6 || strings.Trim(code, "0123456789") != "" {
		t.Errorf("code = %q", code)
	}
	if !strings.Contains(s.Logs(), code) {
		t.Errorf("code %s not in logs", code)
	}

	status, hdr, bad := call(t, e, "ConfirmForgotPassword", map[string]any{"ClientId": client, "Username": email, "ConfirmationCode": wrongCode(code), "Password": "N3w!Passw0rd"})
	if status != 400 || str(bad, "__type") != "CodeMismatchException" || hdr.Get("X-Amzn-ErrorType") != "" {
		t.Errorf("wrong code: %d %v %v", status, hdr, bad)
	}
	mustOK(t, e, "ConfirmForgotPassword", map[string]any{"ClientId": client, "Username": email, "ConfirmationCode": code, "Password": "N3w!Passw0rd"})

	status, _, bad = call(t, e, "InitiateAuth", map[string]any{"ClientId": client, "AuthFlow": "USER_PASSWORD_AUTH", "AuthParameters": map[string]string{"USERNAME": email, "PASSWORD": "Passw0rd!one"}})
	if status != 400 || str(bad, "__type") != "InvalidPasswordException" {
		t.Errorf("old password: %d %v", status, bad)
	}
	auth := mustOK(t, e, "InitiateAuth", map[string]any{"ClientId": client, "AuthFlow": "USER_PASSWORD_AUTH", "AuthParameters": map[string]string{"USERNAME": email, "PASSWORD": "N3w!Passw0rd"}})
	for _, k := range []string{"AccessToken", "IdToken", "RefreshToken"} {
		if tok := str(auth, "AuthenticationResult", k); strings.Count(tok, ".") != 2 {
			t.Errorf("%s = %q", k, tok)
		}
	}
}

func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

const poolFixture = `{
  "Users": {
    "5b0c-uuid": {
      "Username": "5b0c-uuid",
      "Attributes": [
        {"Name": "email", "Value": "alice@example.com"},
        {"Name": "sub", "Value": "5b0c-uuid"}
      ],
      "UserStatus": "CONFIRMED",
      "ConfirmationCode": "123456"
    },
    "bob": {
      "Username": "bob",
      "Attributes": [
        {"Name": "sub", "Value": "77aa-uuid"},
        {"Name": "phone_number", "Value": "+15550100"}
      ],
      "ConfirmationCode": "654321"
    },
    "carol": {
      "Username": "carol",
      "Attributes": [{"Name": "sub", "Value": "99cc-uuid"}, {"Name": "email", "Value": "carol@example.com"}]
    }
  },
  "Options": {"Id": "local_abc", "UsernameAttributes": ["email"]}
}`

func TestConfirmationCodeLookup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, ".cognito", "db")
	if err := os.MkdirAll(db, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(db, "local_abc.json"), []byte(poolFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &Server{Dir: dir}
	tests := []struct {
		username, want string
		wantErr        bool
	}{
		{"5b0c-uuid", "123456", false},         // key
		{"alice@example.com", "123456", false}, // email alias
		{"bob", "654321", false},
		{"77aa-uuid", "654321", false},  // sub
		{"+15550100", "", true},         // phone not a username attribute
		{"carol", "", true},             // no code stored
		{"carol@example.com", "", true}, // no code stored
		{"nobody", "", true},
	}
	for _, tt := range tests {
		got, err := s.ConfirmationCode("local_abc", tt.username)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ConfirmationCode(%q) = %q, %v; want %q, err=%v", tt.username, got, err, tt.want, tt.wantErr)
		}
	}
	for _, pool := range []string{"local_missing", "../db/local_abc", "", ".."} {
		if _, err := s.ConfirmationCode(pool, "bob"); err == nil {
			t.Errorf("pool %q: no error", pool)
		}
	}
}

func TestFilterEnv(t *testing.T) {
	got := filterEnv([]string{"PORT=1", "HOST=x", "PORTX=2", "PATH=/bin"}, "PORT", "HOST")
	if strings.Join(got, ",") != "PORTX=2,PATH=/bin" {
		t.Errorf("filterEnv = %v", got)
	}
}
