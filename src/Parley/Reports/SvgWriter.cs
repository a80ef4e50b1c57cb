using System.Globalization;
using System.Text;

namespace Parley.Reports;

/// <summary>
/// A very small SVG writer: elements appended in call order, numbers in invariant culture with at most
/// two decimals, text escaped. The same calls always give the same bytes.
/// </summary>
/// <remarks>
/// The one SVG canvas of the library: the utility-space plot, the session picture and the tournament
/// plots all draw on it. Signatures are only ever extended (new optional parameters, new methods), so
/// callers written against an earlier version keep compiling and keep their output.
/// </remarks>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();

    /// <summary>The font family the plain constructor writes on the root.</summary>
    public const string DefaultFontFamily = "Helvetica, Arial, sans-serif";

    public SvgWriter(double width, double height, string fontFamily = DefaultFontFamily)
        : this(width, height, fontFamily, title: null)
    {
    }

    /// <summary>
    /// A canvas whose root, when <paramref name="title"/> is given, is an image (<c>role="img"</c>) named
    /// by that title: its accessible name and the tooltip a browser shows over a figure in an HTML page.
    /// </summary>
    public SvgWriter(double width, double height, string fontFamily, string? title)
    {
        var named = title is null ? string.Empty : " role=\"img\"";
        _sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"{fontFamily}\"{named}>\n");
        if (title is not null)
        {
            _sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
        }

        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n");
    }

    /// <summary><paramref name="value"/> rounded to two decimals, invariant culture; never "-0" (adding +0 turns −0 into +0).</summary>
    public static string N(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> in <paramref name="format"/> (invariant culture), or an en dash when it is not finite.</summary>
    public static string Format(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "\u2013";

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    public void Raw(string text) => _sb.Append(text);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}/>\n");

    /// <summary>A rectangle; a negative size is drawn as zero; <paramref name="title"/>, when given, is its tooltip.</summary>
    public void Rect(double x, double y, double w, double h, string fill, string stroke = "none", double strokeWidth = 1, string? title = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"");
        _sb.Append(title is null ? "/>\n" : $"><title>{Escape(title)}</title></rect>\n");
    }

    /// <summary>A filled rectangle without outline, <paramref name="opacity"/> opaque (0 to 1): a band or a legend's ground that lets what is under it show through.</summary>
    public void Shade(double x, double y, double w, double h, string fill, double opacity) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\" fill-opacity=\"{N(opacity)}\"/>\n");

    /// <summary>A circle; <paramref name="strokeWidth"/>, when given, is written (otherwise the SVG default of 1 applies).</summary>
    public void Circle(double cx, double cy, double r, string fill, string stroke = "none", double opacity = 1, double? strokeWidth = null) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\" stroke=\"{stroke}\"{(strokeWidth is { } sw ? $" stroke-width=\"{N(sw)}\"" : string.Empty)}{(opacity < 1 ? $" fill-opacity=\"{N(opacity)}\"" : string.Empty)}/>\n");

    /// <summary>An open line through <paramref name="points"/>, optionally dashed and translucent.</summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width, string? dash = null, double opacity = 1)
    {
        _sb.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append('"');
        if (dash is not null)
        {
            _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        if (opacity < 1)
        {
            _sb.Append(" stroke-opacity=\"").Append(N(opacity)).Append('"');
        }

        _sb.Append(" points=\"");
        Points(points);
        _sb.Append("\"/>\n");
    }

    public void Polygon(IReadOnlyList<(double X, double Y)> points, string fill, string stroke, double strokeWidth = 1)
    {
        _sb.Append("<polygon fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(strokeWidth)).Append("\" points=\"");
        Points(points);
        _sb.Append("\"/>\n");
    }

    /// <summary>A square standing on its corner, centred on (<paramref name="cx"/>, <paramref name="cy"/>), <paramref name="r"/> from centre to corner.</summary>
    public void Diamond(double cx, double cy, double r, string fill, string stroke, double strokeWidth = 1.5) =>
        Polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill, stroke, strokeWidth);

    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222222", string weight = "normal", double rotate = 0)
    {
        var transform = rotate == 0 ? string.Empty : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"";
        _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\" font-weight=\"{weight}\"{transform}>{Escape(text)}</text>\n");
    }

    public override string ToString() => _sb + "</svg>\n";

    private void Points(IReadOnlyList<(double X, double Y)> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(' ');
            }

            _sb.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }
    }
}
