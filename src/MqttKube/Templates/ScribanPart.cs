using Scriban.Parsing;
using Scriban.Syntax;
using ScribanTemplate = Scriban.Template;

namespace MqttKube.Templates;

/// <summary>
/// A Scriban run of a template scalar, parsed once at load. Exactly one <c>{{ … }}</c> block of expressions is
/// <see cref="IsExpression"/>: it yields the last expression's typed value; anything else renders to text.
/// </summary>
internal sealed class ScribanPart
{
    /// <summary>Parser nesting limit, as the Python expressions' (<see cref="Expressions.Expression.MaxParseDepth"/>).</summary>
    private static readonly ParserOptions Parser = new() { ExpressionDepthLimit = Expressions.Expression.MaxParseDepth };

    private readonly ScribanTemplate template;

    private ScribanPart(ScribanTemplate template, string text, bool isExpression)
    {
        this.template = template;
        Text = text;
        IsExpression = isExpression;
    }

    /// <summary>The run's source, as messages show it.</summary>
    public string Text { get; }

    public bool IsExpression { get; }

    /// <summary>Parses a run; on a syntax error, null with its 0-based offset in <paramref name="text"/> and Scriban's message.</summary>
    public static ScribanPart? Parse(string text, out int errorOffset, out string? error)
    {
        var template = ScribanTemplate.Parse(text, null, Parser);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            errorOffset = first.Span.Start.Offset is >= 0 and var offset && offset <= text.Length ? offset : text.Length;
            error = first.Message;
            return null;
        }

        (errorOffset, error) = (0, null);
        var isExpression = TemplateScanner.IsSingleScribanBlock(text)
            && template.Page?.Body?.Statements.All(s => s is ScriptExpressionStatement or ScriptEscapeStatement) == true;
        return new ScribanPart(template, text, isExpression);
    }

    /// <summary>The value of the last expression (only for <see cref="IsExpression"/>); throws <see cref="ScribanFailure"/>.</summary>
    public object? Evaluate(Scriban.TemplateContext context) => Run(() => template.Evaluate(context));

    /// <summary>The run rendered to text; throws <see cref="ScribanFailure"/>.</summary>
    public string Render(Scriban.TemplateContext context) => (string)Run(() => template.Render(context))!;

    /// <summary>How messages show the run: its text, cut when long.</summary>
    public string Shown => Text.Length <= 60 ? Text : string.Concat(Text.AsSpan(0, 57), "...");

    private static object? Run(Func<object?> action)
    {
        try
        {
            return action();
        }
        catch (ScriptRuntimeException ex)
        {
            throw new ScribanFailure(ex.OriginalMessage);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ScribanFailure))
        {
            // Scriban's builtins may throw .NET exceptions of their own (a bad format string, an overflow).
            throw new ScribanFailure(ex.Message);
        }
    }

    /// <summary>A Scriban run failed at render time; the message is Scriban's, without its position.</summary>
    internal sealed class ScribanFailure(string message) : Exception(message);
}
