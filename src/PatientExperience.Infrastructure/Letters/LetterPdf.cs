using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace PatientExperience.Infrastructure.Letters;

/// <summary>
/// Writes a <see cref="Letter"/> as a PDF to print and post: US Letter paper for a clinic in the US or Canada, A4
/// elsewhere; one-inch margins; the recipient's address where a window envelope shows it; text wrapped and carried
/// over to further pages, each numbered. Fonts are DejaVu Sans, shipped with the portal (Letters/Fonts), so the PDF
/// looks the same on every server; it covers Latin, Greek and Cyrillic scripts but not Chinese characters.
/// </summary>
public static class LetterPdf
{
    private const string Family = "DejaVu Sans";
    private const double Margin = 72;           // one inch
    private const double BodySize = 11;
    private const double LineHeight = 1.4;

    static LetterPdf()
    {
        // PDFsharp allows the resolver to be set once per process (the same instance if set again).
        lock (typeof(GlobalFontSettings))
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
                GlobalFontSettings.FontResolver = EmbeddedFonts.Instance;
        }
    }

    public static byte[] Write(Letter letter, string region)
    {
        using var document = new PdfDocument();
        document.Info.Title = letter.Title;
        document.Info.Author = letter.ClinicName;
        document.Info.Subject = letter.ReferenceLine;
        var size = region is "US" or "CA" ? PageSize.Letter : PageSize.A4;
        var writer = new PageWriter(document, size);

        var name = new XFont(Family, 16, XFontStyleEx.Bold);
        var small = new XFont(Family, 9.5, XFontStyleEx.Regular);
        var body = new XFont(Family, BodySize, XFontStyleEx.Regular);
        var bold = new XFont(Family, BodySize, XFontStyleEx.Bold);
        var title = new XFont(Family, 14, XFontStyleEx.Bold);

        // Letterhead.
        writer.Line(letter.ClinicName, name);
        foreach (var line in letter.ClinicAddress)
            writer.Line(line, small);
        writer.Line(letter.ClinicPhoneLine, small);
        writer.Rule();

        // The recipient, two inches from the top edge (a US #10 or DL window envelope shows it).
        writer.MoveTo(Math.Max(writer.Y, 144));
        writer.Line(letter.RecipientName, body);
        foreach (var line in letter.RecipientAddress)
            writer.Line(line, body);
        writer.Gap(BodySize * 1.5);
        writer.Line(letter.DateLine, body);
        writer.Line(letter.ReferenceLine, bold);
        writer.Gap(BodySize * 1.5);

        writer.Paragraph(letter.Title, title);
        writer.Gap(BodySize * 0.5);
        writer.Paragraph(letter.Salutation, body);
        foreach (var section in letter.Sections)
        {
            writer.Gap(BodySize * 0.6);
            if (section.Heading is not null)
                writer.Paragraph(section.Heading, bold, keepWithNext: true);
            writer.Paragraph(section.Text, body);
        }
        writer.Gap(BodySize * 0.8);
        writer.Paragraph(letter.Closing, body, keepWithNext: true);
        writer.Gap(BodySize * 3.5); // room to sign
        writer.Line(letter.SignatoryName, bold);
        if (letter.SignatoryRole is not null)
            writer.Line(letter.SignatoryRole, body);
        writer.Line(letter.ClinicName, body);
        writer.Finish(letter.ReferenceLine, small);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Lays out lines top to bottom, opening a new page when the next line would cross the bottom margin.</summary>
    private sealed class PageWriter(PdfDocument document, PageSize size)
    {
        private PdfPage? _page;
        private XGraphics? _gfx;

        public double Y { get; private set; }

        private XGraphics Gfx => _gfx ?? NewPage();

        private double Width => _page!.Width.Point - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin;

        private XGraphics NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = size;
            _gfx = XGraphics.FromPdfPage(_page);
            Y = Margin;
            return _gfx;
        }

        public void MoveTo(double y)
        {
            _ = Gfx;
            Y = y;
        }

        public void Gap(double points)
        {
            _ = Gfx;
            Y += points;
        }

        public void Rule()
        {
            var gfx = Gfx;
            Y += 6;
            gfx.DrawLine(new XPen(XColors.Gray, 0.75), Margin, Y, Margin + Width, Y);
            Y += 10;
        }

        /// <summary>One line, cut to the width if it is too long (letterhead and address lines).</summary>
        public void Line(string text, XFont font)
        {
            foreach (var line in Wrap(text, font))
                Draw(line, font);
        }

        /// <summary>Wrapped text; paragraphs split on line breaks. A heading moves to the next page with its first lines.</summary>
        public void Paragraph(string text, XFont font, bool keepWithNext = false)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SelectMany(p => p.Trim().Length == 0 ? [""] : Wrap(p, font)).ToList();
            var height = font.Size * LineHeight;
            if (keepWithNext && Y + (height * (lines.Count + 2)) > Bottom)
                NewPage();
            foreach (var line in lines)
                Draw(line, font);
        }

        private void Draw(string line, XFont font)
        {
            var gfx = Gfx;
            var height = font.Size * LineHeight;
            if (Y + height > Bottom)
                gfx = NewPage();
            gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin, Y + font.Size), XStringFormats.BaseLineLeft);
            Y += height;
        }

        private IEnumerable<string> Wrap(string paragraph, XFont font)
        {
            var gfx = Gfx;
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= Width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    yield return line;
                line = word;
                // A word wider than the page (a long reference, a run of text with no spaces) is broken by characters.
                while (gfx.MeasureString(line, font).Width > Width)
                {
                    var fit = 1;
                    while (fit < line.Length && gfx.MeasureString(line[..(fit + 1)], font).Width <= Width)
                        fit++;
                    yield return line[..fit];
                    line = line[fit..];
                }
            }
            if (line.Length > 0)
                yield return line;
        }

        /// <summary>Numbers the pages ("Page 1 of 2") with the reference in the footer.</summary>
        public void Finish(string reference, XFont font)
        {
            _gfx?.Dispose();
            _gfx = null;
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                var page = document.Pages[i];
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var text = $"{reference} · {i + 1}/{count}";
                gfx.DrawString(text, font, XBrushes.Gray, new XPoint(page.Width.Point - Margin, page.Height.Point - (Margin / 2)), XStringFormats.BaseLineRight);
            }
        }
    }

    /// <summary>DejaVu Sans regular and bold from the assembly's resources; every family asked for gets them.</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public static readonly EmbeddedFonts Instance = new();
        private static readonly Lazy<byte[]> Regular = new(() => Load("DejaVuSans.ttf"));
        private static readonly Lazy<byte[]> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName) => faceName == "DejaVuSans-Bold" ? Bold.Value : Regular.Value;

        private static byte[] Load(string file)
        {
            using var stream = typeof(LetterPdf).Assembly.GetManifestResourceStream("Letters.Fonts." + file)
                ?? throw new InvalidOperationException($"The font {file} is not in the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
