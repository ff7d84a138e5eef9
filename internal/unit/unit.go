// Package unit defines Length, the one integer length unit of vanban.
//
// The unit is the English Metric Unit of OOXML (EMU): 36 000 per millimetre
// and 12 700 per point, so millimetres, points, twips (635) and half-points
// (6 350) all convert to whole numbers and no float reaches a golden file.
package unit

import "fmt"

// Length is a distance in EMU.
type Length int64

// Conversion factors.
const (
	EMU       Length = 1
	Point     Length = 12700
	HalfPoint Length = 6350
	Twip      Length = 635
	MM        Length = 36000
	CM        Length = 360000
)

// MMs returns n millimetres.
func MMs(n int64) Length { return Length(n) * MM }

// Pt returns n points.
func Pt(n int64) Length { return Length(n) * Point }

// Points returns l in points, for the PDF writer.
func (l Length) Points() float64 { return float64(l) / float64(Point) }

// Twips returns l rounded to whole twips, for WordprocessingML.
func (l Length) Twips() int64 { return roundDiv(int64(l), int64(Twip)) }

// String formats l in millimetres with three decimals, e.g. "30.000mm".
func (l Length) String() string {
	v := int64(l)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	um := roundDiv(v, 36) // micrometres
	return fmt.Sprintf("%s%d.%03dmm", sign, um/1000, um%1000)
}

func roundDiv(a, b int64) int64 {
	if a >= 0 {
		return (a + b/2) / b
	}
	return -((-a + b/2) / b)
}
