using System.Text;
using System.Text.Json.Nodes;
using MqttKube.Expressions;

namespace MqttKube.Templates;

/// <summary>
/// A launch template (SPEC 3.5, 18): a Kubernetes object in YAML whose scalars may hold <c>${expression}</c> and
/// Scriban's <c>{{ expression }}</c>. Parsed as YAML first, then each scalar is rendered — structure-preserving, so
/// no YAML injection.
/// </summary>
internal sealed partial class Template
{
    private readonly TemplateNode root;

    private readonly bool usesScriban;

    private Template(TemplateNode root, string file, bool usesScriban)
    {
        this.root = root;
        File = file;
        this.usesScriban = usesScriban;
    }

    public string File { get; }

    /// <summary>Renders the object; an expression error names the template position.</summary>
    public bool TryRender(IReadOnlyDictionary<string, PyValue> variables, out JsonObject? result, out string? error)
    {
        // The expressions of one render share one work budget, as a value map's do: more ${…} in a template does not
        // multiply what one payload may cost.
        using var budget = Expressions.WorkMeter.Join(Expressions.EvaluationLimits.Default.MaxWork);
        try
        {
            var sandbox = usesScriban ? new ScribanSandbox(variables) : null;
            result = (JsonObject?)Render(root, new Scope(variables, sandbox));
            error = null;
            return true;
        }
        catch (TemplateException ex)
        {
            result = null;
            error = ex.Message;
            return false;
        }
        catch (ScribanPart.ScribanFailure ex)
        {
            result = null;
            error = $"{File}: {ex.Message}";
            return false;
        }
    }

    private JsonNode? Render(TemplateNode node, Scope scope)
    {
        switch (node)
        {
            case TemplateNode.Mapping mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    obj[key] = Render(value, scope);
                }

                return obj;
            case TemplateNode.Sequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(Render(item, scope));
                }

                return array;
            default:
                return RenderScalar(((TemplateNode.Scalar)node).Value, scope);
        }
    }

    private JsonNode? RenderScalar(TemplateScalar scalar, Scope scope)
    {
        if (scalar.Parts is null)
        {
            return scalar.Constant?.DeepClone();
        }

        JsonNode? rendered;
        if (scalar.Parts is [{ Expression: { } whole }])
        {
            // Typed, but a scalar only: a mapping or list (from a payload) never becomes new structure (SPEC 3.5, 18).
            var value = Evaluate(whole, scalar, scope.Variables);
            if (value is not (PyNone or PyBool or PyInt or PyFloat or PyStr))
            {
                throw new TemplateException($"{File}:{scalar.Position}: ${{{whole.Text}}} is a {value.TypeName}: a template value takes only a string, number, boolean or null, never a mapping or list");
            }

            if (!value.TryToJson(out rendered, out var error))
            {
                throw new TemplateException($"{File}:{scalar.Position}: ${{{whole.Text}}} has no JSON value: {error}");
            }
        }
        else if (scalar.Parts is [{ Scriban: { IsExpression: true } lone }])
        {
            rendered = EvaluateScriban(lone, scalar, scope);
        }
        else
        {
            var text = new StringBuilder();
            foreach (var part in scalar.Parts)
            {
                text.Append(part switch
                {
                    { Expression: { } expression } => Evaluate(expression, scalar, scope.Variables).Str(),
                    { Scriban: { } scriban } => RenderScriban(scriban, scalar, scope),
                    _ => part.Text,
                });
            }

            rendered = JsonValue.Create(text.ToString());
        }

        if (scalar.Field != TemplateField.Any && TemplateFields.Check(scalar.Field, rendered) is { } reason)
        {
            throw new TemplateException($"{File}:{scalar.Position}: {scalar.Path} {reason}");
        }

        return rendered;
    }

    private PyValue Evaluate(Expression expression, TemplateScalar scalar, IReadOnlyDictionary<string, PyValue> variables)
    {
        var result = expression.Evaluate(variables);
        return result.IsSuccess
            ? result.Value!
            : throw new TemplateException($"{File}:{scalar.Position}: ${{{expression.Text}}} failed: {result.Error}");
    }

    /// <summary>What one render sees: the names, and Scriban's sandbox when the template uses <c>{{ … }}</c>.</summary>
    private sealed record Scope(IReadOnlyDictionary<string, PyValue> Variables, ScribanSandbox? Sandbox);

    private sealed class TemplateException(string message) : Exception(message);
}
