using System.Globalization;
using System.Net;
using System.Text;

namespace Parley.Tournaments.Plots;

/// <summary>A minimal SVG writer: rectangles, lines and text with invariant-culture coordinates.</summary>
internal sealed class Svg
{
    private readonly StringBuilder _sb = new();

    public Svg(double width, double height)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        Rect(0, 0, width, height, "#ffffff");
    }

    public void Rect(double x, double y, double w, double h, string fill, string? title = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\"");
        if (title is null)
        {
            _sb.Append("/>\n");
        }
        else
        {
            _sb.Append("><title>").Append(WebUtility.HtmlEncode(title)).Append("</title></rect>\n");
        }
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"/>\n");
    }

    public void Text(double x, double y, string text, string anchor = "start", double size = 11, string fill = "#222222", double rotate = 0)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{N(size)}\" fill=\"{fill}\"");
        if (rotate != 0)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        }

        _sb.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>\n");
    }

    public override string ToString() => _sb.ToString() + "</svg>\n";

    public static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
