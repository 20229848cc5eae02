using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Verbatim.Web.Html;

/// <summary>
/// A piece of HTML that is safe to write as it is. The only ways to make one are a literal
/// template (<see cref="Of"/>), where every interpolated value is HTML-encoded unless it is itself
/// <see cref="Html"/>, and <see cref="Raw"/> for constants. Article text therefore cannot reach a
/// page unencoded: the type system carries the rule, not each page's care.
/// </summary>
public sealed class Html
{
    private readonly string _value;

    private Html(string value) => _value = value;

    public static readonly Html Empty = new("");

    /// <summary>Encodes every interpolated value (text, numbers) except nested <see cref="Html"/>.</summary>
    public static Html Of([InterpolatedStringHandlerArgument] ref HtmlTemplate template) => new(template.ToString());

    /// <summary>A fragment this program wrote: a constant, or markup built here around text already passed through <see cref="Encode"/>.</summary>
    public static Html Raw(string trustedConstant) => new(trustedConstant);

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p._value)));

    public static Html Join(string separator, IEnumerable<Html> parts) => new(string.Join(separator, parts.Select(p => p._value)));

    public static string Encode(string? text) => text is null ? "" : HtmlEncoder.Default.Encode(text);

    public override string ToString() => _value;
}

[InterpolatedStringHandler]
public ref struct HtmlTemplate
{
    private readonly StringBuilder _builder;

    public HtmlTemplate(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string literal) => _builder.Append(literal);

    public void AppendFormatted(Html? html) => _builder.Append(html?.ToString());

    public void AppendFormatted(IEnumerable<Html>? parts)
    {
        if (parts is null) return;
        foreach (var part in parts) _builder.Append(part.ToString());
    }

    public void AppendFormatted(string? text) => _builder.Append(Html.Encode(text));

    public void AppendFormatted<T>(T value)
    {
        // A list of fragments or a fragment typed as something more general: markup, not text.
        switch (value)
        {
            case Html html: _builder.Append(html.ToString()); break;
            case IEnumerable<Html> parts: AppendFormatted(parts); break;
            default: _builder.Append(Html.Encode(Convert.ToString(value, CultureInfo.InvariantCulture))); break;
        }
    }

    public void AppendFormatted<T>(T value, string format) where T : IFormattable =>
        _builder.Append(Html.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    public override string ToString() => _builder.ToString();
}
