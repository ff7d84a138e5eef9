package model

import (
	"fmt"
	"strconv"
)

// Date is an issue date; zero fields are not known yet and are printed as
// blanks for the clerk to fill in at signing. Its methods are the one
// spelling of dates (NĐ 30, Phụ lục I, II.4.b: day and month below 10 with a
// leading zero, except months 3 to 12) that headers, templates, citations,
// the register and messages share.
type Date struct {
	Year, Month, Day int
}

// The blanks of a date part not known yet, by spelling: wide enough to
// write the part by hand. They are decided here and nowhere else.
const (
	longDayBlank   = "       "   // "ngày ___ tháng"
	longMonthBlank = "       "   // "tháng ___ năm"
	longYearBlank  = "         " // "năm ____"

	shortDayBlank   = "    "    // "__/5/2024"
	shortMonthBlank = "     "   // "08/__/2024"
	shortYearBlank  = "       " // "08/5/____"
)

// IsZero reports whether no part of the date is known.
func (d Date) IsZero() bool { return d.Year == 0 }

// Complete reports whether year, month and day are all known.
func (d Date) Complete() bool { return d.Day != 0 }

// String returns d.Short().
func (d Date) String() string { return d.Short() }

// Long formats d as the header, appendices and templates write it: "ngày 08
// tháng 5 năm 2024", with blanks where a part is unknown.
func (d Date) Long() string {
	return "ngày " + d.day(longDayBlank) + " tháng " + d.month(longMonthBlank) + " năm " + d.year(longYearBlank)
}

// Short formats d as citations and the register write it, "08/5/2024", with
// blanks for the parts not known.
func (d Date) Short() string {
	return d.day(shortDayBlank) + "/" + d.month(shortMonthBlank) + "/" + d.year(shortYearBlank)
}

// ISO formats d as "2024-05-08", the form data files and the register
// store; an unknown part is written as zeros ("2024-05-00").
func (d Date) ISO() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// day is the day with a leading zero below 10, or blank when unknown.
func (d Date) day(blank string) string {
	if d.Day == 0 {
		return blank
	}
	return Padded(int64(d.Day))
}

// month is the month without a leading zero, except January and February
// ("01", "02"), or blank when unknown.
func (d Date) month(blank string) string {
	switch {
	case d.Month == 0:
		return blank
	case d.Month <= 2:
		return Padded(int64(d.Month))
	}
	return strconv.Itoa(d.Month)
}

// year is the year, or blank when unknown.
func (d Date) year(blank string) string {
	if d.Year == 0 {
		return blank
	}
	return strconv.Itoa(d.Year)
}
