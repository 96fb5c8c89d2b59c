using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;

namespace MqttKube.Templates;

internal sealed partial class Template
{
    /// <summary>Names a template expression can use.</summary>
    public static readonly string[] ContextNames = ["binding", "action", "uid", "match"];

    /// <summary>Loads and compiles a template file; every problem goes to <paramref name="diagnostics"/> with its position.</summary>
    public static Template? Load(string path, string display, DiagnosticBag diagnostics)
    {
        if (!InputFile.TryReadBytes(path, out var bytes, out var error))
        {
            diagnostics.Add(display, SourcePosition.Start, $"cannot read the template: {error}");
            return null;
        }

        var text = ConfigLoader.Decode(bytes, display, diagnostics);
        if (text is null)
        {
            return null;
        }

        // Problems are reported in full only for text that looks like a Kubernetes object: a file named by mistake
        // (a key, a password file) gets one message that quotes nothing of it.
        var own = new DiagnosticBag();
        var template = Compile(text, display, own);
        if (template is null && !ObjectKeyLine().IsMatch(text))
        {
            diagnostics.Add(display, own.Items.Count > 0 ? own.Items[0].Position : SourcePosition.Start, "does not look like a Kubernetes object: no line starts with apiVersion, kind or metadata");
            return null;
        }

        diagnostics.AddFrom(own);
        return template;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(apiVersion|kind|metadata)[ \t]*:", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ObjectKeyLine();

    public static Template? Compile(string text, string file, DiagnosticBag diagnostics)
    {
        var root = YamlReader.Read(text, file, diagnostics);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Add(file, root.Position, "a launch template must be one Kubernetes object (a mapping with apiVersion, kind and metadata)");
            return null;
        }

        foreach (var key in new[] { "apiVersion", "kind", "metadata" })
        {
            if (mapping.Get(key) is null)
            {
                diagnostics.Add(file, mapping.Position, $"the launch template has no '{key}'");
            }
        }

        var before = diagnostics.Items.Count;
        var compiled = CompileNode(root, file, diagnostics, TemplateField.Root, string.Empty);
        return diagnostics.Items.Count == before ? new Template(compiled, file) : null;
    }

    private static TemplateNode CompileNode(YamlNode node, string file, DiagnosticBag diagnostics, TemplateField field, string path)
    {
        switch (node)
        {
            case YamlMapping mapping:
                if (field is TemplateField.Text or TemplateField.Name)
                {
                    diagnostics.Add(file, node.Position, $"{path} {TemplateFields.Check(field, new JsonObject())}");
                }

                return new TemplateNode.Mapping(mapping.Entries.Select(e =>
                {
                    var key = KeyOf(e.Key, file, diagnostics);
                    var child = CompileNode(e.Value, file, diagnostics, TemplateFields.Child(field, key), path.Length == 0 ? key : $"{path}.{key}");
                    return new KeyValuePair<string, TemplateNode>(key, child);
                }).ToArray());
            case YamlSequence sequence:
                if (TemplateFields.Check(field, new JsonArray()) is { } reason)
                {
                    diagnostics.Add(file, node.Position, $"{path} {reason}");
                }

                return new TemplateNode.Sequence(sequence.Items.Select((item, i) => CompileNode(item, file, diagnostics, TemplateField.Any, $"{path}[{i}]")).ToArray());
            default:
                return new TemplateNode.Scalar(CompileScalar((YamlScalar)node, file, diagnostics, field, path));
        }
    }

    private static string KeyOf(YamlNode key, string file, DiagnosticBag diagnostics)
    {
        if (key is YamlScalar { Kind: YamlScalarKind.String } scalar)
        {
            if (scalar.Value.Contains("${", StringComparison.Ordinal))
            {
                diagnostics.Add(file, key.Position, "a key cannot hold ${…}: templates fill values only, so a payload can never add keys");
            }

            return scalar.Value;
        }

        diagnostics.Add(file, key.Position, $"a key of a Kubernetes object must be a string, not {key.Describe()}");
        return string.Empty;
    }

    private static TemplateScalar CompileScalar(YamlScalar scalar, string file, DiagnosticBag diagnostics, TemplateField field, string path)
    {
        if (scalar.Kind != YamlScalarKind.String || !scalar.Value.Contains("${", StringComparison.Ordinal))
        {
            var constant = YamlValues.ToJson(scalar);
            if (TemplateFields.Check(field, constant) is { } reason)
            {
                var hint = field is TemplateField.Text or TemplateField.Name && constant is JsonValue ? " (quote it)" : string.Empty;
                diagnostics.Add(file, scalar.Position, $"{path} {reason}{hint}");
            }

            return new TemplateScalar(constant, null, scalar.Position, field, path);
        }

        if (field is TemplateField.Metadata or TemplateField.StringMap)
        {
            diagnostics.Add(file, scalar.Position, $"{path} must be a mapping: ${{…}} fills only values, so a payload can never add keys");
            return new TemplateScalar(null, null, scalar.Position);
        }

        var pieces = new List<(int Start, int Length, bool IsExpression)>();
        if (!TemplateScanner.TrySplit(scalar.Value, pieces, out var column))
        {
            diagnostics.Add(file, ConfigColumns.At(scalar, column), "'${' is not closed by '}'");
            return new TemplateScalar(null, null, scalar.Position);
        }

        var parts = new TemplatePart[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            var (start, length, isExpression) = pieces[i];
            var text = scalar.Value.Substring(start, length);
            if (!isExpression)
            {
                parts[i] = new TemplatePart(text, null);
            }
            else if (Expression.TryParse(text, out var expression, out var error))
            {
                parts[i] = new TemplatePart(null, expression);
            }
            else
            {
                diagnostics.Add(file, ConfigColumns.At(scalar, start + error!.Column), $"invalid expression in ${{…}}: {error.Message}");
            }
        }

        return new TemplateScalar(null, parts, scalar.Position, field, path);
    }
}
