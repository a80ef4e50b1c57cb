using System.Globalization;
using System.Text;

namespace Parley.Protocols.Traces;

/// <summary>A minimal SVG writer for session pictures: shapes and text, invariant numbers, escaped text.</summary>
internal sealed class SessionSvgCanvas
{
    private readonly StringBuilder _svg = new();

    public SessionSvgCanvas(double width, double height)
    {
        _svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        Rect(0, 0, width, height, "#ffffff", null);
    }

    public void Rect(double x, double y, double w, double h, string fill, string? stroke) =>
        _svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(h))
            .Append("\" fill=\"").Append(fill).Append('"').Append(stroke is null ? string.Empty : $" stroke=\"{stroke}\"").Append("/>\n");

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append('"')
            .Append(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"").Append("/>\n");

    public void Circle(double cx, double cy, double r, string fill, double opacity = 1, string? stroke = null) =>
        _svg.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r)).Append("\" fill=\"").Append(fill)
            .Append('"').Append(opacity < 1 ? $" fill-opacity=\"{N(opacity)}\"" : string.Empty)
            .Append(stroke is null ? string.Empty : $" stroke=\"{stroke}\" stroke-width=\"1.5\"").Append("/>\n");

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width = 1.5, string? dash = null, double opacity = 1)
    {
        if (points.Count == 0)
        {
            return;
        }

        _svg.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append('"')
            .Append(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")
            .Append(opacity < 1 ? $" stroke-opacity=\"{N(opacity)}\"" : string.Empty).Append(" points=\"");
        foreach (var (x, y) in points)
        {
            _svg.Append(N(x)).Append(',').Append(N(y)).Append(' ');
        }

        _svg.Append("\"/>\n");
    }

    public void Diamond(double cx, double cy, double r, string fill, string stroke) =>
        _svg.Append("<polygon points=\"").Append(N(cx)).Append(',').Append(N(cy - r)).Append(' ').Append(N(cx + r)).Append(',').Append(N(cy)).Append(' ')
            .Append(N(cx)).Append(',').Append(N(cy + r)).Append(' ').Append(N(cx - r)).Append(',').Append(N(cy))
            .Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"/>\n");

    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = "#222", bool bold = false, double rotate = 0)
    {
        _svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" text-anchor=\"").Append(anchor)
            .Append("\" font-size=\"").Append(N(size)).Append("\" fill=\"").Append(fill).Append('"');
        if (bold)
        {
            _svg.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            _svg.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        }

        _svg.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    public override string ToString() => _svg.ToString() + "</svg>\n";

    private static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
