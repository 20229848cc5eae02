using System.Text;
using AngleSharp.Dom;

namespace Verbatim.Input.Html;

/// <summary>
/// Turns an HTML element into plain paragraphs separated by blank lines, the layout the engine splits
/// paragraphs on. Block elements end a paragraph, a single &lt;br&gt; is a line break inside one and two
/// in a row end it; runs of white space collapse to one space, as a browser shows them.
/// </summary>
public static class HtmlText
{
    /// <summary>Never article text: code, forms, menus.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea", "iframe",
        "svg", "canvas", "object", "embed", "head", "menu", "dialog", "input",
    };

    /// <summary>Page furniture around an article; left out when <c>skipFurniture</c> is set.</summary>
    private static readonly HashSet<string> Furniture = new(StringComparer.OrdinalIgnoreCase)
    {
        "header", "footer", "aside",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "caption", "address", "hr", "center", "details", "summary", "body", "html",
    };

    /// <summary>The text of the nodes, as paragraphs joined by "\n\n"; empty when there is none.</summary>
    public static string Paragraphs(IEnumerable<INode> nodes, bool skipFurniture = false)
    {
        var builder = new ParagraphBuilder();
        foreach (var node in nodes)
        {
            Walk(node, builder, skipFurniture);
        }
        return builder.Finish();
    }

    public static string Paragraphs(INode node, bool skipFurniture = false) => Paragraphs([node], skipFurniture);

    private static void Walk(INode node, ParagraphBuilder builder, bool skipFurniture)
    {
        switch (node)
        {
            case IText text:
                builder.AppendText(text.Data);
                return;
            case IElement element:
                var name = element.LocalName;
                if (Ignored.Contains(name) || (skipFurniture && Furniture.Contains(name)) || element.HasAttribute("hidden"))
                {
                    return;
                }
                if (name == "br")
                {
                    builder.LineBreak();
                    return;
                }
                bool block = Blocks.Contains(name);
                if (block) builder.EndParagraph();
                foreach (var child in element.ChildNodes)
                {
                    Walk(child, builder, skipFurniture);
                }
                if (block) builder.EndParagraph();
                return;
            case IDocument or IDocumentFragment:
                foreach (var child in node.ChildNodes)
                {
                    Walk(child, builder, skipFurniture);
                }
                return;
        }
    }

    private sealed class ParagraphBuilder
    {
        private readonly StringBuilder _paragraphs = new();
        private readonly StringBuilder _current = new();
        private bool _pendingSpace;

        public void AppendText(string text)
        {
            foreach (var c in text)
            {
                // Non-breaking spaces are kept: they are text (between a number and its unit), not layout.
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    _pendingSpace = true;
                    continue;
                }
                if (_pendingSpace && _current.Length > 0 && _current[^1] != '\n')
                {
                    _current.Append(' ');
                }
                _pendingSpace = false;
                _current.Append(c);
            }
        }

        public void LineBreak()
        {
            if (_current.Length > 0 && _current[^1] == '\n')
            {
                EndParagraph();   // two breaks in a row: the poor man's paragraph
                return;
            }
            if (_current.Length > 0) _current.Append('\n');
            _pendingSpace = false;
        }

        public void EndParagraph()
        {
            var text = _current.ToString().Trim();
            _current.Clear();
            _pendingSpace = false;
            if (text.Length == 0) return;
            if (_paragraphs.Length > 0) _paragraphs.Append("\n\n");
            _paragraphs.Append(text);
        }

        public string Finish()
        {
            EndParagraph();
            return _paragraphs.ToString();
        }
    }
}
