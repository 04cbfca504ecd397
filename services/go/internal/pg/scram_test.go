package pg

import (
	"encoding/hex"
	"testing"
)

// RFC 7677's example exchange (user "user", password "pencil"): the client must send exactly its proof and accept
// exactly its server signature.
func TestScramSha256ExchangeIsRfc7677s(t *testing.T) {
	s := newScramClientWithNonce("pencil", "rOprNGfwEbeRWgbNEkqO")
	s.clientFirstBare = "n=user,r=rOprNGfwEbeRWgbNEkqO" // PostgreSQL leaves the name empty; the RFC names the user
	final, err := s.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
	if err != nil {
		t.Fatal(err)
	}
	if want := "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0," +
		"p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="; final != want {
		t.Errorf("client-final %s, RFC %s", final, want)
	}
	if err := s.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="); err != nil {
		t.Error(err)
	}
	if err := s.verifyServerFinal("v=AAAATRBi23WpRR/wcVbDrZRLcfx6I7rMNKcPFGUdHMY="); err == nil {
		t.Error("a wrong server signature was accepted")
	}
}

func TestScramRefusesAServerThatDoesNotExtendTheClientsNonce(t *testing.T) {
	s := newScramClientWithNonce("pencil", "rOprNGfwEbeRWgbNEkqO")
	for _, serverFirst := range []string{
		"r=someoneElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
		"r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", // not extended
		"r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0",
		"r=rOprNGfwEbeRWgbNEkqOxyz,s=not base64!,i=4096",
	} {
		if _, err := s.clientFinal(serverFirst); err == nil {
			t.Errorf("accepted %s", serverFirst)
		}
	}
}

// RFC 7914's PBKDF2-HMAC-SHA256 vector (P="passwd", S="salt", c=1), its first 32 bytes.
func TestPbkdf2IsRfc7914s(t *testing.T) {
	got := hex.EncodeToString(pbkdf2("passwd", []byte("salt"), 1))
	if want := "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"; got != want {
		t.Errorf("pbkdf2 %s, RFC %s", got, want)
	}
}
