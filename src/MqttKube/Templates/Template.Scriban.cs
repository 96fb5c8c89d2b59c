using System.Text.Json.Nodes;

namespace MqttKube.Templates;

internal sealed partial class Template
{
    /// <summary>A scalar that is exactly one <c>{{ … }}</c> expression: its typed value, a scalar only (SPEC 18).</summary>
    private JsonNode? EvaluateScriban(ScribanPart part, TemplateScalar scalar, Scope scope)
    {
        var context = scope.Sandbox!.NewContext();
        var value = Run(part, scalar, () => part.Evaluate(context));
        if (!ScribanValues.TryToJsonScalar(value, context, out var rendered, out var error))
        {
            var never = error is "is a mapping" or "is a list" ? ": a template value takes only a string, number, boolean or null, never a mapping or list" : string.Empty;
            throw new TemplateException($"{File}:{scalar.Position}: {part.Shown} {error}{never}");
        }

        return rendered;
    }

    /// <summary>A Scriban run in a scalar of text: what it writes.</summary>
    private string RenderScriban(ScribanPart part, TemplateScalar scalar, Scope scope)
    {
        var context = scope.Sandbox!.NewContext();
        return (string)Run(part, scalar, () => part.Render(context))!;
    }

    private object? Run(ScribanPart part, TemplateScalar scalar, Func<object?> action)
    {
        try
        {
            return action();
        }
        catch (ScribanPart.ScribanFailure ex)
        {
            throw new TemplateException($"{File}:{scalar.Position}: {part.Shown} failed: {ex.Message}");
        }
    }
}
