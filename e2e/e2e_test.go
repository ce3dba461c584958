// Package e2e runs the generated Cognito client against cognito-local, a Cognito Identity
// Provider emulator we did not write, installed from npm (see package.json) and started by
// package cognitolocal.
package e2e

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/awsgen/awsgen/e2e/cognitolocal"
	idp "github.com/awsgen/awsgen/generated/cognitoidp"
)

func ptr[T any](v T) *T { return &v }

// TestForgotPasswordEndToEnd resets a password with the generated client only: create a
// pool, a client and a user, ask for a reset code, confirm it with a new password, then sign
// in with the new password and fail with the old one.
func TestForgotPasswordEndToEnd(t *testing.T) {
	srv := cognitolocal.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := idp.NewClient(idp.Options{
		Endpoint:   srv.Endpoint,
		Region:     "us-east-1",
		HTTPClient: &http.Client{Timeout: 30 * time.Second},
	})

	pool, err := c.CreateUserPool(ctx, &idp.CreateUserPoolRequest{PoolName: ptr("e2e-pool")})
	if err != nil {
		t.Fatal("CreateUserPool:", err)
	}
	poolID := *pool.UserPool.Id
	app, err := c.CreateUserPoolClient(ctx, &idp.CreateUserPoolClientRequest{
		UserPoolId:        ptr(poolID),
		ClientName:        ptr("e2e-client"),
		ExplicitAuthFlows: []idp.ExplicitAuthFlowsType{idp.ExplicitAuthFlowsTypeAllowUserPasswordAuth, idp.ExplicitAuthFlowsTypeAllowRefreshTokenAuth},
	})
	if err != nil {
		t.Fatal("CreateUserPoolClient:", err)
	}
	clientID := *app.UserPoolClient.ClientId

	const user = "alice@example.com"
	const oldPassword, newPassword = "Old-Passw0rd!", "New-Passw0rd!"
	created, err := c.AdminCreateUser(ctx, &idp.AdminCreateUserRequest{
		UserPoolId: ptr(poolID),
		Username:   ptr(user),
		UserAttributes: []idp.AttributeType{
			{Name: ptr("email"), Value: ptr(user)},
			{Name: ptr("email_verified"), Value: ptr("true")},
		},
		MessageAction: ptr(idp.MessageActionTypeSuppress),
	})
	if err != nil {
		t.Fatal("AdminCreateUser:", err)
	}
	if created.User == nil || created.User.Enabled == nil || !*created.User.Enabled {
		t.Fatalf("AdminCreateUser returned %v", created)
	}
	if _, err := c.AdminSetUserPassword(ctx, &idp.AdminSetUserPasswordRequest{
		UserPoolId: ptr(poolID), Username: ptr(user), Password: ptr(oldPassword), Permanent: ptr(true),
	}); err != nil {
		t.Fatal("AdminSetUserPassword:", err)
	}
	if _, err := signIn(ctx, c, clientID, user, oldPassword); err != nil {
		t.Fatal("sign-in with the first password:", err)
	}

	fp, err := c.ForgotPassword(ctx, &idp.ForgotPasswordRequest{ClientId: ptr(clientID), Username: ptr(user)})
	if err != nil {
		t.Fatal("ForgotPassword:", err)
	}
	d := fp.CodeDeliveryDetails
	if d == nil || d.DeliveryMedium == nil || *d.DeliveryMedium != idp.DeliveryMediumTypeEmail ||
		d.AttributeName == nil || *d.AttributeName != "email" || d.Destination == nil || *d.Destination == "" {
		t.Fatalf("CodeDeliveryDetails = %v", d)
	}
	code, err := srv.ConfirmationCode(poolID, user)
	if err != nil {
		t.Fatal(err)
	}

	// A wrong code is a modeled error, and leaves the password unchanged.
	_, err = c.ConfirmForgotPassword(ctx, &idp.ConfirmForgotPasswordRequest{
		ClientId: ptr(clientID), Username: ptr(user), ConfirmationCode: ptr(wrong(code)), Password: ptr(newPassword),
	})
	var mismatch *idp.CodeMismatchException
	if !errors.As(err, &mismatch) {
		t.Fatalf("ConfirmForgotPassword with a wrong code: %v, want *CodeMismatchException", err)
	}
	if _, err := c.ConfirmForgotPassword(ctx, &idp.ConfirmForgotPasswordRequest{
		ClientId: ptr(clientID), Username: ptr(user), ConfirmationCode: ptr(code), Password: ptr(newPassword),
	}); err != nil {
		t.Fatal("ConfirmForgotPassword:", err)
	}

	auth, err := signIn(ctx, c, clientID, user, newPassword)
	if err != nil {
		t.Fatal("sign-in with the new password:", err)
	}
	if auth.AuthenticationResult == nil || auth.AuthenticationResult.AccessToken == nil || *auth.AuthenticationResult.AccessToken == "" {
		t.Fatalf("InitiateAuth returned no access token: %v", auth)
	}

	// The old password fails with a modeled error. Real Cognito answers
	// NotAuthorizedException; cognito-local 5.3.0 answers InvalidPasswordException for a
	// wrong password, so both are accepted, and nothing else.
	_, err = signIn(ctx, c, clientID, user, oldPassword)
	var notAuthorized *idp.NotAuthorizedException
	var invalidPassword *idp.InvalidPasswordException
	if !errors.As(err, &notAuthorized) && !errors.As(err, &invalidPassword) {
		t.Fatalf("sign-in with the old password: %v, want *NotAuthorizedException", err)
	}
	var opErr *idp.OperationError
	if !errors.As(err, &opErr) || opErr.Operation != "InitiateAuth" || opErr.StatusCode != http.StatusBadRequest {
		t.Fatalf("error is not an *OperationError for InitiateAuth with status 400: %#v", err)
	}

	// An unknown user is UserNotFoundException.
	_, err = c.ForgotPassword(ctx, &idp.ForgotPasswordRequest{ClientId: ptr(clientID), Username: ptr("nobody@example.com")})
	var notFound *idp.UserNotFoundException
	if !errors.As(err, &notFound) {
		t.Fatalf("ForgotPassword for an unknown user: %v, want *UserNotFoundException", err)
	}
	if notFound.ErrorCode() != "UserNotFoundException" || notFound.ErrorFault() != idp.FaultClient {
		t.Fatalf("UserNotFoundException code %q fault %v", notFound.ErrorCode(), notFound.ErrorFault())
	}
}

func signIn(ctx context.Context, c *idp.Client, clientID, user, password string) (*idp.InitiateAuthResponse, error) {
	return c.InitiateAuth(ctx, &idp.InitiateAuthRequest{
		ClientId:       ptr(clientID),
		AuthFlow:       ptr(idp.AuthFlowTypeUserPasswordAuth),
		AuthParameters: map[string]string{"USERNAME": user, "PASSWORD": password},
	})
}

// wrong returns a different code of the same length.
func wrong(code string) string {
	b := []byte(code)
	for i := range b {
		b[i] = '0' + (b[i]-'0'+1)%10
	}
	return string(b)
}
