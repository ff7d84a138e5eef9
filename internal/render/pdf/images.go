package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/jpeg"
	"image/png"

	"vanban/internal/unit"
)

// Image is a raster image drawn on a page, scaled to the box given.
// Coordinates are from the top left corner of the page, as in layout.
type Image struct {
	Page       int         // index into the layout's pages, from 0
	X, Y, W, H unit.Length // the box: top left corner and size
	// Data is a PNG or a JPEG file. A JPEG is embedded as it is
	// (DCTDecode); a PNG is decoded and stored Flate-compressed, its alpha
	// channel as a soft mask, or, in PDF/A files, composited over white.
	Data []byte
}

// pdfImage is an embedded image XObject.
type pdfImage struct {
	obj  int
	name string // resource name, "Im0", …
}

// writeImages writes the XObjects of opt.Images and returns them in order.
func (d *doc) writeImages() ([]pdfImage, error) {
	out := make([]pdfImage, 0, len(d.opt.Images))
	for i, im := range d.opt.Images {
		if im.Page < 0 || im.Page >= len(d.r.Pages) {
			return nil, fmt.Errorf("image %d: no page %d", i+1, im.Page+1)
		}
		if im.W <= 0 || im.H <= 0 {
			return nil, fmt.Errorf("image %d: empty box", i+1)
		}
		obj, err := d.writeImage(im.Data)
		if err != nil {
			return nil, fmt.Errorf("image %d: %w", i+1, err)
		}
		out = append(out, pdfImage{obj: obj, name: fmt.Sprintf("Im%d", i)})
	}
	return out, nil
}

func (d *doc) writeImage(data []byte) (int, error) {
	o := &d.o
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8")):
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return 0, err
		}
		cs, decode := "/DeviceRGB", ""
		switch cfg.ColorModel {
		case color.GrayModel:
			cs = "/DeviceGray"
		case color.CMYKModel:
			if d.opt.PDFA {
				return 0, errors.New("a CMYK JPEG cannot go into a PDF/A file with an sRGB output intent")
			}
			// Adobe's CMYK JPEGs store inverted values.
			cs, decode = "/DeviceCMYK", "/Decode[1 0 1 0 1 0 1 0]"
		}
		n := o.alloc()
		o.stream(n, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace%s/BitsPerComponent 8%s/Filter/DCTDecode",
			cfg.Width, cfg.Height, cs, decode), data, false)
		return n, nil
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1A\n")):
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return 0, err
		}
		b := img.Bounds()
		w, h := b.Dx(), b.Dy()
		rgb := make([]byte, 0, 3*w*h)
		alpha := make([]byte, 0, w*h)
		opaque := true
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				if d.opt.PDFA && c.A != 0xFF { // no transparency: composite over white
					a := uint32(c.A)
					c.R = uint8((uint32(c.R)*a + 255*(255-a) + 127) / 255)
					c.G = uint8((uint32(c.G)*a + 255*(255-a) + 127) / 255)
					c.B = uint8((uint32(c.B)*a + 255*(255-a) + 127) / 255)
					c.A = 0xFF
				}
				rgb = append(rgb, c.R, c.G, c.B)
				alpha = append(alpha, c.A)
				opaque = opaque && c.A == 0xFF
			}
		}
		smask := 0
		if !opaque {
			smask = o.alloc()
			o.stream(smask, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8",
				w, h), alpha, true)
		}
		n := o.alloc()
		dict := fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceRGB/BitsPerComponent 8", w, h)
		if smask != 0 {
			dict += fmt.Sprintf("/SMask %d 0 R", smask)
		}
		o.stream(n, dict, rgb, true)
		return n, nil
	}
	return 0, errors.New("not a PNG or JPEG file")
}

// appendImages appends the drawing of the images of page p.
func (d *doc) appendImages(b []byte, p int, pageH unit.Length, ims []pdfImage) []byte {
	for i, im := range d.opt.Images {
		if im.Page != p {
			continue
		}
		b = append(b, "q "...)
		b = appendLen(b, im.W)
		b = append(b, " 0 0 "...)
		b = appendLen(b, im.H)
		b = append(b, ' ')
		b = appendLen(b, im.X)
		b = append(b, ' ')
		b = appendLen(b, pageH-im.Y-im.H)
		b = append(b, " cm /"...)
		b = append(b, ims[i].name...)
		b = append(b, " Do Q\n"...)
	}
	return b
}
