"""Ink per page of a PDF, for tests/browser/pdf.test.ts: renders the first pages with PDFium
(pypdfium2, installed into .venv from requirements.txt) in grey at 50 dpi and counts the pixels
darker than 240 of 255. Prints one JSON object: {"pages": N, "ink": [...], "pixels": W*H}.

    .venv/bin/python tests/browser/pdf-ink.py REPORT.pdf [MAX_PAGES]
"""
import json
import sys

import pypdfium2 as pdfium

DPI = 50
DARK = 240


def ink_per_page(pdf_path, max_pages):
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        ink, pixels = [], 0
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            bitmap = page.render(scale=DPI / 72, grayscale=True, fill_color=(255, 255, 255, 255))
            width, height, stride, channels = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
            data = bytes(bitmap.buffer)
            dark = 0
            for row in range(height):
                line = data[row * stride: row * stride + width * channels: channels]
                dark += sum(1 for value in line if value < DARK)
            ink.append(dark)
            pixels = width * height
            bitmap.close()
            page.close()
        return {"pages": len(pdf), "ink": ink, "pixels": pixels}
    finally:
        pdf.close()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: pdf-ink.py REPORT.pdf [MAX_PAGES]")
    print(json.dumps(ink_per_page(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 40)))
