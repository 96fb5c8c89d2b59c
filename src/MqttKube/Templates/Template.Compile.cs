using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;

namespace MqttKube.Templates;

internal sealed partial class Template
{
    /// <summary>Names a template expression can use.</summary>
    public static readonly string[] ContextNames = ["binding", "action", "uid", "match", "object"];

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
        return diagnostics.Items.Count == before ? new Template(compiled, file, UsesScriban(compiled)) : null;
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

    private static bool UsesScriban(TemplateNode node) => node switch
    {
        TemplateNode.Mapping mapping => mapping.Entries.Any(e => UsesScriban(e.Value)),
        TemplateNode.Sequence sequence => sequence.Items.Any(UsesScriban),
        _ => ((TemplateNode.Scalar)node).Value.Parts?.Any(p => p.Scriban is not null) == true,
    };

    private static string KeyOf(YamlNode key, string file, DiagnosticBag diagnostics)
    {
        if (key is YamlScalar { Kind: YamlScalarKind.String } scalar)
        {
            if (TemplateScanner.IsTemplated(scalar.Value))
            {
                diagnostics.Add(file, key.Position, $"a key cannot hold {Syntax(scalar.Value)}: templates fill values only, so a payload can never add keys");
            }

            return scalar.Value;
        }

        // An unquoted {{ … }} reads as a YAML flow mapping whose key is a mapping.
        var hint = key is YamlMapping ? " (a value that starts with {{ must be quoted: \"{{ … }}\")" : string.Empty;
        diagnostics.Add(file, key.Position, $"a key of a Kubernetes object must be a string, not {key.Describe()}{hint}");
        return string.Empty;
    }

    private static TemplateScalar CompileScalar(YamlScalar scalar, string file, DiagnosticBag diagnostics, TemplateField field, string path)
    {
        if (scalar.Kind != YamlScalarKind.String || !TemplateScanner.IsTemplated(scalar.Value))
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
            diagnostics.Add(file, scalar.Position, $"{path} must be a mapping: {Syntax(scalar.Value)} fills only values, so a payload can never add keys");
            return new TemplateScalar(null, null, scalar.Position);
        }

        var pieces = new List<TemplatePiece>();
        if (!TemplateScanner.TrySplit(scalar.Value, pieces, out var errorOffset, out var scanError))
        {
            diagnostics.Add(file, ConfigColumns.At(scalar, errorOffset + 1), scanError!);
            return new TemplateScalar(null, null, scalar.Position);
        }

        var parts = new TemplatePart[pieces.Count];
        var hasPython = pieces.Any(p => p.Kind == TemplatePieceKind.Python);
        var scribanFailed = false;
        for (var i = 0; i < pieces.Count; i++)
        {
            var (start, length, kind) = pieces[i];
            var text = scalar.Value.Substring(start, length);
            switch (kind)
            {
                case TemplatePieceKind.Text:
                    parts[i] = new TemplatePart(text, null);
                    break;
                case TemplatePieceKind.Python:
                    if (Expression.TryParse(text, out var expression, out var error))
                    {
                        parts[i] = new TemplatePart(null, expression);
                    }
                    else
                    {
                        diagnostics.Add(file, ConfigColumns.At(scalar, start + error!.Column), $"invalid expression in ${{…}}: {error.Message}");
                    }

                    break;
                default:
                    if (ScribanPart.Parse(text, out var offset, out var scribanError) is { } scriban)
                    {
                        parts[i] = new TemplatePart(null, null, scriban);
                    }
                    else if (!scribanFailed)
                    {
                        // The runs around a ${…} are parsed one by one: a block split by it fails in each; say it once, and why.
                        scribanFailed = true;
                        var split = hasPython && scribanError!.Contains("<end>", StringComparison.Ordinal);
                        var hint = split ? " (a {{ if }} or {{ for }} block cannot hold ${…}: write it in Scriban inside the block)" : string.Empty;
                        diagnostics.Add(file, ConfigColumns.At(scalar, start + offset + 1), $"invalid Scriban template in {{{{…}}}}: {scribanError}{hint}");
                    }

                    break;
            }
        }

        return new TemplateScalar(null, parts, scalar.Position, field, path);
    }

    /// <summary>The syntax a scalar uses first, as messages name it: <c>${…}</c> or <c>{{…}}</c>.</summary>
    private static string Syntax(string text)
    {
        var pieces = new List<TemplatePiece>();
        TemplateScanner.TrySplit(text, pieces, out _, out _);
        return pieces.FirstOrDefault(p => p.Kind != TemplatePieceKind.Text).Kind == TemplatePieceKind.Scriban ? "{{…}}" : "${…}";
    }
}
