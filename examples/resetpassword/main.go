// Command resetpassword resets a Cognito user's password with the generated client:
// ForgotPassword sends a code to the user, ConfirmForgotPassword sets the new password.
//
//	go run ./examples/resetpassword -client-id ID -username USER            # sends the code
//	go run ./examples/resetpassword -client-id ID -username USER -code 123456 -password NEW
//
// -endpoint points it at another server, such as cognito-local. ForgotPassword and
// ConfirmForgotPassword need no AWS credentials, so no signer is configured.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	idp "github.com/awsgen/awsgen/generated/cognitoidp"
)

func main() {
	region := flag.String("region", "us-east-1", "AWS region")
	endpoint := flag.String("endpoint", "", "service endpoint (default: the regional AWS endpoint)")
	clientID := flag.String("client-id", "", "user pool app client ID")
	username := flag.String("username", "", "user name")
	code := flag.String("code", "", "confirmation code from the first step")
	password := flag.String("password", "", "new password (with -code)")
	flag.Parse()
	if err := run(*endpoint, *region, *clientID, *username, *code, *password); err != nil {
		fmt.Fprintln(os.Stderr, "resetpassword:", err)
		os.Exit(1)
	}
}

func run(endpoint, region, clientID, username, code, password string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := idp.NewClient(idp.Options{Endpoint: endpoint, Region: region})
	if code == "" {
		out, err := c.ForgotPassword(ctx, &idp.ForgotPasswordRequest{ClientId: &clientID, Username: &username})
		var notFound *idp.UserNotFoundException
		if errors.As(err, &notFound) {
			return fmt.Errorf("no such user: %w", err)
		}
		if err != nil {
			return err
		}
		fmt.Println("code sent:", out.CodeDeliveryDetails)
		return nil
	}
	_, err := c.ConfirmForgotPassword(ctx, &idp.ConfirmForgotPasswordRequest{
		ClientId: &clientID, Username: &username, ConfirmationCode: &code, Password: &password,
	})
	if err != nil {
		return err
	}
	fmt.Println("password changed")
	return nil
}
