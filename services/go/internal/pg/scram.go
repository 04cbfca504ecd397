package pg

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
)

// scramClient is the client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL speaks it: no channel binding
// (no TLS), the user name left empty (the server takes the startup message's), the password used as it is (SASLprep
// changes only non-ASCII passwords; the project's are ASCII).
type scramClient struct {
	password        string
	clientNonce     string
	clientFirstBare string
	serverSignature []byte
}

func newScramClient(password string) (*scramClient, error) {
	nonce := make([]byte, 18)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return newScramClientWithNonce(password, base64.StdEncoding.EncodeToString(nonce)), nil
}

func newScramClientWithNonce(password, nonce string) *scramClient {
	return &scramClient{password: password, clientNonce: nonce, clientFirstBare: "n=,r=" + nonce}
}

// clientFirst is client-first-message: "n,," says no channel binding.
func (s *scramClient) clientFirst() string {
	return "n,," + s.clientFirstBare
}

// clientFinal answers server-first-message (r=nonce,s=salt,i=iterations) with the proof that the client knows the
// password, and keeps the signature the server must send back.
func (s *scramClient) clientFinal(serverFirst string) (string, error) {
	var nonce, salt string
	iterations := 0
	for _, attribute := range strings.Split(serverFirst, ",") {
		key, value, _ := strings.Cut(attribute, "=")
		switch key {
		case "r":
			nonce = value
		case "s":
			salt = value
		case "i":
			iterations, _ = strconv.Atoi(value)
		}
	}
	saltBytes, err := base64.StdEncoding.DecodeString(salt)
	if err != nil || iterations < 1 || !strings.HasPrefix(nonce, s.clientNonce) || len(nonce) == len(s.clientNonce) {
		return "", errors.New("postgresql: a SCRAM server-first message this client cannot use")
	}
	salted := pbkdf2(s.password, saltBytes, iterations)
	clientKey := mac(salted, "Client Key")
	storedKey := sha256.Sum256(clientKey)
	withoutProof := "c=biws,r=" + nonce // biws: base64 of "n,,"
	authMessage := s.clientFirstBare + "," + serverFirst + "," + withoutProof
	proof := mac(storedKey[:], authMessage)
	for i := range proof {
		proof[i] ^= clientKey[i]
	}
	s.serverSignature = mac(mac(salted, "Server Key"), authMessage)
	return withoutProof + ",p=" + base64.StdEncoding.EncodeToString(proof), nil
}

// verifyServerFinal checks server-final-message (v=signature): the server knew the password too.
func (s *scramClient) verifyServerFinal(serverFinal string) error {
	signature, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(serverFinal, "v="))
	if err != nil || !strings.HasPrefix(serverFinal, "v=") || s.serverSignature == nil ||
		subtle.ConstantTimeCompare(signature, s.serverSignature) != 1 {
		return errors.New("postgresql: the server's SCRAM signature is wrong")
	}
	return nil
}

func mac(key []byte, message string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(message))
	return h.Sum(nil)
}

// pbkdf2 is RFC 8018's PBKDF2 with HMAC-SHA-256 for one block of 32 bytes: SCRAM's Hi(password, salt, i).
func pbkdf2(password string, salt []byte, iterations int) []byte {
	h := hmac.New(sha256.New, []byte(password))
	h.Write(salt)
	h.Write(binary.BigEndian.AppendUint32(nil, 1))
	u := h.Sum(nil)
	result := append([]byte(nil), u...)
	for i := 1; i < iterations; i++ {
		h.Reset()
		h.Write(u)
		u = h.Sum(u[:0])
		for j := range result {
			result[j] ^= u[j]
		}
	}
	return result
}
