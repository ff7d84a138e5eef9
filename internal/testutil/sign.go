package testutil

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	digipdf "github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
)

// SignBox is where a visible signature goes: a page counted from 1 and a
// rectangle in PDF points from the page's lower left corner.
type SignBox struct {
	Page                     int
	LowerLeftX, LowerLeftY   float64
	UpperRightX, UpperRightY float64
}

// SignPDF appends an approval signature to in by a throw-away certificate
// in name, as the e-office flow signs (signer, then organisation): with
// pdfsign, an incremental update. at places it visibly; nil signs
// invisibly.
func SignPDF(t testing.TB, in []byte, name, reason string, at *SignBox) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: name, Organization: []string{"vanban test"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	rdr, err := digipdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		t.Fatalf("pdfsign cannot read the file: %v", err)
	}
	data := sign.SignData{
		Signature: sign.SignDataSignature{
			Info:     sign.SignDataSignatureInfo{Name: name, Reason: reason, Location: "Vạn Giã", Date: time.Now()},
			CertType: sign.ApprovalSignature,
		},
		Signer:          key,
		DigestAlgorithm: crypto.SHA256,
		Certificate:     cert,
	}
	if at != nil {
		data.Appearance = sign.Appearance{Visible: true, Page: uint32(at.Page),
			LowerLeftX: at.LowerLeftX, LowerLeftY: at.LowerLeftY, UpperRightX: at.UpperRightX, UpperRightY: at.UpperRightY}
	}
	var out bytes.Buffer
	if err := sign.Sign(bytes.NewReader(in), &out, rdr, int64(len(in)), data); err != nil {
		t.Fatalf("sign as %s: %v", name, err)
	}
	return out.Bytes()
}
