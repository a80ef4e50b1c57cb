using System.Globalization;
using System.Text;

namespace Parley.Reports;

/// <summary>
/// A very small SVG writer: elements appended in call order, numbers in invariant culture with at most
/// two decimals, text escaped. The same calls always give the same bytes.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();

    public SvgWriter(double width, double height)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n");
    }

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    public void Raw(string text) => _sb.Append(text);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}/>\n");

    public void Rect(double x, double y, double w, double h, string fill, string stroke = "none", double strokeWidth = 1) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"/>\n");

    public void Circle(double cx, double cy, double r, string fill, string stroke = "none", double opacity = 1) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\" stroke=\"{stroke}\"{(opacity < 1 ? $" fill-opacity=\"{N(opacity)}\"" : string.Empty)}/>\n");

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width)
    {
        _sb.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append("\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(' ');
            }

            _sb.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }

        _sb.Append("\"/>\n");
    }

    public void Polygon(IReadOnlyList<(double X, double Y)> points, string fill, string stroke)
    {
        _sb.Append("<polygon fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(' ');
            }

            _sb.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }

        _sb.Append("\"/>\n");
    }

    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222222", string weight = "normal", double rotate = 0)
    {
        var transform = rotate == 0 ? string.Empty : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"";
        _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\" font-weight=\"{weight}\"{transform}>{Escape(text)}</text>\n");
    }

    public override string ToString() => _sb + "</svg>\n";
}
